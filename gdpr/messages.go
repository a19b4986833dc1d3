package gdpr

import (
	"iter"

	"github.com/regelkit/dfdg"
	dfdgerrors "github.com/regelkit/dfdg/errors"
	"github.com/regelkit/dfdg/internal/check"
)

// appendMessages appends the messages the deletion of r causes, each recipient once:
//   - RecordDeceased: GdprSletAfdoede.WSB to every municipality in r.Municipalities and every a-kasse
//     in r.Akasser, so that they can decide whether to delete their own data (rule 4.1);
//   - RecordJobLog: GdprSletJoblog.WSB, and RecordOtherLog: GdprSletAndenlog.WSB, to the recipients r
//     names (rule 4.2);
//   - RecordJobLogDocument and every other kind: none.
//
// All have change type Sletning.
func appendMessages(msgs []dfdg.Message, r *Record) []dfdg.Message {
	var name dfdg.MessageName
	switch r.Kind {
	case dfdg.RecordDeceased:
		name = dfdg.GdprSletAfdoedeWSB
	case dfdg.RecordJobLog:
		name = dfdg.GdprSletJoblogWSB
	case dfdg.RecordOtherLog:
		name = dfdg.GdprSletAndenlogWSB
	default:
		return msgs // the kinds sendsMessages does not name
	}
	about := dfdg.Ref{Kind: r.Kind, ID: r.ID}
	first := len(msgs)
	seen := func(to dfdg.Actor) bool {
		for _, m := range msgs[first:] {
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

// sendsMessages reports whether deleting a record of kind k sends messages (see appendMessages).
func sendsMessages(k dfdg.RecordKind) bool {
	return k == dfdg.RecordDeceased || k == dfdg.RecordJobLog || k == dfdg.RecordOtherLog
}

// Deletion is the deletion of a record: the record, its deletion date, and the outcome every decision
// has, the messages the deletion causes and the rules that acted.
type Deletion struct {
	Record Record `json:"post"`
	Due    Due    `json:"slettedato"`
	dfdg.Outcome
}

// Delete returns the deletion of r, which the caller deletes at at.Now, because it is due or because
// its deletion is decided elsewhere (the logs of rule 4.2): its deletion date, the messages it causes
// (see the package documentation: GdprSletAfdoede.WSB for a deceased person, GdprSletJoblog.WSB and
// GdprSletAndenlog.WSB for logs, each recipient once, none for job-log documents and other kinds) and
// the rule that gives them. A record DeletionDate cannot judge is its error.
func (rs Rules) Delete(at dfdg.At, r Record) (Deletion, error) {
	due, err := rs.DeletionDate(at, r)
	if err != nil {
		return Deletion{}, err
	}
	d, _, err := deletion(&r, due, nil)
	return d, err
}

// deletion is the deletion of r, due on due. A record without an id is an error: no message names a
// record without one. Its messages are appended to msgs, and cut from it with their own capacity.
func deletion(r *Record, due Due, msgs []dfdg.Message) (Deletion, []dfdg.Message, error) {
	if r.ID == "" {
		return Deletion{}, msgs, dfdgerrors.New(dfdgerrors.ErrMissingValue, due.Rule, "id", "").
			WithDetail("posten, der slettes, har intet id", "the record to delete has no id")
	}
	d := Deletion{Record: *r, Due: due, Outcome: dfdg.Outcome{Rules: rulesOf(due.Rule)}}
	first := len(msgs)
	msgs = appendMessages(msgs, r)
	if len(msgs) > first {
		d.Messages = msgs[first:len(msgs):len(msgs)]
	}
	return d, msgs, nil
}

// rules4_1 and rules4_2 are the rule sets a deletion names, made once.
var rules4_1, rules4_2 = dfdg.RulesOf(dfdg.Rule4_1), dfdg.RulesOf(dfdg.Rule4_2)

func rulesOf(id dfdg.RuleID) dfdg.RuleSet {
	switch id {
	case dfdg.Rule4_1:
		return rules4_1
	case dfdg.Rule4_2:
		return rules4_2
	}
	return dfdg.RulesOf(id)
}

// slabSize is how many messages a sweep allocates at a time.
const slabSize = 256

// Sweep streams records and yields the deletion of every one that is due on the day of at.Now, each
// once, in the order they come. A record DeletionDate cannot judge yields its error (with the record)
// and the sweep goes on; a zero at.Now yields one error and ends it. The sweep holds one record at a
// time: its memory does not grow with the number of records. It allocates nothing for records that
// are not due, and the messages of those that are come from blocks shared by many deletions, each
// deletion's with its own capacity, so that appending to one never reaches another's (a deletion
// whose messages do not fit in what is left of a block moves to a larger one, and the deletions
// before it keep theirs). A nil records yields nothing.
//
// Since the day is fixed for a sweep, it computes once the latest date from which each retention
// period has run out, and compares each record's date with it; only the records that are due, or that
// the rule must judge (an error, efterløn), get their deletion date computed.
func (rs Rules) Sweep(at dfdg.At, records iter.Seq[Record]) iter.Seq2[Deletion, error] {
	return func(yield func(Deletion, error) bool) {
		if records == nil {
			return
		}
		if _, err := check.Now(&at); err != nil {
			yield(Deletion{}, err)
			return
		}
		today := at.Today()
		cut := cutoffsOn(today)
		var slab []dfdg.Message
		for r := range records {
			if cut.notDue(&r) {
				continue
			}
			due, err := rs.deletionDate(today, at.Now, &r)
			if err != nil {
				if !yield(Deletion{Record: r}, err) {
					return
				}
				continue
			}
			if !due.DueOn(today) {
				continue
			}
			if len(slab) == cap(slab) && sendsMessages(r.Kind) {
				slab = make([]dfdg.Message, 0, slabSize)
			}
			var del Deletion
			del, slab, err = deletion(&r, due, slab)
			if err != nil {
				del.Record = r
			}
			if !yield(del, err) {
				return
			}
		}
	}
}
