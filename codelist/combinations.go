package codelist

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/regelkit/dfdg"
)

// combinationsFile is the file of the absence types allowed per contact group and person category,
// without ".csv".
const combinationsFile = "fravaerskombinationer"

// Combination is one cell of DFDG's table "Absence - ContactGroup - PersonCategory": which citizens
// in contact group Group may be registered with an absence of type Absence.
type Combination struct {
	Absence dfdg.AbsenceType  `json:"fravaerType"`
	Group   dfdg.ContactGroup `json:"kontaktgruppe"`
	// WithoutCategory allows a citizen who has no person category (the table's "null").
	WithoutCategory bool `json:"udenPersonkategori,omitempty"`
	// Categories are the person categories it allows; with neither, the type is not allowed in
	// the group (a blank cell).
	Categories []dfdg.PersonCategory `json:"personkategorier,omitempty"`
	Source     string                `json:"source,omitempty"`
}

// allows reports whether the cell allows person category p, 0 for none.
func (c *Combination) allows(p dfdg.PersonCategory) bool {
	if p == 0 {
		return c.WithoutCategory
	}
	return slices.Contains(c.Categories, p)
}

// Combinations is DFDG's table of the absence types a citizen may be registered with, per contact
// group and person category (file fravaerskombinationer.csv), which DFDG's CreateFravaer applies
// (4591, 4592; see Catalog.AbsenceCombinations for what the library returns). Its cells are not
// public, so the embedded table has none and allows everything; a caller that has the table loads it.
// It is immutable and safe for concurrent use.
type Combinations struct {
	cells     []Combination // by absence type, then group
	complete  bool
	sources   []string
	notes     []string
	retrieved dfdg.Date
}

// Rows returns the table's cells, by absence type and then contact group. A nil table has none.
func (t *Combinations) Rows() []Combination {
	if t == nil {
		return nil
	}
	out := slices.Clone(t.cells)
	for i := range out {
		out[i].Categories = slices.Clone(out[i].Categories)
	}
	return out
}

// Complete reports whether the table holds every contact group of each absence type it has cells
// for, so that a group it lacks is a blank cell.
func (t *Combinations) Complete() bool { return t != nil && t.complete }

// Sources returns where the table comes from.
func (t *Combinations) Sources() []string {
	if t == nil {
		return nil
	}
	return slices.Clone(t.sources)
}

// Notes returns the table's notes, which say what is missing.
func (t *Combinations) Notes() []string {
	if t == nil {
		return nil
	}
	return slices.Clone(t.notes)
}

// Restricts reports whether the table has cells for absence type a: whether Allows can ever refuse
// it.
func (t *Combinations) Restricts(a dfdg.AbsenceType) bool {
	_, found := t.first(a)
	return found
}

// first returns the position of the first cell of absence type a.
func (t *Combinations) first(a dfdg.AbsenceType) (int, bool) {
	if t == nil {
		return 0, false
	}
	return slices.BinarySearchFunc(t.cells, a, func(c Combination, a dfdg.AbsenceType) int { return int(c.Absence) - int(a) })
}

// Allows reports whether an absence of type a may be registered for a citizen in contact group g
// with person category p (0: none). It is true, as not known otherwise, for an absence type the
// table has no cells for, for a citizen in no contact group (the table has no such column), and,
// unless the table is complete, for a group it has no cell for.
func (t *Combinations) Allows(a dfdg.AbsenceType, g dfdg.ContactGroup, p dfdg.PersonCategory) bool {
	i, found := t.first(a)
	if !found || g == 0 {
		return true
	}
	for ; i < len(t.cells) && t.cells[i].Absence == a; i++ {
		if c := &t.cells[i]; c.Group == g {
			return c.allows(p)
		}
	}
	return !t.complete
}

var combinationColumns = []string{"fravaerstype", "kontaktgruppe", "tilladt", "source"}

func parseCombinations(file string, data []byte) (*Combinations, error) {
	m, err := parseHeader(file, data)
	if err != nil {
		return nil, err
	}
	t, err := newTable(file, m, combinationColumns, []string{"fravaerstype", "kontaktgruppe", "tilladt"})
	if err != nil {
		return nil, err
	}
	out := &Combinations{complete: m.complete, sources: m.sources, notes: m.notes, retrieved: m.retrieved}
	for r, err := range t.rows() {
		if err != nil {
			return nil, err
		}
		var c Combination
		a, err := r.integer("fravaerstype", 1, maxID)
		if err != nil {
			return nil, err
		}
		g, err := r.integer("kontaktgruppe", 1, maxID)
		if err != nil {
			return nil, err
		}
		c.Absence, c.Group, c.Source = dfdg.AbsenceType(a), dfdg.ContactGroup(g), r.get("source")
		for _, tok := range strings.Fields(r.get("tilladt")) {
			if tok == "null" {
				c.WithoutCategory = true
				continue
			}
			p, err := strconv.Atoi(tok)
			if err != nil || p < 1 || p > maxID || tok != strconv.Itoa(p) {
				return nil, r.errorAt("tilladt", fmt.Errorf("%q is neither null nor a person-category id", tok))
			}
			if slices.Contains(c.Categories, dfdg.PersonCategory(p)) {
				return nil, r.errorAt("tilladt", fmt.Errorf("person category %d twice", p))
			}
			c.Categories = append(c.Categories, dfdg.PersonCategory(p))
		}
		if slices.ContainsFunc(out.cells, func(o Combination) bool { return o.Absence == c.Absence && o.Group == c.Group }) {
			return nil, r.errorAt("kontaktgruppe", fmt.Errorf("absence type %d in contact group %d twice", a, g))
		}
		out.cells = append(out.cells, c)
	}
	if m.complete && len(out.cells) == 0 {
		return nil, &ParseError{File: file, Err: errors.New("a complete table with no cells: every absence would be refused")}
	}
	slices.SortStableFunc(out.cells, func(x, y Combination) int {
		return cmp.Or(cmp.Compare(x.Absence, y.Absence), cmp.Compare(x.Group, y.Group))
	})
	return out, nil
}
