package plan

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/regelkit/dfdg"
	"github.com/shopspring/decimal"
)

// Item is an activity as Min plan shows it. Package activity makes one from an activity
// (activity.MinPlanItem).
type Item struct {
	// Title says what the activity is, such as its type's name.
	Title  string      `json:"titel,omitempty"`
	Period dfdg.Period `json:"periode,omitzero"`
	// Hours is hours per week; zero is left out.
	Hours decimal.Decimal `json:"timerPrUge,omitzero"`
	// Company is the company's name, for a company-oriented activity.
	Company         string        `json:"virksomhed,omitempty"`
	CompanyOriented bool          `json:"virksomhedsrettet,omitempty"`
	JobTitle        dfdg.JobTitle `json:"stillingsbetegnelse,omitzero"`
}

// MarshalJSON writes the item with its JSON names, and the hours as a JSON number (37.5), as
// dfdg.Activity does; zero hours are left out.
func (it Item) MarshalJSON() ([]byte, error) {
	type fields Item // the same fields, without this method
	var hours json.Number
	if !it.Hours.IsZero() {
		hours = json.Number(it.Hours.String())
	}
	return json.Marshal(struct {
		fields
		Hours json.Number `json:"timerPrUge,omitempty"` // shadows fields.Hours
	}{fields(it), hours})
}

// Document is the content of a citizen's Min plan as values: the plan's type, goal and description, the
// activities in date order, and the contract. Its dates, periods and hours are values, so a renderer
// can write them in the reader's language; Sections and Text write them in Danish. It holds no
// internal id: a citizen has no use for one.
type Document struct {
	Title    string        `json:"titel,omitempty"`
	PlanType dfdg.PlanType `json:"plantype,omitempty"`
	Goal     string        `json:"maal,omitempty"`
	// Description is the description of the effort the citizen sees (Plan.Description), a line each.
	Description []string `json:"planbeskrivelse,omitempty"`
	// Activities are in date order: by start, then end (an open one last), then title.
	Activities []Item `json:"indsatser,omitempty"`
	// Contract is the plan's contract, or nil.
	Contract *Contract    `json:"kontrakt,omitempty"`
	Rules    dfdg.RuleSet `json:"regler"`
}

// Contract is the plan's contract as Min plan shows it.
type Contract struct {
	// IntegrationAct says the contract is made under the Integration Act; then Min plan shows its
	// Danish acquisition (rule 3.6).
	IntegrationAct bool      `json:"integrationsloven,omitempty"`
	Signed         dfdg.Date `json:"underskrevet,omitzero"`
	// DanishAcquisition is the contract's information on Danish acquisition, a line each, for an
	// Integration Act contract; empty when the contract holds none.
	DanishAcquisition []string `json:"dansktilegnelse,omitempty"`
}

// Section is a heading and its lines, in Danish.
type Section struct {
	Heading string   `json:"overskrift,omitempty"`
	Lines   []string `json:"linjer,omitempty"`
}

// Section headings of Min plan.
const (
	HeadingPlan       = "Plan"
	HeadingActivities = "Indsatser"
	HeadingContract   = "Kontrakt efter integrationsloven"
	HeadingOther      = "Kontrakt"
)

// MinPlan builds the content of the citizen's Min plan from the plan, its activities and its
// contract. Every company-oriented activity shows its job title, with the alias when there is one
// (rule 3.3). A plan with a contract under the Integration Act includes the contract's
// Danish-acquisition section (rule 3.6), which says so when the contract holds no such information.
func MinPlan(p dfdg.Plan, items []Item) Document {
	doc := Document{Title: "Min plan", PlanType: p.Type, Goal: strings.TrimSpace(p.Goal)}
	for _, line := range strings.Split(p.Description, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			doc.Description = append(doc.Description, line)
		}
	}
	doc.Activities = slices.Clone(items)
	slices.SortStableFunc(doc.Activities, func(a, b Item) int {
		return cmp.Or(a.Period.Start.Compare(b.Period.Start), compareEnd(a.Period.End, b.Period.End), strings.Compare(a.Title, b.Title))
	})
	for _, it := range doc.Activities {
		if it.CompanyOriented {
			doc.Rules = doc.Rules.With(dfdg.Rule3_3)
		}
	}
	if c := p.Contract; c != nil {
		doc.Contract = &Contract{IntegrationAct: c.Act == dfdg.IntegrationAct, Signed: c.Signed}
		if doc.Contract.IntegrationAct {
			for _, line := range strings.Split(c.DanishAcquisition, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					doc.Contract.DanishAcquisition = append(doc.Contract.DanishAcquisition, line)
				}
			}
			doc.Rules = doc.Rules.With(dfdg.Rule3_6)
		}
	}
	return doc
}

// compareEnd orders ends with an open one (zero) last.
func compareEnd(a, b dfdg.Date) int {
	switch {
	case a == b:
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// Sections renders d in Danish: the plan, the activities (each company-oriented one with its job
// title, rule 3.3), and the contract (with its Danish acquisition, rule 3.6).
func (d Document) Sections() []Section {
	planLines := []string{"Plantype: " + d.PlanType.String()}
	if d.Goal != "" {
		planLines = append(planLines, "Mål: "+d.Goal)
	}
	planLines = append(planLines, d.Description...)
	out := []Section{{Heading: HeadingPlan, Lines: planLines}}

	acts := Section{Heading: HeadingActivities}
	if len(d.Activities) == 0 {
		acts.Lines = append(acts.Lines, "Ingen indsatser")
	}
	for _, it := range d.Activities {
		acts.Lines = append(acts.Lines, itemLine(it))
		if it.CompanyOriented {
			title := "(ikke angivet)"
			if !it.JobTitle.IsZero() {
				title = it.JobTitle.String()
			}
			acts.Lines = append(acts.Lines, "  Stillingsbetegnelse: "+title)
		}
	}
	out = append(out, acts)

	if c := d.Contract; c != nil {
		var lines []string
		if !c.Signed.IsZero() {
			lines = append(lines, "Underskrevet "+DanishDate(c.Signed))
		}
		if !c.IntegrationAct {
			return append(out, Section{Heading: HeadingOther, Lines: lines})
		}
		lines = append(lines, "Dansktilegnelse:")
		if len(c.DanishAcquisition) == 0 {
			lines = append(lines, "  (kontrakten indeholder ingen oplysninger om dansktilegnelse)")
		}
		for _, l := range c.DanishAcquisition {
			lines = append(lines, "  "+l)
		}
		out = append(out, Section{Heading: HeadingContract, Lines: lines})
	}
	return out
}

func itemLine(it Item) string {
	var b strings.Builder
	b.WriteString("- ")
	b.WriteString(it.Title)
	if p := DanishPeriod(it.Period); p != "" {
		b.WriteString(", ")
		b.WriteString(p)
	}
	if !it.Hours.IsZero() {
		b.WriteString(", ")
		b.WriteString(DanishDecimal(it.Hours))
		b.WriteString(" timer pr. uge")
	}
	if it.Company != "" {
		b.WriteString(", ")
		b.WriteString(it.Company)
	}
	return b.String()
}

// danishMonths are the months' names as a Danish letter writes them.
var danishMonths = [...]string{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
	"september", "oktober", "november", "december"}

// DanishDate writes d as a Danish letter does: "3. november 2025"; the zero Date is "".
func DanishDate(d dfdg.Date) string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.Date()
	return strconv.Itoa(day) + ". " + danishMonths[m-1] + " " + strconv.Itoa(y)
}

// DanishPeriod writes p as a Danish letter does: "3. november 2025 – 19. december 2025", an open
// period "fra 3. november 2025", one with only an end "til 19. december 2025"; the zero Period is "".
func DanishPeriod(p dfdg.Period) string {
	switch {
	case p.Start.IsZero() && p.End.IsZero():
		return ""
	case p.End.IsZero():
		return "fra " + DanishDate(p.Start)
	case p.Start.IsZero():
		return "til " + DanishDate(p.End)
	}
	return DanishDate(p.Start) + " – " + DanishDate(p.End)
}

// DanishDecimal writes n with a decimal comma: "25,5", "37".
func DanishDecimal(n decimal.Decimal) string {
	return strings.Replace(n.String(), ".", ",", 1)
}

// Text renders d as plain Danish text: the title underlined, each section's heading and its lines.
func (d Document) Text() string {
	var b strings.Builder
	b.WriteString(d.Title)
	b.WriteString("\n")
	b.WriteString(strings.Repeat("=", len([]rune(d.Title))))
	b.WriteString("\n")
	for _, s := range d.Sections() {
		b.WriteString("\n")
		b.WriteString(s.Heading)
		b.WriteString("\n")
		for _, l := range s.Lines {
			b.WriteString(l)
			b.WriteString("\n")
		}
	}
	return b.String()
}

// Section returns the section with heading h, in Danish.
func (d Document) Section(h string) (Section, bool) {
	for _, s := range d.Sections() {
		if s.Heading == h {
			return s, true
		}
	}
	return Section{}, false
}
