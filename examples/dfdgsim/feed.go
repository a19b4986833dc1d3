package main

import (
	"sync"

	"github.com/regelkit/dfdg"
)

// FeedItem is a message in a recipient's feed, with its number in that feed (from 1).
type FeedItem struct {
	N       int          `json:"nr"`
	Message dfdg.Message `json:"besked"`
}

// Feed queues the messages the decisions cause, per recipient, for clients to read. It keeps the
// newest messages of each recipient up to a limit; numbers go on from where the dropped ones ended.
type Feed struct {
	mu    sync.Mutex
	queue map[dfdg.Actor][]FeedItem
}

// NewFeed returns an empty Feed.
func NewFeed() *Feed { return &Feed{queue: map[dfdg.Actor][]FeedItem{}} }

// Reserve reports whether the feed can take msgs without holding queues for more than recipients
// recipients, and when it can, opens the queues of the new ones in the same step: two decisions at
// once cannot both take the last place (a check and an add apart could).
func (f *Feed) Reserve(msgs []dfdg.Message, recipients int) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := len(f.queue)
	for i, m := range msgs {
		if _, ok := f.queue[m.To]; ok || seenBefore(msgs[:i], m.To) {
			continue
		}
		if n++; n > recipients {
			return false
		}
	}
	for _, m := range msgs {
		if _, ok := f.queue[m.To]; !ok {
			f.queue[m.To] = nil
		}
	}
	return true
}

func seenBefore(msgs []dfdg.Message, to dfdg.Actor) bool {
	for _, m := range msgs {
		if m.To == to {
			return true
		}
	}
	return false
}

// Add queues messages for their recipients, keeping at most perRecipient of each recipient's newest.
func (f *Feed) Add(msgs []dfdg.Message, perRecipient int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, m := range msgs {
		q := f.queue[m.To]
		n := 1
		if len(q) > 0 {
			n = q[len(q)-1].N + 1
		}
		q = append(q, FeedItem{N: n, Message: m})
		if len(q) > perRecipient {
			// The append after this reslice copies only the kept items to a new array, so a queue
			// never holds more than twice its limit.
			q = q[len(q)-perRecipient:]
		}
		f.queue[m.To] = q
	}
}

// After returns the recipient's messages numbered after n that the feed still holds.
func (f *Feed) After(to dfdg.Actor, n int) []FeedItem {
	f.mu.Lock()
	defer f.mu.Unlock()
	q := f.queue[to]
	i := 0
	for i < len(q) && q[i].N <= n {
		i++
	}
	return append([]FeedItem{}, q[i:]...)
}

// Reset forgets every message.
func (f *Feed) Reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queue = map[dfdg.Actor][]FeedItem{}
}
