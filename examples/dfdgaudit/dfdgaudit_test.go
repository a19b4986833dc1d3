package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/regelkit/dfdg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const demoN = 1_000

// Demo writes each defect into its share of the citizens, and the audit finds exactly those, on
// each database; with -repair it applies the repairs (2.2 and 4.1), with their messages in the outbox,
// and a second audit finds only what has no repair.
func TestDemoAuditRepair(t *testing.T) {
	ctx := context.Background()
	onDemo(t, demoN, 300, func(t *testing.T, s *Store, _ string) {
		want := Expected(demoN)
		require.Len(t, want, len(defects))

		var out bytes.Buffer
		sum, err := Audit(ctx, s, AuditOptions{Now: testNow, Format: "csv", Out: &out})
		require.NoError(t, err)
		assert.Equal(t, demoN, sum.Read)
		assert.Equal(t, want, sum.Found)
		rows, err := csv.NewReader(&out).ReadAll()
		require.NoError(t, err)
		total := 0
		for _, n := range want {
			total += n
		}
		require.Len(t, rows, total+1, "a header and a row a finding")
		assert.Equal(t, []string{"borger", "regel", "poster", "aarsag", "felt", "problem", "problem_en", "reparation"}, rows[0])
		for _, r := range rows[1:] {
			assert.NotRegexp(t, `\d{6}-?\d{4}`, strings.Join(r, ","), "no CPR number in a finding")
		}

		out.Reset()
		sum, err = Audit(ctx, s, AuditOptions{Now: testNow, Format: "jsonl", Out: &out, Repair: true, Batch: 7})
		require.NoError(t, err)
		assert.Equal(t, map[dfdg.RuleID]int{dfdg.Rule2_2: want[dfdg.Rule2_2], dfdg.Rule4_1: want[dfdg.Rule4_1]}, sum.Repaired)
		assert.Equal(t, want[dfdg.Rule2_2], sum.Messages, "one Fravaer.WSB a closed sickness; none for a deleted registration")
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		require.Len(t, lines, total)
		var f map[string]any
		require.NoError(t, json.Unmarshal([]byte(lines[0]), &f))
		assert.Equal(t, "1.4", f["regel"])

		var outbox int
		require.NoError(t, s.DB.QueryRow("SELECT COUNT(*) FROM udbakke WHERE navn = 'Fravaer.WSB' AND regel = '2.2'").Scan(&outbox))
		assert.Equal(t, want[dfdg.Rule2_2], outbox)

		sum, err = Audit(ctx, s, AuditOptions{Now: testNow})
		require.NoError(t, err)
		assert.Zero(t, sum.Found[dfdg.Rule2_2], "repaired")
		assert.Zero(t, sum.Found[dfdg.Rule4_1], "repaired")
		assert.Equal(t, want[dfdg.Rule1_4], sum.Found[dfdg.Rule1_4], "no repair for history")
	})
}

// The GDPR run lists what is due, deletes it with -apply, its messages in the outbox, and a second
// run finds nothing.
func TestGDPRApply(t *testing.T) {
	ctx := context.Background()
	onDemo(t, demoN, 500, func(t *testing.T, s *Store, _ string) {
		deceased, ky, regs := demoN/100, demoN/10, Expected(demoN)[dfdg.Rule4_1]
		var out bytes.Buffer
		sum, err := GDPR(ctx, s, GDPROptions{Now: testNow, Out: &out})
		require.NoError(t, err)
		assert.Equal(t, deceased+ky+regs, sum.Found[dfdg.Rule4_1])
		assert.Empty(t, sum.Repaired, "listing deletes nothing")
		assert.Contains(t, out.String(), "GdprSletAfdoede.WSB Sletning til kommune")

		sum, err = GDPR(ctx, s, GDPROptions{Now: testNow, Apply: true, Batch: 33})
		require.NoError(t, err)
		assert.Equal(t, deceased+ky+regs, sum.Repaired[dfdg.Rule4_1])
		assert.Equal(t, 2*deceased, sum.Messages, "to the jobcentre and the a-kasse of each deceased")
		var citizens, outbox int
		require.NoError(t, s.DB.QueryRow("SELECT COUNT(*) FROM borger").Scan(&citizens))
		assert.Equal(t, demoN-deceased, citizens, "a deceased citizen is deleted whole")
		require.NoError(t, s.DB.QueryRow("SELECT COUNT(*) FROM udbakke").Scan(&outbox))
		assert.Equal(t, 2*deceased, outbox)

		sum, err = GDPR(ctx, s, GDPROptions{Now: testNow, Apply: true})
		require.NoError(t, err)
		assert.Zero(t, sum.Found[dfdg.Rule4_1])
	})
}

// Workers with -shard k/n split the citizens between them: together they see each once.
func TestShardsSplitTheCitizens(t *testing.T) {
	ctx := context.Background()
	onDemo(t, demoN, 500, func(t *testing.T, s *Store, _ string) {
		seen := map[string]int{}
		found := 0
		for k := range 3 {
			n := 0
			for c, err := range s.Citizens(ctx, Shard{k, 3}) {
				require.NoError(t, err)
				seen[c.ID]++
				n++
			}
			assert.Greater(t, n, demoN/5, "shard %d/3 has a fair share", k)
			sum, err := Audit(ctx, s, AuditOptions{Now: testNow, Shard: Shard{k, 3}})
			require.NoError(t, err)
			for _, v := range sum.Found {
				found += v
			}
		}
		assert.Len(t, seen, demoN)
		for id, n := range seen {
			require.Equal(t, 1, n, id)
		}
		total := 0
		for _, n := range Expected(demoN) {
			total += n
		}
		assert.Equal(t, total, found)
	})
}

// A citizen read back from the database is the one demo wrote, records and all.
func TestCitizensReadBack(t *testing.T) {
	ctx := context.Background()
	onDemo(t, 20, 500, func(t *testing.T, s *Store, _ string) {
		var got []Citizen
		for c, err := range s.Citizens(ctx, Shard{}) {
			require.NoError(t, err)
			k := *c // the slices are reused for the next citizen: copy them
			k.Memberships = slices.Clone(c.Memberships)
			k.Registrations = slices.Clone(c.Registrations)
			k.Absences = slices.Clone(c.Absences)
			k.Activities = slices.Clone(c.Activities)
			got = append(got, k)
		}
		require.Len(t, got, 20)
		c := got[3] // defect 2.1
		assert.Equal(t, "b-0000003", c.ID)
		assert.Equal(t, "0401009000", c.CPR.Unmasked(), "the number only on purpose")
		assert.NotContains(t, c.CPR.String(), "9000", "and masked otherwise")
		assert.Equal(t, dfdg.Jobplan, c.Plan.Type)
		require.Len(t, got[0].Memberships, 3)
		want := dfdg.DateOf(testNow).AddDays(-300).Time().Add(10 * time.Hour)
		sound := got[17] // no defect
		assert.True(t, want.Equal(sound.Memberships[1].Start), "%v, want %v", sound.Memberships[1].Start, want)
		assert.True(t, sound.Memberships[1].End.IsZero(), "NULL is the zero time")
		assert.Len(t, sound.Absences, 6)
		assert.Len(t, sound.Activities, 5)
		assert.Equal(t, "37", sound.Activities[0].Hours.String())
		a, ok := got[3].Absence("fr-66a")
		require.True(t, ok)
		assert.Equal(t, dfdg.Period{Start: dfdg.DateOf(testNow).AddDays(-60), End: dfdg.DateOf(testNow).AddDays(-50)}, a.Period)
	})
}

// A stream read to its end crosses many of its readers' batches, and one stopped early ends its readers
// and gives their connections back: nothing waits on a reader that no one reads.
func TestCitizensStoppedEarlyEndTheirReaders(t *testing.T) {
	ctx := context.Background()
	onDemo(t, 400, 500, func(t *testing.T, s *Store, _ string) {
		n := 0
		for _, err := range s.Citizens(ctx, Shard{}) {
			require.NoError(t, err)
			n++
		}
		require.Equal(t, 400, n, "2,000 activities: eight batches of that table")
		// What a whole stream leaves running (the drivers' own goroutines for the connections it
		// opened) is the measure for the stopped ones.
		var before int
		require.Eventually(t, func() bool { before = runtime.NumGoroutine(); return s.DB.Stats().InUse == 0 }, 10*time.Second, 10*time.Millisecond)
		for range 3 {
			n = 0
			for _, err := range s.Citizens(ctx, Shard{}) {
				require.NoError(t, err)
				if n++; n == 5 {
					break
				}
			}
		}
		var now, inUse int
		assert.Eventually(t, func() bool {
			now, inUse = runtime.NumGoroutine(), s.DB.Stats().InUse
			return now <= before && inUse == 0
		}, 10*time.Second, 10*time.Millisecond)
		assert.LessOrEqual(t, now, before, "goroutines")
		assert.Zero(t, inUse, "connections in use")
	})
}

// A row that cannot be read fails the stream where it lies: the citizens before it come first, across
// the readers' batches, and then the error.
func TestCitizensFailWhereABadRowLies(t *testing.T) {
	ctx := context.Background()
	onDemo(t, 400, 500, func(t *testing.T, s *Store, _ string) {
		_, err := s.DB.ExecContext(ctx, "UPDATE aktivitet SET status = 'x' WHERE borger_id = 'b-0000300'")
		require.NoError(t, err)
		n := 0
		var failed error
		for c, err := range s.Citizens(ctx, Shard{}) {
			if err != nil {
				failed = err
				break
			}
			require.Less(t, c.ID, "b-0000300")
			n++
		}
		require.Error(t, failed)
		// The stream reads one row ahead, as it did before the readers had goroutines: the citizen whose
		// records end just before the bad row is not given either.
		assert.Equal(t, 299, n, "every citizen before the bad row but the last, and none after")
	})
}
