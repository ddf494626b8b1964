package claims

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/calendar"
)

// TestRulesConcurrent shares one Rules, over one cold BusinessDays of the
// US holidays read in New York, among many goroutines (run under -race):
// every deadline, every claim check and every monthly sum must equal the
// answer a warm copy gave on one goroutine first.
func TestRulesConcurrent(t *testing.T) {
	ny := newYork(t)
	ref, err := ForRegion("NAM", ny)
	if err != nil {
		t.Fatal(err)
	}
	shared, err := ForRegion("NAM", ny)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(8, 80))
	type query struct {
		at    time.Time
		month calendar.Month
		claim Claim
		fee   decimal.Decimal
	}
	queries := make([]query, 200)
	for i := range queries {
		at := time.Date(1990+rng.IntN(60), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), 0, 0, ny)
		c := goodClaim()
		c.Month = calendar.MonthOf(at)
		c.Incident = calendar.Span{Start: at, End: at.Add(time.Duration(rng.IntN(600)) * time.Minute)}
		c.NoticeGiven = at.Add(time.Duration(rng.IntN(10*24)) * time.Hour)
		c.EvidenceSupplied = at.Add(time.Duration(rng.IntN(70*24)) * time.Hour)
		c.Submitted = c.NoticeGiven
		if rng.IntN(5) == 0 {
			c.Description = ""
		}
		queries[i] = query{at: at, month: c.Month, claim: c, fee: decimal.New(int64(rng.IntN(100000)), -2)}
	}
	answer := func(r Rules, q query) string {
		m, err := SumCredits(q.fee, decimal.NewFromInt(100), q.fee.Shift(-1), q.fee.Shift(-2))
		return fmt.Sprint(
			r.NoticeDeadline(q.at), r.PostIncidentReportDue(q.at), r.EvidenceDeadline(q.month),
			r.ProcessingDeadline(q.at), r.Check(q.claim), m.Awarded.String(), m.Capped(), err,
		)
	}
	want := make([]string, len(queries))
	for i, q := range queries {
		want[i] = answer(ref, q)
	}
	const workers = 16
	var wg sync.WaitGroup
	mismatches := make(chan string, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range queries {
				i := (k + w*len(queries)/workers) % len(queries)
				if got := answer(shared, queries[i]); got != want[i] {
					mismatches <- fmt.Sprintf("query %d: got %s want %s", i, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
	close(mismatches)
	for m := range mismatches {
		t.Error(m)
	}
}
