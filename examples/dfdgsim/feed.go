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

// Feed queues the messages the decisions cause, per recipient, for clients to read.
type Feed struct {
	mu    sync.Mutex
	queue map[dfdg.Actor][]FeedItem
}

// NewFeed returns an empty Feed.
func NewFeed() *Feed { return &Feed{queue: map[dfdg.Actor][]FeedItem{}} }

// Add queues messages for their recipients.
func (f *Feed) Add(msgs []dfdg.Message) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, m := range msgs {
		q := f.queue[m.To]
		f.queue[m.To] = append(q, FeedItem{N: len(q) + 1, Message: m})
	}
}

// After returns the recipient's messages numbered after n.
func (f *Feed) After(to dfdg.Actor, n int) []FeedItem {
	f.mu.Lock()
	defer f.mu.Unlock()
	q := f.queue[to]
	if n < 0 {
		n = 0
	}
	if n >= len(q) {
		return []FeedItem{}
	}
	return append([]FeedItem(nil), q[n:]...)
}
