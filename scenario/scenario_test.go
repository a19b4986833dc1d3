package scenario_test

import (
	"testing"

	"github.com/regelkit/dfdg/scenario"
)

// TestShippedScenarios runs every case shipped in testdata/scenarios.
func TestShippedScenarios(t *testing.T) {
	scenario.Run(t, "../testdata/scenarios/*.json")
}
