package contactgroup

import (
	"errors"
	"strconv"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
	"github.com/regelkit/dfdg/internal/membership"
)

var opInterview = &check.Op{Name: "CreatePersonInterview"}

const pathInterviews dfdgerrors.Path = "borger.samtaler"

// ValidateInterview (codelist operation "CreatePersonInterview") returns every reason DFDG's
// CreateInterview (CreatePersonInterview) refuses the
// held interview iv, by the business rules its documentation gives
// (https://starwiki.atlassian.net/wiki/x/bYA3S). DFDG documents no error code for them, so each has a
// library reason, with DFDG's rule as its Danish text:
//
//   - a jobcentre registers interviews only for citizens attached to it (ErrActorNotAllowed);
//   - an interview held with several authorities has a participation status
//     (ErrParticipationStatusMissing);
//   - no two interviews have the same conversation type and time held (ErrInterviewExists);
//   - no interview is held before the latest resetting interview held (ErrInterviewBeforeResetting);
//   - no two resetting interviews are held at the same instant (ErrResettingInterviewsSameTime).
//
// Which conversation types are resetting is the code list's (codelist Entry.Resetting); the embedded
// list marks none, since that is not public here, so the last two rules need a list the caller loads.
// Two documented rules are not checked: that the contact group allows the conversation type on the
// day held (the table is not public), and that a booking it names is known on the citizen in DFDG
// (the citizen value holds no bookings). It also rejects a missing now, an actor that is not a
// municipality or an a-kasse, an interview without a conversation type or time held, and a type
// inactive on now's date.
func (r Rules) ValidateInterview(at dfdg.At, c dfdg.Citizen, iv dfdg.Interview) dfdgerrors.List {
	var errs dfdgerrors.List
	errs = check.NowGiven(errs, &at)
	if err := check.Caller(&at, &c, r.Catalog, opInterview.Get(), ""); err != nil {
		if at.By.GuestOf(c.Jobcentre) && errors.Is(err, dfdgerrors.ErrActorNotAllowed) {
			err = dfdgerrors.New(dfdgerrors.ErrActorNotAllowed, "", "aktoer", at.By.String()).
				WithDetail("Jobcentre kan kun registrere samtaler på borgere, der har jobcentertilknytning i pågældende jobcenter.",
					"A jobcentre can register interviews only for citizens attached to that jobcentre.")
		}
		errs = dfdgerrors.Append(errs, err)
	}
	if iv.Conversation <= 0 {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue, "", "samtaletype", strconv.Itoa(int(iv.Conversation))))
	} else {
		errs = dfdgerrors.Append(errs, r.Catalog.ConversationTypes().CheckNew(int(iv.Conversation), at.Today(), "samtaletype", ""))
	}
	if iv.Held.IsZero() {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrMissingValue, "", "afholdelsestidspunkt", ""))
	}
	if iv.MoreAuthorities && iv.Participation == 0 {
		errs = append(errs, dfdgerrors.New(dfdgerrors.ErrParticipationStatusMissing, "", "deltagelsesstatus", "0"))
	}
	if iv.Held.IsZero() || iv.Conversation <= 0 {
		return errs
	}
	types := r.Catalog.ConversationTypes()
	resetting := func(t dfdg.ConversationType) bool {
		e, ok := types.Get(int(t))
		return ok && e.Resetting
	}
	ivResets := resetting(iv.Conversation)
	latest := -1 // the latest resetting interview held
	for i := range c.Interviews {
		o := &c.Interviews[i]
		if o.Conversation == iv.Conversation && o.Held.Equal(iv.Held) {
			errs = append(errs, interviewError(dfdgerrors.ErrInterviewExists, i, o))
			continue
		}
		if !resetting(o.Conversation) {
			continue
		}
		if ivResets && o.Held.Equal(iv.Held) {
			errs = append(errs, interviewError(dfdgerrors.ErrResettingInterviewsSameTime, i, o))
		}
		if latest < 0 || o.Held.After(c.Interviews[latest].Held) {
			latest = i
		}
	}
	if latest >= 0 && iv.Held.Before(c.Interviews[latest].Held) {
		errs = append(errs, interviewError(dfdgerrors.ErrInterviewBeforeResetting, latest, &c.Interviews[latest]))
	}
	return errs
}

// interviewError is a rejection that names the citizen's interview at position i.
func interviewError(k dfdgerrors.Kind, i int, o *dfdg.Interview) *dfdgerrors.Error {
	what := o.ID + " (samtaletype " + strconv.Itoa(int(o.Conversation)) + ", afholdt " + membership.Stamp(o.Held) + ")"
	whatEN := o.ID + " (conversation type " + strconv.Itoa(int(o.Conversation)) + ", held " + membership.Stamp(o.Held) + ")"
	return dfdgerrors.New(k, "", pathInterviews.Index(i), o.ID).WithDetail("samtale "+what, "interview "+whatEN)
}
