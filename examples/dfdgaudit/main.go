// Command dfdgaudit audits a municipality's or a-kasse's local copy of DFDG data against the release
// note's rules with package audit, applies the repairs the rules determine, and deletes what rule 4.1
// says is due, over SQLite or PostgreSQL.
//
//	dfdgaudit demo  -db dfdg.db -n 100000          # a database of generated citizens with known defects
//	dfdgaudit audit -db dfdg.db > fund.csv         # every finding, and a summary per rule
//	dfdgaudit audit -db dfdg.db -repair            # … and apply the repairs
//	dfdgaudit gdpr  -db dfdg.db [-apply]           # the records due for deletion today, and delete them
//	dfdgaudit migrate -db postgres://user@host/db  # create or update the schema
//
// See README.md beside this file.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/regelkit/dfdg"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// The tool streams: its live heap is one citizen and the drivers' buffers, a few MB, and
		// decoding rows allocates at a high rate. A garbage collection at five times the live heap,
		// not twice, costs ~10 MB more and a fifth less time (PostgreSQL audit of 100,000: 48,000 to
		// 59,000-61,000 citizens/s, 21 to 32 MB). GOGC, when set, decides instead.
		debug.SetGCPercent(400)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: dfdgaudit <command> [flags]

commands:
  migrate  create or update the schema of the database
  demo     fill the database with -n generated citizens with a known share of each defect
  audit    check every citizen against the rules; write the findings (-format csv|jsonl) and a summary
  gdpr     list the records due for deletion today with their messages; -apply deletes them

run dfdgaudit <command> -h for a command's flags; flags come after the command, and nothing after them.
`

// run is the command with its arguments; it returns the exit code: 0 done, 1 failed, 2 misused.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || slices.Contains([]string{"-h", "-help", "--help", "help"}, args[0]) {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd := args[0]
	fs := flag.NewFlagSet("dfdgaudit "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	dsn := fs.String("db", "dfdg.db", "the database: a SQLite file, or postgres://user:password@host/database")
	nowFlag := fs.String("now", "", "the time of the run, RFC 3339 or YYYY-MM-DD (default: now)")
	shardFlag := fs.String("shard", "", "k/n: only the citizens whose CPR key lies in the k-th of n equal key ranges (0-based), so that n workers split the database")
	out := fs.String("out", "-", "where the findings or records go; - is stdout")
	quiet := fs.Bool("quiet", false, "no progress on stderr")
	batch := fs.Int("batch", 500, "changes a transaction, for -repair, -apply and demo")
	pause := fs.Duration("pause", 0, "wait this long after each transaction of -apply (to watch, or test, a run stopped halfway)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof reads it): where the time goes")
	var n *int
	var format *string
	var repair, apply *bool
	switch cmd {
	case "migrate":
	case "demo":
		n = fs.Int("n", 10_000, "how many citizens")
	case "audit":
		format = fs.String("format", "csv", "csv or jsonl")
		repair = fs.Bool("repair", false, "apply the repairs the rules determine, their messages to the outbox table udbakke")
	case "gdpr":
		apply = fs.Bool("apply", false, "delete the records due, their messages to the outbox table udbakke")
	default:
		fmt.Fprintf(stderr, "dfdgaudit: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		// flag stops at the first word that is not a flag: what follows it would be ignored, and a
		// -db after a stray word would run against the default database.
		fmt.Fprintf(stderr, "dfdgaudit %s: unexpected argument %q: flags come after the command, and nothing after them\n%s", cmd, fs.Arg(0), usage)
		return 2
	}
	if format != nil && *format != "csv" && *format != "jsonl" {
		fmt.Fprintf(stderr, "dfdgaudit %s: -format %q: write csv or jsonl\n", cmd, *format)
		return 2
	}
	now, err := parseNow(*nowFlag)
	if err != nil {
		fmt.Fprintln(stderr, "dfdgaudit:", err)
		return 2
	}
	shard, err := ParseShard(*shardFlag)
	if err != nil {
		fmt.Fprintln(stderr, "dfdgaudit:", err)
		return 2
	}
	store, err := Open(ctx, *dsn, cmd == "migrate" || cmd == "demo")
	if err != nil {
		fmt.Fprintln(stderr, "dfdgaudit:", err)
		return 1
	}
	defer store.Close()
	w := stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(stderr, "dfdgaudit:", err)
			return 1
		}
		defer f.Close()
		w = f
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "dfdgaudit:", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(stderr, "dfdgaudit:", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	progressTo := stderr
	if *quiet {
		progressTo = nil
	}
	started := time.Now()
	switch cmd {
	case "migrate":
		err = store.Migrate(ctx)
		if err == nil {
			fmt.Fprintf(stderr, "dfdgaudit: %s has the newest schema\n", store.dsn)
		}
	case "demo":
		p := bar(progressTo, "borgere", *n)
		err = Demo(ctx, store, *n, now, *batch, p.update)
		p.done()
		if err == nil {
			printExpected(stderr, *n, time.Since(started))
		}
	case "audit":
		var sum Summary
		p := bar(progressTo, "borgere", count(ctx, store, shard, "borger"))
		sum, err = Audit(ctx, store, AuditOptions{Now: now, Shard: shard, Format: *format, Out: w, Repair: *repair, Batch: *batch, Progress: p.update})
		p.done()
		if err == nil {
			printSummary(stderr, "audit", sum, *repair, time.Since(started))
		}
	case "gdpr":
		var sum Summary
		p := bar(progressTo, "poster", -1)
		sum, err = GDPR(ctx, store, GDPROptions{Now: now, Shard: shard, Out: w, Apply: *apply, Batch: *batch, Pause: *pause, Progress: p.update})
		p.done()
		if err == nil {
			printSummary(stderr, "gdpr", sum, *apply, time.Since(started))
		}
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(stderr, "dfdgaudit: stopped; what was committed stays, and a new run goes on from there")
			return 1
		}
		fmt.Fprintln(stderr, "dfdgaudit:", err)
		return 1
	}
	return 0
}

func parseNow(s string) (time.Time, error) {
	if s == "" {
		return time.Now(), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	d, err := dfdg.ParseDate(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("-now %q: give RFC 3339 (2025-11-01T12:00:00+01:00) or a date (2025-11-01)", s)
	}
	return d.Time().Add(12 * time.Hour), nil
}

func bar(w io.Writer, what string, total int) *progress {
	if w == nil {
		return nil
	}
	return newProgress(w, what, total)
}

// count returns the rows of table in the shard, for the progress bar; -1 when it cannot tell.
func count(ctx context.Context, s *Store, sh Shard, table string) int {
	lo, hi := sh.args()
	var c int
	if err := s.DB.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table+" WHERE noegle >= $1 AND noegle < $2", lo, hi).Scan(&c); err != nil {
		return -1
	}
	return c
}

func printExpected(w io.Writer, n int, took time.Duration) {
	fmt.Fprintf(w, "dfdgaudit: %d citizens written in %s (%.0f/s); the defects written, which audit finds:\n", n, took.Round(time.Millisecond), float64(n)/took.Seconds())
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "regel\tborgere\tdefekt")
	want := Expected(n)
	for _, d := range defects {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", d.Rule, want[d.Rule], d.What)
	}
	tw.Flush()
}

func printSummary(w io.Writer, what string, sum Summary, applied bool, took time.Duration) {
	unit := "borgere"
	if what == "gdpr" {
		unit = "poster"
	}
	rate := float64(sum.Read) / max(took.Seconds(), 1e-9)
	fmt.Fprintf(w, "dfdgaudit %s: %d %s in %s (%.0f/s)\n", what, sum.Read, unit, took.Round(time.Millisecond), rate)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	col := "repareret"
	if what == "gdpr" {
		col = "slettet"
	}
	fmt.Fprintf(tw, "regel\tfund\t%s\t\n", col)
	var rules []dfdg.RuleID
	for r := range sum.Found {
		rules = append(rules, r)
	}
	slices.Sort(rules)
	total := 0
	for _, r := range rules {
		fmt.Fprintf(tw, "%s\t%d\t%d\t\n", r, sum.Found[r], sum.Repaired[r])
		total += sum.Found[r]
	}
	fmt.Fprintf(tw, "i alt\t%d\t%d\t\n", total, sumValues(sum.Repaired))
	tw.Flush()
	if applied {
		fmt.Fprintf(w, "%d beskeder skrevet i udbakke\n", sum.Messages)
	}
}

func sumValues(m map[dfdg.RuleID]int) int {
	t := 0
	for _, v := range m {
		t += v
	}
	return t
}
