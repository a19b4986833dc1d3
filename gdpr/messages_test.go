package gdpr_test

import (
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/gdpr"
	"github.com/stretchr/testify/assert"
)

// Rule 4.1: a deceased person with more a-kasser than municipalities gets a message to each.
func TestRule4_1_DeceasedWithMoreAkasserThanMunicipalities(t *testing.T) {
	r := gdpr.Record{Kind: dfdg.RecordDeceased, ID: "p-1", End: day("2019-05-01"),
		Municipalities: []dfdg.Municipality{101}, Akasser: []dfdg.Akasse{"ak-1", "ak-2", "ak-3", "ak-2"}}
	var to []string
	for _, m := range messagesOf(t, r) {
		to = append(to, m.To.String())
	}
	assert.Equal(t, []string{"kommune 101", "a-kasse ak-1", "a-kasse ak-2", "a-kasse ak-3"}, to)
	r.Municipalities = nil
	to = to[:0]
	for _, m := range messagesOf(t, r) {
		to = append(to, m.To.String())
	}
	assert.Equal(t, []string{"a-kasse ak-1", "a-kasse ak-2", "a-kasse ak-3"}, to, "no municipality at all")
}
