package calendar

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/us"
)

// Benchmarks, each with its baseline as a sibling sub-benchmark in the
// same run (BENCHMARKS.md has the figures):
//
//	go test -run '^$' -benchmem -bench 'SpanSet|BusinessDays' ./calendar/

func benchSpans(n int) []Span {
	r := rand.New(rand.NewPCG(7, 7))
	month := NewMonth(2024, time.March, nil).Span()
	out := make([]Span, n)
	for i := range out {
		start := month.Start.Add(time.Duration(r.Int64N(int64(month.Duration()))))
		out[i] = Span{start, start.Add(time.Duration(r.Int64N(int64(time.Hour))))}
	}
	return out
}

// BenchmarkSpanSet compares building a SpanSet (copy, sort, merge) with
// only sorting a copy of the same spans using slices.SortFunc, the floor any
// merge must pay. BENCHMARKS.md gives the target (union at most 2× the
// sort) and the figures.
func BenchmarkSpanSet(b *testing.B) {
	for _, n := range []int{10, 1000, 100000} {
		spans := benchSpans(n)
		b.Run(fmt.Sprintf("n=%d/sort", n), func(b *testing.B) {
			buf := make([]Span, n)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				copy(buf, spans)
				slices.SortFunc(buf, func(a, b Span) int { return a.Start.Compare(b.Start) })
			}
		})
		b.Run(fmt.Sprintf("n=%d/union", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := NewSpanSet(spans...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Benchmarks of Add and Between against rickar/cal's BusinessCalendar on
// the same US holidays in America/New_York, in the same run:
//
//	go test -run '^$' -bench 'BusinessDays(Add|Between)' -count 5 ./calendar/
//
// Sub-benchmarks: "BusinessDays" (warm: the years are cached, as in a long
// running billing service), "BusinessDays-cold" (a new BusinessDays each
// time, so every year touched is computed), "rickar-cached" (one
// BusinessCalendar with Cacheable set, built outside the loop) and
// "rickar" (the default, uncached). Each checks before timing that it gives
// the same answer as BusinessDays.

var (
	benchSinkTime time.Time
	benchSinkInt  int
)

type benchCase struct {
	name string
	n    int       // Add: business days
	end  time.Time // Between: end of the range
}

func benchSetup(b *testing.B) (*time.Location, time.Time, []benchCase) {
	ny := mustLoad(b, "America/New_York")
	from := time.Date(2024, 3, 6, 10, 0, 0, 0, ny) // a Wednesday
	return ny, from, []benchCase{
		{"5days", 5, time.Date(2024, 3, 13, 10, 0, 0, 0, ny)},
		{"10years", 2510, time.Date(2034, 3, 6, 10, 0, 0, 0, ny)},
	}
}

func rickarUS(cached bool) *cal.BusinessCalendar {
	rc := cal.NewBusinessCalendar()
	rc.AddHoliday(us.Holidays...)
	rc.Cacheable = cached
	return rc
}

func BenchmarkBusinessDaysAdd(b *testing.B) {
	ny, from, cases := benchSetup(b)
	for _, c := range cases {
		bd := NewBusinessDays(ny, us.Holidays...)
		want := bd.Add(from, c.n)
		b.Run(c.name+"/BusinessDays", func(b *testing.B) {
			for range b.N {
				benchSinkTime = bd.Add(from, c.n)
			}
		})
		b.Run(c.name+"/BusinessDays-cold", func(b *testing.B) {
			for range b.N {
				benchSinkTime = NewBusinessDays(ny, us.Holidays...).Add(from, c.n)
			}
		})
		for _, cached := range []bool{true, false} {
			name := c.name + "/rickar"
			if cached {
				name += "-cached"
			}
			rc := rickarUS(cached)
			if got := rc.WorkdaysFrom(from, c.n); !sameDate(got, want) {
				b.Fatalf("%s: rickar %s, BusinessDays %s", name, got, want)
			}
			b.Run(name, func(b *testing.B) {
				for range b.N {
					benchSinkTime = rc.WorkdaysFrom(from, c.n)
				}
			})
		}
	}
}

func BenchmarkBusinessDaysBetween(b *testing.B) {
	ny, from, cases := benchSetup(b)
	for _, c := range cases {
		bd := NewBusinessDays(ny, us.Holidays...)
		want := bd.Between(from, c.end)
		b.Run(c.name+"/BusinessDays", func(b *testing.B) {
			for range b.N {
				benchSinkInt = bd.Between(from, c.end)
			}
		})
		b.Run(c.name+"/BusinessDays-cold", func(b *testing.B) {
			for range b.N {
				benchSinkInt = NewBusinessDays(ny, us.Holidays...).Between(from, c.end)
			}
		})
		for _, cached := range []bool{true, false} {
			name := c.name + "/rickar"
			if cached {
				name += "-cached"
			}
			rc := rickarUS(cached)
			// WorkdaysInRange includes the end day; Between does not.
			adj := 0
			if rc.IsWorkday(c.end) {
				adj = 1
			}
			if got := rc.WorkdaysInRange(from, c.end) - adj; got != want {
				b.Fatalf("%s: rickar %d, BusinessDays %d", name, got, want)
			}
			b.Run(name, func(b *testing.B) {
				for range b.N {
					benchSinkInt = rc.WorkdaysInRange(from, c.end) - adj
				}
			})
		}
	}
}

// BenchmarkZonePeriods: one year's zone table of America/New_York, from
// the tz database's transitions (2024) and from its rule (2041), by
// zonePeriodsOf (jumping from zone end to zone end) beside its baseline
// zonePeriodsBySampling (one lookup a day), in the same run:
//
//	go test -run '^$' -bench 'ZonePeriods|BusinessDaysWhole' -count 6 ./calendar/
func BenchmarkZonePeriods(b *testing.B) {
	ny := mustLoad(b, "America/New_York")
	for _, y := range []int{2024, 2041} {
		if !slices.Equal(zonePeriodsOf(y, ny), zonePeriodsBySampling(y, ny)) {
			b.Fatalf("%d: the two ways differ", y)
		}
		b.Run(fmt.Sprintf("%d/zone-ends", y), func(b *testing.B) {
			for range b.N {
				benchSinkInt += len(zonePeriodsOf(y, ny))
			}
		})
		b.Run(fmt.Sprintf("%d/sampling", y), func(b *testing.B) {
			for range b.N {
				benchSinkInt += len(zonePeriodsBySampling(y, ny))
			}
		})
	}
}

// BenchmarkBusinessDaysWhole: a never-used business calendar (America/
// New_York, US holidays) asked for Between over years 1 to 9999 and for
// Add(+2,600,000), which compute every year once: the cost a first request
// over the widest range pays.
func BenchmarkBusinessDaysWhole(b *testing.B) {
	ny := mustLoad(b, "America/New_York")
	first, last := time.Date(1, 1, 1, 0, 0, 0, 0, ny), time.Date(9999, 12, 31, 0, 0, 0, 0, ny)
	b.Run("Between-cold", func(b *testing.B) {
		for range b.N {
			benchSinkInt = NewBusinessDays(ny, us.Holidays...).Between(first, last)
		}
	})
	b.Run("Add-2600000-cold", func(b *testing.B) {
		for range b.N {
			benchSinkTime = NewBusinessDays(ny, us.Holidays...).Add(first, 2_600_000)
		}
	})
}
