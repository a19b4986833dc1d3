package gdpr

import (
	"iter"

	"github.com/regelkit/dfdg"
	"github.com/regelkit/dfdg/codelist"
)

// Messages returns the messages the deletion of r causes, each recipient once:
//   - Deceased: GdprSletAfdoede.WSB to every municipality in r.Municipalities and every a-kasse in
//     r.Akasser, so that they can decide whether to delete their own data (rule 4.1);
//   - JobLog: GdprSletJoblog.WSB, and OtherLog: GdprSletAndenlog.WSB, to the recipients r names
//     (rule 4.2);
//   - JobLogDocument and every other kind: none.
//
// All have change type Sletning.
func Messages(r Record) []dfdg.Message {
	var name dfdg.MessageName
	switch r.Kind {
	case Deceased:
		name = dfdg.GdprSletAfdoedeWSB
	case JobLog:
		name = dfdg.GdprSletJoblogWSB
	case OtherLog:
		name = dfdg.GdprSletAndenlogWSB
	default:
		return nil
	}
	about := dfdg.Ref{Kind: refKind(r.Kind), ID: r.ID}
	msgs := make([]dfdg.Message, 0, len(r.Municipalities)+len(r.Akasser))
	seen := func(to dfdg.Actor) bool {
		for _, m := range msgs {
			if m.To == to {
				return true
			}
		}
		return false
	}
	for _, m := range r.Municipalities {
		if to := dfdg.MunicipalityActor(m); m != 0 && !seen(to) {
			msgs = append(msgs, dfdg.Message{Name: name, Change: dfdg.Delete, To: to, About: about})
		}
	}
	for _, a := range r.Akasser {
		if to := dfdg.AkasseActor(a); a != "" && !seen(to) {
			msgs = append(msgs, dfdg.Message{Name: name, Change: dfdg.Delete, To: to, About: about})
		}
	}
	return msgs
}

func refKind(k Kind) string {
	switch k {
	case Deceased:
		return "Afdoed"
	case JobLog:
		return "Joblog"
	}
	return "Andenlog"
}

// Deletion is a record that is due, with its deletion date.
type Deletion struct {
	Record Record `json:"record"`
	Due    Due    `json:"due"`
}

// Messages returns the messages the deletion causes; see the function Messages.
func (d Deletion) Messages() []dfdg.Message { return Messages(d.Record) }

// Sweep streams records and yields every one that is due on today, each once, in the order they
// come. A record DeletionDate cannot judge yields its error (with the record) and the sweep goes on.
// The sweep holds one record at a time: its memory does not grow with the number of records, and it
// allocates nothing for records that are not due.
func Sweep(records iter.Seq[Record], today dfdg.Date, cat *codelist.Catalog) iter.Seq2[Deletion, error] {
	return func(yield func(Deletion, error) bool) {
		if cat == nil {
			cat = codelist.Default()
		}
		for r := range records {
			due, err := DeletionDate(r, today, cat)
			if err != nil {
				if !yield(Deletion{Record: r}, err) {
					return
				}
				continue
			}
			if due.DueOn(today) && !yield(Deletion{Record: r, Due: due}, nil) {
				return
			}
		}
	}
}
