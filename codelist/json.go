package codelist

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/regelkit/dfdg"
)

// The JSON forms of the code lists use the column names of their files, so that a list reads the same
// in CSV and in JSON.

type entryJSON struct {
	ID              int       `json:"id"`
	Name            string    `json:"name,omitempty"`
	Description     string    `json:"description,omitempty"`
	ValidFrom       dfdg.Date `json:"validFrom,omitzero"`
	InactiveFrom    dfdg.Date `json:"inactiveFrom,omitzero"`
	Retired         bool      `json:"retired,omitempty"`
	Source          string    `json:"source,omitempty"`
	Applicant       bool      `json:"applicant,omitempty"`
	WithoutBenefit  bool      `json:"withoutBenefit,omitempty"`
	NotEnrollable   bool      `json:"notEnrollable,omitempty"`
	Internal        bool      `json:"internal,omitempty"`
	CompanyOriented bool      `json:"companyOriented,omitempty"`
	Region          string    `json:"region,omitempty"`
	Sickness        bool      `json:"sickness,omitempty"`
	Resetting       bool      `json:"resetting,omitempty"`
	AkasseOnly      bool      `json:"akasseOnly,omitempty"`
	NotAkasse       bool      `json:"notAkasse,omitempty"`
	Aliases         []string  `json:"aliases,omitempty"`
	// Overlap is the rule 2.1 policy: absent (null) restricts nothing, a list names the only types the
	// entry may overlap.
	Overlap *[]int `json:"overlap,omitempty"`
}

// MarshalJSON writes the entry with its aliases and overlap policy.
func (e Entry) MarshalJSON() ([]byte, error) {
	w := entryJSON{ID: e.ID, Name: e.Name, Description: e.Description, ValidFrom: e.ValidFrom, InactiveFrom: e.InactiveFrom,
		Retired: e.Retired, Source: e.Source, Applicant: e.Applicant, WithoutBenefit: e.WithoutBenefit, NotEnrollable: e.NotEnrollable, Internal: e.Internal, CompanyOriented: e.CompanyOriented, Region: e.Region,
		Sickness: e.Sickness, Resetting: e.Resetting, AkasseOnly: e.AkasseOnly, NotAkasse: e.NotAkasse, Aliases: e.Aliases()}
	if e.RestrictsOverlap() {
		only := slices.Clone(e.rare.overlap.only)
		if only == nil {
			only = []int{}
		}
		w.Overlap = &only
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (e *Entry) UnmarshalJSON(b []byte) error {
	if e == nil {
		return errors.New("codelist: cannot read an Entry into a nil pointer")
	}
	var w entryJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*e = Entry{ID: w.ID, Name: w.Name, Description: w.Description, ValidFrom: w.ValidFrom, InactiveFrom: w.InactiveFrom,
		Retired: w.Retired, Source: w.Source, Applicant: w.Applicant, WithoutBenefit: w.WithoutBenefit, NotEnrollable: w.NotEnrollable, Internal: w.Internal, CompanyOriented: w.CompanyOriented, Region: w.Region,
		Sickness: w.Sickness, Resetting: w.Resetting, AkasseOnly: w.AkasseOnly, NotAkasse: w.NotAkasse}
	if len(w.Aliases) > 0 || w.Overlap != nil {
		e.rare = &rareFields{aliases: w.Aliases}
		if w.Overlap != nil {
			e.rare.overlap = restrictTo(*w.Overlap)
		}
	}
	return nil
}

type listJSON struct {
	Name      string    `json:"list"`
	Title     string    `json:"title,omitempty"`
	Complete  bool      `json:"complete"`
	Retrieved dfdg.Date `json:"retrieved,omitzero"`
	Sources   []string  `json:"sources,omitempty"`
	Notes     []string  `json:"notes,omitempty"`
	Entries   []Entry   `json:"entries"`
}

// MarshalJSON writes the list: its header (name, title, completeness, date, sources, notes) and its
// entries. A nil List writes as the empty list.
func (l *List) MarshalJSON() ([]byte, error) {
	if l == nil {
		l = &List{}
	}
	entries := l.entries
	if entries == nil {
		entries = []Entry{}
	}
	return json.Marshal(listJSON{Name: l.name, Title: l.title, Complete: l.complete, Retrieved: l.retrieved,
		Sources: l.sources, Notes: l.notes, Entries: entries})
}

// UnmarshalJSON reads what MarshalJSON writes; an id twice is an error.
func (l *List) UnmarshalJSON(b []byte) error {
	if l == nil {
		return errors.New("codelist: cannot read a List into a nil pointer")
	}
	var w listJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	seen := map[int]bool{}
	for _, e := range w.Entries {
		if seen[e.ID] {
			return fmt.Errorf("codelist: list %q: id %d twice", w.Name, e.ID)
		}
		seen[e.ID] = true
	}
	*l = *newList(w.Name, w.Title, w.Complete, w.Retrieved, w.Sources, w.Notes, w.Entries)
	return nil
}

type pensionJSON struct {
	Retrieved dfdg.Date    `json:"retrieved,omitzero"`
	Sources   []string     `json:"sources,omitempty"`
	Notes     []string     `json:"notes,omitempty"`
	Rows      []PensionAge `json:"rows"`
}

// MarshalJSON writes the table's header and rows; a nil table writes as an empty one.
func (t *PensionAges) MarshalJSON() ([]byte, error) {
	if t == nil {
		t = &PensionAges{}
	}
	rows := t.rows
	if rows == nil {
		rows = []PensionAge{}
	}
	return json.Marshal(pensionJSON{Retrieved: t.retrieved, Sources: t.sources, Notes: t.notes, Rows: rows})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (t *PensionAges) UnmarshalJSON(b []byte) error {
	if t == nil {
		return errors.New("codelist: cannot read PensionAges into a nil pointer")
	}
	var w pensionJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*t = PensionAges{rows: w.Rows, sources: w.Sources, notes: w.Notes, retrieved: w.Retrieved}
	return nil
}

type combinationsJSON struct {
	Complete  bool          `json:"complete"`
	Retrieved dfdg.Date     `json:"retrieved,omitzero"`
	Sources   []string      `json:"sources,omitempty"`
	Notes     []string      `json:"notes,omitempty"`
	Rows      []Combination `json:"rows"`
}

// MarshalJSON writes the table's header and cells; a nil table writes as an empty one.
func (t *Combinations) MarshalJSON() ([]byte, error) {
	if t == nil {
		t = &Combinations{}
	}
	rows := t.cells
	if rows == nil {
		rows = []Combination{}
	}
	return json.Marshal(combinationsJSON{Complete: t.complete, Retrieved: t.retrieved, Sources: t.sources, Notes: t.notes, Rows: rows})
}

// UnmarshalJSON reads what MarshalJSON writes, in any order of the cells.
func (t *Combinations) UnmarshalJSON(b []byte) error {
	if t == nil {
		return errors.New("codelist: cannot read Combinations into a nil pointer")
	}
	var w combinationsJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	slices.SortStableFunc(w.Rows, func(x, y Combination) int {
		return cmp.Or(cmp.Compare(x.Absence, y.Absence), cmp.Compare(x.Group, y.Group))
	})
	for i := 1; i < len(w.Rows); i++ {
		if w.Rows[i].Absence == w.Rows[i-1].Absence && w.Rows[i].Group == w.Rows[i-1].Group {
			return fmt.Errorf("codelist: absence type %d in contact group %d twice", w.Rows[i].Absence, w.Rows[i].Group)
		}
	}
	*t = Combinations{cells: w.Rows, complete: w.Complete, sources: w.Sources, notes: w.Notes, retrieved: w.Retrieved}
	return nil
}

type catalogJSON struct {
	Lists        []*List       `json:"lists"`
	Pension      *PensionAges  `json:"folkepensionsalder"`
	Combinations *Combinations `json:"fravaerskombinationer,omitempty"`
}

// MarshalJSON writes every list and the state-pension-age table. A nil or zero Catalog writes the
// embedded one, which it stands for.
func (c *Catalog) MarshalJSON() ([]byte, error) {
	c = c.orDefault()
	return json.Marshal(catalogJSON{Lists: c.lists[:], Pension: c.pension, Combinations: c.combinations})
}

// UnmarshalJSON reads what MarshalJSON writes: the lists and table it holds replace the embedded ones,
// as Load does; a list of a name the library does not know is an error.
func (c *Catalog) UnmarshalJSON(b []byte) error {
	if c == nil {
		return errors.New("codelist: cannot read a Catalog into a nil pointer")
	}
	var w catalogJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	out := *Default()
	for _, l := range w.Lists {
		i := slices.Index(listFiles[:], l.Name())
		if i < 0 {
			return fmt.Errorf("codelist: %q is not a code list this library knows", l.Name())
		}
		out.lists[i] = l
	}
	if w.Pension != nil {
		out.pension = w.Pension
	}
	if w.Combinations != nil {
		out.combinations = w.Combinations
	}
	*c = out
	return nil
}

type parseErrorJSON struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	Field  string `json:"field,omitempty"`
	Error  string `json:"error,omitempty"`
}

// MarshalJSON writes the error with its place and its text.
func (e *ParseError) MarshalJSON() ([]byte, error) {
	if e == nil {
		return []byte("null"), nil
	}
	w := parseErrorJSON{File: e.File, Line: e.Line, Column: e.Column, Field: e.Field}
	if e.Err != nil {
		w.Error = e.Err.Error()
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes; the underlying error comes back as its text.
func (e *ParseError) UnmarshalJSON(b []byte) error {
	if e == nil {
		return errors.New("codelist: cannot read a ParseError into a nil pointer")
	}
	var w parseErrorJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*e = ParseError{File: w.File, Line: w.Line, Column: w.Column, Field: w.Field}
	if w.Error != "" {
		e.Err = errors.New(w.Error)
	}
	return nil
}
