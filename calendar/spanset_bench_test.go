package calendar

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

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
// merge must pay. The target: union at most 2x the sort.
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
