package gdpr_test

import (
	"testing"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/gdpr"
)

// FuzzDeletionDate: no record panics DeletionDate, CheckRead or Delete; a date is never before its
// event and nothing is due before it.
func FuzzDeletionDate(f *testing.F) {
	f.Add(uint8(1), int32(0), int32(100), 0, int32(0))
	f.Add(uint8(5), int32(-5000), int32(-100), 2, int32(-30000))
	f.Add(uint8(6), int32(0), int32(0), 0, int32(3000000))
	f.Add(uint8(255), int32(1<<30), int32(-1<<30), -1, int32(1))
	f.Fuzz(func(t *testing.T, kind uint8, start, end int32, project int, birth int32) {
		base := dfdg.MustParseDate("2020-01-01")
		r := gdpr.Record{Kind: dfdg.RecordKind(kind % 20), ID: "x", ProjectType: dfdg.ProjectType(project), Municipalities: []dfdg.Municipality{101, 101}}
		if start != 0 {
			r.Start = base.AddDays(int(start))
		}
		if end != 0 {
			r.End = base.AddDays(int(end))
		}
		if birth != 0 {
			r.Birth = base.AddDays(int(birth))
		}
		d, err := rules.DeletionDate(on(today), r)
		_ = rules.CheckRead(on(today), r)
		if del, _ := rules.Delete(on(today), r); len(del.Messages) > 1 {
			t.Fatal("a recipient twice")
		}
		if err != nil || d.Never {
			return
		}
		ev := eventOf(t, r, d)
		if d.Date.Before(ev) && d.Date.Year() < 9999 {
			t.Fatalf("%+v due %s before its event %s", r, d.Date, ev)
		}
		if d.DueOn(d.Date.AddDays(-1)) && d.Date.Year() > 1 {
			t.Fatal("due before its date")
		}
	})
}
