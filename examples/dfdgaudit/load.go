package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"

	"github.com/regelkit/dfdg"
	"github.com/shopspring/decimal"
)

// Citizen is a citizen as the local copy holds it: the library's value, and the CPR number, which
// only the GDPR rules read (for a birth date) and nothing prints.
type Citizen struct {
	dfdg.Citizen
	CPR dfdg.CPR
}

// table reads one table for a stream of citizens: its rows in order of citizen, scanned by scan in a
// goroutine of its own, a batch at a time, so that decoding the tables' rows uses every core while
// the stream merges them. At most two batches wait, so memory does not grow with the table.
type table[T any] struct {
	batches <-chan []row[T] // from the reader; closed when it ends
	free    chan []row[T]   // batches read, for the reader to fill again
	done    chan struct{}   // closed when the stream stops reading
	readErr *error          // what the reader met, read once batches is closed
	cur     []row[T]
	pos     int
	id      string // the citizen of next
	next    T
	ok      bool
	err     error
}

// row is one row of a table: its citizen and its record.
type row[T any] struct {
	id string
	v  T
}

// batchRows is how many rows the reader passes at a time.
const batchRows = 256

func (t *table[T]) advance() {
	for t.pos >= len(t.cur) {
		if t.cur != nil {
			select {
			case t.free <- t.cur[:0]:
			default:
			}
		}
		var open bool
		if t.cur, open = <-t.batches; !open {
			t.cur, t.ok, t.err = nil, false, *t.readErr
			return
		}
		t.pos = 0
	}
	r := &t.cur[t.pos]
	t.id, t.next, t.ok = r.id, r.v, true
	t.pos++
}

// take appends the rows of citizen id to into.
func (t *table[T]) take(id string, into []T) []T {
	for t.ok && t.id == id {
		into = append(into, t.next)
		t.advance()
	}
	return into
}

// read scans rows into batches until they end, the stream stops (done), or a row fails; what it met
// is in *t.readErr when out closes.
func (t *table[T]) read(rows *sql.Rows, scan func(*sql.Rows) (string, T, error), out chan<- []row[T]) {
	defer close(out)
	batch := make([]row[T], 0, batchRows)
	send := func() bool {
		select {
		case out <- batch:
		case <-t.done:
			return false
		}
		select {
		case batch = <-t.free:
		default:
			batch = make([]row[T], 0, batchRows)
		}
		return true
	}
	var err error
	for rows.Next() {
		id, v, scanErr := scan(rows)
		if scanErr != nil {
			err = scanErr
			break
		}
		if batch = append(batch, row[T]{id, v}); len(batch) == batchRows && !send() {
			return
		}
	}
	if err == nil {
		err = rows.Err()
	}
	// The rows before a failing one are passed first, so that the stream fails where the row lies.
	if len(batch) > 0 && !send() {
		return
	}
	*t.readErr = err
}

// query runs a table's query for shard sh, in order of citizen and record, and adds its rows to
// opened and its reader to stop, both to be ended when the stream ends. An error stays in the
// table's err, as a read error does.
func query[T any](ctx context.Context, s *Store, sh Shard, opened *[]*sql.Rows, stop *[]chan struct{}, cols, from string, scan func(*sql.Rows) (string, T, error)) *table[T] {
	q := "SELECT t.borger_id, " + cols + " FROM " + from + " t ORDER BY t.borger_id, t.id"
	where, args := sh.filter("b")
	if args != nil { // a shard reads its citizens' rows, which the key's index finds
		q = "SELECT t.borger_id, " + cols + " FROM " + from + " t JOIN borger b ON b.id = t.borger_id WHERE " + where + " ORDER BY t.borger_id, t.id"
	}
	rows, err := s.DB.QueryContext(ctx, q, args...)
	if err != nil {
		return &table[T]{err: fmt.Errorf("reading %s: %w", from, err)}
	}
	*opened = append(*opened, rows)
	out := make(chan []row[T], 2)
	t := &table[T]{batches: out, free: make(chan []row[T], 2), done: make(chan struct{}), readErr: new(error)}
	*stop = append(*stop, t.done)
	go t.read(rows, scan, out)
	t.advance()
	return t
}

// Citizens yields every citizen of shard sh with all their records, in order of id, one at a time:
// one query a table, merged as they are read, so that memory does not grow with the number of
// citizens. The yielded citizen's slices are reused for the next one: copy what you keep.
func (s *Store) Citizens(ctx context.Context, sh Shard) iter.Seq2[*Citizen, error] {
	return func(yield func(*Citizen, error) bool) {
		var opened []*sql.Rows
		var stop []chan struct{}
		defer func() {
			for _, done := range stop {
				close(done) // a reader waiting to pass a batch ends
			}
			for _, r := range opened {
				r.Close()
			}
		}()
		fail := func(err error) { yield(nil, err) }
		ms := query(ctx, s, sh, &opened, &stop, "t.id, t.gruppe, t.start, t.slut", "kontaktgruppe", func(r *sql.Rows) (string, dfdg.Membership, error) {
			var id string
			var m dfdg.Membership
			err := r.Scan(&id, &m.ID, &m.Group, scanInstant{&m.Start}, scanInstant{&m.End})
			return id, m, err
		})
		regs := query(ctx, s, sh, &opened, &stop, "t.id, t.kategori, t.ansoeger, t.start, t.slut", "tilmelding", func(r *sql.Rows) (string, dfdg.Registration, error) {
			var id string
			var g dfdg.Registration
			err := r.Scan(&id, &g.ID, &g.Category, &g.Applicant, scanInstant{&g.Start}, scanInstant{&g.End})
			return id, g, err
		})
		cats := query(ctx, s, sh, &opened, &stop, "t.id, t.kategori, t.start, t.slut", "personkategori", func(r *sql.Rows) (string, dfdg.PersonCategorization, error) {
			var id string
			var p dfdg.PersonCategorization
			err := r.Scan(&id, &p.ID, &p.Category, scanInstant{&p.Start}, scanInstant{&p.End})
			return id, p, err
		})
		abs := query(ctx, s, sh, &opened, &stop, "t.id, t.type, t.startdato, t.slutdato", "fravaer", func(r *sql.Rows) (string, dfdg.Absence, error) {
			var id string
			var a dfdg.Absence
			err := r.Scan(&id, &a.ID, &a.Type, &a.Period.Start, &a.Period.End)
			return id, a, err
		})
		acts := query(ctx, s, sh, &opened, &stop, "t.id, t.type, t.virksomhedsrettet, t.startdato, t.slutdato, t.timer, t.cvr, t.pnummer, t.jobtilbudtype, t.myndighedsomraade, t.status", "aktivitet",
			func(r *sql.Rows) (string, dfdg.Activity, error) {
				var id, hours, status string
				var a dfdg.Activity
				err := r.Scan(&id, &a.ID, &a.Type, &a.CompanyOriented, &a.Period.Start, &a.Period.End, &hours, &a.Company.CVR, &a.Company.PNumber, &a.JobOfferType, &a.AuthorityArea, &status)
				if err == nil {
					a.Hours, err = decimal.NewFromString(hours)
				}
				if err == nil {
					err = a.Status.UnmarshalText([]byte(status))
				}
				return id, a, err
			})
		// tableErr is what the tables met, opening or reading.
		tableErr := func() error { return errors.Join(ms.err, regs.err, cats.err, abs.err, acts.err) }
		if err := tableErr(); err != nil {
			fail(err)
			return
		}
		where, args := sh.filter("b")
		people, err := s.DB.QueryContext(ctx, `SELECT b.id, b.cpr, b.jobcenter, b.akasse, b.doedsdato, p.id, p.plantype
			FROM borger b LEFT JOIN plan p ON p.borger_id = b.id WHERE `+where+` ORDER BY b.id`, args...)
		if err != nil {
			fail(fmt.Errorf("reading borger: %w", err))
			return
		}
		opened = append(opened, people)
		var c Citizen
		var plan dfdg.Plan
		for people.Next() {
			var cpr string
			var jobcentre sql.NullInt64
			var akasse, planID, planType sql.NullString
			c.Citizen = dfdg.Citizen{Memberships: c.Memberships[:0], Registrations: c.Registrations[:0],
				PersonCategories: c.PersonCategories[:0], Absences: c.Absences[:0], Activities: c.Activities[:0]}
			if err := people.Scan(&c.ID, &cpr, &jobcentre, &akasse, &c.Died, &planID, &planType); err != nil {
				fail(fmt.Errorf("reading borger: %w", err))
				return
			}
			if c.CPR, err = dfdg.ParseCPR(cpr); err != nil {
				fail(fmt.Errorf("borger %s: %w", c.ID, err))
				return
			}
			c.Jobcentre, c.Akasse = dfdg.Municipality(jobcentre.Int64), dfdg.Akasse(akasse.String)
			if planID.Valid {
				plan = dfdg.Plan{ID: planID.String}
				if err := plan.Type.UnmarshalText([]byte(planType.String)); err != nil {
					fail(fmt.Errorf("borger %s: plan: %w", c.ID, err))
					return
				}
				c.Plan = &plan
			}
			c.Memberships = ms.take(c.ID, c.Memberships)
			c.Registrations = regs.take(c.ID, c.Registrations)
			c.PersonCategories = cats.take(c.ID, c.PersonCategories)
			c.Absences = abs.take(c.ID, c.Absences)
			c.Activities = acts.take(c.ID, c.Activities)
			if err := tableErr(); err != nil {
				fail(err)
				return
			}
			if !yield(&c, nil) {
				return
			}
		}
		if err := people.Err(); err != nil {
			fail(err)
		}
	}
}
