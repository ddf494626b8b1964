package main

import (
	"fmt"
	"io"
	"sync"

	"github.com/slapolicy/slapolicy/examples/internal/fleetrec"
)

// config is what the assessment of a fleet needs besides its input.
type config struct {
	fleetrec.Config
	workers  int       // at least 1
	progress int       // a progress line every so many records; 0: none
	results  io.Writer // one result line per assessed month, in input order; nil: none
}

// process assesses every record of src with cfg.workers workers and
// returns the summary. Records are decoded and assessed concurrently, but
// their outcomes are taken in input order: problems, result lines and
// progress lines are written in that order, duplicates are found in that
// order (the first one counts), so the output does not depend on the
// number of workers. readErr is src's fatal error, if any; the summary
// then covers the records before it. writeErr is the first error of the
// result writer (cfg.results) or of the summary.
func process(src fleetrec.Source, cfg config, stderr io.Writer) (sum *fleetrec.Summary, readErr, writeErr error) {
	// Records travel in batches: one channel operation, and at most one
	// goroutine woken, per batch rather than per record.
	type job struct {
		seq  int
		raws []fleetrec.Raw
	}
	type done struct {
		seq  int
		outs []fleetrec.Outcome
	}
	workers := max(cfg.workers, 1)
	jobs := make(chan job, workers)
	results := make(chan done, workers)
	// window bounds the batches between reading and summing, so that one
	// slow record cannot make the collector hold the whole input.
	window := make(chan struct{}, 4*workers)

	go func() {
		defer close(jobs)
		for seq := 0; ; seq++ {
			raws := make([]fleetrec.Raw, 0, batchSize)
			var err error
			for len(raws) < batchSize {
				var r fleetrec.Raw
				if r, err = src.Next(); err != nil {
					break
				}
				raws = append(raws, r)
			}
			if len(raws) > 0 {
				window <- struct{}{}
				jobs <- job{seq: seq, raws: raws}
			}
			if err != nil {
				if err != io.EOF {
					readErr = err
				}
				return
			}
		}
	}()

	cfg.Results = cfg.results != nil
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				outs := make([]fleetrec.Outcome, len(j.raws))
				for i, r := range j.raws {
					outs[i] = fleetrec.Assess(r, &cfg.Config)
				}
				results <- done{seq: j.seq, outs: outs}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	sum = fleetrec.NewSummary(&cfg.Config)
	seen := make(map[string]fleetrec.Pos)
	waiting := make(map[int][]fleetrec.Outcome)
	next, n := 0, 0
	for d := range results {
		waiting[d.seq] = d.outs
		for {
			outs, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			next++
			<-window
			for _, o := range outs {
				n++
				if o.Key != "" {
					if first, dup := seen[o.Key]; dup {
						o.Errs = append(o.Errs, fleetrec.DuplicateProblem(o, first))
					} else {
						seen[o.Key] = o.At
					}
				}
				for _, e := range o.Errs {
					fmt.Fprintln(stderr, e)
				}
				if len(o.Errs) == 0 && cfg.results != nil && writeErr == nil {
					if _, err := io.WriteString(cfg.results, o.Result+"\n"); err != nil {
						writeErr = fmt.Errorf("writing the results: %w", err)
					}
				}
				if err := sum.Add(o); err != nil && writeErr == nil {
					writeErr = err
				}
				if cfg.progress > 0 && n%cfg.progress == 0 {
					fmt.Fprintf(stderr, "fleet: %d records: %d assessed, %d bad\n", n, sum.Assessed(), sum.Bad())
				}
			}
		}
	}
	// readErr is written before jobs is closed, which happens before the
	// workers end and results is closed.
	return sum, readErr, writeErr
}

// batchSize is the most records a batch holds.
const batchSize = 64
