package main

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/gdpr"
)

// GDPROptions are the gdpr command's settings.
type GDPROptions struct {
	Now      time.Time
	Shard    Shard
	Out      io.Writer // the records due, as CSV
	Apply    bool      // delete them and write their messages to the outbox
	Batch    int       // deletions a transaction
	Pause    time.Duration
	Progress func(records int)
}

// stored is a GDPR record and the citizen whose it is.
type stored struct {
	borger string
	gdpr.Record
}

// GDPRRecords yields every record of the shard that rule 4.1 gives a deletion date: ended
// registrations, the rows of gdpr_post, and each deceased citizen as a whole. Its memory does not
// grow with their number.
func (s *Store) GDPRRecords(ctx context.Context, sh Shard) iter.Seq2[stored, error] {
	return func(yield func(stored, error) bool) {
		where, args := sh.filter("b")
		run := func(q string, scan func(*sql.Rows) (stored, error)) bool {
			rows, err := s.DB.QueryContext(ctx, q, args...)
			if err != nil {
				return yield(stored{}, err)
			}
			defer rows.Close()
			for rows.Next() {
				r, err := scan(rows)
				if !yield(r, err) || err != nil {
					return false
				}
			}
			if err := rows.Err(); err != nil {
				return yield(stored{}, err)
			}
			return true
		}
		registrations := func() bool {
			return run(`SELECT t.borger_id, t.id, t.start, t.slut FROM tilmelding t JOIN borger b ON b.id = t.borger_id
			WHERE t.slut IS NOT NULL AND `+where+` ORDER BY t.borger_id, t.id`, func(r *sql.Rows) (stored, error) {
				var st stored
				var start, end time.Time
				err := r.Scan(&st.borger, &st.ID, scanInstant{&start}, scanInstant{&end})
				st.Kind, st.Start, st.End = dfdg.RecordRegistration, dfdg.DateOf(start), dfdg.DateOf(end)
				return st, err
			})
		}
		others := func() bool {
			return run(`SELECT t.borger_id, t.posttype, t.id, t.startdato, t.slutdato, t.projekttype, b.cpr, b.jobcenter, b.akasse
			FROM gdpr_post t JOIN borger b ON b.id = t.borger_id WHERE `+where+` ORDER BY t.borger_id, t.posttype, t.id`, func(r *sql.Rows) (stored, error) {
				var st stored
				var kind, cpr string
				var muni sql.NullInt64
				var akasse sql.NullString
				if err := r.Scan(&st.borger, &kind, &st.ID, &st.Start, &st.End, &st.ProjectType, &cpr, &muni, &akasse); err != nil {
					return st, err
				}
				if err := st.Kind.UnmarshalText([]byte(kind)); err != nil {
					return st, fmt.Errorf("gdpr_post %s %s: %w", st.borger, st.ID, err)
				}
				st.Person, _ = dfdg.ParseCPR(cpr)
				st.Municipalities, st.Akasser = recipients(muni, akasse)
				return st, nil
			})
		}
		deceased := func() bool {
			return run(`SELECT b.id, b.doedsdato, b.jobcenter, b.akasse FROM borger b
			WHERE b.doedsdato IS NOT NULL AND `+where+` ORDER BY b.id`, func(r *sql.Rows) (stored, error) {
				var st stored
				var muni sql.NullInt64
				var akasse sql.NullString
				err := r.Scan(&st.borger, &st.End, &muni, &akasse)
				st.Kind, st.ID = dfdg.RecordDeceased, st.borger
				st.Municipalities, st.Akasser = recipients(muni, akasse)
				return st, err
			})
		}
		_ = registrations() && others() && deceased()
	}
}

func recipients(muni sql.NullInt64, akasse sql.NullString) ([]dfdg.Municipality, []dfdg.Akasse) {
	var ms []dfdg.Municipality
	var as []dfdg.Akasse
	if muni.Valid {
		ms = []dfdg.Municipality{dfdg.Municipality(muni.Int64)}
	}
	if akasse.Valid && akasse.String != "" {
		as = []dfdg.Akasse{dfdg.Akasse(akasse.String)}
	}
	return ms, as
}

// GDPR lists every record of the shard that is due for deletion at opt.Now with its messages (rule
// 4.1's sweep); with Apply it deletes them and writes their messages to the outbox, Batch deletions a
// transaction. A run killed at any point and started again deletes nothing twice and loses no
// message: a deletion and its messages are written in one transaction, and what is deleted is not
// read again.
func GDPR(ctx context.Context, s *Store, opt GDPROptions) (Summary, error) {
	sum := Summary{Found: map[dfdg.RuleID]int{}, Repaired: map[dfdg.RuleID]int{}}
	if err := s.CheckSchema(ctx); err != nil {
		return sum, err
	}
	out := csv.NewWriter(io.Discard)
	if opt.Out != nil {
		out = csv.NewWriter(opt.Out)
	}
	if err := out.Write([]string{"borger", "posttype", "id", "slettedato", "grundlag", "beskeder"}); err != nil {
		return sum, err
	}
	out.Flush()
	var (
		cur     stored
		loadErr error
	)
	records := func(yield func(gdpr.Record) bool) {
		for st := range reading(s.GDPRRecords(ctx, opt.Shard), &sum.Read, &loadErr, opt.Progress) {
			cur = st
			if !yield(st.Record) {
				return
			}
		}
	}
	type pending struct {
		borger string
		del    gdpr.Deletion
		line   []string
	}
	deletions := batch[pending]{s: s, size: opt.Batch, pause: opt.Pause,
		writeAll: func(ctx context.Context, tx txExec, ps []pending) error {
			var d deleting
			for i := range ps {
				d.add(ps[i].borger, &ps[i].del, s.instant(opt.Now))
			}
			return d.write(ctx, tx, s.Dialect)
		},
		done: func(p *pending) {
			sum.Repaired[p.del.Due.Rule]++
			sum.Messages += len(p.del.Messages)
			// With -apply, a deletion is listed once its transaction has committed, and the list is
			// flushed there: a run killed at any point lists only what it deleted.
			if err := out.Write(p.line); err == nil {
				out.Flush()
			}
		}}
	for del, err := range (gdpr.Rules{}).Sweep(dfdg.At{Now: opt.Now}, records) {
		if err != nil {
			// A record the rule cannot judge is reported and left alone.
			if werr := out.Write([]string{cur.borger, del.Record.Kind.String(), del.Record.ID, "", "fejl: " + err.Error(), ""}); werr != nil {
				return sum, werr
			}
			continue
		}
		sum.Found[del.Due.Rule]++
		msgs := make([]string, len(del.Messages))
		for i, m := range del.Messages {
			msgs[i] = m.String()
		}
		line := []string{cur.borger, del.Record.Kind.String(), del.Record.ID, del.Due.Date.String(), del.Due.Basis.Danish(), strings.Join(msgs, "; ")}
		if !opt.Apply {
			if err := out.Write(line); err != nil {
				return sum, err
			}
			continue
		}
		if err := deletions.add(ctx, pending{cur.borger, del, line}); err != nil {
			return sum, fmt.Errorf("gdpr: %w", err)
		}
	}
	if loadErr != nil {
		return sum, loadErr
	}
	if err := deletions.flush(ctx); err != nil {
		return sum, fmt.Errorf("gdpr: %w", err)
	}
	if opt.Progress != nil {
		opt.Progress(sum.Read)
	}
	out.Flush()
	return sum, out.Error()
}

// deleting is a batch of deletions as the few statements that write it: the keys of each table's
// rows and the outbox's rows.
type deleting struct {
	registrations, deceased, others, outbox [][]any
}

// add adds the deletion of citizen borger's record and its messages, made at now.
func (d *deleting) add(borger string, del *gdpr.Deletion, now any) {
	r := &del.Record
	switch r.Kind {
	case dfdg.RecordRegistration:
		d.registrations = append(d.registrations, []any{borger, r.ID})
	case dfdg.RecordDeceased:
		d.deceased = append(d.deceased, []any{borger})
	default:
		kind, _ := r.Kind.MarshalText()
		d.others = append(d.others, []any{borger, string(kind), r.ID})
	}
	for i := range del.Messages {
		d.outbox = append(d.outbox, outboxRow(borger, &del.Messages[i], del.Rules, now))
	}
}

// write deletes the records from the tables that hold them (deleteRows; a deceased citizen's deletion
// removes the citizen with every record: the foreign keys cascade), and writes the messages to the
// outbox, many rows a statement. Deletions commute, so the order of the tables does not matter.
func (d *deleting) write(ctx context.Context, tx txExec, dialect Dialect) error {
	for _, t := range []struct {
		table, key string
		rows       [][]any
	}{
		{"tilmelding", "(borger_id, id)", d.registrations},
		{"borger", "(id)", d.deceased},
		{"gdpr_post", "(borger_id, posttype, id)", d.others},
	} {
		if err := deleteRows(ctx, tx, dialect, t.table, t.key, t.rows); err != nil {
			return fmt.Errorf("%s: %w", t.table, err)
		}
	}
	if len(d.outbox) == 0 {
		return nil
	}
	if err := insertRows(ctx, tx, dialect, "udbakke", outboxColumns, d.outbox); err != nil {
		return fmt.Errorf("udbakke: %w", err)
	}
	return nil
}

// deleteRows deletes the rows of table whose key columns hold one of the rows' values: on SQLite
// with one prepared statement, a row at a time, which finds each by its primary key; on PostgreSQL
// up to 500 a statement, one round trip for them all.
func deleteRows(ctx context.Context, tx txExec, d Dialect, table, key string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if d == SQLite {
		cols := strings.Split(strings.Trim(key, "()"), ", ")
		stmt, err := tx.PrepareContext(ctx, "DELETE FROM "+table+" WHERE "+strings.Join(cols, " = ? AND ")+" = ?")
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, row := range rows {
			if _, err := stmt.ExecContext(ctx, row...); err != nil {
				return err
			}
		}
		return nil
	}
	const per = 500
	for len(rows) > 0 {
		chunk := rows[:min(per, len(rows))]
		rows = rows[len(chunk):]
		list, args := valuesList(d, chunk)
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE "+key+" IN (VALUES "+list+")", args...); err != nil {
			return err
		}
	}
	return nil
}
