package dfdg_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 22: importing the rule packages allocates nothing at start-up: a command's operation, the
// code lists, the operations table, the documented codes and rule 3.1's rejections are read or made
// on first use. Package dfdg itself makes its three time zones and the key that scrambles CPR numbers
// in memory, and nothing more.
func TestInitCostsNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	probe := filepath.Join(t.TempDir(), "initprobe")
	build := exec.Command("go", "build", "-o", probe, "./testdata/initprobe")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "%s", out)
	run := exec.Command(probe)
	run.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err = run.CombinedOutput()
	require.NoError(t, err, "%s", out)
	line := regexp.MustCompile(`(?m)^init (github\.com/regelkit/dfdg\S*) @.*, (\d+) bytes, (\d+) allocs$`)
	seen := 0
	for _, m := range line.FindAllStringSubmatch(string(out), -1) {
		seen++
		allocs, _ := strconv.Atoi(m[3])
		if m[1] == "github.com/regelkit/dfdg" {
			assert.LessOrEqual(t, allocs, 12, "package dfdg: the zones and the CPR key")
			continue
		}
		assert.Zero(t, allocs, "%s allocates at init: %s bytes in %s allocations", m[1], m[2], m[3])
	}
	assert.NotZero(t, seen, "GODEBUG=inittrace=1 printed nothing of the library:\n%s", out)
}
