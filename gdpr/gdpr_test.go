package gdpr_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	day   = dfdg.MustParseDate
	today = day("2026-11-26")
	rules gdpr.Rules
)

// on is the context of a calculation on day d, at noon; the zero At for the zero Date.
func on(d dfdg.Date) dfdg.At {
	if d.IsZero() {
		return dfdg.At{}
	}
	return dfdg.At{Now: d.Time().Add(12 * time.Hour)}
}

// messagesOf is what deleting r today sends.
func messagesOf(t *testing.T, r gdpr.Record) []dfdg.Message {
	t.Helper()
	d, err := rules.Delete(on(today), r)
	require.NoError(t, err)
	return d.Messages
}

// The record kinds rule 4.1 and 4.2 name.
var recordKinds = []dfdg.RecordKind{dfdg.RecordRegistration, dfdg.RecordKYDecision, dfdg.RecordHealthLimitation,
	dfdg.RecordDialogueMessage, dfdg.RecordPersonGroupMarking, dfdg.RecordEfterloen, dfdg.RecordDeceased,
	dfdg.RecordJobLog, dfdg.RecordOtherLog, dfdg.RecordJobLogDocument}

func due(t *testing.T, r gdpr.Record) gdpr.Due {
	t.Helper()
	d, err := rules.DeletionDate(on(today), r)
	require.NoError(t, err, "%+v", r)
	return d
}

func TestRule4_1_Registration(t *testing.T) {
	d := due(t, gdpr.Record{Kind: dfdg.RecordRegistration, ID: "reg-1", Start: day("2019-03-01"), End: day("2019-08-31")})
	assert.Equal(t, day("2025-08-31"), d.Date)
	assert.Equal(t, gdpr.AfterDeregistration, d.Basis)
	assert.Equal(t, dfdg.Rule4_1, d.Rule)
	assert.Equal(t, "2025-08-31 (6 år efter afmeldedatoen)", d.String())

	d = due(t, gdpr.Record{Kind: dfdg.RecordRegistration, ID: "reg-2", Start: day("2019-03-01"), End: day("2024-02-29")})
	assert.Equal(t, day("2030-02-28"), d.Date, "29 February + 6 years is 28 February")

	d = due(t, gdpr.Record{Kind: dfdg.RecordRegistration, ID: "reg-3", Start: day("2019-03-01")})
	assert.True(t, d.Never, "an open registration is never due")
	assert.Equal(t, gdpr.NeverOpenRegistration, d.Basis)
	assert.Equal(t, "aldrig (tilmeldingen er ikke afmeldt)", d.String())
}

func TestRule4_1_KYDecisionAndHealthLimitation(t *testing.T) {
	d := due(t, gdpr.Record{Kind: dfdg.RecordKYDecision, ID: "ky-1", End: day("2020-05-15")})
	assert.Equal(t, day("2026-05-15"), d.Date)
	assert.Equal(t, gdpr.AfterKYCaseClosed, d.Basis)
	d = due(t, gdpr.Record{Kind: dfdg.RecordHealthLimitation, ID: "hb-1", Start: day("2018-01-01"), End: day("2020-12-31")})
	assert.Equal(t, day("2026-12-31"), d.Date)
	assert.Equal(t, gdpr.AfterLimitationEnded, d.Basis)
	for _, k := range []dfdg.RecordKind{dfdg.RecordKYDecision, dfdg.RecordHealthLimitation} {
		d = due(t, gdpr.Record{Kind: k, ID: "x"})
		assert.True(t, d.Never)
		assert.Equal(t, gdpr.NeverNotEnded, d.Basis)
	}
}

func TestRule4_1_AnsweredAndUnansweredMessages(t *testing.T) {
	d := due(t, gdpr.Record{Kind: dfdg.RecordDialogueMessage, ID: "b-1", Start: day("2019-06-01"), End: day("2019-06-10")})
	assert.Equal(t, day("2025-06-10"), d.Date, "answered: 6 years after the answer, message and answer together")
	assert.Equal(t, gdpr.AfterAnswered, d.Basis)
	d = due(t, gdpr.Record{Kind: dfdg.RecordDialogueMessage, ID: "b-2", Start: day("2019-06-01")})
	assert.Equal(t, day("2025-06-01"), d.Date, "unanswered: 6 years after it was sent")
	assert.Equal(t, gdpr.AfterSent, d.Basis)
	_, err := rules.DeletionDate(on(today), gdpr.Record{Kind: dfdg.RecordDialogueMessage, ID: "b-3"})
	assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue, "no silent never-due")
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Equal(t, dfdg.Rule4_1, e.Rule())
	}
}

func TestRule4_1_PersonGroupMarkings(t *testing.T) {
	for _, pt := range []dfdg.ProjectType{1, 5} {
		d := due(t, gdpr.Record{Kind: dfdg.RecordPersonGroupMarking, ID: "pg", ProjectType: pt, End: day("2020-08-31")})
		assert.Equal(t, day("2026-08-31"), d.Date, "type %d: 6 years", pt)
		assert.Equal(t, gdpr.AfterMarkingEnd6Years, d.Basis)
	}
	for _, pt := range []dfdg.ProjectType{3, 4} {
		d := due(t, gdpr.Record{Kind: dfdg.RecordPersonGroupMarking, ID: "pg", ProjectType: pt, End: day("2025-08-31")})
		assert.Equal(t, day("2026-02-28"), d.Date, "type %d: 31 August + 6 months", pt)
		assert.Equal(t, gdpr.AfterMarkingEnd6Months, d.Basis)
		d = due(t, gdpr.Record{Kind: dfdg.RecordPersonGroupMarking, ID: "pg", ProjectType: pt, End: day("2023-08-31")})
		assert.Equal(t, day("2024-02-29"), d.Date, "in a leap year")
	}
	for _, pt := range []dfdg.ProjectType{0, 2, 6, 99} {
		d := due(t, gdpr.Record{Kind: dfdg.RecordPersonGroupMarking, ID: "pg", ProjectType: pt, End: day("2000-01-01")})
		assert.True(t, d.Never, "type %d is not in the note", pt)
		assert.Equal(t, gdpr.NeverProjectTypeNotCovered, d.Basis)
		assert.Contains(t, d.Basis.English(), "not covered")
	}
}

func TestRule4_1_Efterloen(t *testing.T) {
	d := due(t, gdpr.Record{Kind: dfdg.RecordEfterloen, ID: "el-1", Birth: day("1970-06-15")})
	assert.Equal(t, day("2045-06-15"), d.Date, "born 1970: pension age 69, reached 2039-06-15, + 6 years")
	assert.Equal(t, gdpr.AfterPensionAge, d.Basis)
	d = due(t, gdpr.Record{Kind: dfdg.RecordEfterloen, ID: "el-2", Birth: day("1971-01-01")})
	assert.Equal(t, day("2047-01-01"), d.Date, "born 1971-01-01: pension age 70")
	d = due(t, gdpr.Record{Kind: dfdg.RecordEfterloen, ID: "el-3", Person: dfdg.MustParseCPR("010171-4008")})
	assert.Equal(t, day("2047-01-01"), d.Date, "the birth date from the CPR number")
	d = due(t, gdpr.Record{Kind: dfdg.RecordEfterloen, ID: "el-4", Birth: day("1956-02-29")})
	assert.Equal(t, day("2029-02-28"), d.Date, "67 years: 2023-02-28, + 6 years")
	_, err := rules.DeletionDate(on(today), gdpr.Record{Kind: dfdg.RecordEfterloen, ID: "el-5"})
	assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue)
}

func TestRule4_1_Deceased(t *testing.T) {
	d := due(t, gdpr.Record{Kind: dfdg.RecordDeceased, ID: "p-1", End: day("2020-02-29")})
	assert.Equal(t, day("2026-02-28"), d.Date)
	assert.Equal(t, gdpr.AfterDeathNotification, d.Basis)
	_, err := rules.DeletionDate(on(today), gdpr.Record{Kind: dfdg.RecordDeceased, ID: "p-2", End: today.AddDays(1)})
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue, "a death notified in the future")
	_, err = rules.DeletionDate(on(today), gdpr.Record{Kind: dfdg.RecordDeceased, ID: "p-3"})
	assert.ErrorIs(t, err, dfdgerrors.ErrMissingValue)
}

// A stored record that ends before it starts has no deletion date. It is the library's error, not
// 1003, which DFDG documents for the period of a new absence only.
func TestRule4_1_EndBeforeStartIsTheLibrarys(t *testing.T) {
	_, err := rules.DeletionDate(on(today), gdpr.Record{Kind: dfdg.RecordRegistration, ID: "reg", Start: day("2020-01-02"), End: day("2020-01-01")})
	assert.ErrorIs(t, err, dfdgerrors.ErrEndsBeforeStart)
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Zero(t, e.Code())
	}
	_, err = rules.DeletionDate(on(today), gdpr.Record{Kind: 0, ID: "x"})
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue)
}

// The note: fetching or updating a GDPR-deleted registration answers 4589 'Id ikke fundet'; STAR's
// rehabilitation page gives the code in English, "Unknown identifier", which is its English text.
func TestRule4_1_Code4589_ReadGuard(t *testing.T) {
	r := gdpr.Record{Kind: dfdg.RecordRegistration, ID: "reg-1", Start: day("2019-03-01"), End: day("2020-11-26")}
	err := rules.CheckRead(on(day("2026-11-26")), r)
	require.Error(t, err)
	assert.ErrorIs(t, err, dfdgerrors.ErrIDNotFound)
	assert.ErrorIs(t, err, dfdgerrors.Code(4589))
	if e, ok := dfdgerrors.As(err); assert.True(t, ok) {
		assert.Equal(t, dfdg.Rule4_1, e.Rule())
	}
	e, _ := dfdgerrors.As(err)
	assert.Equal(t, "Id ikke fundet", e.Danish())
	assert.Equal(t, "Unknown identifier", e.English())
	b, _ := json.Marshal(e)
	assert.NotContains(t, string(b), `"oversat"`, "the note's Danish, DFDG's English")
	assert.NoError(t, rules.CheckRead(on(day("2026-11-25")), r), "the day before")
	r.End = dfdg.Date{}
	assert.NoError(t, rules.CheckRead(on(day("2099-01-01")), r), "open: never deleted")
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = rules.CheckRead(on(today), r) }))
}

// The note: GdprSletAfdoede.WSB to the municipalities the person was attached to and the a-kasser the
// person was a member of.
func TestRule4_1_DeceasedMessagesEachRecipientOnce(t *testing.T) {
	r := gdpr.Record{Kind: dfdg.RecordDeceased, ID: "p-1", End: day("2019-05-01"),
		Municipalities: []dfdg.Municipality{101, 147, 101, 851}, Akasser: []dfdg.Akasse{"ak-1", "ak-2", "ak-1"}}
	var got []string
	for _, m := range messagesOf(t, r) {
		got = append(got, m.String())
	}
	assert.Equal(t, []string{
		"GdprSletAfdoede.WSB Sletning til kommune 101 om Afdoed p-1",
		"GdprSletAfdoede.WSB Sletning til kommune 147 om Afdoed p-1",
		"GdprSletAfdoede.WSB Sletning til kommune 851 om Afdoed p-1",
		"GdprSletAfdoede.WSB Sletning til a-kasse ak-1 om Afdoed p-1",
		"GdprSletAfdoede.WSB Sletning til a-kasse ak-2 om Afdoed p-1",
	}, got)
}

// The note: deleting a job-search log gives GdprSletJoblog.WSB, another log GdprSletAndenlog.WSB, and
// job-log documents none.
func TestRule4_2_LogMessages(t *testing.T) {
	to := gdpr.Record{Municipalities: []dfdg.Municipality{101}, Akasser: []dfdg.Akasse{"ak-1"}}
	cases := []struct {
		kind dfdg.RecordKind
		want dfdg.MessageName
	}{{dfdg.RecordJobLog, dfdg.GdprSletJoblogWSB}, {dfdg.RecordOtherLog, dfdg.GdprSletAndenlogWSB}, {dfdg.RecordJobLogDocument, ""}}
	for _, c := range cases {
		r := to
		r.Kind, r.ID = c.kind, "log-1"
		msgs := messagesOf(t, r)
		if c.want == "" {
			assert.Empty(t, msgs, c.kind.String())
			continue
		}
		require.Len(t, msgs, 2, c.kind.String())
		for _, m := range msgs {
			assert.Equal(t, c.want, m.Name)
			assert.Equal(t, dfdg.Delete, m.Change)
		}
		assert.Equal(t, dfdg.MunicipalityActor(101), msgs[0].To)
		assert.Equal(t, dfdg.AkasseActor("ak-1"), msgs[1].To)
		d := due(t, r)
		assert.True(t, d.Never, "the note gives logs no period")
		assert.Equal(t, dfdg.Rule4_2, d.Rule)
	}
	assert.Empty(t, messagesOf(t, gdpr.Record{Kind: dfdg.RecordRegistration, ID: "r", Municipalities: []dfdg.Municipality{101}}))
}

func TestKindText(t *testing.T) {
	for _, k := range recordKinds {
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back dfdg.RecordKind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
	}
	var k dfdg.RecordKind
	assert.Error(t, k.UnmarshalText([]byte("log")))
}

// Every Basis has a Danish and an English text that read back; no other value has one.
func TestBasisText(t *testing.T) {
	seen := map[string]bool{}
	for b := gdpr.AfterDeregistration; b <= gdpr.NeverLogNoPeriod; b++ {
		require.NotEmpty(t, b.Danish(), "%d", b)
		require.NotEmpty(t, b.English(), "%d", b)
		assert.Equal(t, b.Danish(), b.String())
		assert.False(t, seen[b.Danish()], "%q twice", b.Danish())
		seen[b.Danish()] = true
		text, err := b.MarshalText()
		require.NoError(t, err)
		var back, fromEnglish gdpr.Basis
		require.NoError(t, back.UnmarshalText(text))
		require.NoError(t, fromEnglish.UnmarshalText([]byte(b.English())))
		assert.Equal(t, b, back)
		assert.Equal(t, b, fromEnglish)
	}
	var zero gdpr.Basis
	assert.Empty(t, zero.Danish())
	text, err := zero.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, text)
	b := gdpr.AfterSent
	require.NoError(t, b.UnmarshalText(nil))
	assert.Zero(t, b, "the empty text is the zero Basis")

	after := gdpr.NeverLogNoPeriod + 1
	assert.Empty(t, after.Danish())
	assert.Empty(t, after.English())
	_, err = after.MarshalText()
	assert.ErrorIs(t, err, dfdgerrors.ErrInvalidValue)
	assert.ErrorIs(t, b.UnmarshalText([]byte("aldrig")), dfdgerrors.ErrInvalidValue)
	assert.ErrorIs(t, (*gdpr.Basis)(nil).UnmarshalText([]byte("x")), dfdgerrors.ErrInvalidValue)
}
