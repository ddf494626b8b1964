package maintenance

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// TestRegionTableConcurrent shares the built-in region table, one Table,
// each region's Window and one BusinessDays per region among many
// goroutines (run under -race) and checks every answer against the answers
// computed first on one goroutine. The BusinessDays start cold, so their
// year caches fill concurrently.
func TestRegionTableConcurrent(t *testing.T) {
	table := Dynamics()
	regions := Regions()
	days := make(map[string]*calendar.BusinessDays, len(regions))
	for _, r := range regions {
		days[r.Code] = r.BusinessDays(nil)
	}
	rng := rand.New(rand.NewPCG(8, 8))
	type query struct {
		code, host string
		at         time.Time
		span       calendar.Span
		n          int
	}
	queries := make([]query, 300)
	for i := range queries {
		r := regions[rng.IntN(len(regions))]
		at := time.Date(2015+rng.IntN(15), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), 0, 0, time.UTC)
		code := r.Code
		if rng.IntN(2) == 0 {
			code = " " + strings.ToLower(code) + " "
		}
		queries[i] = query{
			code: code,
			host: "org" + fmt.Sprint(i) + "." + r.Host,
			at:   at,
			span: calendar.Span{Start: at, End: at.Add(time.Duration(rng.Int64N(int64(90 * 24 * time.Hour))))},
			n:    rng.IntN(41) - 20,
		}
	}
	answer := func(q query) string {
		var b strings.Builder
		r, ok := Lookup(q.code)
		fmt.Fprintln(&b, r, ok)
		tr, tok := table.Lookup(q.code, q.at)
		fmt.Fprintln(&b, tr, tok)
		for _, h := range LookupHost(q.host) {
			fmt.Fprint(&b, h.Code, " ")
		}
		for _, h := range table.LookupHost(q.host, q.at) {
			fmt.Fprint(&b, h.Code, " ")
		}
		fmt.Fprintln(&b, len(Regions()), len(table.Regions(q.at)))
		during, err := table.LookupDuring(q.code, q.span)
		fmt.Fprintln(&b, during, err)
		fmt.Fprintln(&b, r.Window.Overlap(q.span), r.Window.Next(q.at), r.Window.Contains(q.at))
		bd := days[r.Code]
		fmt.Fprintln(&b, bd.IsBusinessDay(q.at), bd.Add(q.at, q.n).UTC(), bd.Between(q.at, q.span.End))
		return b.String()
	}
	want := make([]string, len(queries))
	for i, q := range queries {
		want[i] = answer(q)
	}
	// Fresh BusinessDays so that the goroutines fill the caches.
	for _, r := range regions {
		days[r.Code] = r.BusinessDays(nil)
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
				if got := answer(queries[i]); got != want[i] {
					mismatches <- fmt.Sprintf("query %d: got\n%s\nwant\n%s", i, got, want[i])
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
	// Nothing the goroutines did changed the shared table.
	require.Equal(t, dynamicsRegions, Regions())
	require.Equal(t, Dynamics().Editions(), table.Editions())
}
