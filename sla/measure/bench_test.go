package measure

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

// benchProbes returns a million probes over March 2024 (UTC), one every
// 2.6784 s, with a 100-probe failure run every 50,000 probes and, every
// 200,000 probes, a 3-minute hole in the data (longer than benchMaxGap).
func benchProbes() ([]Probe, calendar.Span) {
	month := calendar.NewMonth(2024, time.March, nil)
	const n = 1000 * 1000
	step := month.Duration() / n
	probes := make([]Probe, 0, n)
	at := month.Start()
	for i := range n {
		if i > 0 && i%200_000 == 0 {
			at = at.Add(3 * time.Minute)
		}
		probes = append(probes, Probe{At: at, OK: i%50_000 >= 100})
		at = at.Add(step)
	}
	return probes, month.Span()
}

const benchMaxGap = time.Minute

// naiveMeasure is the baseline: one span per failed probe (to the next
// probe) and one per long gap, merged with calendar.NewSpanSet, as a
// caller without Probes would write it.
func naiveMeasure(probes []Probe, within calendar.Span) (down, unknown calendar.SpanSet) {
	sorted := slices.Clone(probes)
	slices.SortFunc(sorted, func(a, b Probe) int { return a.At.Compare(b.At) })
	var failed, gaps []calendar.Span
	for i := 0; i+1 < len(sorted); i++ {
		s := calendar.Span{Start: sorted[i].At, End: sorted[i+1].At}
		switch {
		case s.Duration() > benchMaxGap:
			gaps = append(gaps, s)
		case !sorted[i].OK:
			failed = append(failed, s)
		}
	}
	down, _ = calendar.NewSpanSet(failed...)
	unknown, _ = calendar.NewSpanSet(gaps...)
	return down.Clip(within), unknown.Clip(within)
}

// BenchmarkMeasureProbes measures a month of a million probes: sorted
// input (one pass), shuffled input (sorted in a copy first), and three
// baselines in the same run: only copying and sorting the probes (sorted
// and shuffled), and the naive span-per-failed-probe merge.
func BenchmarkMeasureProbes(b *testing.B) {
	probes, month := benchProbes()
	opts := ProbeOptions{MaxGap: benchMaxGap}
	want, err := Probes(probes, month, opts)
	if err != nil {
		b.Fatal(err)
	}
	naiveDown, _ := naiveMeasure(probes, month)
	if naiveDown.Duration() != want.Down || len(want.Outages) != 20 {
		b.Fatalf("baseline disagrees: naive %s, Probes %s in %d outages", naiveDown.Duration(), want.Down, len(want.Outages))
	}
	shuffled := slices.Clone(probes)
	rand.New(rand.NewPCG(1, 1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })

	b.Run("Probes/sorted", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := Probes(probes, month, opts); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Probes/shuffled", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := Probes(shuffled, month, opts); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline/sort-copy-sorted", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			s := slices.Clone(probes)
			slices.SortFunc(s, func(a, b Probe) int { return a.At.Compare(b.At) })
		}
	})
	b.Run("baseline/sort-copy-shuffled", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			s := slices.Clone(shuffled)
			slices.SortFunc(s, func(a, b Probe) int { return a.At.Compare(b.At) })
		}
	})
	b.Run("baseline/naive-spanset", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			naiveMeasure(probes, month)
		}
	})
}
