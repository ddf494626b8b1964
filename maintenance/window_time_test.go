package maintenance

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

func TestContains(t *testing.T) {
	sam := mustWindow(t, "12 AM to 10 AM")
	deu := mustWindow(t, "5 PM to 2 AM")
	ind := mustWindow(t, "7:30PM to 1AM")
	nyc := mustLoad(t, "America/New_York")
	cases := []struct {
		name string
		w    Window
		at   time.Time
		want bool
	}{
		// SAM 12 AM to 10 AM (the region table): midnight in, 10:00 out.
		{"SAM midnight inside", sam, utc(2024, 4, 1, 0, 0), true},
		{"SAM 09:59:59.999999999 inside", sam, utc(2024, 4, 1, 10, 0).Add(-1), true},
		{"SAM 10:00 outside", sam, utc(2024, 4, 1, 10, 0), false},
		{"SAM 23:59 outside", sam, utc(2024, 4, 1, 23, 59), false},
		// DEU 5 PM to 2 AM crosses midnight.
		{"DEU 16:59 outside", deu, utc(2024, 4, 1, 16, 59), false},
		{"DEU 17:00 inside", deu, utc(2024, 4, 1, 17, 0), true},
		{"DEU 00:00 inside", deu, utc(2024, 4, 2, 0, 0), true},
		{"DEU 01:59 inside", deu, utc(2024, 4, 2, 1, 59), true},
		{"DEU 02:00 outside", deu, utc(2024, 4, 2, 2, 0), false},
		// IND 7:30 PM: 19:29 out, 19:30 in.
		{"IND 19:29 outside", ind, utc(2024, 4, 1, 19, 29), false},
		{"IND 19:30 inside", ind, utc(2024, 4, 1, 19, 30), true},
		// Judged in UTC whatever the location: 15:30 EDT is 19:30 UTC.
		{"IND New York 15:30 EDT inside", ind, time.Date(2024, 4, 1, 15, 30, 0, 0, nyc), true},
		{"IND New York 15:29 EDT outside", ind, time.Date(2024, 4, 1, 15, 29, 0, 0, nyc), false},
		// Before 1970 (negative Unix time) works the same.
		{"DEU 1969 inside", deu, utc(1969, 12, 31, 23, 0), true},
		{"DEU 1969 outside", deu, utc(1969, 12, 31, 3, 0), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.w.Contains(tc.at))
		})
	}
}

func TestNext(t *testing.T) {
	zero := time.Time{}
	cases := []struct {
		name       string
		window     string
		at         time.Time
		start, end time.Time
	}{
		{"DEU inside after midnight: the occurrence from the day before", "5 PM to 2 AM", utc(2024, 4, 2, 1, 0),
			utc(2024, 4, 1, 17, 0), utc(2024, 4, 2, 2, 0)},
		{"DEU at closing instant: the next one", "5 PM to 2 AM", utc(2024, 4, 2, 2, 0),
			utc(2024, 4, 2, 17, 0), utc(2024, 4, 3, 2, 0)},
		{"DEU at opening instant", "5 PM to 2 AM", utc(2024, 4, 2, 17, 0),
			utc(2024, 4, 2, 17, 0), utc(2024, 4, 3, 2, 0)},
		{"NAM before today's", "2 AM to 11 AM", utc(2024, 4, 2, 1, 0),
			utc(2024, 4, 2, 2, 0), utc(2024, 4, 2, 11, 0)},
		{"NAM after today's: tomorrow", "2 AM to 11 AM", utc(2024, 4, 2, 11, 0),
			utc(2024, 4, 3, 2, 0), utc(2024, 4, 3, 11, 0)},
		{"NAM across a month end", "2 AM to 11 AM", utc(2024, 4, 30, 12, 0),
			utc(2024, 5, 1, 2, 0), utc(2024, 5, 1, 11, 0)},
		// DEU's occurrence opened on 0000-12-31 at 17:00 and contains the
		// zero time.
		{"zero time inside a window from year 0", "5 PM to 2 AM", zero,
			time.Date(0, 12, 31, 17, 0, 0, 0, time.UTC), time.Date(1, 1, 1, 2, 0, 0, 0, time.UTC)},
		{"zero time before NAM opens", "2 AM to 11 AM", zero,
			time.Date(1, 1, 1, 2, 0, 0, 0, time.UTC), time.Date(1, 1, 1, 11, 0, 0, 0, time.UTC)},
		{"last hour of 9999", "2 AM to 11 AM", time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC),
			time.Date(10000, 1, 1, 2, 0, 0, 0, time.UTC), time.Date(10000, 1, 1, 11, 0, 0, 0, time.UTC)},
		// At the closing instant the next occurrence is returned.
		{"closing instant of IND", "7:30PM to 1AM", time.Date(2024, 2, 29, 1, 0, 0, 0, time.UTC),
			time.Date(2024, 2, 29, 19, 30, 0, 0, time.UTC), time.Date(2024, 3, 1, 1, 0, 0, 0, time.UTC)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := mustWindow(t, tc.window)
			got := w.Next(tc.at)
			assert.True(t, got.Equal(spanOf(tc.start, tc.end)), "got %v", got)
			assert.True(t, got.Start.Equal(tc.start), "start: want %s got %s", tc.start, got.Start)
			assert.True(t, got.End.Equal(tc.end), "end: want %s got %s", tc.end, got.End)
			assert.Equal(t, time.UTC, got.Start.Location())
			assert.Equal(t, got.Contains(tc.at), w.Contains(tc.at))
		})
	}
	// A time in another location gives the same occurrence, in UTC.
	deu := mustWindow(t, "5 PM to 2 AM")
	tokyo := time.FixedZone("JST", 9*3600)
	got := deu.Next(time.Date(2024, 4, 2, 10, 0, 0, 0, tokyo)) // 01:00 UTC
	assert.True(t, got.Equal(spanOf(utc(2024, 4, 1, 17, 0), utc(2024, 4, 2, 2, 0))), "got %v", got)
	assert.Equal(t, time.UTC, got.End.Location())
}

func collect(w Window, s calendar.Span) []calendar.Span {
	var out []calendar.Span
	for o := range w.Occurrences(s) {
		out = append(out, o)
	}
	return out
}

func TestOccurrences(t *testing.T) {
	deu := mustWindow(t, "5 PM to 2 AM")
	// April 1 00:00 to April 3 00:00 UTC: the occurrence that opened on
	// March 31 runs into it, then April 1's and April 2's, unclipped.
	got := collect(deu, spanOf(utc(2024, 4, 1, 0, 0), utc(2024, 4, 3, 0, 0)))
	want := []calendar.Span{
		spanOf(utc(2024, 3, 31, 17, 0), utc(2024, 4, 1, 2, 0)),
		spanOf(utc(2024, 4, 1, 17, 0), utc(2024, 4, 2, 2, 0)),
		spanOf(utc(2024, 4, 2, 17, 0), utc(2024, 4, 3, 2, 0)),
	}
	require.Len(t, got, len(want))
	for i := range want {
		assert.True(t, want[i].Equal(got[i]), "%d: want %v got %v", i, want[i], got[i])
	}

	// Touching is not overlapping: a span that ends when an occurrence
	// opens, or starts when one closes, does not get it.
	got = collect(deu, spanOf(utc(2024, 4, 1, 2, 0), utc(2024, 4, 1, 17, 0)))
	assert.Empty(t, got)

	// Empty and reversed spans give nothing.
	at := utc(2024, 4, 1, 20, 0)
	assert.Empty(t, collect(deu, spanOf(at, at)))
	assert.Empty(t, collect(deu, spanOf(at, at.Add(-time.Hour))))

	// Stopping early is honoured.
	n := 0
	for range deu.Occurrences(spanOf(utc(2024, 1, 1, 0, 0), utc(2025, 1, 1, 0, 0))) {
		n++
		if n == 2 {
			break
		}
	}
	assert.Equal(t, 2, n)
}

// aprilUTC is April 2024 in UTC.
var aprilUTC = spanOf(utc(2024, 4, 1, 0, 0), utc(2024, 5, 1, 0, 0))

// overlapCase is one hand-worked Overlap figure.
type overlapCase struct {
	name   string
	window string
	span   calendar.Span
	want   time.Duration
}

// overlapCases are Overlap's hand-worked figures, from the region table's
// windows (all UTC) and a wall calendar; where a span is a local month the
// tz database gives its UTC ends. Windows are daily UTC times, so a local
// month's overlap depends on where its UTC ends fall. FuzzOverlap starts
// from them too.
func overlapCases(t testing.TB) []overlapCase {
	ny := mustLoad(t, "America/New_York")
	lordHowe := mustLoad(t, "Australia/Lord_Howe")
	zero := time.Time{}
	return []overlapCase{
		// IND 7:30 PM to 1 AM is 5h30m a day. April 2024 (UTC) holds the 1h
		// from the occurrence that opened on March 31 (00:00–01:00 on April 1),
		// the 30 occurrences opening April 1..30, of which the last is cut at
		// May 1 00:00 (4h30m inside): 1h + 29 × 5h30m + 4h30m = 165h, exactly
		// 30 days × 5h30m.
		{"IND over April 2024", "7:30PM to 1AM", aprilUTC, 165 * time.Hour},
		// NAM 2 AM to 11 AM: 9 hours a day.
		{"NAM one day", "2 AM to 11 AM", spanOf(utc(2024, 4, 1, 0, 0), utc(2024, 4, 2, 0, 0)), 9 * time.Hour},
		{"NAM April", "2 AM to 11 AM", aprilUTC, 30 * 9 * time.Hour},
		// DEU 5 PM to 2 AM: 9h a day, split 7h + 2h across midnight. 12:00
		// to 12:00 next day takes 17:00–02:00 whole.
		{"DEU noon to noon", "5 PM to 2 AM", spanOf(utc(2024, 4, 1, 12, 0), utc(2024, 4, 2, 12, 0)), 9 * time.Hour},
		// 23:00 to 01:00 is all inside DEU's window.
		{"DEU across midnight", "5 PM to 2 AM", spanOf(utc(2024, 4, 1, 23, 0), utc(2024, 4, 2, 1, 0)), 2 * time.Hour},
		// "3 PM to 12 AM" ends at midnight: a whole day holds 9 hours, and
		// nothing after midnight.
		{"ends at midnight, whole day", "3 PM to 12 AM", spanOf(utc(2024, 4, 1, 0, 0), utc(2024, 4, 2, 0, 0)), 9 * time.Hour},
		{"ends at midnight, after midnight", "3 PM to 12 AM", spanOf(utc(2024, 4, 2, 0, 0), utc(2024, 4, 2, 15, 0)), 0},
		// SAM includes midnight: 23:00 to 01:00 holds the hour after midnight.
		{"SAM around midnight", "12 AM to 10 AM", spanOf(utc(2024, 4, 1, 23, 0), utc(2024, 4, 2, 1, 0)), time.Hour},
		// Mid-window start and end, nanosecond ends: 02:00:00.5 to 10:59:59.25.
		{"nanosecond ends", "2 AM to 11 AM", spanOf(utc(2024, 4, 1, 2, 0).Add(500*time.Millisecond), utc(2024, 4, 1, 11, 0).Add(-750*time.Millisecond)), 9*time.Hour - 1250*time.Millisecond},
		{"empty span", "2 AM to 11 AM", spanOf(utc(2024, 4, 1, 3, 0), utc(2024, 4, 1, 3, 0)), 0},
		{"reversed span is 0", "2 AM to 11 AM", spanOf(utc(2024, 4, 2, 0, 0), utc(2024, 4, 1, 0, 0)), 0},
		// February 2024 has 29 days: IND 29 × 5h30m = 159h30m.
		{"IND February 2024", "19:30-01:00", spanOf(utc(2024, 2, 1, 0, 0), utc(2024, 3, 1, 0, 0)), 159*time.Hour + 30*time.Minute},
		// New York's March 2024 is [1 Mar 05:00Z, 1 Apr 04:00Z), 743 h.
		// NAM 02:00–11:00Z: 6 h on 1 March (from 05:00), 30 × 9 h on 2–31
		// March, 2 h on 1 April (to 04:00): 278 h.
		{"NAM over New York's March 2024", "2 AM to 11 AM",
			calendar.NewMonth(2024, time.March, ny).Span(), 278 * time.Hour},
		// New York's November 2024 is [1 Nov 04:00Z, 1 Dec 05:00Z), 721 h.
		// IND 19:30–01:00Z: the occurrence opening 31 October ends at
		// 01:00Z, before the month; those opening 1–30 November lie
		// wholly inside (the last ends 1 Dec 01:00Z); 30 × 5h30m = 165 h.
		{"IND over New York's November 2024", "7:30PM to 1AM",
			calendar.NewMonth(2024, time.November, ny).Span(), 165 * time.Hour},
		// Lord Howe's April 2024 is [31 Mar 13:00Z, 30 Apr 13:30Z),
		// 720h30m. DEU 17:00–02:00Z: occurrences opening 31 March to 29
		// April lie inside, the one opening 30 April at 17:00Z is after
		// the end: 30 × 9 h = 270 h.
		{"DEU over Lord Howe's April 2024", "5 PM to 2 AM",
			calendar.NewMonth(2024, time.April, lordHowe).Span(), 270 * time.Hour},
		// The zero time is 0001-01-01 00:00 UTC. DEU's occurrence that
		// opened at 17:00 on 0000-12-31 covers 00:00–02:00, and the next
		// opens at 17:00: 2 h + 7 h in the first day.
		{"first day of year 1", "5 PM to 2 AM", calendar.Span{Start: zero, End: zero.Add(24 * time.Hour)}, 9 * time.Hour},
		{"one ns at the zero time, inside DEU", "5 PM to 2 AM", calendar.Span{Start: zero, End: zero.Add(1)}, 1},
		{"one ns at the zero time, outside NAM", "2 AM to 11 AM", calendar.Span{Start: zero, End: zero.Add(1)}, 0},
		// From 9999-12-31 to 10000-01-02: two NAM days, 18 h.
		{"across year 10000", "2 AM to 11 AM",
			calendar.Span{Start: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), End: time.Date(10000, 1, 2, 0, 0, 0, 0, time.UTC)}, 18 * time.Hour},
		// Year 1 to year 9999 is 3,652,058 days: ~3.3e7 h of NAM window,
		// far over the largest time.Duration (~2.56e6 h).
		{"year 1 to 9999 saturates", "2 AM to 11 AM",
			calendar.Span{Start: zero, End: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)}, time.Duration(1<<63 - 1)},
		{"zero span", "2 AM to 11 AM", calendar.Span{}, 0},
		{"reversed at the zero time", "5 PM to 2 AM", calendar.Span{Start: zero.Add(1), End: zero}, 0},
	}
}

func TestOverlap(t *testing.T) {
	for _, tc := range overlapCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			w := mustWindow(t, tc.window)
			assert.Equal(t, tc.want, w.Overlap(tc.span))
			assert.Equal(t, tc.want, w.Overlap(tc.span.In(time.UTC)), "the span's location does not matter")
			if tc.span.Duration() > 0 && tc.span.Duration() < 1000*24*time.Hour {
				// The occurrences, clipped, add up to the same figure.
				var sum time.Duration
				for occ := range w.Occurrences(tc.span) {
					if in, ok := occ.Intersect(tc.span); ok {
						sum += in.Duration()
					}
				}
				assert.Equal(t, tc.want, sum, "sum of clipped occurrences")
			}
		})
	}
}

func TestOverlapLocations(t *testing.T) {
	// The same instants in another location give the same overlap.
	nyc := mustLoad(t, "America/New_York")
	ind := mustWindow(t, "7:30PM to 1AM")
	april := spanOf(utc(2024, 4, 1, 0, 0), utc(2024, 5, 1, 0, 0))
	assert.Equal(t, 165*time.Hour, ind.Overlap(april.In(nyc)))
	// April 2024 in New York (EDT, UTC-4) is 04:00 UTC April 1 to 04:00 UTC
	// May 1: still 30 whole days, so 165h.
	local := spanOf(time.Date(2024, 4, 1, 0, 0, 0, 0, nyc), time.Date(2024, 5, 1, 0, 0, 0, 0, nyc))
	assert.Equal(t, 165*time.Hour, ind.Overlap(local))
}

func TestOverlapSaturates(t *testing.T) {
	nam := mustWindow(t, "2 AM to 11 AM")
	// 1000 years of NAM window is 1000 × 365.2425 × 9h, about 3.3e6 hours,
	// over the largest Duration (about 2.56e6 hours).
	long := spanOf(utc(1000, 1, 1, 0, 0), utc(2000, 1, 1, 0, 0))
	assert.Equal(t, time.Duration(math.MaxInt64), nam.Overlap(long))
	// Extreme instants do not overflow.
	far := spanOf(time.Unix(-1<<62, 0), time.Unix(1<<62, 0))
	assert.Equal(t, time.Duration(math.MaxInt64), nam.Overlap(far))
	// 200 years is about 657,000 hours: exact, no saturation.
	twoHundred := spanOf(utc(1900, 1, 1, 0, 0), utc(2100, 1, 1, 0, 0))
	days := int64(twoHundred.End.Sub(twoHundred.Start) / (24 * time.Hour))
	assert.Equal(t, time.Duration(days)*9*time.Hour, nam.Overlap(twoHundred))
	// Just under the limit: 292 years of a 1-minute window is fine.
	tiny := mustWindow(t, "23:59-00:00")
	assert.Equal(t, time.Duration(days)*time.Minute, tiny.Overlap(twoHundred))
}

func TestOverlapSet(t *testing.T) {
	nam := mustWindow(t, "2 AM to 11 AM")
	set, err := calendar.NewSpanSet(
		spanOf(utc(2024, 4, 1, 0, 0), utc(2024, 4, 1, 3, 0)),   // 1h inside
		spanOf(utc(2024, 4, 2, 10, 0), utc(2024, 4, 2, 12, 0)), // 1h inside
	)
	require.NoError(t, err)
	assert.Equal(t, 2*time.Hour, nam.OverlapSet(set))
	assert.Zero(t, nam.OverlapSet(calendar.SpanSet{}))
	huge, err := calendar.NewSpanSet(
		// 2 × 400 years × 9h a day is about 2.63e6 hours, over the
		// largest Duration (about 2.56e6 hours); each alone is under it.
		spanOf(utc(1000, 1, 1, 0, 0), utc(1400, 1, 1, 0, 0)),
		spanOf(utc(1500, 1, 1, 0, 0), utc(1900, 1, 1, 0, 0)),
	)
	require.NoError(t, err)
	for s := range huge.All() {
		require.Less(t, nam.Overlap(s), time.Duration(math.MaxInt64))
	}
	assert.Equal(t, time.Duration(math.MaxInt64), nam.OverlapSet(huge), "saturates")
}
