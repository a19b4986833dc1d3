package dfdg_test

import (
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/absence"
	"github.com/regelkit/dfdg/activity"
	"github.com/regelkit/dfdg/contactgroup"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/stretchr/testify/assert"
)

// Every command checks who acts: KSD reports, recovers and resumes sickness, KY decides benefits, a
// municipality is one of the 98 (not "kommune 999", not Christiansø's 411), and nobody is nobody.
func TestEveryCommandChecksItsActor(t *testing.T) {
	now := time.Date(2025, 9, 15, 10, 0, 0, 0, time.UTC)
	since := now.AddDate(0, -1, 0)
	day := dfdg.MustParseDate
	c := dfdg.Citizen{Jobcentre: 101, Akasse: "ak-1",
		Memberships:   []dfdg.Membership{{ID: "kg-1", Group: dfdg.UdenYdelse, Start: since}},
		Registrations: []dfdg.Registration{{ID: "reg-1", Category: 2, Applicant: true, Start: since}},
		Absences: []dfdg.Absence{
			{ID: "fr-open", Type: dfdg.SygdomSygemelding, Period: dfdg.Period{Start: day("2025-09-01")}},
			{ID: "fr-ended", Type: dfdg.SygdomSygemelding, Period: dfdg.Period{Start: day("2025-08-01"), End: day("2025-08-10")}},
			{ID: "fr-1", Type: 1, Period: dfdg.Period{Start: day("2025-09-01")}},
		},
		Activities: []dfdg.Activity{{ID: "a-1", Type: 7, Period: dfdg.Period{Start: day("2025-10-01")}}},
	}
	var (
		cg  contactgroup.Rules
		abs absence.Rules
		act activity.Rules
	)
	kbh, frb := dfdg.MunicipalityActor(101), dfdg.MunicipalityActor(147)
	ky, ksd := dfdg.SystemActor(dfdg.ActorKY), dfdg.SystemActor(dfdg.ActorKSD)
	star, jobnet := dfdg.SystemActor(dfdg.ActorSTAR), dfdg.SystemActor(dfdg.ActorJobnet)
	own, other := dfdg.AkasseActor("ak-1"), dfdg.AkasseActor("ak-2")
	aa := dfdg.OtherActor(101) // Anden Aktør for København's jobcentre
	all := []dfdg.Actor{kbh, frb, own, other, ky, ksd, star, jobnet, aa}
	commands := []struct {
		name    string
		allowed []dfdg.Actor
		run     func(at dfdg.At) error
	}{
		// The allowed callers are those of each operation's table in codelist/data/operationer, as
		// STAR documents them (or the pattern of its readable tables where the copy is ambiguous):
		// an a-kasse its members (ak-1), a municipality its citizens (101), STAR all.
		{"CreateDeadline", []dfdg.Actor{kbh, star, aa}, func(at dfdg.At) error {
			_, err := cg.CreateDeadline(at, c, dfdg.Deadline{Conversation: 4, Due: day("2025-10-01")})
			return err
		}},
		{"DecideBenefit", []dfdg.Actor{ky}, func(at dfdg.At) error {
			_, err := cg.DecideBenefit(at, c, contactgroup.BenefitDecision{Outcome: contactgroup.BenefitRejected})
			return err
		}},
		{"RegisterJobseeker", []dfdg.Actor{kbh, own, star, jobnet, aa}, func(at dfdg.At) error {
			unregistered := c
			unregistered.Registrations = nil
			_, err := cg.RegisterJobseeker(at, unregistered, contactgroup.RegistrationRequest{Category: 2, Group: dfdg.Dagpengemodtager})
			return err
		}},
		{"PlaceInGroup", []dfdg.Actor{kbh, frb, star, aa}, func(at dfdg.At) error {
			ended := c
			ended.Memberships = []dfdg.Membership{{ID: "kg-1", Group: dfdg.UdenYdelse, Start: since, End: since.Add(time.Hour)}}
			_, err := cg.PlaceInGroup(at, ended, contactgroup.Placement{Group: dfdg.Dagpengemodtager})
			return err
		}},
		{"ChangePersonCategory", []dfdg.Actor{kbh, own, star, aa}, func(at dfdg.At) error {
			_, err := cg.ChangePersonCategory(at, c, dfdg.PersonCategorization{Category: 4})
			return err
		}},
		{"absence.Create", []dfdg.Actor{kbh, own, star, jobnet, aa}, func(at dfdg.At) error {
			_, err := abs.Create(at, c, dfdg.Absence{Type: 1, Period: dfdg.Period{Start: day("2025-11-01")}})
			return err
		}},
		{"absence.Update", []dfdg.Actor{kbh, own, star, aa}, func(at dfdg.At) error {
			_, err := abs.Update(at, c, dfdg.Absence{ID: "fr-1", Type: 1, Period: dfdg.Period{Start: day("2025-09-01"), End: day("2025-09-14")}})
			return err
		}},
		{"CreateSickness", []dfdg.Actor{kbh, own, star, aa}, func(at dfdg.At) error {
			_, err := abs.CreateSickness(at, c, absence.Sickness{Absence: dfdg.Absence{Type: dfdg.SygdomSygemelding,
				Period: dfdg.Period{Start: day("2025-09-15")}}, NotificationDate: day("2025-09-15")})
			return err
		}},
		{"ReportSick", []dfdg.Actor{ksd}, func(at dfdg.At) error {
			_, err := abs.ReportSick(at, c, dfdg.Absence{Type: dfdg.SygdomSygemelding, Period: dfdg.Period{Start: day("2025-09-15")}})
			return err
		}},
		{"Recover", []dfdg.Actor{kbh, own, star, ksd, aa}, func(at dfdg.At) error {
			_, err := abs.Recover(at, c, absence.Recovery{ID: "fr-open", End: day("2025-09-14")})
			return err
		}},
		{"Resume", []dfdg.Actor{ksd}, func(at dfdg.At) error {
			_, err := abs.Resume(at, c, absence.Resumption{ID: "fr-ended"})
			return err
		}},
		{"activity.Create", []dfdg.Actor{kbh, own, star, aa}, func(at dfdg.At) error {
			_, err := act.Create(at, c, dfdg.Activity{Type: 7, Period: dfdg.Period{Start: day("2025-11-01")}})
			return err
		}},
		{"activity.Update", []dfdg.Actor{kbh, frb, own, star, aa}, func(at dfdg.At) error {
			_, err := act.Update(at, c, dfdg.Activity{ID: "a-1", Type: 7, Period: dfdg.Period{Start: day("2025-10-01")}})
			return err
		}},
	}
	for _, cmd := range commands {
		for _, a := range all {
			err := cmd.run(dfdg.At{Now: now, By: a})
			allowed := false
			for _, x := range cmd.allowed {
				allowed = allowed || x == a
			}
			if allowed {
				assert.NoError(t, err, "%s by %v", cmd.name, a)
			} else {
				assert.Error(t, err, "%s by %v", cmd.name, a)
			}
		}
		for _, bad := range []dfdg.Actor{dfdg.MunicipalityActor(999), dfdg.MunicipalityActor(411), dfdg.OtherActor(999)} {
			assert.ErrorIs(t, cmd.run(dfdg.At{Now: now, By: bad}), dfdgerrors.ErrInvalidMunicipality, "%s by %v", cmd.name, bad)
		}
		assert.ErrorIs(t, cmd.run(dfdg.At{Now: now}), dfdgerrors.ErrMissingValue, "%s by nobody", cmd.name)
	}
}

// MunicipalityOf reads what ParseMunicipality reads, without an error.
func TestMunicipalityOf(t *testing.T) {
	for s, want := range map[string]dfdg.Municipality{"101": 101, "0101": 101, "7": 7, "999": 999} {
		m, ok := dfdg.MunicipalityOf(s)
		assert.True(t, ok, s)
		assert.Equal(t, want, m, s)
	}
	for _, s := range []string{"", "0", "1000", "1101", "00101", "1O1", "-1", " 101"} {
		_, ok := dfdg.MunicipalityOf(s)
		assert.False(t, ok, s)
		_, err := dfdg.ParseMunicipality(s)
		assert.Error(t, err, s)
	}
}
