package dfdg_test

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRuleCatalogue(t *testing.T) {
	rs := dfdg.Rules()
	require.Len(t, rs, 22)
	seen := map[dfdg.RuleID]bool{}
	for i, r := range rs {
		assert.Regexp(t, `^[1-4]\.[1-7]$`, string(r.ID))
		assert.False(t, seen[r.ID], "duplicate %s", r.ID)
		seen[r.ID] = true
		assert.NotEmpty(t, r.Heading)
		assert.NotEmpty(t, r.Summary)
		assert.NotEmpty(t, r.Package)
		got, ok := dfdg.RuleByID(r.ID)
		require.True(t, ok)
		assert.Equal(t, r, got)
		if i > 0 {
			assert.Less(t, string(rs[i-1].ID), string(r.ID), "in the note's order")
		}
	}
	_, ok := dfdg.RuleByID("1.8")
	assert.False(t, ok)
	_, ok = dfdg.RuleByID("5.1")
	assert.False(t, ok)
	_, ok = dfdg.RuleByID("")
	assert.False(t, ok)
	rs[0].Heading = "changed"
	assert.NotEqual(t, "changed", dfdg.Rules()[0].Heading, "Rules returns a copy")
}

// The headings are the note's, letter for letter. The note lives beside the repository on a
// developer's machine (../shared/seed); CI's clean clone has no copy, so there the test is skipped.
func TestRuleHeadingsAreTheNotes(t *testing.T) {
	seed := readSeed(t)
	for _, r := range dfdg.Rules() {
		assert.Contains(t, seed, string(r.ID)+": "+r.Heading, r.ID)
	}
}

func readSeed(t *testing.T) string {
	t.Helper()
	entries, err := os.ReadDir("../shared/seed")
	if err != nil {
		t.Skip("release note not beside the repository:", err)
	}
	var b strings.Builder
	for _, e := range entries {
		raw, err := os.ReadFile("../shared/seed/" + e.Name())
		require.NoError(t, err)
		b.Write(raw)
	}
	// Headings wrap in the note's text; join its lines with single spaces.
	return regexp.MustCompile(`\s+`).ReplaceAllString(b.String(), " ")
}

func TestRuleSet(t *testing.T) {
	var s dfdg.RuleSet
	assert.Equal(t, 0, s.Len())
	assert.Equal(t, "", s.String())
	s = s.With(dfdg.Rule2_4).With(dfdg.Rule1_5).With(dfdg.Rule2_4).With("9.9")
	assert.Equal(t, 2, s.Len())
	assert.True(t, s.Has(dfdg.Rule1_5))
	assert.False(t, s.Has(dfdg.Rule1_6))
	assert.False(t, s.Has("9.9"))
	assert.Equal(t, []dfdg.RuleID{"1.5", "2.4"}, s.IDs())
	assert.Equal(t, "1.5, 2.4", s.String())
	all := dfdg.RuleSet{}
	for _, r := range dfdg.Rules() {
		all = all.With(r.ID)
	}
	assert.Equal(t, 22, all.Len())
	assert.Equal(t, dfdg.Rule4_2, all.IDs()[21])
	assert.Equal(t, s, dfdg.RulesOf("2.4", "1.5"))
	assert.Equal(t, 3, s.Union(dfdg.RulesOf(dfdg.Rule4_1, dfdg.Rule1_5)).Len())

	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `["1.5","2.4"]`, string(b))
	b, err = json.Marshal(dfdg.RuleSet{})
	require.NoError(t, err)
	assert.JSONEq(t, `[]`, string(b))
	var back dfdg.RuleSet
	require.NoError(t, json.Unmarshal([]byte(`["2.4","1.5"]`), &back))
	assert.Equal(t, s, back)
	assert.Error(t, json.Unmarshal([]byte(`["1.8"]`), &back))
}
