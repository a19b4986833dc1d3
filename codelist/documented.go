package codelist

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	dfdgerrors "github.com/regelkit/dfdg/errors"
)

// The error codes DFDG documents, as data: every wording STAR's public service documentation gives
// for a code, with the services that return it and the page it is on. See errors/CODES.md,
// which is generated from it. Package errors matches the codes documented for one condition
// (Documentation.Also) with errors.Is.
var (
	//go:embed data/dokumentation/dfdg-codes.csv
	codesCSV []byte
	//go:embed data/dokumentation/dfdg-sources.csv
	sourcesCSV []byte
	//go:embed data/dokumentation/dfdg-not-returned.csv
	notReturnedCSV []byte
)

// Documentation is what DFDG's public documentation says of one error code.
type Documentation struct {
	Code dfdgerrors.Code `json:"kode"`
	// Also is the code DFDG documents for the same condition in its other numbering: the new REST
	// codes beside the old ones (4783 and 90002), or 4405 and 60007 for a dead person. An *Error
	// with either code matches both with errors.Is.
	Also dfdgerrors.Code `json:"ogsaa,omitempty"`
	// Wordings are the texts the documentation gives, verbatim (a text the source cuts off ends in
	// "[…]" and is not completed), each with where it is returned.
	Wordings []Wording `json:"formuleringer"`
	// NotReturned says, in English, why no rule of the library returns the code: the operation is
	// not modelled, the condition needs DFDG's own data, the documentation does not give the
	// condition, or the release note replaced it. It is empty for a code the library returns.
	NotReturned string `json:"ikkeReturneret,omitempty"`
}

// Wording is one documented text of a code.
type Wording struct {
	// Area is the group of services it is documented for: transport, cpr, myndighed,
	// kontaktgruppe, tilmelding, afmelding, fravaer, sygemelding, frist, samtale, plan or aktivitet.
	Area string `json:"omraade"`
	Text string `json:"tekst"`
	// When says which services and methods return it, and STAR's description where it adds one.
	When    string   `json:"hvornaar"`
	Sources []Source `json:"kilder"`
}

// Source is a page of STAR's public documentation.
type Source struct {
	Key     string `json:"noegle"`
	Page    string `json:"side"`
	Address string `json:"adresse"`
}

type documented struct {
	codes   []Documentation // by code
	sources map[string]Source
}

var (
	documentationOnce sync.Once // a variable, not sync.OnceValue's call, so that init does nothing
	documentationData *documented
)

// documentation returns the embedded documentation, parsed on first use.
func documentation() *documented {
	documentationOnce.Do(func() {
		d, err := parseDocumented(codesCSV, sourcesCSV, notReturnedCSV)
		if err != nil {
			panic("dfdg/codelist: the embedded code data is malformed: " + err.Error())
		}
		documentationData = d
	})
	return documentationData
}

// Documented returns what DFDG's public documentation says of code c.
func Documented(c dfdgerrors.Code) (Documentation, bool) {
	codes := documentation().codes
	i, ok := slices.BinarySearchFunc(codes, c, func(d Documentation, c dfdgerrors.Code) int { return int(d.Code) - int(c) })
	if !ok {
		return Documentation{}, false
	}
	return codes[i], true
}

// SourceByKey returns the page of STAR's documentation with key, such as "SYG-A": the keys the
// documented codes and codelist's operations name.
func SourceByKey(key string) (Source, bool) {
	s, ok := documentation().sources[key]
	return s, ok
}

// DocumentedCodes returns every code DFDG's public documentation gives, in order.
func DocumentedCodes() []dfdgerrors.Code {
	codes := documentation().codes
	out := make([]dfdgerrors.Code, len(codes))
	for i, d := range codes {
		out[i] = d.Code
	}
	return out
}

// kindOf returns the Kind the library returns with code c, or 0 when it returns none.
func kindOf(c dfdgerrors.Code) dfdgerrors.Kind {
	if k := dfdgerrors.FromDFDG(c, "").Kind(); k.Code() == c && c != 0 {
		return k
	}
	return 0
}

func parseDocumented(codes, sources, notReturned []byte) (*documented, error) {
	srcRows, err := readDocumentationCSV(sources, []string{"key", "page", "address"})
	if err != nil {
		return nil, fmt.Errorf("dfdg-sources.csv: %w", err)
	}
	byKey := map[string]Source{}
	for _, r := range srcRows {
		byKey[r[0]] = Source{Key: r[0], Page: r[1], Address: r[2]}
	}
	rows, err := readDocumentationCSV(codes, []string{"code", "also", "area", "text", "when", "sources"})
	if err != nil {
		return nil, fmt.Errorf("dfdg-codes.csv: %w", err)
	}
	d := &documented{sources: byKey}
	for i, r := range rows {
		code, err := parseCode(r[0])
		if err != nil {
			return nil, fmt.Errorf("dfdg-codes.csv row %d: %w", i+1, err)
		}
		var also dfdgerrors.Code
		if r[1] != "" {
			if also, err = parseCode(r[1]); err != nil {
				return nil, fmt.Errorf("dfdg-codes.csv row %d: %w", i+1, err)
			}
		}
		w := Wording{Area: r[2], Text: r[3], When: r[4]}
		for _, key := range strings.Split(r[5], ",") {
			s, ok := byKey[strings.TrimSpace(key)]
			if !ok {
				return nil, fmt.Errorf("dfdg-codes.csv row %d: unknown source %q", i+1, key)
			}
			w.Sources = append(w.Sources, s)
		}
		if n := len(d.codes); n > 0 && d.codes[n-1].Code == code {
			last := &d.codes[n-1]
			if last.Also != also {
				return nil, fmt.Errorf("dfdg-codes.csv row %d: code %d with another also than before", i+1, code)
			}
			last.Wordings = append(last.Wordings, w)
			continue
		} else if n > 0 && d.codes[n-1].Code > code {
			return nil, fmt.Errorf("dfdg-codes.csv row %d: code %d out of order", i+1, code)
		}
		d.codes = append(d.codes, Documentation{Code: code, Also: also, Wordings: []Wording{w}})
	}
	whyRows, err := readDocumentationCSV(notReturned, []string{"code", "why"})
	if err != nil {
		return nil, fmt.Errorf("dfdg-not-returned.csv: %w", err)
	}
	for i, r := range whyRows {
		code, err := parseCode(r[0])
		if err != nil {
			return nil, fmt.Errorf("dfdg-not-returned.csv row %d: %w", i+1, err)
		}
		j, ok := slices.BinarySearchFunc(d.codes, code, func(d Documentation, c dfdgerrors.Code) int { return int(d.Code) - int(c) })
		if !ok || r[1] == "" || d.codes[j].NotReturned != "" {
			return nil, fmt.Errorf("dfdg-not-returned.csv row %d: code %d is not documented, has no reason or has two", i+1, code)
		}
		d.codes[j].NotReturned = r[1]
	}
	for _, c := range d.codes {
		if c.Also == 0 {
			continue
		}
		other, ok := d.find(c.Also)
		if !ok || other.Also != c.Code {
			return nil, fmt.Errorf("dfdg-codes.csv: %d names %d as also, and %d does not name it back", c.Code, c.Also, c.Also)
		}
	}
	return d, nil
}

func (d *documented) find(c dfdgerrors.Code) (Documentation, bool) {
	for _, x := range d.codes {
		if x.Code == c {
			return x, true
		}
	}
	return Documentation{}, false
}

func parseCode(s string) (dfdgerrors.Code, error) {
	n, err := strconv.ParseUint(s, 10, 32)
	if err != nil || n == 0 {
		return 0, fmt.Errorf("%q is not a code", s)
	}
	return dfdgerrors.Code(n), nil
}

// readCSV reads a file of "# key: value" lines, a header and rows, checking the header.
func readDocumentationCSV(data []byte, header []string) ([][]string, error) {
	var body []byte
	for line := range bytes.Lines(data) {
		if !bytes.HasPrefix(line, []byte("#")) {
			body = append(body, line...)
		}
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 || !slices.Equal(rows[0], header) {
		return nil, fmt.Errorf("header is not %v", header)
	}
	return rows[1:], nil
}
