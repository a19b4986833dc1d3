package codelist

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
)

// WriteTo writes l in the file format Load reads: the header comments, the columns the list has, one
// row an entry. Loading what it writes gives the same list.
func (l *List) WriteTo(w io.Writer) (int64, error) {
	if l == nil {
		l = &List{}
	}
	if w == nil {
		return 0, errors.New("codelist: WriteTo: nil writer")
	}
	var b bytes.Buffer
	b.WriteString("# list: " + l.name + "\n")
	if l.title != "" {
		b.WriteString("# title: " + oneLine(l.title) + "\n")
	}
	complete := "nej"
	if l.complete {
		complete = "ja"
	}
	b.WriteString("# complete: " + complete + "\n")
	if !l.retrieved.IsZero() {
		b.WriteString("# retrieved: " + l.retrieved.String() + "\n")
	}
	for _, s := range l.sources {
		b.WriteString("# source: " + oneLine(s) + "\n")
	}
	for _, s := range l.notes {
		b.WriteString("# note: " + oneLine(s) + "\n")
	}
	cols := append(append([]string{}, commonColumns...), listColumns[indexOf(l.name)]...)
	cw := csv.NewWriter(&b)
	_ = cw.Write(cols)
	for _, e := range l.entries {
		rec := make([]string, 0, len(cols))
		for _, col := range cols {
			rec = append(rec, e.column(col))
		}
		_ = cw.Write(rec)
	}
	cw.Flush()
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

func indexOf(name string) int {
	for i, n := range listFiles {
		if n == name {
			return i
		}
	}
	return contactGroups // a list without extra columns
}

// column returns the text of e's column col, as the file format writes it.
func (e Entry) column(col string) string {
	yesNo := func(b bool) string {
		if b {
			return "ja"
		}
		return "nej"
	}
	switch col {
	case "id":
		return strconv.Itoa(e.ID)
	case "name":
		return e.Name
	case "description":
		return e.Description
	case "valid_from":
		return e.ValidFrom.String()
	case "inactive_from":
		if e.Retired {
			return "ukendt"
		}
		return e.InactiveFrom.String()
	case "source":
		return e.Source
	case "applicant":
		return yesNo(e.Applicant)
	case "uden_ydelse":
		return yesNo(e.WithoutBenefit)
	case "kan_tilmeldes":
		if e.NotEnrollable {
			return "nej"
		}
		return ""
	case "intern":
		return yesNo(e.Internal)
	case "company_oriented":
		return yesNo(e.CompanyOriented)
	case "sickness":
		return yesNo(e.Sickness)
	case "resetting":
		return yesNo(e.Resetting)
	case "region":
		return e.Region
	case "akasse":
		switch {
		case e.AkasseOnly:
			return "kun"
		case e.NotAkasse:
			return "ikke"
		}
		return ""
	case "aliases":
		return strings.Join(e.Aliases(), "|")
	case "overlap":
		if !e.RestrictsOverlap() {
			return ""
		}
		s := "kun"
		for _, id := range e.rare.overlap.only {
			s += " " + strconv.Itoa(id)
		}
		return s
	}
	return ""
}

func oneLine(s string) string {
	return strings.TrimSpace(strings.NewReplacer("\n", " ", "\r", " ").Replace(s))
}
