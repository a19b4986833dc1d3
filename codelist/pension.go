package codelist

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// PensionAge is one row of the state-pension-age table (folkepensionsalder): people born from
// BornFrom to BornTo, both included, reach the age Years and Months.
type PensionAge struct {
	// BornFrom and BornTo are the first and last birth dates of the row; a zero one leaves that end
	// open.
	BornFrom dfdg.Date `json:"bornFrom,omitzero"`
	BornTo   dfdg.Date `json:"bornTo,omitzero"`
	Years    int       `json:"ageYears"`
	Months   int       `json:"ageMonths"`
	// Status says how sure the row is: VERIFIED, or VERIFIED_SECONDARY where the statute text
	// itself was not seen.
	Status string `json:"status,omitempty"`
	// LegalBasis names the provision, such as "§ 1 a nr. 7".
	LegalBasis string `json:"legalBasis,omitempty"`
	Source     string `json:"source,omitempty"`
}

// Covers reports whether a person born on birth falls in the row.
func (p PensionAge) Covers(birth dfdg.Date) bool {
	return (p.BornFrom.IsZero() || !birth.Before(p.BornFrom)) && (p.BornTo.IsZero() || !birth.After(p.BornTo))
}

// PensionAges is the state-pension-age table: legislation data, which changes by law, so it is a
// data file (folkepensionsalder.csv) and not code. It is immutable and safe for concurrent use.
type PensionAges struct {
	rows      []PensionAge
	sources   []string
	notes     []string
	retrieved dfdg.Date
}

// Rows returns the table's rows, oldest birth dates first. A nil table has none.
func (t *PensionAges) Rows() []PensionAge {
	if t == nil {
		return nil
	}
	return slices.Clone(t.rows)
}

// Sources returns where the table comes from.
func (t *PensionAges) Sources() []string {
	if t == nil {
		return nil
	}
	return slices.Clone(t.sources)
}

// Notes returns the table's notes.
func (t *PensionAges) Notes() []string {
	if t == nil {
		return nil
	}
	return slices.Clone(t.notes)
}

// For returns the row for a person born on birth.
func (t *PensionAges) For(birth dfdg.Date) (PensionAge, bool) {
	if t == nil || birth.IsZero() {
		return PensionAge{}, false
	}
	for _, r := range t.rows {
		if r.Covers(birth) {
			return r, true
		}
	}
	return PensionAge{}, false
}

// Date returns the date a person born on birth reaches their state-pension age: the birth date
// plus the age, with month arithmetic that clamps to the month's end, so a person born 29 February
// 1956 (age 67) reaches it on 28 February 2023. A zero birth date is ErrMissingValue; a birth date
// the table does not cover is ErrInvalidValue.
func (t *PensionAges) Date(birth dfdg.Date) (dfdg.Date, error) {
	if birth.IsZero() {
		return dfdg.Date{}, dfdgerrors.New(dfdgerrors.ErrMissingValue, "", "foedselsdato", "")
	}
	r, ok := t.For(birth)
	if !ok {
		return dfdg.Date{}, dfdgerrors.New(dfdgerrors.ErrInvalidValue, "", "foedselsdato", birth.String()).
			WithDetail("folkepensionsalderen kendes ikke for den fødselsdato", "the state-pension age is not known for that birth date")
	}
	return birth.AddMonths(r.Years*12 + r.Months), nil
}

var pensionColumns = []string{"born_from", "born_to", "age_years", "age_months", "status", "legal_basis", "source"}

func parsePensionAges(file string, data []byte) (*PensionAges, error) {
	m, err := parseHeader(file, data)
	if err != nil {
		return nil, err
	}
	t, err := newTable(file, m, pensionColumns, []string{"born_from", "born_to", "age_years", "age_months"})
	if err != nil {
		return nil, err
	}
	out := &PensionAges{sources: m.sources, notes: m.notes, retrieved: m.retrieved}
	for r, err := range t.rows() {
		if err != nil {
			return nil, err
		}
		var p PensionAge
		if p.BornFrom, err = r.date("born_from"); err != nil {
			return nil, err
		}
		if p.BornTo, err = r.date("born_to"); err != nil {
			return nil, err
		}
		if p.Years, err = r.integer("age_years", 0, 150); err != nil {
			return nil, err
		}
		if p.Months, err = r.integer("age_months", 0, 11); err != nil {
			return nil, err
		}
		p.Status, p.LegalBasis, p.Source = r.get("status"), r.get("legal_basis"), r.get("source")
		if !p.BornFrom.IsZero() && !p.BornTo.IsZero() && p.BornTo.Before(p.BornFrom) {
			return nil, r.errorAt("born_to", fmt.Errorf("born_to %s is before born_from %s", p.BornTo, p.BornFrom))
		}
		if n := len(out.rows); n > 0 {
			prev := out.rows[n-1]
			switch {
			case prev.BornTo.IsZero():
				return nil, r.errorAt("born_from", errors.New("a row after an open-ended row"))
			case p.BornFrom.IsZero():
				return nil, r.errorAt("born_from", errors.New("only the first row may leave born_from empty"))
			case p.BornFrom != prev.BornTo.AddDays(1):
				return nil, r.errorAt("born_from", fmt.Errorf("born_from %s does not follow the previous row's born_to %s: rows must be in order with no gap or overlap", p.BornFrom, prev.BornTo))
			}
		}
		out.rows = append(out.rows, p)
	}
	if len(out.rows) == 0 {
		return nil, &ParseError{File: file, Err: errors.New("the table has no rows")}
	}
	return out, nil
}

// String returns "67 år" or "65½ år"-style text: "65 år og 6 måneder".
func (p PensionAge) String() string {
	s := strconv.Itoa(p.Years) + " år"
	if p.Months > 0 {
		s += " og " + strconv.Itoa(p.Months) + " måneder"
	}
	return s
}
