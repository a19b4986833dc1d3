package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
)

// Defect is a kind of wrong state demo writes into a share of its citizens, with the rule the audit
// finds it under.
type Defect struct {
	Rule    dfdg.RuleID
	Percent int // of the citizens
	What    string
}

// defects are demo's defects, in the order of their shares: citizen i has defect k when i % 100
// falls in k's share.
var defects = []Defect{
	{dfdg.Rule1_4, 2, "contact group 28 from after it went inactive (2025-07-01)"},
	{dfdg.Rule1_5, 1, "a membership that ends before it starts"},
	{dfdg.Rule2_1, 1, "two overlapping absences of type 66"},
	{dfdg.Rule2_2, 3, "a sick absence open for 90 days in contact group 1"},
	{dfdg.Rule2_4, 1, "contact group 24 open 20 days after the recovery"},
	{dfdg.Rule2_6, 1, "absence type 59 from after it went inactive (2025-07-01)"},
	{dfdg.Rule3_4, 2, "a duplicate company-oriented activity"},
	{dfdg.Rule4_1, 5, "a registration that ended 7 years ago"},
}

// inactiveFrom is when contact group 28 and absence type 59 went inactive (rules 1.4 and 2.6).
var inactiveFrom = dfdg.MustParseDate("2025-07-01")

// defectOf returns the defect of citizen i, or nil.
func defectOf(i int) *Defect {
	p := i % 100
	for k := range defects {
		if p < defects[k].Percent {
			return &defects[k]
		}
		p -= defects[k].Percent
	}
	return nil
}

// Expected returns how many citizens of n demo gives each rule's defect.
func Expected(n int) map[dfdg.RuleID]int {
	out := map[dfdg.RuleID]int{}
	for i := range n {
		if d := defectOf(i); d != nil {
			out[d.Rule]++
		}
	}
	return out
}

// demoCPR is citizen i's CPR number: unique for i below 33,600,000, a valid date, never a real
// person's by intent (serials from 9000, which the register gives out last).
func demoCPR(i int) string {
	d, m, y, s := i%28+1, (i/28)%12+1, (i/336)%100, 9000+(i/33600)%1000
	return fmt.Sprintf("%02d%02d%02d%04d", d, m, y, s)
}

// rows collects the rows of a batch of citizens, per table.
type rows struct {
	borger, plan, kontaktgruppe, tilmelding, personkategori, fravaer, aktivitet, gdprPost, besked [][]any
}

// Demo fills s with n generated citizens, about 20 records each, with the share of each defect in
// defects, dated from now. It writes in transactions of batch citizens and calls progress after each.
func Demo(ctx context.Context, s *Store, n int, now time.Time, batch int, progress func(done int)) error {
	if err := s.Migrate(ctx); err != nil {
		return err
	}
	var held int
	if err := s.DB.QueryRowContext(ctx, "SELECT COUNT(*) FROM borger").Scan(&held); err != nil {
		return err
	}
	if held > 0 {
		// The generated keys would meet the ones there (a raw UNIQUE error), and a real copy must never
		// be mixed with demo data: demo writes only into an empty database.
		return fmt.Errorf("%s holds %d citizens already: demo writes only into an empty database", s.dsn, held)
	}
	today := dfdg.DateOf(now)
	if today.AddDays(-100).Before(inactiveFrom) {
		return errors.New("demo: the defects of rules 1.4 and 2.6 need codes inactive 100 days before now: give a -now on or after 2025-10-09")
	}
	var munis []int
	for e := range codelist.Default().Municipalities().All() {
		munis = append(munis, e.ID)
	}
	day := func(days int) dfdg.Date { return today.AddDays(days) }
	inst := func(days int) any { return s.instant(day(days).Time().Add(10 * time.Hour)) }
	for start := 0; start < n; start += batch {
		var r rows
		for i := start; i < min(n, start+batch); i++ {
			id := fmt.Sprintf("b-%07d", i)
			cpr := demoCPR(i)
			var died any
			if i%100 == 99 {
				died = day(-7 * 366) // deceased: all the person's data is due for deletion
			}
			r.borger = append(r.borger, []any{id, cpr, key(cpr), munis[i%len(munis)], "ak-" + fmt.Sprint(i%20), died})
			r.plan = append(r.plan, []any{id, "p-1", "Jobplan"})
			// Two memberships: group 8, then group 1 from 300 days ago.
			r.kontaktgruppe = append(r.kontaktgruppe,
				[]any{id, "kg-1", 8, inst(-700), inst(-300)},
				[]any{id, "kg-2", 1, inst(-300), nil})
			r.tilmelding = append(r.tilmelding,
				[]any{id, "reg-1", 2, false, inst(-1500), inst(-700)},
				[]any{id, "reg-2", 2, false, inst(-300), nil})
			r.personkategori = append(r.personkategori, []any{id, "pk-1", 4, inst(-300), nil})
			for k := range 5 {
				r.fravaer = append(r.fravaer, []any{id, fmt.Sprintf("fr-%d", k), 10, day(-280 + 40*k), day(-275 + 40*k)})
			}
			r.fravaer = append(r.fravaer, []any{id, "fr-s", 11, day(-250), day(-240)})
			for k := range 5 {
				r.aktivitet = append(r.aktivitet, []any{id, fmt.Sprintf("a-%d", k), 99, true, day(-250 + 30*k), day(-230 + 30*k), "37", "1234567" + fmt.Sprint(k), "", 0, 0, "aktiv"})
			}
			r.gdprPost = append(r.gdprPost,
				[]any{id, "KYAfgoerelse", "ky-1", day(-2900), day(kyClosed(i)), 0},
				[]any{id, "Helbredsbegraensning", "hb-1", day(-400), nil, 0},
				[]any{id, "Joblog", "jl-1", day(-100), nil, 0})
			r.besked = append(r.besked,
				[]any{id, 1, "Kontaktgruppe.WSB", "Oprettelse", "Kontaktgruppe", "kg-2", inst(-300)},
				[]any{id, 2, "Fravaer.WSB", "Oprettelse", "Fravaer", "fr-s", inst(-250)})
			addDefect(&r, i, id, day, inst)
		}
		if err := s.insert(ctx, &r); err != nil {
			return err
		}
		if progress != nil {
			progress(min(n, start+batch))
		}
	}
	return nil
}

// kyClosed is when citizen i's KY case closed, in days from now: for one in ten, over 6 years ago.
func kyClosed(i int) int {
	if i%10 == 0 {
		return -2600
	}
	return -1000
}

// addDefect writes citizen i's defect, if any, into the rows.
func addDefect(r *rows, i int, id string, day func(int) dfdg.Date, inst func(int) any) {
	d := defectOf(i)
	if d == nil {
		return
	}
	last := func(t [][]any) []any { return t[len(t)-1] }
	switch d.Rule {
	case dfdg.Rule1_4:
		m := last(r.kontaktgruppe)
		m[4] = inst(-100)
		r.kontaktgruppe = append(r.kontaktgruppe, []any{id, "kg-3", 28, inst(-100), nil})
	case dfdg.Rule1_5:
		r.kontaktgruppe[len(r.kontaktgruppe)-2][4] = inst(-800) // ends before it starts
	case dfdg.Rule2_1:
		r.fravaer = append(r.fravaer, []any{id, "fr-66a", 66, day(-60), day(-50)}, []any{id, "fr-66b", 66, day(-55), day(-45)})
	case dfdg.Rule2_2:
		r.fravaer = append(r.fravaer, []any{id, "fr-syg", 11, day(-90), nil})
	case dfdg.Rule2_4:
		last(r.kontaktgruppe)[4] = inst(-60)
		r.kontaktgruppe = append(r.kontaktgruppe, []any{id, "kg-24", 24, inst(-60), nil})
		r.fravaer = append(r.fravaer, []any{id, "fr-syg", 11, day(-60), day(-20)})
	case dfdg.Rule2_6:
		r.fravaer = append(r.fravaer, []any{id, "fr-59", 59, day(-30), nil})
	case dfdg.Rule3_4:
		a := append([]any(nil), last(r.aktivitet)...)
		a[1] = "a-dup"
		r.aktivitet = append(r.aktivitet, a)
	case dfdg.Rule4_1:
		r.tilmelding[len(r.tilmelding)-2][5] = inst(-7 * 366)
		r.tilmelding[len(r.tilmelding)-2][4] = inst(-9 * 366)
	}
}

// demoTable is a table's rows of a batch, with its columns.
type demoTable struct {
	name, cols string
	rows       [][]any
}

// insert writes the rows in one transaction: on PostgreSQL with COPY, on SQLite with one prepared
// statement a table.
func (s *Store) insert(ctx context.Context, r *rows) error {
	if s.Dialect == Postgres {
		return s.copyRows(ctx, r.tables())
	}
	tx, err := s.DB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, t := range r.tables() {
		if err := insertPrepared(ctx, tx, t); err != nil {
			return fmt.Errorf("demo: %s: %w", t.name, err)
		}
	}
	return tx.Commit()
}

// insertPrepared inserts t's rows in tx with one prepared statement of many rows, used for every
// full chunk of them, and one statement for the rest: SQLite parses the statement once a table a
// transaction, and binds the rows.
func insertPrepared(ctx context.Context, tx *sql.Tx, t demoTable) error {
	const per = 64
	rows := t.rows
	if len(rows) >= per {
		list, _ := valuesList(SQLite, rows[:per])
		stmt, err := tx.PrepareContext(ctx, "INSERT INTO "+t.name+" ("+t.cols+") VALUES "+list)
		if err != nil {
			return err
		}
		defer stmt.Close()
		args := make([]any, 0, per*len(rows[0]))
		for ; len(rows) >= per; rows = rows[per:] {
			args = args[:0]
			for _, row := range rows[:per] {
				args = append(args, row...)
			}
			if _, err := stmt.ExecContext(ctx, args...); err != nil {
				return err
			}
		}
	}
	return insertRows(ctx, tx, SQLite, t.name, t.cols, rows)
}

// copyRows writes the tables in one transaction with PostgreSQL's COPY (pgx's CopyFrom), through the
// connection under database/sql.
func (s *Store) copyRows(ctx context.Context, tables []demoTable) error {
	conn, err := s.DB.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(driverConn any) error {
		c := driverConn.(*stdlib.Conn).Conn()
		tx, err := c.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx)
		for _, t := range tables {
			cols := strings.Split(t.cols, ", ")
			for _, row := range t.rows {
				for i, v := range row {
					if d, ok := v.(dfdg.Date); ok { // pgx's binary COPY takes a date as a time
						row[i] = nil
						if !d.IsZero() {
							row[i] = d.Time()
						}
					}
				}
			}
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{t.name}, cols, pgx.CopyFromRows(t.rows)); err != nil {
				return fmt.Errorf("demo: %s: %w", t.name, err)
			}
		}
		return tx.Commit(ctx)
	})
}

// tables are the batch's rows, table by table, in the order the foreign keys need.
func (r *rows) tables() []demoTable {
	return []demoTable{
		{"borger", "id, cpr, noegle, jobcenter, akasse, doedsdato", r.borger},
		{"plan", "borger_id, id, plantype", r.plan},
		{"kontaktgruppe", "borger_id, id, gruppe, start, slut", r.kontaktgruppe},
		{"tilmelding", "borger_id, id, kategori, ansoeger, start, slut", r.tilmelding},
		{"personkategori", "borger_id, id, kategori, start, slut", r.personkategori},
		{"fravaer", "borger_id, id, type, startdato, slutdato", r.fravaer},
		{"aktivitet", "borger_id, id, type, virksomhedsrettet, startdato, slutdato, timer, cvr, pnummer, jobtilbudtype, myndighedsomraade, status", r.aktivitet},
		{"gdpr_post", "borger_id, posttype, id, startdato, slutdato, projekttype", r.gdprPost},
		{"besked", "borger_id, nr, navn, aendring, posttype, post_id, modtaget", r.besked},
	}
}

// txExec is a transaction or a database.
type txExec interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// insertRows inserts rows into table, up to 500 a statement (both databases take that many
// parameters). SQLite gets "?" placeholders: it looks numbered ones up by name, which is slow for
// thousands of them.
func insertRows(ctx context.Context, tx txExec, d Dialect, table, cols string, rows [][]any) error {
	const per = 500
	for len(rows) > 0 {
		chunk := rows[:min(per, len(rows))]
		rows = rows[len(chunk):]
		list, args := valuesList(d, chunk)
		if _, err := tx.ExecContext(ctx, "INSERT INTO "+table+" ("+cols+") VALUES "+list, args...); err != nil {
			return err
		}
	}
	return nil
}

// valuesList writes rows as the rows of a VALUES list, "(…),(…)", with the dialect's placeholders,
// and returns it with the arguments in order.
func valuesList(d Dialect, rows [][]any) (string, []any) {
	var b strings.Builder
	args := make([]any, 0, len(rows)*len(rows[0]))
	for i, row := range rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for j, v := range row {
			if j > 0 {
				b.WriteByte(',')
			}
			args = append(args, v)
			if d == SQLite {
				b.WriteByte('?')
			} else {
				b.WriteByte('$')
				b.WriteString(strconv.Itoa(len(args)))
			}
		}
		b.WriteByte(')')
	}
	return b.String(), args
}
