package dfdg_test

import (
	"testing"
	"time"

	"github.com/regelkit/dfdg"
)

var (
	sinkDate dfdg.Date
	sinkErr  error
)

func BenchmarkAddMonths(b *testing.B) {
	start := dfdg.MustParseDate("2023-08-31")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkDate = start.AddMonths(i % 120)
	}
}

func BenchmarkAddYears(b *testing.B) {
	start := dfdg.MustParseDate("2024-02-29")
	b.ReportAllocs()
	for b.Loop() {
		sinkDate = start.AddYears(6)
	}
}

func BenchmarkParseDate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkDate, sinkErr = dfdg.ParseDate("2025-07-01")
	}
}

func BenchmarkDateOf(b *testing.B) {
	t := time.Date(2025, 10, 26, 1, 30, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		sinkDate = dfdg.DateOf(t)
	}
}
