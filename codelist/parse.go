package codelist

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/regelkit/dfdg"
)

// ParseError reports what is wrong in a code-list file, and where. A file with any error is rejected
// whole: nothing of it is loaded.
type ParseError struct {
	File   string // the file's name, such as "kontaktgrupper.csv"
	Line   int    // 1-based line in the file; 0 when the error is about the file as a whole
	Column int    // 1-based column (field) of the row; 0 when the error is about the whole line
	Field  string // the column's name, when known
	Err    error
}

// Error returns "codelist: kontaktgrupper.csv:12:4 (inactive_from): …".
func (e *ParseError) Error() string {
	if e == nil {
		return "codelist: <nil>"
	}
	var b strings.Builder
	b.WriteString("codelist: ")
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	if e.Field != "" {
		b.WriteString(" (" + e.Field + ")")
	}
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("malformed")
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// meta is what a file's header comments say.
type meta struct {
	list, title    string
	complete       bool
	haveComplete   bool
	retrieved      dfdg.Date
	sources, notes []string
	firstLine      int    // the line of the column header
	body           []byte // the file from the column header on
}

// parseHeader reads the "# key: value" lines that open a file.
func parseHeader(file string, data []byte) (meta, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var m meta
	line := 0
	seen := map[string]bool{}
	for len(data) > 0 {
		end := bytes.IndexByte(data, '\n')
		var raw []byte
		if end < 0 {
			raw, end = data, len(data)
		} else {
			raw = data[:end]
			end++
		}
		text := strings.TrimRight(string(raw), "\r")
		if !strings.HasPrefix(text, "#") {
			break
		}
		line++
		data = data[end:]
		key, value, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(text, "#")), ":")
		if !ok {
			return m, &ParseError{File: file, Line: line, Err: errors.New(`a header comment must be "# key: value"`)}
		}
		value = strings.TrimSpace(value)
		key = strings.TrimSpace(key)
		if key != "source" && key != "note" { // the two a header may repeat, each line one more
			if seen[key] {
				return m, &ParseError{File: file, Line: line, Err: fmt.Errorf("the header key %q is repeated: a second value would override the first", key)}
			}
			seen[key] = true
		}
		switch key {
		case "list":
			m.list = value
		case "title":
			m.title = value
		case "complete":
			b, ok := parseBool(value)
			if !ok || value == "" {
				return m, &ParseError{File: file, Line: line, Err: fmt.Errorf("complete must be ja or nej, not %q", value)}
			}
			m.complete, m.haveComplete = b, true
		case "retrieved":
			d, err := dfdg.ParseDate(value)
			if err != nil {
				return m, &ParseError{File: file, Line: line, Err: fmt.Errorf("retrieved: %q is not a date YYYY-MM-DD", value)}
			}
			m.retrieved = d
		case "source":
			m.sources = append(m.sources, value)
		case "note":
			m.notes = append(m.notes, value)
		default:
			return m, &ParseError{File: file, Line: line, Err: fmt.Errorf("unknown header key %q (known: list, title, complete, retrieved, source, note)", key)}
		}
	}
	want := strings.TrimSuffix(file, ".csv")
	switch {
	case m.list == "":
		return m, &ParseError{File: file, Err: errors.New(`the header names no list ("# list: ` + want + `")`)}
	case m.list != want:
		return m, &ParseError{File: file, Err: fmt.Errorf("the header names list %q but the file is %s", m.list, file)}
	case !m.haveComplete:
		return m, &ParseError{File: file, Err: errors.New(`the header does not say whether the list is complete ("# complete: ja" or "nej")`)}
	case len(m.sources) == 0:
		return m, &ParseError{File: file, Err: errors.New(`the header names no source ("# source: …")`)}
	}
	m.firstLine = line + 1
	m.body = data
	return m, nil
}

// table reads the CSV body after the header comments: the column names, then the rows.
type table struct {
	file    string
	r       *csv.Reader
	offset  int // lines before the body
	columns []string
	index   map[string]int
}

func newTable(file string, m meta, allowed, required []string) (*table, error) {
	t := &table{file: file, offset: m.firstLine - 1, index: map[string]int{}}
	t.r = csv.NewReader(bytes.NewReader(m.body))
	t.r.FieldsPerRecord = -1
	header, err := t.r.Read()
	if err == io.EOF {
		return nil, &ParseError{File: file, Line: m.firstLine, Err: errors.New("the file has no column header")}
	}
	if err != nil {
		return nil, t.csvError(err)
	}
	for i, col := range header {
		if i == 0 {
			col = strings.TrimPrefix(col, "\uFEFF")
		}
		if !contains(allowed, col) {
			return nil, &ParseError{File: file, Line: m.firstLine, Column: i + 1, Field: col,
				Err: fmt.Errorf("unknown column %q (allowed: %s)", col, strings.Join(allowed, ", "))}
		}
		if _, dup := t.index[col]; dup {
			return nil, &ParseError{File: file, Line: m.firstLine, Column: i + 1, Field: col, Err: fmt.Errorf("column %q twice", col)}
		}
		t.index[col] = i
	}
	for _, col := range required {
		if _, ok := t.index[col]; !ok {
			return nil, &ParseError{File: file, Line: m.firstLine, Err: fmt.Errorf("required column %q missing", col)}
		}
	}
	t.columns = header
	return t, nil
}

// row is one record of a table, with what is needed to report an error at a field.
type row struct {
	t      *table
	fields []string
	line   int
}

// rows yields the table's rows; it stops at the first error, which it yields.
func (t *table) rows() iter.Seq2[row, error] {
	return func(yield func(row, error) bool) {
		for {
			rec, err := t.r.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(row{}, t.csvError(err))
				return
			}
			line, _ := t.r.FieldPos(0)
			line += t.offset
			if len(rec) != len(t.columns) {
				yield(row{}, &ParseError{File: t.file, Line: line, Err: fmt.Errorf("%d fields, the header has %d", len(rec), len(t.columns))})
				return
			}
			if !yield(row{t: t, fields: rec, line: line}, nil) {
				return
			}
		}
	}
}

func (t *table) csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{File: t.file, Line: pe.Line + t.offset, Err: pe.Err}
	}
	return &ParseError{File: t.file, Err: err}
}

// get returns the value of column col, or "" when the file has no such column.
func (r row) get(col string) string {
	if i, ok := r.t.index[col]; ok {
		return r.fields[i]
	}
	return ""
}

// errorAt reports err at column col of the row.
func (r row) errorAt(col string, err error) error {
	return &ParseError{File: r.t.file, Line: r.line, Column: r.t.index[col] + 1, Field: col, Err: err}
}

func (r row) date(col string) (dfdg.Date, error) {
	s := r.get(col)
	if s == "" {
		return dfdg.Date{}, nil
	}
	d, err := dfdg.ParseDate(s)
	if err != nil {
		return d, r.errorAt(col, fmt.Errorf("%q is not a date YYYY-MM-DD", s))
	}
	return d, nil
}

func (r row) boolean(col string) (bool, error) {
	s := r.get(col)
	b, ok := parseBool(s)
	if !ok {
		return false, r.errorAt(col, fmt.Errorf("%q is not ja or nej", s))
	}
	return b, nil
}

func (r row) integer(col string, lo, hi int) (int, error) {
	s := r.get(col)
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi || s != strconv.Itoa(n) {
		return 0, r.errorAt(col, fmt.Errorf("%q is not a whole number from %d to %d", s, lo, hi))
	}
	return n, nil
}

func parseBool(s string) (bool, bool) {
	switch s {
	case "ja", "true":
		return true, true
	case "nej", "false", "":
		return false, true
	}
	return false, false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The columns every list file may have; id and name are required.
var commonColumns = []string{"id", "name", "description", "valid_from", "inactive_from", "source"}

// maxID is the largest id a code list accepts (DFDG's CodeListItemIdentifierType allows up to 10000;
// the margin leaves room for other lists).
const maxID = 999999

// parseList parses one code-list file. extra names the columns this list has beyond the common ones.
func parseList(file string, data []byte, extra []string) (*List, error) {
	m, err := parseHeader(file, data)
	if err != nil {
		return nil, err
	}
	t, err := newTable(file, m, append(append([]string{}, commonColumns...), extra...), []string{"id", "name"})
	if err != nil {
		return nil, err
	}
	var entries []Entry
	lineOf := map[int]int{}
	for r, err := range t.rows() {
		if err != nil {
			return nil, err
		}
		e, err := parseEntry(r)
		if err != nil {
			return nil, err
		}
		if first, dup := lineOf[e.ID]; dup {
			return nil, r.errorAt("id", fmt.Errorf("id %d twice (first on line %d)", e.ID, first))
		}
		lineOf[e.ID] = r.line
		entries = append(entries, e)
	}
	if m.complete && len(entries) == 0 {
		return nil, &ParseError{File: file, Err: errors.New("a complete list with no entries: every id would be invalid")}
	}
	return newList(m.list, m.title, m.complete, m.retrieved, m.sources, m.notes, entries), nil
}

func parseEntry(r row) (Entry, error) {
	var e Entry
	var err error
	if e.ID, err = r.integer("id", 1, maxID); err != nil {
		return e, err
	}
	e.Name, e.Description, e.Source, e.Region = r.get("name"), r.get("description"), r.get("source"), r.get("region")
	if e.ValidFrom, err = r.date("valid_from"); err != nil {
		return e, err
	}
	if r.get("inactive_from") == "ukendt" {
		e.Retired = true
	} else if e.InactiveFrom, err = r.date("inactive_from"); err != nil {
		return e, err
	}
	if !e.ValidFrom.IsZero() && !e.InactiveFrom.IsZero() && !e.InactiveFrom.After(e.ValidFrom) {
		return e, r.errorAt("inactive_from", fmt.Errorf("inactive from %s, not after valid from %s", e.InactiveFrom, e.ValidFrom))
	}
	if e.Applicant, err = r.boolean("applicant"); err != nil {
		return e, err
	}
	if e.WithoutBenefit, err = r.boolean("uden_ydelse"); err != nil {
		return e, err
	}
	if s := r.get("kan_tilmeldes"); s != "" {
		enrollable, ok := parseBool(s)
		if !ok {
			return e, r.errorAt("kan_tilmeldes", fmt.Errorf("%q is not ja or nej", s))
		}
		e.NotEnrollable = !enrollable
	}
	if e.Internal, err = r.boolean("intern"); err != nil {
		return e, err
	}
	if e.CompanyOriented, err = r.boolean("company_oriented"); err != nil {
		return e, err
	}
	if e.Sickness, err = r.boolean("sickness"); err != nil {
		return e, err
	}
	if e.Resetting, err = r.boolean("resetting"); err != nil {
		return e, err
	}
	switch r.get("akasse") {
	case "":
	case "kun":
		e.AkasseOnly = true
	case "ikke":
		e.NotAkasse = true
	default:
		return e, r.errorAt("akasse", fmt.Errorf("%q is not kun, ikke or empty", r.get("akasse")))
	}
	var rare rareFields
	if s := r.get("aliases"); s != "" {
		for _, a := range strings.Split(s, "|") {
			if a = strings.TrimSpace(a); a == "" {
				return e, r.errorAt("aliases", errors.New("an empty alias; separate aliases with |"))
			}
			rare.aliases = append(rare.aliases, a)
		}
	}
	if rare.overlap, err = parseOverlap(r); err != nil {
		return e, err
	}
	if rare.aliases != nil || rare.overlap.restricted {
		e.rare = &rare
	}
	return e, nil
}

// parseOverlap reads a rule 2.1 policy: "" restricts nothing; "kun 10 47" allows only those types.
func parseOverlap(r row) (overlapPolicy, error) {
	s := r.get("overlap")
	words := strings.Fields(s)
	if len(words) == 0 {
		return overlapPolicy{}, nil
	}
	if words[0] != "kun" {
		return overlapPolicy{}, r.errorAt("overlap", fmt.Errorf(`%q: write "kun" and the ids the type may overlap, or leave it empty`, s))
	}
	var only []int
	for _, w := range words[1:] {
		n, err := strconv.Atoi(w)
		if err != nil || n < 1 || n > maxID || w != strconv.Itoa(n) {
			return overlapPolicy{}, r.errorAt("overlap", fmt.Errorf("%q is not an id", w))
		}
		only = append(only, n)
	}
	return restrictTo(only), nil
}
