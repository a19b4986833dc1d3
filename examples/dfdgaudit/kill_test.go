package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A GDPR run killed (SIGKILL) halfway, twice, and then run to the end, deletes every record due once
// and writes every message once: each deletion and its messages are one transaction, and what is
// deleted is not read again. The kills land where the database shows the run is deleting
// registrations, and then deceased citizens, whose deletions send messages.
func TestKilledGDPRRunDeletesNothingTwiceAndLosesNoMessage(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the command three times")
	}
	const n = 2_000
	deceased := n / 100
	onDemo(t, n, 500, func(t *testing.T, s *Store, dsn string) {
		registrations := counter(t, s.DB, "SELECT COUNT(*) FROM tilmelding")
		alive := counter(t, s.DB, "SELECT COUNT(*) FROM borger WHERE doedsdato IS NOT NULL")
		messages := counter(t, s.DB, "SELECT COUNT(*) FROM udbakke")
		before := registrations()

		listed := t.TempDir() + "/listed.csv"
		start := func() (*exec.Cmd, *bytes.Buffer) {
			cmd := exec.Command(os.Args[0], "gdpr", "-db", dsn, "-apply", "-batch", "1", "-pause", "4ms", "-quiet",
				"-now", testNow.Format(time.RFC3339), "-out", listed)
			cmd.Env = append(os.Environ(), "DFDGAUDIT_RUN_MAIN=1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			require.NoError(t, cmd.Start())
			return cmd, &stderr
		}
		// consistent: every deceased citizen deleted has its two messages, no more, no fewer.
		consistent := func(when string) {
			gone := deceased - alive()
			assert.Equal(t, 2*gone, messages(), "%s: %d deceased deleted", when, gone)
		}
		killWhen := func(cond func() bool, when string) {
			cmd, stderr := start()
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			deadline := time.After(60 * time.Second)
			for !cond() {
				select {
				case err := <-done:
					t.Fatalf("%s: the run ended before the kill: %v %s", when, err, stderr)
				case <-deadline:
					cmd.Process.Kill()
					t.Fatalf("%s: never reached", when)
				case <-time.After(time.Millisecond):
				}
			}
			require.NoError(t, cmd.Process.Kill())
			<-done
			consistent(when)
		}
		killWhen(func() bool { return registrations() < before }, "deleting registrations")
		// -out lists only what was committed: every registration it lists is gone, and every one gone
		// is listed (one run so far).
		out, err := os.ReadFile(listed)
		require.NoError(t, err)
		assert.Equal(t, before-registrations(), strings.Count(string(out), ",Tilmelding,"), "listed = deleted")
		killWhen(func() bool { return alive() < deceased }, "deleting deceased citizens")
		mid := messages()
		assert.Less(t, mid, 2*deceased, "the second kill left deceased to delete")

		cmd, stderr := start()
		require.NoError(t, cmd.Wait(), "%s", stderr)
		consistent("at the end")
		assert.Zero(t, alive(), "every deceased citizen deleted")
		assert.Equal(t, 2*deceased, messages(), "every message once")
		var dup int
		require.NoError(t, s.DB.QueryRow(`SELECT COUNT(*) FROM (SELECT borger_id, modtager FROM udbakke GROUP BY borger_id, modtager HAVING COUNT(*) > 1) d`).Scan(&dup))
		assert.Zero(t, dup, "no message twice")
		sum, err := GDPR(context.Background(), s, GDPROptions{Now: testNow})
		require.NoError(t, err)
		assert.Zero(t, sum.Found["4.1"], "nothing due is left")
		assert.Contains(t, stderr.String(), "beskeder skrevet i udbakke")
	})
}

func counter(t *testing.T, db *sql.DB, q string) func() int {
	return func() int {
		var n int
		require.NoError(t, db.QueryRow(q).Scan(&n))
		return n
	}
}

// A bad DSN, an unknown scheme, and a database without the schema are clear errors; the password of a
// DSN is never printed.
func TestClearErrors(t *testing.T) {
	ctx := context.Background()
	_, err := Open(ctx, "mysql://u@h/db", false)
	assert.ErrorContains(t, err, "not a database this tool knows")
	_, err = Open(ctx, "", false)
	assert.ErrorContains(t, err, "no database")
	_, err = Open(ctx, "postgres://u:hemmeligt@127.0.0.1:1/db?connect_timeout=2", false)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cannot reach the PostgreSQL database")
	assert.NotContains(t, err.Error(), "hemmeligt")
	assert.Equal(t, 1, strings.Count(err.Error(), "connection refused"), "one refused port is said once: %v", err)
	if pg.err == nil {
		// With libpq's default sslmode=prefer, pgx tries TLS first; a server without TLS refuses it,
		// which is noise: the reason is the plain attempt's.
		dsn := strings.Replace(strings.Replace(pg.dsn, "/postgres?", "/ingen?", 1), "sslmode=disable", "", 1)
		_, err = Open(ctx, dsn, false)
		require.Error(t, err)
		assert.Contains(t, err.Error(), `database "ingen" does not exist`)
		assert.NotContains(t, err.Error(), "tls error")
		assert.NotContains(t, err.Error(), "\n")
		var pgErr *pgconn.PgError
		assert.ErrorAs(t, err, &pgErr, "the server's own error stays reachable")
	}

	s := open(t, t.TempDir()+"/empty.db")
	_, err = Audit(ctx, s, AuditOptions{Now: testNow})
	assert.ErrorContains(t, err, "is not a dfdgaudit database")
	_, err = GDPR(ctx, s, GDPROptions{Now: testNow})
	assert.ErrorContains(t, err, "is not a dfdgaudit database")
	require.NoError(t, s.Migrate(ctx))
	require.NoError(t, s.Migrate(ctx), "migrating twice is harmless")
	require.NoError(t, s.CheckSchema(ctx))
	_, err = s.DB.Exec("UPDATE dfdgaudit_skema SET version = 99")
	require.NoError(t, err)
	assert.ErrorContains(t, s.CheckSchema(ctx), "newer than this tool's")

	assert.ErrorContains(t, Demo(ctx, open(t, t.TempDir()+"/d.db"), 1, time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC), 10, nil), "-now on or after")
}

// The command line: usage, a misused flag (2), a failure (1), and a run (0) with its summary.
func TestCommandLine(t *testing.T) {
	ctx := context.Background()
	db := t.TempDir() + "/c.db"
	code := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		c := run(ctx, args, &out, &errb)
		return c, out.String(), errb.String()
	}
	c, _, e := code()
	assert.Equal(t, 2, c)
	assert.Contains(t, e, "usage: dfdgaudit")
	c, _, e = code("frobnicate")
	assert.Equal(t, 2, c)
	assert.Contains(t, e, `unknown command "frobnicate"`)
	c, _, e = code("audit", "-db", db, "-shard", "3/3")
	assert.Equal(t, 2, c)
	assert.Contains(t, e, "0 <= k < n")
	c, _, e = code("audit", "-db", db, "-now", "i går")
	assert.Equal(t, 2, c)
	assert.Contains(t, e, "-now")
	c, _, e = code("audit", "-db", db)
	assert.Equal(t, 1, c)
	assert.Contains(t, e, "no such database")
	_, err := os.Stat(db)
	assert.ErrorIs(t, err, os.ErrNotExist, "audit creates no database it was asked only to read")
	assert.NotContains(t, e, "i alt", "no summary for a run that did not finish")
	c, _, e = code("audit", "-db", db, "-format", "xml")
	assert.Equal(t, 2, c, "misuse")
	assert.Contains(t, e, "csv or jsonl")
	// A stray word: flag stops there, so what follows would be ignored (a -db among it!).
	c, _, e = code("audit", "extra", "-db", db)
	assert.Equal(t, 2, c)
	assert.Contains(t, e, `unexpected argument "extra"`)
	c, _, e = code("gdpr", "-db", db, "-apply", "now")
	assert.Equal(t, 2, c)
	// libpq's key/value form is PostgreSQL, never a SQLite file named after it, and its password is
	// never printed.
	wd, _ := os.Getwd()
	require.NoError(t, os.Chdir(t.TempDir()))
	c, _, e = code("audit", "-db", "host=127.0.0.1 port=1 user=u password=hemmeligt dbname=d connect_timeout=2")
	entries, _ := os.ReadDir(".")
	require.NoError(t, os.Chdir(wd))
	assert.Equal(t, 1, c)
	assert.Contains(t, e, "PostgreSQL")
	assert.NotContains(t, e, "hemmeligt")
	assert.Empty(t, entries, "no file is created")
	assert.Equal(t, "host=h password=xxxxx dbname=d", maskDSN("host=h password=hemmeligt dbname=d"))
	assert.Equal(t, "host=h password=xxxxx dbname=d", maskDSN("host=h password='hemme ligt' dbname=d"))

	c, _, e = code("demo", "-db", db, "-n", "300", "-quiet", "-now", "2026-11-26")
	require.Equal(t, 0, c, e)
	assert.Contains(t, e, "300 citizens written")
	c, out, e := code("audit", "-db", db, "-quiet", "-now", "2026-11-26")
	require.Equal(t, 0, c, e)
	assert.Contains(t, e, "dfdgaudit audit: 300 borgere")
	assert.Contains(t, e, "i alt")
	assert.Equal(t, 1+48, strings.Count(out, "\n"), "a header and 48 findings (16 a hundred citizens)")
	c, out, e = code("gdpr", "-db", db, "-quiet", "-now", "2026-11-26")
	require.Equal(t, 0, c, e)
	assert.Contains(t, out, "borger,posttype,id,slettedato,grundlag,beskeder")
	c, _, e = code("migrate", "-db", db)
	assert.Equal(t, 0, c, e)
	assert.Contains(t, e, "newest schema")

	// demo writes only into an empty database; a newer schema is refused by every command, migrate too.
	c, _, e = code("demo", "-db", db, "-n", "10", "-quiet", "-now", "2026-11-26")
	assert.Equal(t, 1, c)
	assert.Contains(t, e, "holds 300 citizens already")
	s := open(t, db)
	_, err = s.DB.Exec("UPDATE dfdgaudit_skema SET version = 99")
	require.NoError(t, err)
	for _, cmd := range []string{"migrate", "audit", "gdpr", "demo"} {
		c, _, e = code(cmd, "-db", db, "-quiet", "-now", "2026-11-26")
		assert.Equal(t, 1, c, cmd)
		assert.Contains(t, e, "newer than this tool's", cmd)
		assert.NotContains(t, e, "newest schema", cmd)
	}
}

// Issue 26: an unknown total shows a count and a rate, never "n/-1" or a full bar.
func TestProgressWithAnUnknownTotal(t *testing.T) {
	var b strings.Builder
	p := newProgress(&b, "poster", -1)
	p.tty = true
	p.last = time.Time{}
	p.update(212000)
	assert.NotContains(t, b.String(), "/-1")
	assert.NotContains(t, b.String(), "█")
	assert.Contains(t, b.String(), "212000")
	b.Reset()
	p.tty, p.last = false, time.Time{}
	p.update(5)
	assert.Equal(t, "poster: 5, ", b.String()[:len("poster: 5, ")])
}

// Issue 26: the migration splitter strips "--" comments and splits at ";" only outside quotes.
func TestStatements(t *testing.T) {
	got := statements("CREATE TABLE a (x TEXT DEFAULT '--; not a comment'); -- a comment\n-- a line of comment\nINSERT INTO a VALUES ('a;\nb');\nSELECT \"odd--name\" FROM a;")
	assert.Equal(t, []string{
		"CREATE TABLE a (x TEXT DEFAULT '--; not a comment');\n",
		"INSERT INTO a VALUES ('a;\nb');\n",
		"SELECT \"odd--name\" FROM a;\n",
	}, got)
}
