package maintenance

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func spanOf(a, b time.Time) calendar.Span { return calendar.Span{Start: a, End: b} }

func TestContains(t *testing.T) {
	sam := mustWindow(t, "12 AM to 10 AM")
	deu := mustWindow(t, "5 PM to 2 AM")
	ind := mustWindow(t, "7:30PM to 1AM")
	nyc, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	cases := []struct {
		name string
		w    Window
		at   time.Time
		want bool
	}{
		// SAM 12 AM to 10 AM (seed table): midnight in, 10:00 out.
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
	deu := mustWindow(t, "5 PM to 2 AM")
	nam := mustWindow(t, "2 AM to 11 AM")
	cases := []struct {
		name       string
		w          Window
		at         time.Time
		start, end time.Time
	}{
		{"DEU inside after midnight: the occurrence from the day before", deu, utc(2024, 4, 2, 1, 0),
			utc(2024, 4, 1, 17, 0), utc(2024, 4, 2, 2, 0)},
		{"DEU at closing instant: the next one", deu, utc(2024, 4, 2, 2, 0),
			utc(2024, 4, 2, 17, 0), utc(2024, 4, 3, 2, 0)},
		{"DEU at opening instant", deu, utc(2024, 4, 2, 17, 0),
			utc(2024, 4, 2, 17, 0), utc(2024, 4, 3, 2, 0)},
		{"NAM before today's", nam, utc(2024, 4, 2, 1, 0),
			utc(2024, 4, 2, 2, 0), utc(2024, 4, 2, 11, 0)},
		{"NAM after today's: tomorrow", nam, utc(2024, 4, 2, 11, 0),
			utc(2024, 4, 3, 2, 0), utc(2024, 4, 3, 11, 0)},
		{"NAM across a month end", nam, utc(2024, 4, 30, 12, 0),
			utc(2024, 5, 1, 2, 0), utc(2024, 5, 1, 11, 0)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.w.Next(tc.at)
			assert.True(t, got.Equal(spanOf(tc.start, tc.end)), "got %v", got)
			assert.Equal(t, time.UTC, got.Start.Location())
		})
	}
	// A time in another location gives the same occurrence, in UTC.
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

var overlapCases = []struct {
	name   string
	window string
	span   calendar.Span
	want   time.Duration
}{
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
}

func TestOverlapHandWorked(t *testing.T) {
	cases := overlapCases
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := mustWindow(t, tc.window)
			assert.Equal(t, tc.want, w.Overlap(tc.span))
		})
	}
}

func TestOverlapLocations(t *testing.T) {
	// The same instants in another location give the same overlap.
	nyc, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
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

// randomWindow returns a random valid window.
func randomWindow(r *rand.Rand) Window {
	start := r.IntN(minutesADay)
	end := r.IntN(minutesADay)
	for end == start {
		end = r.IntN(minutesADay)
	}
	w, err := windowFromMinutes(start, end, "")
	if err != nil {
		panic(err)
	}
	return w
}

// bruteMinutes counts the minutes m in [a, b) (minute-aligned) with
// w.Contains(m), one by one.
func bruteMinutes(w Window, a, b time.Time) time.Duration {
	var n time.Duration
	for t := a; t.Before(b); t = t.Add(time.Minute) {
		if w.Contains(t) {
			n += time.Minute
		}
	}
	return n
}

// bruteExact adds up, nanosecond-exact, the parts of s inside the window by
// clipping each occurrence to s.
func bruteExact(w Window, s calendar.Span) time.Duration {
	var n time.Duration
	for o := range w.Occurrences(s) {
		if in, ok := s.Intersect(o); ok {
			n += in.Duration()
		}
	}
	return n
}

func TestOverlapProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 2024))
	base := utc(2024, 1, 1, 0, 0)
	for i := range 400 {
		w := randomWindow(r)
		// Minute-aligned span up to 3 days, often starting inside the window.
		a := base.Add(time.Duration(r.IntN(60*24*30)) * time.Minute)
		if i%2 == 0 {
			a = w.Next(a).Start.Add(time.Duration(r.IntN(int(w.Duration()/time.Minute))) * time.Minute)
		}
		b := a.Add(time.Duration(r.IntN(60*24*3)) * time.Minute)
		s := spanOf(a, b)
		require.Equal(t, bruteMinutes(w, a, b), w.Overlap(s), "case %d: window %v span %v", i, w, s)
	}
	for i := range 2000 {
		w := randomWindow(r)
		// Nanosecond ends, spans up to 40 days, some before 1970.
		a := base.Add(time.Duration(r.Int64N(int64(200*365*24*time.Hour))) - 100*365*24*time.Hour)
		b := a.Add(time.Duration(r.Int64N(int64(40 * 24 * time.Hour))))
		s := spanOf(a, b)
		require.Equal(t, bruteExact(w, s), w.Overlap(s), "case %d: window %v span %v", i, w, s)
		// Additivity at a random cut.
		c := a.Add(time.Duration(r.Int64N(int64(b.Sub(a)) + 1)))
		require.Equal(t, w.Overlap(s), w.Overlap(spanOf(a, c))+w.Overlap(spanOf(c, b)), "case %d additivity", i)
		// Agrees with Intersect/Subtract and Within.
		set, err := calendar.NewSpanSet(s)
		require.NoError(t, err)
		require.Equal(t, w.Overlap(s), w.Intersect(set).Duration(), "case %d intersect", i)
		require.Equal(t, s.Duration()-w.Overlap(s), w.Subtract(set).Duration(), "case %d subtract", i)
	}
}

func FuzzOverlap(f *testing.F) {
	for _, tc := range overlapCases {
		w, err := ParseWindow(tc.window)
		if err != nil {
			f.Fatal(err)
		}
		d := tc.span.End.Sub(tc.span.Start)
		f.Add(uint16(w.start), uint16(w.End()/time.Minute), tc.span.Start.Unix(), int64(tc.span.Start.Nanosecond()),
			int64(d/time.Second), int64(d%time.Second))
	}
	f.Add(uint16(1020), uint16(120), int64(-86400*400), int64(123), int64(86400*3), int64(999999999))
	f.Fuzz(func(t *testing.T, startMin, endMin uint16, sec, nsec, lenSec, lenNsec int64) {
		w, err := windowFromMinutes(int(startMin%minutesADay), int(endMin%minutesADay), "")
		if err != nil {
			return
		}
		lenSec %= 90 * 86400
		if lenSec < 0 {
			lenSec = -lenSec
		}
		a := time.Unix(sec%(1<<40), nsec%1e9).UTC()
		s := spanOf(a, a.Add(time.Duration(lenSec)*time.Second+time.Duration(lenNsec%1e9)))
		got := w.Overlap(s)
		if s.End.Before(s.Start) {
			if got != 0 {
				t.Fatalf("reversed span gave %v", got)
			}
			return
		}
		if want := bruteExact(w, s); got != want {
			t.Fatalf("window %v span %v: Overlap %v, brute force %v", w, s, got, want)
		}
	})
}

func TestNextContainsProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 30))
	base := utc(2024, 1, 1, 0, 0)
	for i := range 3000 {
		w := randomWindow(r)
		at := base.Add(time.Duration(r.Int64N(int64(400*24*time.Hour))) - 200*24*time.Hour)
		next := w.Next(at)
		require.Equal(t, w.Duration(), next.Duration(), "case %d", i)
		require.True(t, next.End.After(at), "case %d: Next ends after t", i)
		require.Equal(t, w.Contains(at), next.Contains(at), "case %d: window %v at %v next %v", i, w, at, next)
		require.True(t, w.Contains(next.Start), "case %d: opening instant inside", i)
		require.False(t, w.Contains(next.End), "case %d: closing instant outside", i)
		require.False(t, w.Contains(next.Start.Add(-1)), "case %d: instant before opening outside", i)
		// Occurrences over a span starting at t begin with Next(t) when t is
		// inside an occurrence, and every occurrence is a Next.
		var prevEnd time.Time
		for occ := range w.Occurrences(spanOf(at, at.Add(3*24*time.Hour))) {
			require.True(t, occ.Equal(w.Next(occ.Start)), "case %d", i)
			require.True(t, occ.Start.After(prevEnd), "case %d: in order, disjoint, not touching", i)
			prevEnd = occ.End
		}
	}
}
