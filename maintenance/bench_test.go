package maintenance

import (
	"testing"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

// Benchmarks, each with its baseline as a sibling sub-benchmark in the
// same run (BENCHMARKS.md has the figures):
//
//	go test -run '^$' -benchmem -bench 'Overlap|Subtract' ./maintenance/

// naiveOverlap is the baseline: clip the window's occurrence of every UTC
// day the span touches, one day at a time.
func naiveOverlap(w Window, s calendar.Span) time.Duration {
	var total time.Duration
	y, m, d := s.Start.UTC().Date()
	for midnight := time.Date(y, m, d-1, 0, 0, 0, 0, time.UTC); midnight.Before(s.End); midnight = midnight.Add(day) {
		occ := calendar.Span{Start: midnight.Add(w.Start()), End: midnight.Add(w.Start() + w.Duration())}
		if in, ok := s.Intersect(occ); ok {
			total += in.Duration()
		}
	}
	return total
}

var benchSink time.Duration

// BenchmarkOverlap shows that Overlap costs the same for a 1-day and a
// 200-year span, against the day-by-day baseline in the same run.
func BenchmarkOverlap(b *testing.B) {
	ind := mustWindow(b, "7:30PM to 1AM")
	start := time.Date(1900, 1, 1, 21, 15, 0, 0, time.UTC)
	spans := []struct {
		name string
		s    calendar.Span
	}{
		{"1day", spanOf(start, start.AddDate(0, 0, 1))},
		{"200years", spanOf(start, start.AddDate(200, 0, 0))},
	}
	for _, sp := range spans {
		if got, want := ind.Overlap(sp.s), naiveOverlap(ind, sp.s); got != want {
			b.Fatalf("%s: Overlap %v, baseline %v", sp.name, got, want)
		}
		b.Run("O1/"+sp.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				benchSink = ind.Overlap(sp.s)
			}
		})
		b.Run("naive/"+sp.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				benchSink = naiveOverlap(ind, sp.s)
			}
		})
	}
}

func TestOverlapAllocs(t *testing.T) {
	ind := mustWindow(t, "7:30PM to 1AM")
	s := spanOf(time.Date(1900, 1, 1, 21, 15, 0, 0, time.UTC), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	allocs := testing.AllocsPerRun(100, func() { benchSink = ind.Overlap(s) })
	if allocs != 0 {
		t.Fatalf("Overlap allocates %v times", allocs)
	}
}

var benchSet calendar.SpanSet

// BenchmarkSubtract compares Window.Subtract, which visits only the
// occurrences each outage touches, with the baseline of building every
// occurrence over the outages' whole range (Within) and subtracting sets.
// 100 one-hour outages spread over 10 years.
func BenchmarkSubtract(b *testing.B) {
	deu := mustWindow(b, "5 PM to 2 AM")
	start := time.Date(2015, 1, 1, 16, 30, 0, 0, time.UTC)
	var spans []calendar.Span
	for i := range 100 {
		a := start.Add(time.Duration(i) * 876 * time.Hour) // about every 36.5 days
		spans = append(spans, spanOf(a, a.Add(time.Hour)))
	}
	set, err := calendar.NewSpanSet(spans...)
	if err != nil {
		b.Fatal(err)
	}
	hull := spanOf(spans[0].Start, spans[len(spans)-1].End)
	baseline := func() calendar.SpanSet {
		inside, err := deu.Within(hull)
		if err != nil {
			b.Fatal(err)
		}
		return set.Subtract(inside)
	}
	if !deu.Subtract(set).Equal(baseline()) {
		b.Fatal("Subtract and baseline disagree")
	}
	b.Run("window", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			benchSet = deu.Subtract(set)
		}
	})
	b.Run("baseline-within-hull", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			benchSet = baseline()
		}
	})
}
