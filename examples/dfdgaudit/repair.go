package main

import (
	"context"
	"fmt"
	"iter"
	"time"

	"github.com/regelkit/dfdg"
)

// applyDecision writes decision d for citizen borger in tx: the changes of the kinds a repair or a
// deletion makes (absences, registrations, memberships) and its messages into the outbox.
func (s *Store) applyDecision(ctx context.Context, tx txExec, borger string, d *dfdg.Decision, now time.Time) error {
	for _, ch := range d.Absences {
		a := ch.Record
		var err error
		switch ch.Type {
		case dfdg.Create:
			_, err = tx.ExecContext(ctx, "INSERT INTO fravaer (borger_id, id, type, startdato, slutdato) VALUES ($1, $2, $3, $4, $5)", borger, a.ID, int(a.Type), a.Period.Start, a.Period.End)
		case dfdg.Update:
			_, err = tx.ExecContext(ctx, "UPDATE fravaer SET type = $1, startdato = $2, slutdato = $3 WHERE borger_id = $4 AND id = $5", int(a.Type), a.Period.Start, a.Period.End, borger, a.ID)
		case dfdg.Delete:
			_, err = tx.ExecContext(ctx, "DELETE FROM fravaer WHERE borger_id = $1 AND id = $2", borger, a.ID)
		}
		if err != nil {
			return fmt.Errorf("fravaer %s: %w", a.ID, err)
		}
	}
	for _, ch := range d.Registrations {
		r := ch.Record
		var err error
		switch ch.Type {
		case dfdg.Create:
			_, err = tx.ExecContext(ctx, "INSERT INTO tilmelding (borger_id, id, kategori, ansoeger, start, slut) VALUES ($1, $2, $3, $4, $5, $6)", borger, r.ID, int(r.Category), r.Applicant, s.instant(r.Start), s.instant(r.End))
		case dfdg.Update:
			_, err = tx.ExecContext(ctx, "UPDATE tilmelding SET kategori = $1, ansoeger = $2, start = $3, slut = $4 WHERE borger_id = $5 AND id = $6", int(r.Category), r.Applicant, s.instant(r.Start), s.instant(r.End), borger, r.ID)
		case dfdg.Delete:
			_, err = tx.ExecContext(ctx, "DELETE FROM tilmelding WHERE borger_id = $1 AND id = $2", borger, r.ID)
		}
		if err != nil {
			return fmt.Errorf("tilmelding %s: %w", r.ID, err)
		}
	}
	for _, ch := range d.Memberships {
		m := ch.Record
		var err error
		switch ch.Type {
		case dfdg.Create:
			_, err = tx.ExecContext(ctx, "INSERT INTO kontaktgruppe (borger_id, id, gruppe, start, slut) VALUES ($1, $2, $3, $4, $5)", borger, m.ID, int(m.Group), s.instant(m.Start), s.instant(m.End))
		case dfdg.Update:
			_, err = tx.ExecContext(ctx, "UPDATE kontaktgruppe SET gruppe = $1, start = $2, slut = $3 WHERE borger_id = $4 AND id = $5", int(m.Group), s.instant(m.Start), s.instant(m.End), borger, m.ID)
		case dfdg.Delete:
			_, err = tx.ExecContext(ctx, "DELETE FROM kontaktgruppe WHERE borger_id = $1 AND id = $2", borger, m.ID)
		}
		if err != nil {
			return fmt.Errorf("kontaktgruppe %s: %w", m.ID, err)
		}
	}
	if len(d.PersonCategories)+len(d.Deadlines)+len(d.Activities) > 0 {
		return fmt.Errorf("borger %s: a repair of person categories, deadlines or activities is not written by this tool", borger)
	}
	return s.outbox(ctx, tx, borger, d.Messages, d.Rules, now)
}

// outbox writes messages into the outbox table.
func (s *Store) outbox(ctx context.Context, tx txExec, borger string, msgs []dfdg.Message, rules dfdg.RuleSet, now time.Time) error {
	if len(msgs) == 0 {
		return nil
	}
	rows := make([][]any, 0, len(msgs))
	for i := range msgs {
		rows = append(rows, outboxRow(borger, &msgs[i], rules, s.instant(now)))
	}
	if err := insertRows(ctx, tx, s.Dialect, "udbakke", outboxColumns, rows); err != nil {
		return fmt.Errorf("udbakke: %w", err)
	}
	return nil
}

// outboxColumns are the outbox's columns that outboxRow gives.
const outboxColumns = "borger_id, navn, aendring, modtager, posttype, post_id, regel, oprettet"

// outboxRow is the outbox's row of message m to citizen borger, caused by rules at now.
func outboxRow(borger string, m *dfdg.Message, rules dfdg.RuleSet, now any) []any {
	kind, _ := m.About.Kind.MarshalText()
	return []any{borger, string(m.Name), m.Change.String(), m.To.String(), string(kind), m.About.ID, rules.String(), now}
}

// inTx runs f in one transaction.
func (s *Store) inTx(ctx context.Context, f func(tx txExec) error) error {
	tx, err := s.DB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// reading yields what seq reads until its first error, which it keeps in *failed, counting in *read
// and showing progress every thousand.
func reading[T any](seq iter.Seq2[T, error], read *int, failed *error, progress func(int)) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v, err := range seq {
			if err != nil {
				*failed = err
				return
			}
			if *read++; progress != nil && *read%1000 == 0 {
				progress(*read)
			}
			if !yield(v) {
				return
			}
		}
	}
}

// batch writes items in transactions of size items each, so that a run stopped at any point leaves
// every item whole or not begun: write writes one item in the transaction, done counts it once its
// transaction is committed.
type batch[T any] struct {
	s     *Store
	size  int
	pause time.Duration // after each transaction
	write func(ctx context.Context, tx txExec, item *T) error
	// writeAll, when set, writes the whole batch in place of write, a few statements in all.
	writeAll func(ctx context.Context, tx txExec, items []T) error
	done     func(item *T)
	items    []T
}

// add queues item, and writes the queue when it is full.
func (b *batch[T]) add(ctx context.Context, item T) error {
	b.items = append(b.items, item)
	if len(b.items) >= max(1, b.size) {
		return b.flush(ctx)
	}
	return nil
}

// flush writes what is queued in one transaction.
func (b *batch[T]) flush(ctx context.Context) error {
	if len(b.items) == 0 {
		return nil
	}
	err := b.s.inTx(ctx, func(tx txExec) error {
		if b.writeAll != nil {
			return b.writeAll(ctx, tx, b.items)
		}
		for i := range b.items {
			if err := b.write(ctx, tx, &b.items[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i := range b.items {
		b.done(&b.items[i])
	}
	b.items = b.items[:0]
	if b.pause > 0 {
		time.Sleep(b.pause)
	}
	return nil
}
