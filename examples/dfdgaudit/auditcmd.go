package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/audit"
)

// AuditOptions are the audit command's settings.
type AuditOptions struct {
	Now      time.Time
	Shard    Shard
	Format   string    // csv or jsonl
	Out      io.Writer // the findings
	Repair   bool      // apply the repairs the rules determine
	Batch    int       // repairs a transaction
	Progress func(citizens int)
}

// Summary counts an audit's or a GDPR run's work, per rule.
type Summary struct {
	Read     int // citizens for an audit, records for a GDPR run
	Found    map[dfdg.RuleID]int
	Repaired map[dfdg.RuleID]int
	Messages int // written to the outbox
}

// Audit streams every citizen of the shard through package audit and writes the findings; with
// Repair, it applies each repair and writes its messages to the outbox, Batch findings a
// transaction, so that a run stopped at any point leaves every repair whole or not begun, and a new
// run finds what is left.
func Audit(ctx context.Context, s *Store, opt AuditOptions) (Summary, error) {
	sum := Summary{Found: map[dfdg.RuleID]int{}, Repaired: map[dfdg.RuleID]int{}}
	if err := s.CheckSchema(ctx); err != nil {
		return sum, err
	}
	w, err := newFindingWriter(opt.Format, opt.Out)
	if err != nil {
		return sum, err
	}
	var loadErr error
	citizens := func(yield func(dfdg.Citizen) bool) {
		for c := range reading(s.Citizens(ctx, opt.Shard), &sum.Read, &loadErr, opt.Progress) {
			if !yield(c.Citizen) {
				return
			}
		}
	}
	repairs := batch[audit.Finding]{s: s, size: opt.Batch,
		write: func(ctx context.Context, tx txExec, f *audit.Finding) error {
			return s.applyDecision(ctx, tx, f.Citizen, f.Repair, opt.Now)
		},
		done: func(f *audit.Finding) {
			sum.Repaired[f.Rule]++
			sum.Messages += len(f.Repair.Messages)
		}}
	for f, err := range (audit.Rules{}).Stream(dfdg.At{Now: opt.Now}, citizens) {
		if err != nil {
			return sum, err
		}
		sum.Found[f.Rule]++
		if err := w.write(&f); err != nil {
			return sum, err
		}
		if opt.Repair && f.Repair != nil {
			if err := repairs.add(ctx, f); err != nil {
				return sum, fmt.Errorf("repair: %w", err)
			}
		}
	}
	if loadErr != nil {
		return sum, loadErr
	}
	if err := repairs.flush(ctx); err != nil {
		return sum, fmt.Errorf("repair: %w", err)
	}
	if opt.Progress != nil {
		opt.Progress(sum.Read)
	}
	return sum, w.flush()
}

// findingWriter writes findings as CSV or JSON lines.
type findingWriter struct {
	csv  *csv.Writer
	json *json.Encoder
}

func newFindingWriter(format string, out io.Writer) (*findingWriter, error) {
	if out == nil {
		out = io.Discard
	}
	switch format {
	case "", "csv":
		w := &findingWriter{csv: csv.NewWriter(out)}
		return w, w.csv.Write([]string{"borger", "regel", "poster", "aarsag", "felt", "problem", "problem_en", "reparation"})
	case "jsonl":
		return &findingWriter{json: json.NewEncoder(out)}, nil
	}
	return nil, fmt.Errorf("-format %q: give csv or jsonl", format)
}

func (w *findingWriter) write(f *audit.Finding) error {
	if w.json != nil {
		return w.json.Encode(f)
	}
	refs := make([]string, len(f.Records))
	for i, r := range f.Records {
		refs[i] = r.Kind.String() + " " + r.ID
	}
	return w.csv.Write([]string{f.Citizen, string(f.Rule), strings.Join(refs, "; "), f.Problem.Kind().Reason(), string(f.Problem.Field()),
		f.Problem.Danish(), f.Problem.English(), repairText(f.Repair)})
}

func (w *findingWriter) flush() error {
	if w.csv != nil {
		w.csv.Flush()
		return w.csv.Error()
	}
	return nil
}

// repairText says in a few words what a repair does: "Opdatering Fravaer fr-1; 1 besked".
func repairText(d *dfdg.Decision) string {
	if d == nil {
		return ""
	}
	var parts []string
	for _, c := range d.Absences {
		parts = append(parts, c.Type.String()+" Fravaer "+c.Record.ID)
	}
	for _, c := range d.Registrations {
		parts = append(parts, c.Type.String()+" Tilmelding "+c.Record.ID)
	}
	for _, c := range d.Memberships {
		parts = append(parts, c.Type.String()+" Kontaktgruppe "+c.Record.ID)
	}
	return strings.Join(parts, ", ") + fmt.Sprintf("; %d besked(er)", len(d.Messages))
}
