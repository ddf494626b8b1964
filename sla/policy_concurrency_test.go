package sla

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

// TestPolicyConcurrent shares one Policy (and, through the periods, the
// region table's windows and the same outage slices) among many goroutines
// under -race: every assessment, payout and policy read back from JSON must
// equal the answer computed first on one goroutine.
func TestPolicyConcurrent(t *testing.T) {
	shared := DynamicsCRMOnline()
	shared.Resolution = time.Minute
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(8, 1))
	periods := make([]Period, 60)
	for i := range periods {
		sc := randomScenario(rng, 30)
		per := sc.period()
		if i%3 == 0 {
			// Some months in New York, with the same outages.
			per.Month = calendar.NewMonth(2024, time.Month(1+i%12), ny)
			per.Subscribed = calendar.Span{}
		}
		per.Window = maintenance.Regions()[i%len(maintenance.Regions())].Window
		periods[i] = per
	}
	policyJSON, err := shared.MarshalJSON()
	require.NoError(t, err)
	fee := decimal.RequireFromString("1234.565")

	answer := func(i int) string {
		a, err := shared.Assess(periods[i])
		if err != nil {
			return err.Error()
		}
		pay, err := a.Payout(fee)
		p, perr := ParsePolicy(bytes.NewReader(policyJSON))
		return fmt.Sprint(a.Total, a.Downtime, a.Up, a.Rounding, a.Excluded, a.Uptime.String(), a.Credit.String(), a.Met,
			a.Parts(), a.Periods(), pay.Amount.String(), pay.Unrounded.String(), err,
			shared.CreditPercent(a.Total, a.Downtime).String(), UptimePercent(a.Total, a.Downtime).String(),
			p.Validate(), perr, len(p.Tiers))
	}
	want := make([]string, len(periods))
	for i := range periods {
		want[i] = answer(i)
	}
	const workers = 16
	var wg sync.WaitGroup
	mismatches := make(chan string, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range periods {
				i := (k + w*len(periods)/workers) % len(periods)
				if got := answer(i); got != want[i] {
					mismatches <- fmt.Sprintf("period %d:\ngot  %s\nwant %s", i, got, want[i])
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
	// The shared policy is unchanged.
	again, err := shared.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, string(policyJSON), string(again))
}
