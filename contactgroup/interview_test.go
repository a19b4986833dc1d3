package contactgroup_test

import (
	"testing"
	"testing/fstest"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withResetting is the rules with a list of conversation types in which 7 'Jobsamtale' is resetting,
// as a caller that knows which types reset would load it.
func withResetting(t *testing.T) contactgroup.Rules {
	cat, err := codelist.Load(fstest.MapFS{"samtaletyper.csv": {Data: []byte(
		"# list: samtaletyper\n# complete: nej\n# source: a test\nid,name,resetting\n4,Opfølgningssamtale,nej\n7,Jobsamtale,ja\n")}})
	require.NoError(t, err)
	return contactgroup.Rules{Catalog: cat}
}

// The held-interview rules of CreateInterview (starwiki https://starwiki.atlassian.net/wiki/x/bYA3S),
// each with DFDG's rule as its Danish text: no interview held before the latest resetting one, no two
// resetting ones at the same instant, no two of the same type and time, a participation status
// when several authorities took part, and only the citizen's own jobcentre registers.
func TestHeldInterviewRules(t *testing.T) {
	r := withResetting(t)
	now := at("2025-10-01 12:00")
	c := dfdg.Citizen{Jobcentre: kbh, Interviews: []dfdg.Interview{
		{ID: "s-1", Conversation: 4, Held: at("2025-09-10 10:00")},
		{ID: "s-2", Conversation: 7, Held: at("2025-09-15 10:00")},
	}}
	kinds := func(errs dfdgerrors.List) []dfdgerrors.Kind {
		var out []dfdgerrors.Kind
		for _, e := range errs {
			out = append(out, e.Kind())
		}
		return out
	}
	ok := dfdg.Interview{ID: "s-3", Conversation: 4, Held: at("2025-09-20 10:00")}
	assert.Empty(t, r.ValidateInterview(muni(now), c, ok))

	early := dfdg.Interview{ID: "s-3", Conversation: 4, Held: at("2025-09-12 10:00")}
	errs := r.ValidateInterview(muni(now), c, early)
	require.Equal(t, []dfdgerrors.Kind{dfdgerrors.ErrInterviewBeforeResetting}, kinds(errs))
	assert.Equal(t, "Afholdelsestidspunktet kan ikke ligge tidligere end senest afholdte nulstillende samtale.", errs[0].Kind().Danish())
	assert.Equal(t, dfdgerrors.Path("borger.samtaler[1]"), errs[0].Field())
	da, _ := errs[0].Detail()
	assert.Equal(t, "samtale s-2 (samtaletype 7, afholdt 2025-09-15 10:00:00 CEST)", da)
	assert.Empty(t, rules.ValidateInterview(muni(now), c, early), "the embedded list marks no type resetting")

	sameInstant := dfdg.Interview{ID: "s-3", Conversation: 7, Held: at("2025-09-15 10:00")}
	assert.Equal(t, []dfdgerrors.Kind{dfdgerrors.ErrInterviewExists}, kinds(r.ValidateInterview(muni(now), c, sameInstant)), "same type and time")
	sameType := dfdg.Interview{ID: "s-3", Conversation: 4, Held: at("2025-09-10 10:00")}
	assert.Equal(t, []dfdgerrors.Kind{dfdgerrors.ErrInterviewExists, dfdgerrors.ErrInterviewBeforeResetting},
		kinds(r.ValidateInterview(muni(now), c, sameType)), "a type that does not reset, at the time of another of its type")

	// Two resetting interviews of different types at one instant: a second resetting type.
	cat, err := codelist.Load(fstest.MapFS{"samtaletyper.csv": {Data: []byte(
		"# list: samtaletyper\n# complete: nej\n# source: a test\nid,name,resetting\n7,Jobsamtale,ja\n15,Rådighedssamtale,ja\n")}})
	require.NoError(t, err)
	two := contactgroup.Rules{Catalog: cat}
	c2 := dfdg.Citizen{Jobcentre: kbh, Interviews: []dfdg.Interview{{ID: "s-1", Conversation: 7, Held: at("2025-09-15 10:00")}}}
	errs = two.ValidateInterview(muni(now), c2, dfdg.Interview{ID: "s-2", Conversation: 15, Held: at("2025-09-15 10:00")})
	require.Equal(t, []dfdgerrors.Kind{dfdgerrors.ErrResettingInterviewsSameTime}, kinds(errs))
	assert.Equal(t, "Der kan ikke registreres flere nulstillende samtaler som værende afholdt på præcist samme tidspunkt", errs[0].Kind().Danish())
	assert.Empty(t, two.ValidateInterview(muni(now), c2, dfdg.Interview{ID: "s-2", Conversation: 4, Held: at("2025-09-15 10:00")}),
		"a type that does not reset may be held at the same instant")

	// Several authorities need a participation status.
	many := dfdg.Interview{ID: "s-6", Conversation: 4, Held: at("2025-09-30 10:00"), MoreAuthorities: true}
	errs = r.ValidateInterview(muni(now), c, many)
	require.Equal(t, []dfdgerrors.Kind{dfdgerrors.ErrParticipationStatusMissing}, kinds(errs))
	assert.Equal(t, dfdgerrors.Path("deltagelsesstatus"), errs[0].Field())
	many.Participation = 2
	assert.Empty(t, r.ValidateInterview(muni(now), c, many))

	// Only the citizen's jobcentre; an a-kasse may register too.
	errs = r.ValidateInterview(by(dfdg.MunicipalityActor(147), now), c, ok)
	require.Equal(t, []dfdgerrors.Kind{dfdgerrors.ErrActorNotAllowed}, kinds(errs))
	assert.Contains(t, errs[0].Danish(), "Jobcentre kan kun registrere samtaler på borgere, der har jobcentertilknytning i pågældende jobcenter.")
	member := c
	member.Akasse = "ak-1"
	assert.Empty(t, r.ValidateInterview(by(dfdg.AkasseActor("ak-1"), now), member, ok), "an a-kasse its members (the pattern of STAR's tables)")
	assert.Equal(t, []dfdgerrors.Kind{dfdgerrors.ErrActorNotAllowed}, kinds(r.ValidateInterview(by(dfdg.AkasseActor("ak-2"), now), member, ok)))
	assert.Equal(t, []dfdgerrors.Kind{dfdgerrors.ErrActorNotAllowed}, kinds(r.ValidateInterview(by(dfdg.SystemActor(dfdg.ActorKY), now), c, ok)))

	// The latest resetting interview decides, wherever it lies in the history.
	c3 := dfdg.Citizen{Jobcentre: kbh, Interviews: []dfdg.Interview{
		{ID: "s-1", Conversation: 7, Held: at("2025-09-15 10:00")},
		{ID: "s-2", Conversation: 7, Held: at("2025-09-10 10:00")},
	}}
	errs = r.ValidateInterview(muni(now), c3, dfdg.Interview{ID: "s-3", Conversation: 4, Held: at("2025-09-12 10:00")})
	require.Equal(t, []dfdgerrors.Kind{dfdgerrors.ErrInterviewBeforeResetting}, kinds(errs))
	assert.Equal(t, dfdgerrors.Path("borger.samtaler[0]"), errs[0].Field(), "s-1, the latest")
	assert.Empty(t, r.ValidateInterview(muni(now), c3, dfdg.Interview{ID: "s-3", Conversation: 4, Held: at("2025-09-15 10:00")}),
		"at the latest resetting interview's instant is not before it")

	// Without a type, nothing is compared with the history.
	assert.Equal(t, []dfdgerrors.Kind{dfdgerrors.ErrMissingValue}, kinds(r.ValidateInterview(muni(now), c3, dfdg.Interview{ID: "s-3", Held: at("2025-09-12 10:00")})))

	// What an interview needs.
	errs = r.ValidateInterview(dfdg.At{}, c, dfdg.Interview{})
	assert.ErrorIs(t, errs.Err(), dfdgerrors.ErrMissingValue)
	assert.Len(t, errs, 4, "%v", errs) // now, actor, type, time held
}
