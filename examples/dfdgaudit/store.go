package main

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"net/url"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // the driver "pgx"
	_ "modernc.org/sqlite"             // the driver "sqlite", pure Go
)

// Dialect is the database a Store speaks to.
type Dialect uint8

const (
	SQLite Dialect = iota + 1
	Postgres
)

func (d Dialect) String() string {
	if d == Postgres {
		return "PostgreSQL"
	}
	return "SQLite"
}

//go:embed migrations
var migrations embed.FS

// Store is the local copy of DFDG data: a SQLite file or a PostgreSQL database with the schema in
// migrations/.
type Store struct {
	DB      *sql.DB
	Dialect Dialect
	dsn     string // masked
}

// Open opens the database dsn names: postgres://… or postgresql://… for PostgreSQL, anything else
// a SQLite file (created when missing). It connects before it returns, so that a bad DSN is an error
// here, with the DSN's password masked.
func Open(ctx context.Context, dsn string, create bool) (*Store, error) {
	if dsn == "" {
		return nil, errors.New("no database: give -db with a SQLite file or a postgres:// URL")
	}
	s := &Store{dsn: maskDSN(dsn)}
	var err error
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"), isKeyValueDSN(dsn):
		s.Dialect = Postgres
		s.DB, err = sql.Open("pgx", dsn)
	case strings.Contains(dsn, "://"):
		return nil, fmt.Errorf("%s: not a database this tool knows: use a SQLite file name, a postgres:// URL or libpq's host=… dbname=…", s.dsn)
	default:
		if _, statErr := os.Stat(dsn); !create && errors.Is(statErr, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such database; create it with dfdgaudit migrate or demo", s.dsn)
		}
		s.Dialect = SQLite
		s.DB, err = sql.Open("sqlite", "file:"+dsn+"?_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=busy_timeout(30000)&_pragma=synchronous(NORMAL)")
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.dsn, err)
	}
	s.DB.SetMaxOpenConns(16)
	ping, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := s.DB.PingContext(ping); err != nil {
		s.DB.Close()
		return nil, fmt.Errorf("cannot reach the %s database %s: %w", s.Dialect, s.dsn, connectReason(err))
	}
	return s, nil
}

// connectReason is why a PostgreSQL connection failed, as the server or the network said it. pgx
// lists every attempt it made: with the default sslmode=prefer, first the TLS attempt a server without
// TLS refuses, then the plain one that says what is wrong, and a refused port twice. The reason keeps
// the attempts that say something, each once.
func connectReason(err error) error {
	var ce *pgconn.ConnectError
	if !errors.As(err, &ce) {
		return err
	}
	attempts := []error{ce.Unwrap()}
	if j, ok := attempts[0].(interface{ Unwrap() []error }); ok {
		attempts = j.Unwrap()
	}
	var said []string
	for _, a := range attempts {
		text := a.Error()
		if strings.HasSuffix(text, "tls error: server refused TLS connection") && len(attempts) > 1 || slices.Contains(said, text) {
			continue
		}
		said = append(said, text)
	}
	return &reasonError{fmt.Sprintf("failed to connect to `user=%s database=%s`: %s", ce.Config.User, ce.Config.Database, strings.Join(said, "; ")), err}
}

// reasonError is an error with a shorter text than the one it wraps, which errors.As still reaches.
type reasonError struct {
	text string
	err  error
}

func (e *reasonError) Error() string { return e.text }
func (e *reasonError) Unwrap() error { return e.err }

// Close closes the database.
func (s *Store) Close() error { return s.DB.Close() }

// errNewerSchema is a database whose schema a newer dfdgaudit wrote: every command refuses it, migrate
// too, rather than write into what it does not know.
var errNewerSchema = errors.New("use the dfdgaudit that wrote it")

// isKeyValueDSN reports whether dsn is libpq's key/value form (host=db user=x password=y dbname=z):
// it starts with a key and "=". A SQLite file name in that shape would be surprising, and one holding a
// password would write it to the disk.
func isKeyValueDSN(dsn string) bool {
	key, _, ok := strings.Cut(strings.TrimSpace(dsn), "=")
	if !ok || key == "" {
		return false
	}
	for _, r := range key {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// keyValuePassword finds a libpq key/value password, quoted or not, for maskDSN.
var keyValuePassword = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)`)

// maskDSN hides a URL's password, or a key/value DSN's.
func maskDSN(dsn string) string {
	if isKeyValueDSN(dsn) {
		return keyValuePassword.ReplaceAllString(dsn, "${1}xxxxx")
	}
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// schemaVersions are the migrations of the dialect, in order.
func (s *Store) schemaVersions() ([]string, error) {
	dir := "migrations/sqlite"
	if s.Dialect == Postgres {
		dir = "migrations/postgres"
	}
	names, err := fs.Glob(migrations, dir+"/*.sql")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	return names, nil
}

// Migrate brings the schema to the newest version, each migration in its own transaction.
func (s *Store) Migrate(ctx context.Context) error {
	if _, err := s.DB.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS dfdgaudit_skema (version INTEGER NOT NULL)"); err != nil {
		return fmt.Errorf("%s: %w", s.dsn, err)
	}
	have, err := s.version(ctx)
	if err != nil {
		return err
	}
	names, err := s.schemaVersions()
	if err != nil {
		return err
	}
	if have > len(names) {
		return fmt.Errorf("%s has schema %d, newer than this tool's %d: %w", s.dsn, have, len(names), errNewerSchema)
	}
	for i := have; i < len(names); i++ {
		body, err := migrations.ReadFile(names[i])
		if err != nil {
			return err
		}
		tx, err := s.DB.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		for _, stmt := range statements(string(body)) {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				tx.Rollback()
				return fmt.Errorf("migration %s: %w", path.Base(names[i]), err)
			}
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM dfdgaudit_skema"); err != nil {
			tx.Rollback()
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO dfdgaudit_skema (version) VALUES ($1)", i+1); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// CheckSchema reports an error unless the database has the newest schema.
func (s *Store) CheckSchema(ctx context.Context) error {
	names, err := s.schemaVersions()
	if err != nil {
		return err
	}
	have, err := s.version(ctx)
	switch {
	case err != nil:
		return fmt.Errorf("%s is not a dfdgaudit database (%v): run dfdgaudit migrate -db … or dfdgaudit demo first", s.dsn, err)
	case have < len(names):
		return fmt.Errorf("%s has schema %d of %d: run dfdgaudit migrate -db …", s.dsn, have, len(names))
	case have > len(names):
		return fmt.Errorf("%s has schema %d, newer than this tool's %d: %w", s.dsn, have, len(names), errNewerSchema)
	}
	return nil
}

func (s *Store) version(ctx context.Context) (int, error) {
	var v int
	err := s.DB.QueryRowContext(ctx, "SELECT version FROM dfdgaudit_skema").Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

// statements splits a migration into its statements: at each ";" that ends a line outside a quoted
// string, with "--" comments removed. A "--" or a ";" inside a string literal ('…') or a quoted name
// ("…") is part of the statement, not a comment or an end.
func statements(body string) []string {
	var out []string
	var b strings.Builder
	var quote byte // the quote the text is inside, or 0
	for _, line := range strings.Split(body, "\n") {
		code := line
		for i := 0; i < len(line); i++ {
			switch c := line[i]; {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '\'' || c == '"':
				quote = c
			case c == '-' && i+1 < len(line) && line[i+1] == '-':
				code = line[:i]
				i = len(line)
			}
		}
		code = strings.TrimRight(code, " \t\r")
		if code == "" && quote == 0 {
			continue
		}
		b.WriteString(code)
		b.WriteByte('\n')
		if quote == 0 && strings.HasSuffix(code, ";") {
			out = append(out, b.String())
			b.Reset()
		}
	}
	if strings.TrimSpace(b.String()) != "" {
		out = append(out, b.String())
	}
	return out
}

// Shard is a worker's part of the citizens: those whose key (FNV-1a of the CPR number, uniform over
// 31 bits) lies in the K-th of N equal ranges. The zero Shard is all of them.
type Shard struct{ K, N int }

// ParseShard reads "k/n" with 0 <= k < n.
func ParseShard(s string) (Shard, error) {
	if s == "" {
		return Shard{0, 1}, nil
	}
	a, b, ok := strings.Cut(s, "/")
	k, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || k < 0 || k >= n {
		return Shard{}, fmt.Errorf("-shard %q: give k/n with 0 <= k < n, such as 0/4", s)
	}
	return Shard{k, n}, nil
}

// args are the bounds of the shard's keys, lo included and hi not: the K-th of N equal ranges of
// the 31-bit keys. A range, not a remainder, so that the index on borger.noegle finds a shard's
// citizens and a shard reads only its own rows.
func (sh Shard) args() (lo, hi int64) {
	if sh.N < 1 {
		return 0, keySpace
	}
	return keySpace * int64(sh.K) / int64(sh.N), keySpace * int64(sh.K+1) / int64(sh.N)
}

// filter returns the condition that keeps the shard's citizens, on borger's alias b, with its
// arguments, for a query's WHERE; "TRUE" and none for the whole database, so that a query of every
// citizen needs no key and reads each table in the order of its primary key, without a sort.
func (sh Shard) filter(b string) (string, []any) {
	if sh.N <= 1 {
		return "TRUE", nil
	}
	lo, hi := sh.args()
	return b + ".noegle >= $1 AND " + b + ".noegle < $2", []any{lo, hi}
}

// keySpace is the number of shard keys.
const keySpace = 1 << 31

// key is a citizen's shard key: FNV-1a of the CPR number, in 31 bits so that both databases'
// integer remainders agree.
func key(cpr string) int64 {
	h := fnv.New32a()
	h.Write([]byte(cpr))
	return int64(h.Sum32() & 0x7fffffff)
}

// instant is the database value of an instant: RFC 3339 text in SQLite, TIMESTAMPTZ in PostgreSQL,
// NULL for the zero time.
func (s *Store) instant(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	if s.Dialect == SQLite {
		return t.UTC().Format(time.RFC3339Nano)
	}
	return t
}

// scanInstant reads what instant writes.
type scanInstant struct{ t *time.Time }

func (si scanInstant) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*si.t = time.Time{}
	case time.Time:
		*si.t = v
	case string:
		return si.parse(v)
	case []byte:
		return si.parse(string(v))
	default:
		return fmt.Errorf("an instant cannot be %T", src)
	}
	return nil
}

func (si scanInstant) parse(v string) error {
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return fmt.Errorf("%q is not an instant in RFC 3339", v)
	}
	*si.t = t
	return nil
}
