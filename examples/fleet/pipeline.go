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
	type job struct {
		seq int
		raw fleetrec.Raw
	}
	type done struct {
		seq int
		o   fleetrec.Outcome
	}
	workers := max(cfg.workers, 1)
	jobs := make(chan job, 4*workers)
	results := make(chan done, 4*workers)
	// window bounds the records between reading and summing, so that one
	// slow record cannot make the collector hold the whole input.
	window := make(chan struct{}, 64*workers)

	go func() {
		defer close(jobs)
		for seq := 0; ; seq++ {
			r, err := src.Next()
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

	cfg.Results = cfg.results != nil
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- done{seq: j.seq, o: fleetrec.Assess(j.raw, &cfg.Config)}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	sum = fleetrec.NewSummary(&cfg.Policy)
	seen := make(map[string]fleetrec.Pos)
	waiting := make(map[int]fleetrec.Outcome)
	next := 0
	for d := range results {
		waiting[d.seq] = d.o
		for {
			o, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			next++
			<-window
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
			if cfg.progress > 0 && next%cfg.progress == 0 {
				fmt.Fprintf(stderr, "fleet: %d records: %d assessed, %d bad\n", next, sum.Assessed(), sum.Bad())
			}
		}
	}
	// readErr is written before jobs is closed, which happens before the
	// workers end and results is closed.
	return sum, readErr, writeErr
}
