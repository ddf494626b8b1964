package main

import (
	"fmt"
	"io"
	"slices"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/sla"
)

// raw is one record as a source splits it from the input, before decoding:
// a JSON line, or the rows of a CSV subscription-month. errs holds the
// problems found while splitting; a raw with errs is a bad record whatever
// else it holds.
type raw struct {
	at   pos
	json []byte
	rows []csvRow
	errs []error
}

// source hands out the records of an input in order. next returns io.EOF
// after the last one; any other error is fatal (the input cannot be read).
type source interface {
	next() (raw, error)
}

// sources reads several sources one after the other.
type sources []source

func (ss *sources) next() (raw, error) {
	for len(*ss) > 0 {
		r, err := (*ss)[0].next()
		if err != io.EOF {
			return r, err
		}
		*ss = (*ss)[1:]
	}
	return raw{}, io.EOF
}

// config is what the assessment of a fleet needs besides its input.
type config struct {
	policy   sla.Policy
	loc      *time.Location // the months' location
	workers  int            // at least 1
	progress int            // a progress line every so many records; 0: none
}

// outcome is what became of one record: its problems, or the summary row
// it falls in and its credit rounded to currency units.
type outcome struct {
	seq    int
	at     pos
	key    string // subscription and month, "" when unknown
	errs   []error
	row    int             // summary row, see summary
	amount decimal.Decimal // the month's credit, rounded
}

// assess decodes one record and assesses it under cfg's policy.
func assess(r raw, cfg *config) outcome {
	out := outcome{at: r.at, errs: r.errs}
	var rec record
	var errs []error
	switch {
	case r.json != nil:
		rec, out.key, errs = decodeJSON(r.json, r.at, cfg.loc)
	case len(r.rows) > 0:
		rec, out.key, errs = decodeCSV(r.rows, cfg.loc)
	}
	out.errs = append(out.errs, errs...)
	if len(out.errs) > 0 {
		// Problems found while splitting and while decoding, by line.
		slices.SortStableFunc(out.errs, func(a, b error) int { return lineOf(a) - lineOf(b) })
		return out
	}
	a, err := cfg.policy.Assess(rec.period())
	if err != nil {
		out.errs = at(r.at, err)
		return out
	}
	pay, err := a.Payout(rec.fee)
	if err != nil {
		out.errs = at(r.at, err)
		return out
	}
	out.row = rowOf(cfg.policy, a)
	out.amount = pay.Amount
	return out
}

// process assesses every record of src with cfg.workers workers and
// returns the summary. Records are decoded and assessed concurrently, but
// their outcomes are taken in input order: problems and progress lines go
// to stderr in that order, duplicates are found in that order (the first
// one counts), so the output does not depend on the number of workers.
// The error is src's fatal error, if any; the summary then covers the
// records before it.
func process(src source, cfg config, stderr io.Writer) (*summary, error) {
	type job struct {
		seq int
		raw raw
	}
	workers := max(cfg.workers, 1)
	jobs := make(chan job, 4*workers)
	results := make(chan outcome, 4*workers)
	// window bounds the records between reading and summing, so that one
	// slow record cannot make the collector hold the whole input.
	window := make(chan struct{}, 64*workers)

	var readErr error
	go func() {
		defer close(jobs)
		for seq := 0; ; seq++ {
			r, err := src.next()
			if err != nil {
				if err != io.EOF {
					readErr = err
				}
				return
			}
			window <- struct{}{}
			jobs <- job{seq: seq, raw: r}
		}
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				o := assess(j.raw, &cfg)
				o.seq = j.seq
				results <- o
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	sum := newSummary(cfg.policy)
	seen := make(map[string]pos)
	waiting := make(map[int]outcome)
	next := 0
	for o := range results {
		waiting[o.seq] = o
		for {
			o, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			next++
			<-window
			if o.key != "" {
				if first, dup := seen[o.key]; dup {
					o.errs = append(o.errs, &lineError{at: o.at,
						err: fmt.Errorf("subscription-month %q appears again: its first record is at %s", o.key, first)})
				} else {
					seen[o.key] = o.at
				}
			}
			for _, e := range o.errs {
				fmt.Fprintln(stderr, e)
			}
			sum.add(o)
			if cfg.progress > 0 && next%cfg.progress == 0 {
				fmt.Fprintf(stderr, "fleet: %d records: %d assessed, %d bad\n", next, sum.assessed, sum.bad)
			}
		}
	}
	// readErr is written before jobs is closed, which happens before the
	// workers end and results is closed.
	return sum, readErr
}

// lineOf returns the line of a *lineError, 0 for other errors.
func lineOf(err error) int {
	if le, ok := err.(*lineError); ok {
		return le.at.line
	}
	return 0
}
