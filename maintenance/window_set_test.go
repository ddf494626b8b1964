package maintenance

import (
	"math"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

func TestIntersectSubtract(t *testing.T) {
	deu := mustWindow(t, "5 PM to 2 AM")
	// Two outages: 16:00–18:00 on April 1 (1h in the window from 17:00),
	// and 01:00 April 3 to 03:00 April 4 (01:00–02:00, 17:00–02:00 inside).
	outages := setOf(t,
		spanOf(utc(2024, 4, 1, 16, 0), utc(2024, 4, 1, 18, 0)),
		spanOf(utc(2024, 4, 3, 1, 0), utc(2024, 4, 4, 3, 0)),
	)
	in := deu.Intersect(outages)
	wantIn := setOf(t,
		spanOf(utc(2024, 4, 1, 17, 0), utc(2024, 4, 1, 18, 0)),
		spanOf(utc(2024, 4, 3, 1, 0), utc(2024, 4, 3, 2, 0)),
		spanOf(utc(2024, 4, 3, 17, 0), utc(2024, 4, 4, 2, 0)),
	)
	assert.True(t, wantIn.Equal(in), "got %v", in)
	out := deu.Subtract(outages)
	wantOut := setOf(t,
		spanOf(utc(2024, 4, 1, 16, 0), utc(2024, 4, 1, 17, 0)),
		spanOf(utc(2024, 4, 3, 2, 0), utc(2024, 4, 3, 17, 0)),
		spanOf(utc(2024, 4, 4, 2, 0), utc(2024, 4, 4, 3, 0)),
	)
	assert.True(t, wantOut.Equal(out), "got %v", out)
	assert.True(t, in.Union(out).Equal(outages), "partition")
	assert.True(t, in.Intersect(out).IsEmpty(), "disjoint")
	assert.Equal(t, deu.OverlapSet(outages), in.Duration())

	// Zero window: nothing inside, everything outside.
	assert.True(t, Window{}.Intersect(outages).IsEmpty())
	assert.True(t, Window{}.Subtract(outages).Equal(outages))
	// Empty set.
	assert.True(t, deu.Intersect(calendar.SpanSet{}).IsEmpty())
	assert.True(t, deu.Subtract(calendar.SpanSet{}).IsEmpty())
}

func TestSubtractKeepsLocation(t *testing.T) {
	nyc := mustLoad(t, "America/New_York")
	nam := mustWindow(t, "2 AM to 11 AM")
	// 20:00 to 23:00 EDT on April 1 is 00:00 to 03:00 UTC April 2: the
	// last hour (02:00–03:00 UTC = 22:00–23:00 EDT) is in NAM's window.
	outage := setOf(t, spanOf(time.Date(2024, 4, 1, 20, 0, 0, 0, nyc), time.Date(2024, 4, 1, 23, 0, 0, 0, nyc)))
	out := nam.Subtract(outage).Spans()
	require.Len(t, out, 1)
	assert.Equal(t, nyc, out[0].End.Location())
	assert.Equal(t, 22, out[0].End.Hour())
	in := nam.Intersect(outage).Spans()
	require.Len(t, in, 1)
	assert.Equal(t, nyc, in[0].Start.Location())
	assert.Equal(t, 22, in[0].Start.Hour())
}

func TestWithin(t *testing.T) {
	ind := mustWindow(t, "7:30PM to 1AM")
	april := spanOf(utc(2024, 4, 1, 0, 0), utc(2024, 5, 1, 0, 0))
	set, err := ind.Within(april)
	require.NoError(t, err)
	// 1 clipped piece from March 31's occurrence, 29 whole, 1 clipped at May 1.
	assert.Equal(t, 31, set.Len())
	assert.Equal(t, 165*time.Hour, set.Duration())
	spans := set.Spans()
	assert.True(t, spans[0].Equal(spanOf(utc(2024, 4, 1, 0, 0), utc(2024, 4, 1, 1, 0))))
	assert.True(t, spans[30].Equal(spanOf(utc(2024, 4, 30, 19, 30), utc(2024, 5, 1, 0, 0))))

	_, err = ind.Within(spanOf(april.End, april.Start))
	assert.ErrorIs(t, err, calendar.ErrReversed)
	empty, err := Window{}.Within(april)
	require.NoError(t, err)
	assert.True(t, empty.IsEmpty())
}

// TestWithinWidestSpan: Within refuses a span longer than MaxWithin
// (100,000 days) with calendar.ErrTooLong, allocating under 64 KiB, over
// 100,000 years and over the whole of time.Time; 100,000 days exactly are
// accepted: IND's "7:30PM to 1AM" is 5h30m a day, so the set holds
// 100,001 spans (the first and last clipped) of 550,000 hours. Overlap and
// Occurrences take any span.
func TestWithinWidestSpan(t *testing.T) {
	const memoryCap = 64 << 10
	ind := mustWindow(t, "7:30PM to 1AM")
	latest := time.Unix(math.MaxInt64-62135596800, 999_999_999).UTC() // the latest time.Time
	start := utc(2000, 1, 1, 0, 0)
	for name, s := range map[string]calendar.Span{
		"100,000 years":           spanOf(start, start.AddDate(100_000, 0, 0)),
		"the whole of time.Time":  spanOf(time.Time{}, latest),
		"a nanosecond over limit": spanOf(start, start.Add(MaxWithin+1)),
	} {
		t.Run(name, func(t *testing.T) {
			var err error
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err = ind.Within(s)
			runtime.ReadMemStats(&after)
			require.Error(t, err)
			assert.ErrorIs(t, err, calendar.ErrTooLong)
			assert.Contains(t, err.Error(), `window "7:30 PM to 1 AM"`)
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(memoryCap))
		})
	}
	set, err := ind.Within(spanOf(start, start.Add(MaxWithin)))
	require.NoError(t, err)
	assert.Equal(t, 100_001, set.Len())
	assert.Equal(t, 550_000*time.Hour, set.Duration())
	assert.Equal(t, 550_000*time.Hour, ind.Overlap(spanOf(start, start.Add(MaxWithin))))
}
