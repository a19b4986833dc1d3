package plan

import (
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

// Document is the content of a Min plan: a title and sections of lines, with the rules that shaped
// it. It is a plain model; Text renders it, and a caller can render it otherwise.
type Document struct {
	Title    string       `json:"titel,omitempty"`
	Sections []Section    `json:"afsnit,omitempty"`
	Rules    dfdg.RuleSet `json:"regler"`
}

// Section is a heading and its lines.
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
	doc := Document{Title: "Min plan"}
	doc.Sections = append(doc.Sections, Section{Heading: HeadingPlan, Lines: []string{"Plantype: " + p.Type.String()}})

	acts := Section{Heading: HeadingActivities}
	if len(items) == 0 {
		acts.Lines = append(acts.Lines, "Ingen indsatser")
	}
	for _, it := range items {
		acts.Lines = append(acts.Lines, itemLine(it))
		if it.CompanyOriented {
			title := "(ikke angivet)"
			if !it.JobTitle.IsZero() {
				title = it.JobTitle.String()
			}
			acts.Lines = append(acts.Lines, "  Stillingsbetegnelse: "+title)
			doc.Rules = doc.Rules.With(dfdg.Rule3_3)
		}
	}
	doc.Sections = append(doc.Sections, acts)

	if c := p.Contract; c != nil {
		if c.Act == dfdg.IntegrationAct {
			s := Section{Heading: HeadingContract}
			if c.ID != "" {
				s.Lines = append(s.Lines, "Kontrakt "+c.ID+signed(c))
			}
			s.Lines = append(s.Lines, "Dansktilegnelse:")
			text := strings.TrimSpace(c.DanishAcquisition)
			if text == "" {
				s.Lines = append(s.Lines, "  (kontrakten indeholder ingen oplysninger om dansktilegnelse)")
			}
			for _, line := range strings.Split(text, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					s.Lines = append(s.Lines, "  "+line)
				}
			}
			doc.Sections = append(doc.Sections, s)
			doc.Rules = doc.Rules.With(dfdg.Rule3_6)
		} else {
			doc.Sections = append(doc.Sections, Section{Heading: HeadingOther, Lines: []string{"Kontrakt " + c.ID + signed(c)}})
		}
	}
	return doc
}

func signed(c *dfdg.Contract) string {
	if c.Signed.IsZero() {
		return ""
	}
	return ", underskrevet " + c.Signed.String()
}

func itemLine(it Item) string {
	var b strings.Builder
	b.WriteString("- ")
	b.WriteString(it.Title)
	b.WriteString(", ")
	b.WriteString(it.Period.String())
	if !it.Hours.IsZero() {
		b.WriteString(", ")
		b.WriteString(strings.Replace(it.Hours.String(), ".", ",", 1))
		b.WriteString(" timer pr. uge")
	}
	if it.Company != "" {
		b.WriteString(", ")
		b.WriteString(it.Company)
	}
	return b.String()
}

// Text renders d as plain text: the title underlined, each section's heading and its lines.
func (d Document) Text() string {
	var b strings.Builder
	b.WriteString(d.Title)
	b.WriteString("\n")
	b.WriteString(strings.Repeat("=", len([]rune(d.Title))))
	b.WriteString("\n")
	for _, s := range d.Sections {
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

// Section returns the section with heading h.
func (d Document) Section(h string) (Section, bool) {
	for _, s := range d.Sections {
		if s.Heading == h {
			return s, true
		}
	}
	return Section{}, false
}
