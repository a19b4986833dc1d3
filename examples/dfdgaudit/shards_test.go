package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// Four shard processes at once against one PostgreSQL database are one run: audit -repair and then
// gdpr -apply, each as four processes started together (-shard k/4, as a Kubernetes Indexed Job
// starts them), leave the database as one process of each leaves a copy of the same data, and their
// outputs together are the one process's, with nothing twice: the findings, the repairs, the
// deletions and the outbox messages.
func TestFourShardsAtOnceAreOneRun(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the command ten times")
	}
	dbs := databases(t)
	pgDSN, ok := dbs["postgres"]
	if !ok {
		t.Skip("needs PostgreSQL")
	}
	whole := pgDSN
	sharded := databases(t)["postgres"]
	const n = 3_000
	for _, dsn := range []string{whole, sharded} {
		require.NoError(t, Demo(t.Context(), open(t, dsn), n, testNow, 500, nil))
	}
	dir := t.TempDir()
	runs := func(dsn, cmd string, shards int, flags ...string) []string {
		var wg sync.WaitGroup
		outs := make([]string, shards)
		errs := make([]error, shards)
		for k := range shards {
			outs[k] = filepath.Join(dir, fmt.Sprintf("%s-%d-%d-%d.csv", cmd, shards, k, time.Now().UnixNano()))
			args := append([]string{cmd, "-db", dsn, "-now", testNow.Format(time.RFC3339), "-quiet", "-out", outs[k]}, flags...)
			if shards > 1 {
				args = append(args, "-shard", strconv.Itoa(k)+"/"+strconv.Itoa(shards))
			}
			c := exec.Command(os.Args[0], args...)
			c.Env = append(os.Environ(), "DFDGAUDIT_RUN_MAIN=1")
			var stderr bytes.Buffer
			c.Stderr = &stderr
			require.NoError(t, c.Start())
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := c.Wait(); err != nil {
					errs[k] = fmt.Errorf("%s shard %d: %v: %s", cmd, k, err, stderr.String())
				}
			}()
		}
		wg.Wait()
		for _, err := range errs {
			require.NoError(t, err)
		}
		var lines []string
		for _, out := range outs {
			raw, err := os.ReadFile(out)
			require.NoError(t, err)
			for _, l := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
				if l != "" && !strings.HasPrefix(l, "borger,") && !strings.HasPrefix(l, "borger_id,") { // each file's header
					lines = append(lines, l)
				}
			}
		}
		slices.Sort(lines)
		return lines
	}

	for _, step := range []struct {
		cmd   string
		flags []string
	}{{"audit", []string{"-repair"}}, {"gdpr", []string{"-apply"}}} {
		one := runs(whole, step.cmd, 1, step.flags...)
		four := runs(sharded, step.cmd, 4, step.flags...)
		require.NotEmpty(t, one, "%s finds something to do", step.cmd)
		t.Logf("%s %v: %d lines from one process, %d from four", step.cmd, step.flags, len(one), len(four))
		assert.Equal(t, one, four, "%s %v: four shards list what one run lists", step.cmd, step.flags)
		assert.Equal(t, len(four), len(slices.Compact(slices.Clone(four))), "%s: no line twice", step.cmd)
	}

	a, b := dump(t, whole), dump(t, sharded)
	for table := range a {
		assert.Equal(t, len(a[table]), len(b[table]), "table %s: rows", table)
		assert.Equal(t, a[table], b[table], "table %s: the same rows", table)
	}
	assert.NotEmpty(t, b["udbakke"], "the repairs and deletions wrote messages")
	var twice int
	require.NoError(t, open(t, sharded).DB.QueryRow(`SELECT COUNT(*) FROM (SELECT borger_id, navn, aendring, modtager, posttype, post_id
		FROM udbakke GROUP BY borger_id, navn, aendring, modtager, posttype, post_id HAVING COUNT(*) > 1) d`).Scan(&twice))
	assert.Zero(t, twice, "no message twice")
}

// dump returns every table's rows as sorted text, without the outbox's serial number (the order the
// shards wrote in).
func dump(t *testing.T, dsn string) map[string][]string {
	t.Helper()
	db := open(t, dsn).DB
	out := map[string][]string{}
	for _, table := range []string{"borger", "plan", "kontaktgruppe", "tilmelding", "personkategori", "fravaer", "aktivitet", "gdpr_post", "besked", "udbakke"} {
		rows, err := db.Query("SELECT * FROM " + table)
		require.NoError(t, err)
		cols, err := rows.Columns()
		require.NoError(t, err)
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			require.NoError(t, rows.Scan(ptrs...))
			var b strings.Builder
			for i, v := range vals {
				if table == "udbakke" && cols[i] == "nr" {
					continue
				}
				fmt.Fprintf(&b, "%s=%v;", cols[i], v)
			}
			out[table] = append(out[table], b.String())
		}
		require.NoError(t, rows.Err())
		rows.Close()
		slices.Sort(out[table])
	}
	return out
}

// The Kubernetes manifest runs one shard per completion index: completions, parallelism and the n of
// -shard $(JOB_COMPLETION_INDEX)/n agree, and the DSN comes from a Secret.
func TestKubernetesJobShardsEveryIndex(t *testing.T) {
	raw, err := os.ReadFile("k8s/audit-job.yaml")
	require.NoError(t, err)
	var job struct {
		Kind string
		Spec struct {
			CompletionMode string `yaml:"completionMode"`
			Completions    int
			Parallelism    int
			Template       struct {
				Spec struct {
					Containers []struct {
						Args []string
						Env  []struct {
							Name      string
							ValueFrom struct {
								SecretKeyRef struct{ Name, Key string } `yaml:"secretKeyRef"`
							} `yaml:"valueFrom"`
						}
					}
				}
			}
		}
	}
	require.NoError(t, yaml.Unmarshal(raw, &job))
	assert.Equal(t, "Job", job.Kind)
	assert.Equal(t, "Indexed", job.Spec.CompletionMode)
	assert.Equal(t, job.Spec.Completions, job.Spec.Parallelism)
	require.Len(t, job.Spec.Template.Spec.Containers, 1)
	c := job.Spec.Template.Spec.Containers[0]
	i := slices.Index(c.Args, "-shard")
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, "$(JOB_COMPLETION_INDEX)/"+strconv.Itoa(job.Spec.Completions), c.Args[i+1])
	// Every index 0..n-1 is a shard dfdgaudit accepts.
	for k := range job.Spec.Completions {
		_, err := ParseShard(strings.Replace(c.Args[i+1], "$(JOB_COMPLETION_INDEX)", strconv.Itoa(k), 1))
		require.NoError(t, err)
	}
	d := slices.Index(c.Args, "-db")
	require.GreaterOrEqual(t, d, 0)
	require.Len(t, c.Env, 1)
	assert.Equal(t, "$("+c.Env[0].Name+")", c.Args[d+1], "the DSN from the environment")
	assert.NotEmpty(t, c.Env[0].ValueFrom.SecretKeyRef.Name, "the environment from a Secret")
}
