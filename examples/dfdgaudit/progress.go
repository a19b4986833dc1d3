package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// progress draws a bar on a terminal, and writes a line every few seconds elsewhere, so that a long
// run shows it is alive in a log too.
type progress struct {
	w     io.Writer
	what  string
	total int
	tty   bool
	start time.Time
	last  time.Time
	spin  int
}

func newProgress(w io.Writer, what string, total int) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil {
			tty = st.Mode()&os.ModeCharDevice != 0
		}
	}
	now := time.Now()
	return &progress{w: w, what: what, total: total, tty: tty, start: now, last: now}
}

// update shows that done of total are done.
func (p *progress) update(done int) {
	if p == nil {
		return
	}
	now := time.Now()
	elapsed := now.Sub(p.start).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(done) / elapsed
	}
	if p.total < 0 { // an unknown total: a spinner and a rate, never "n/-1" or a full bar
		if p.tty {
			if now.Sub(p.last) < 100*time.Millisecond {
				return
			}
			p.last = now
			p.spin++
			fmt.Fprintf(p.w, "\r%s %c %d, %.0f/s ", p.what, `|/-\`[p.spin%4], done, rate)
		} else if now.Sub(p.last) >= 5*time.Second {
			p.last = now
			fmt.Fprintf(p.w, "%s: %d, %.0f/s\n", p.what, done, rate)
		}
		return
	}
	if p.tty {
		if now.Sub(p.last) < 100*time.Millisecond && done < p.total {
			return
		}
		p.last = now
		frac := 1.0
		if p.total > 0 {
			frac = min(1, float64(done)/float64(p.total))
		}
		bar := strings.Repeat("█", int(frac*30)) + strings.Repeat("░", 30-int(frac*30))
		fmt.Fprintf(p.w, "\r%s %s %3.0f%% %d/%d %s, %.0f/s ", p.what, bar, frac*100, done, p.total, p.what, rate)
		return
	}
	if now.Sub(p.last) >= 5*time.Second {
		p.last = now
		fmt.Fprintf(p.w, "%s: %d/%d, %.0f/s\n", p.what, done, p.total, rate)
	}
}

// done ends the bar's line.
func (p *progress) done() {
	if p != nil && p.tty {
		fmt.Fprintln(p.w)
	}
}
