package scenario

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// Then is what a case expects. Every field is optional; a field that is given is checked, one that
// is absent is not. Lists of changes and messages are checked whole: the command must give exactly
// the listed items, in any order, each matching the fields its expectation names.
type Then struct {
	// Fejl expects the command to be rejected with this error.
	Fejl             *ErrorExpect        `json:"fejl"`
	Kontaktgrupper   *[]MembershipExpect `json:"kontaktgrupper"`
	Tilmeldinger     *[]MembershipExpect `json:"tilmeldinger"`
	Personkategorier *[]MembershipExpect `json:"personkategorier"`
	Frister          *[]DeadlineExpect   `json:"frister"`
	Fravaer          *[]AbsenceExpect    `json:"fravaer"`
	Aktiviteter      *[]ActivityExpect   `json:"aktiviteter"`
	Beskeder         *[]MessageExpect    `json:"beskeder"`
	// Regler lists rules the decision must name among those that acted.
	Regler []dfdg.RuleID `json:"regler"`
	// IngenAendringer expects a decision that changes nothing and sends nothing.
	IngenAendringer *bool `json:"ingenAendringer"`
	// Tilsidesat is the requested registration time rule 1.5 must report it replaced.
	Tilsidesat *Instant `json:"tilsidesat"`
	// Slettedato is a deletion date, "YYYY-MM-DD" or "aldrig"; Grundlag text its basis must hold.
	Slettedato *string `json:"slettedato"`
	Grundlag   *string `json:"grundlag"`
	// Lukninger are the keys of the citizens the 60-day sweep closes; Slettes the ids the deletion
	// sweep deletes.
	Lukninger *[]string      `json:"lukninger"`
	Slettes   *[]string      `json:"slettes"`
	MinPlan   *MinPlanExpect `json:"minPlan"`
	// Historikfejl are the problems the history checker must find.
	Historikfejl *[]ErrorExpect `json:"historikfejl"`
}

// ErrorExpect matches an error by the fields it names.
type ErrorExpect struct {
	Kode   *int         `json:"kode"`
	Aarsag *string      `json:"aarsag"`
	Regel  *dfdg.RuleID `json:"regel"`
	Tekst  *string      `json:"tekst"` // text the Danish message must contain
	Felt   *string      `json:"felt"`
	Vaerdi *string      `json:"vaerdi"`
}

// MembershipExpect matches a change of a contact-group membership, registration or person category.
type MembershipExpect struct {
	Aendring *dfdg.ChangeType `json:"aendring"`
	ID       *string          `json:"id"`
	Gruppe   *int             `json:"gruppe"`
	Kategori *int             `json:"kategori"`
	Start    *Instant         `json:"start"`
	Slut     *Instant         `json:"slut"`
}

// DeadlineExpect matches a change of a deadline.
type DeadlineExpect struct {
	Aendring    *dfdg.ChangeType `json:"aendring"`
	ID          *string          `json:"id"`
	Samtaletype *int             `json:"samtaletype"`
	Fristdato   *dfdg.Date       `json:"fristdato"`
}

// AbsenceExpect matches a change of an absence.
type AbsenceExpect struct {
	Aendring   *dfdg.ChangeType `json:"aendring"`
	ID         *string          `json:"id"`
	Type       *int             `json:"type"`
	Start      *dfdg.Date       `json:"start"`
	Slut       *dfdg.Date       `json:"slut"`
	Genoptaget *bool            `json:"genoptaget"`
}

// ActivityExpect matches a change of an activity.
type ActivityExpect struct {
	Aendring *dfdg.ChangeType   `json:"aendring"`
	ID       *string            `json:"id"`
	Ejer     *dfdg.Municipality `json:"ejer"`
}

// MessageExpect matches a message: its name, change type, recipient and the id it is about.
type MessageExpect struct {
	Navn     *string          `json:"navn"`
	Aendring *dfdg.ChangeType `json:"aendring"`
	Til      *dfdg.Actor      `json:"til"`
	Om       *string          `json:"om"`
}

// MinPlanExpect names lines Min plan must and must not hold.
type MinPlanExpect struct {
	Indeholder []string `json:"indeholder"`
	Mangler    []string `json:"mangler"`
}

// compare returns every difference between what the command gave and what the case expects.
func compare(t Then, o outcome) []string {
	var diffs []string
	add := func(format string, a ...any) { diffs = append(diffs, fmt.Sprintf(format, a...)) }

	if t.Fejl != nil {
		if o.err == nil {
			add("fejl: forventede en afvisning, men kommandoen blev godkendt")
		} else if d := matchError(*t.Fejl, o.err); d != "" {
			add("fejl: %s; fik %v", d, o.err)
		}
		return diffs
	}
	if o.err != nil {
		add("fejl: uventet afvisning: %v", o.err)
		return diffs
	}
	if t.Kontaktgrupper != nil {
		diffs = append(diffs, matchAll("kontaktgrupper", *t.Kontaktgrupper, o.memberships, membershipText, matchMembership)...)
	}
	if t.Tilmeldinger != nil {
		diffs = append(diffs, matchAll("tilmeldinger", *t.Tilmeldinger, o.registrations, registrationText, matchRegistration)...)
	}
	if t.Personkategorier != nil {
		diffs = append(diffs, matchAll("personkategorier", *t.Personkategorier, o.personCategories, personCategoryText, matchPersonCategory)...)
	}
	if t.Frister != nil {
		diffs = append(diffs, matchAll("frister", *t.Frister, o.deadlines, deadlineText, matchDeadline)...)
	}
	if t.Fravaer != nil {
		diffs = append(diffs, matchAll("fravaer", *t.Fravaer, o.absences, absenceText, matchAbsence)...)
	}
	if t.Aktiviteter != nil {
		diffs = append(diffs, matchAll("aktiviteter", *t.Aktiviteter, o.activities, activityText, matchActivity)...)
	}
	if t.Beskeder != nil {
		diffs = append(diffs, matchAll("beskeder", *t.Beskeder, o.messages, dfdg.Message.String, matchMessage)...)
	}
	for _, r := range t.Regler {
		if !o.rules.Has(r) {
			add("regler: forventede %s blandt reglerne, fik [%v]", r, o.rules)
		}
	}
	if t.IngenAendringer != nil && *t.IngenAendringer && o.changes {
		add("ingenAendringer: beslutningen ændrer eller sender noget")
	}
	if t.IngenAendringer != nil && !*t.IngenAendringer && !o.changes {
		add("ingenAendringer: beslutningen ændrer intet")
	}
	if t.Tilsidesat != nil && !t.Tilsidesat.Equal(o.overrode) {
		add("tilsidesat: forventede %s, fik %s", instantText(t.Tilsidesat.Time), instantText(o.overrode))
	}
	if t.Slettedato != nil {
		switch got := dueText(o); {
		case o.due == nil:
			add("slettedato: kommandoen giver ingen slettedato")
		case got != *t.Slettedato:
			add("slettedato: forventede %s, fik %s", *t.Slettedato, got)
		}
	}
	if t.Grundlag != nil && (o.due == nil || !strings.Contains(o.due.Basis.Danish(), *t.Grundlag)) {
		add("grundlag: forventede tekst med %q, fik %q", *t.Grundlag, dueBasis(o))
	}
	if t.Lukninger != nil && !slices.Equal(*t.Lukninger, o.closures) {
		add("lukninger: forventede %v, fik %v", *t.Lukninger, o.closures)
	}
	if t.Slettes != nil && !slices.Equal(*t.Slettes, o.deletions) {
		add("slettes: forventede %v, fik %v", *t.Slettes, o.deletions)
	}
	if t.MinPlan != nil {
		text := ""
		if o.doc != nil {
			text = o.doc.Text()
		}
		for _, line := range t.MinPlan.Indeholder {
			if !strings.Contains(text, line) {
				add("minPlan: mangler %q", line)
			}
		}
		for _, line := range t.MinPlan.Mangler {
			if strings.Contains(text, line) {
				add("minPlan: indeholder %q, som ikke skulle være der", line)
			}
		}
	}
	if t.Historikfejl != nil {
		var got []error
		for _, e := range o.history {
			got = append(got, e)
		}
		diffs = append(diffs, matchAll("historikfejl", *t.Historikfejl, got, func(e error) string { return e.Error() }, func(x ErrorExpect, e error) bool {
			return matchError(x, e) == ""
		})...)
	}
	return diffs
}

func dueText(o outcome) string {
	if o.due == nil {
		return ""
	}
	if o.due.Never {
		return "aldrig"
	}
	return o.due.Date.String()
}

func dueBasis(o outcome) string {
	if o.due == nil {
		return ""
	}
	return o.due.Basis.Danish()
}

// matchError returns "" when err fits x, or what does not.
func matchError(x ErrorExpect, err error) string {
	e, ok := dfdgerrors.As(err)
	if !ok {
		return "ikke en fejl fra biblioteket"
	}
	var miss []string
	if x.Kode != nil && int(e.Code()) != *x.Kode {
		miss = append(miss, "kode "+strconv.Itoa(*x.Kode))
	}
	if x.Aarsag != nil && e.Reason() != *x.Aarsag {
		miss = append(miss, "årsag "+*x.Aarsag)
	}
	if x.Regel != nil && e.Rule != *x.Regel {
		miss = append(miss, "regel "+string(*x.Regel))
	}
	if x.Tekst != nil && !strings.Contains(e.Danish(), *x.Tekst) {
		miss = append(miss, "tekst "+strconv.Quote(*x.Tekst))
	}
	if x.Felt != nil && e.Field != *x.Felt {
		miss = append(miss, "felt "+*x.Felt)
	}
	if x.Vaerdi != nil && e.Value != *x.Vaerdi {
		miss = append(miss, "værdi "+*x.Vaerdi)
	}
	if len(miss) == 0 {
		return ""
	}
	return "forventede " + strings.Join(miss, ", ")
}

// matchAll checks that got holds exactly one item per expectation, in any order.
func matchAll[X, G any](name string, want []X, got []G, text func(G) string, match func(X, G) bool) []string {
	used := make([]bool, len(got))
	var diffs []string
	for i, x := range want {
		found := false
		for j, g := range got {
			if !used[j] && match(x, g) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			diffs = append(diffs, fmt.Sprintf("%s[%d]: forventet, men ikke i beslutningen (%s)", name, i, describe(x)))
		}
	}
	for j, g := range got {
		if !used[j] {
			diffs = append(diffs, fmt.Sprintf("%s: uventet %s", name, text(g)))
		}
	}
	return diffs
}

// describe prints the fields an expectation gives, as "aendring=Oprettelse gruppe=24".
func describe(x any) string {
	v := reflect.ValueOf(x)
	var parts []string
	for i := range v.NumField() {
		f := v.Field(i)
		if f.Kind() != reflect.Pointer || f.IsNil() {
			continue
		}
		var text string
		switch val := f.Elem().Interface().(type) {
		case Instant:
			text = instantText(val.Time)
		default:
			text = fmt.Sprint(val)
		}
		parts = append(parts, jsonName(v.Type().Field(i))+"="+text)
	}
	return strings.Join(parts, " ")
}

// instantText prints t in Danish time, or "åben" for no instant.
func instantText(t time.Time) string {
	if t.IsZero() {
		return "åben"
	}
	return dfdg.InDenmark(t).Format("2006-01-02 15:04:05 MST")
}

func eq[T comparable](want *T, got T) bool { return want == nil || *want == got }

func eqInstant(want *Instant, got Instant) bool { return want == nil || want.Equal(got.Time) }

func matchMembership(x MembershipExpect, g dfdg.Change[contactgroup.Membership]) bool {
	return eq(x.Aendring, g.Type) && eq(x.ID, g.Record.ID) && eq(x.Gruppe, g.Record.Group) && x.Kategori == nil &&
		eqInstant(x.Start, Instant{g.Record.Start}) && eqInstant(x.Slut, Instant{g.Record.End})
}

func matchRegistration(x MembershipExpect, g dfdg.Change[contactgroup.Registration]) bool {
	return eq(x.Aendring, g.Type) && eq(x.ID, g.Record.ID) && eq(x.Kategori, g.Record.Category) && x.Gruppe == nil &&
		eqInstant(x.Start, Instant{g.Record.Start}) && eqInstant(x.Slut, Instant{g.Record.End})
}

func matchPersonCategory(x MembershipExpect, g dfdg.Change[contactgroup.PersonCategory]) bool {
	return eq(x.Aendring, g.Type) && eq(x.ID, g.Record.ID) && eq(x.Kategori, g.Record.Category) && x.Gruppe == nil &&
		eqInstant(x.Start, Instant{g.Record.Start}) && eqInstant(x.Slut, Instant{g.Record.End})
}

func matchDeadline(x DeadlineExpect, g dfdg.Change[contactgroup.Deadline]) bool {
	return eq(x.Aendring, g.Type) && eq(x.ID, g.Record.ID) && eq(x.Samtaletype, g.Record.Conversation) && eq(x.Fristdato, g.Record.Due)
}

func matchAbsence(x AbsenceExpect, g dfdg.Change[absence.Absence]) bool {
	return eq(x.Aendring, g.Type) && eq(x.ID, g.Record.ID) && eq(x.Type, g.Record.Type) &&
		eq(x.Start, g.Record.Period.Start) && eq(x.Slut, g.Record.Period.End) && eq(x.Genoptaget, g.Record.Resumed)
}

func matchActivity(x ActivityExpect, g dfdg.Change[activity.Activity]) bool {
	return eq(x.Aendring, g.Type) && eq(x.ID, g.Record.ID) && eq(x.Ejer, g.Record.Owner)
}

func matchMessage(x MessageExpect, m dfdg.Message) bool {
	return (x.Navn == nil || *x.Navn == string(m.Name)) && eq(x.Aendring, m.Change) &&
		eq(x.Til, m.To) && eq(x.Om, m.About.ID)
}

func membershipText(c dfdg.Change[contactgroup.Membership]) string {
	return fmt.Sprintf("%v kontaktgruppe %d %s (%s–%s)", c.Type, c.Record.Group, c.Record.ID, instantText(c.Record.Start), instantText(c.Record.End))
}

func registrationText(c dfdg.Change[contactgroup.Registration]) string {
	return fmt.Sprintf("%v tilmelding %s kategori %d (%s–%s)", c.Type, c.Record.ID, c.Record.Category, instantText(c.Record.Start), instantText(c.Record.End))
}

func personCategoryText(c dfdg.Change[contactgroup.PersonCategory]) string {
	return fmt.Sprintf("%v personkategori %s kategori %d (%s–%s)", c.Type, c.Record.ID, c.Record.Category, instantText(c.Record.Start), instantText(c.Record.End))
}

func deadlineText(c dfdg.Change[contactgroup.Deadline]) string {
	return fmt.Sprintf("%v frist %s samtaletype %d fristdato %s", c.Type, c.Record.ID, c.Record.Conversation, c.Record.Due)
}

func absenceText(c dfdg.Change[absence.Absence]) string {
	return fmt.Sprintf("%v fravær %s type %d %s", c.Type, c.Record.ID, c.Record.Type, c.Record.Period)
}

func activityText(c dfdg.Change[activity.Activity]) string {
	return fmt.Sprintf("%v aktivitet %s", c.Type, c.Record.ID)
}
