package main

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// The tests run against SQLite always, and against a real PostgreSQL server that TestMain starts
// itself from the distribution's binaries (initdb, pg_ctl), or the one DFDGAUDIT_POSTGRES names. When
// no PostgreSQL is installed the PostgreSQL half is skipped, unless DFDGAUDIT_REQUIRE_POSTGRES is
// set, as .ci/run sets it after installing the package.

var pg struct {
	dsn  string // the server's, database postgres
	stop func()
	err  error
}

func TestMain(m *testing.M) {
	// The kill test runs the command itself as a child: the test binary is dfdgaudit then.
	if os.Getenv("DFDGAUDIT_RUN_MAIN") == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
	}
	if dsn := os.Getenv("DFDGAUDIT_POSTGRES"); dsn != "" {
		pg.dsn = dsn
	} else {
		pg.dsn, pg.stop, pg.err = startPostgres()
	}
	code := m.Run()
	if pg.stop != nil {
		pg.stop()
	}
	os.Exit(code)
}

// pgBin finds a PostgreSQL program on PATH or in Debian's /usr/lib/postgresql/*/bin.
func pgBin(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/" + name)
	if len(found) == 0 {
		return "", fmt.Errorf("%s not found: install PostgreSQL (apt-get install postgresql)", name)
	}
	return found[len(found)-1], nil
}

// startPostgres starts a throwaway server on a free loopback port, as the postgres user when the
// tests run as root (initdb refuses root).
func startPostgres() (string, func(), error) {
	initdb, err := pgBin("initdb")
	if err != nil {
		return "", nil, err
	}
	pgctl, err := pgBin("pg_ctl")
	if err != nil {
		return "", nil, err
	}
	dir, err := os.MkdirTemp("", "dfdgaudit-pg-")
	if err != nil {
		return "", nil, err
	}
	as := func(name string, args ...string) *exec.Cmd { return exec.Command(name, args...) }
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return "", nil, fmt.Errorf("running as root, and no postgres user to run PostgreSQL as: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return "", nil, err
		}
		as = func(name string, args ...string) *exec.Cmd {
			return exec.Command("runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	data := filepath.Join(dir, "data")
	if out, err := as(initdb, "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C").CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return "", nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", port, dir)
	if out, err := as(pgctl, "-D", data, "-l", filepath.Join(dir, "log"), "-o", opts, "-w", "start").CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return "", nil, fmt.Errorf("pg_ctl start: %v: %s", err, out)
	}
	stop := func() {
		as(pgctl, "-D", data, "-m", "immediate", "stop").Run()
		os.RemoveAll(dir)
	}
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port), stop, nil
}

var dbSeq atomic.Int64

// databases returns a fresh empty database of each kind: a SQLite file, and a new database on the
// PostgreSQL server.
func databases(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{"sqlite": filepath.Join(t.TempDir(), "dfdg.db")}
	if pg.err != nil {
		if os.Getenv("DFDGAUDIT_REQUIRE_POSTGRES") != "" {
			t.Fatalf("PostgreSQL is required here: %v", pg.err)
		}
		t.Logf("PostgreSQL half skipped: %v", pg.err)
		return out
	}
	name := fmt.Sprintf("t%d_%d", os.Getpid(), dbSeq.Add(1))
	admin, err := sql.Open("pgx", pg.dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	out["postgres"] = strings.Replace(pg.dsn, "/postgres?", "/"+name+"?", 1)
	return out
}

// onDemo runs f on each database, filled by Demo with n citizens, batch a transaction.
func onDemo(t *testing.T, n, batch int, f func(t *testing.T, s *Store, dsn string)) {
	for kind, dsn := range databases(t) {
		t.Run(kind, func(t *testing.T) {
			s := open(t, dsn)
			if err := Demo(context.Background(), s, n, testNow, batch, nil); err != nil {
				t.Fatal(err)
			}
			f(t, s, dsn)
		})
	}
}

// open opens dsn for a test.
func open(t *testing.T, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// testNow is the run time of the tests.
var testNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
