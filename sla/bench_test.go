package sla

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

// benchPeriod is January 2024 in region NAM with n outages of up to two
// hours at random instants (some crossing into February), a third of them
// with an excluded cause, and n/100 + 1 notices.
func benchPeriod(n int) Period {
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	month := calendar.NewMonth(2024, time.January, nil)
	nam, _ := maintenance.Lookup("NAM")
	per := Period{Month: month, Window: nam.Window}
	span := int64(month.Duration())
	for range n {
		start := month.Start().Add(time.Duration(rng.Int64N(span)))
		var cause Cause
		if rng.IntN(3) == 0 {
			cause = Causes()[rng.IntN(len(Causes()))]
		}
		per.Outages = append(per.Outages, Outage{Span: calendar.Span{Start: start, End: start.Add(time.Duration(rng.Int64N(int64(2 * time.Hour))))}, Cause: cause})
	}
	for range n/100 + 1 {
		start := month.Start().Add(time.Duration(rng.Int64N(span)))
		per.Notices = append(per.Notices, maintenance.Notice{Span: calendar.Span{Start: start, End: start.Add(3 * time.Hour)}, Announced: start.Add(-48 * time.Hour)})
	}
	return per
}

// BenchmarkAssess measures Compiled.Assess (compiled: the policy is
// validated once, as a caller who assesses many months does) and
// Policy.Assess (assess: validated on every call) beside their baseline:
// copying and sorting the same outage spans by start with
// slices.SortFunc. The targets (BENCHMARKS.md) are 3× the sort at 10
// outages and 1.5× at 1,000 and 100,000. Every loop does only its own
// work: the period and the policy are built before the timer starts, the
// baseline copies the spans because Assess must not reorder the caller's
// outages either, and none reuses memory across iterations.
func BenchmarkAssess(b *testing.B) {
	p := DynamicsCRMOnline()
	c, err := Compile(p)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{10, 1000, 100000} {
		per := benchPeriod(n)
		b.Run(fmt.Sprintf("n=%d/compiled", n), func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if _, err := c.Assess(per); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("n=%d/assess", n), func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if _, err := p.Assess(per); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("n=%d/sort", n), func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				spans := make([]calendar.Span, len(per.Outages))
				for i, o := range per.Outages {
					spans[i] = o.Span
				}
				slices.SortFunc(spans, func(a, b calendar.Span) int { return a.Start.Compare(b.Start) })
			}
		})
	}
}
