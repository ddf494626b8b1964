package calendar

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/au"
	"github.com/rickar/cal/v2/br"
	"github.com/rickar/cal/v2/ca"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/ecb"
	"github.com/rickar/cal/v2/fr"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/jp"
	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/require"
)

// Properties: random inputs from fixed random seeds, checked against a
// brute-force model (a set of minutes, a day-by-day walk) or against
// rickar/cal.

// minutes is the brute-force model: the set of whole minutes covered.
type minutes [200]bool

func model(spans []Span) minutes {
	var mm minutes
	for _, s := range spans {
		for i := range mm {
			if s.Contains(base.Add(time.Duration(i) * time.Minute)) {
				mm[i] = true
			}
		}
	}
	return mm
}

func randSpans(r *rand.Rand) []Span {
	n := r.IntN(20) // both the insertion-sort (<= 12) and the generic path
	out := make([]Span, n)
	for i := range out {
		a := r.IntN(200)
		b := a + r.IntN(40)
		if b > 200 {
			b = 200
		}
		out[i] = m(a, b)
	}
	return out
}

func TestSpanSetAgainstMinuteModel(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for iter := 0; iter < 2000; iter++ {
		as, bs := randSpans(r), randSpans(r)
		a, b := set(t, as...), set(t, bs...)
		ma, mb := model(as), model(bs)
		check := func(op string, got SpanSet, want func(x, y bool) bool) {
			gm := model(got.Spans())
			for i := range gm {
				if gm[i] != want(ma[i], mb[i]) {
					t.Fatalf("%s of %v and %v: minute %d wrong (got %s)", op, as, bs, i, got)
				}
			}
			// canonical form: sorted, disjoint, non-touching, non-empty
			sp := got.Spans()
			for i := range sp {
				if sp[i].IsEmpty() || (i > 0 && !sp[i-1].End.Before(sp[i].Start)) {
					t.Fatalf("%s not canonical: %s", op, got)
				}
			}
			var count time.Duration
			for i := range gm {
				if gm[i] {
					count += time.Minute
				}
			}
			if got.Duration() != count {
				t.Fatalf("%s duration %s want %s", op, got.Duration(), count)
			}
		}
		check("union", a.Union(b), func(x, y bool) bool { return x || y })
		check("intersect", a.Intersect(b), func(x, y bool) bool { return x && y })
		check("subtract", a.Subtract(b), func(x, y bool) bool { return x && !y })
		check("build", set(t, append(as, bs...)...), func(x, y bool) bool { return x || y })
	}
}

// TestMergeProperty: for random spans, some empty and some reversed, in
// random order, Merge gives sorted, disjoint, non-empty spans that do not
// touch, the same spans as NewSpanSet of the valid ones, and the same
// minutes as the minute model of the valid ones.
func TestMergeProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for iter := 0; iter < 2000; iter++ {
		spans := randSpans(r)
		var valid []Span
		for i, s := range spans {
			if r.IntN(5) == 0 {
				spans[i] = Span{s.End, s.Start} // reversed (or still empty)
				continue
			}
			valid = append(valid, s)
		}
		got := Merge(slices.Clone(spans))
		for i := range got {
			if got[i].IsEmpty() || (i > 0 && !got[i-1].End.Before(got[i].Start)) {
				t.Fatalf("Merge(%v) not canonical: %v", spans, got)
			}
		}
		want := set(t, valid...).Spans()
		if !slices.EqualFunc(got, want, Span.Equal) {
			t.Fatalf("Merge(%v) = %v, NewSpanSet gives %v", spans, got, want)
		}
		if model(got) != model(valid) {
			t.Fatalf("Merge(%v) = %v covers other minutes than the spans", spans, got)
		}
	}
}

// splitLocations are the locations the month-splitting properties run in:
// UTC, whole-hour DST, half-hour DST, a skipped day and a quarter-hour
// offset.
var splitLocations = []string{"UTC", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Kathmandu"}

// randSplitSpan returns a span whose ends are anywhere from year 1 to
// 9999, or close to each other, or on a month boundary.
func randSplitSpan(r *rand.Rand, loc *time.Location) Span {
	var start time.Time
	switch r.IntN(3) {
	case 0: // anywhere in years 1..9999
		start = time.Date(1+r.IntN(9999), time.Month(1+r.IntN(12)), 1+r.IntN(31), r.IntN(24), r.IntN(60), 0, r.IntN(1e9), loc)
	case 1: // around DST changes and Samoa's skipped day
		start = time.Date(2011+r.IntN(14), time.Month(1+r.IntN(12)), 1+r.IntN(31), r.IntN(24), r.IntN(60), 0, 0, loc)
	default: // exactly on a month boundary, or a nanosecond off it
		start = NewMonth(1900+r.IntN(300), time.Month(1+r.IntN(12)), loc).Start().Add(time.Duration(r.IntN(3) - 1))
	}
	var length time.Duration
	switch r.IntN(4) {
	case 0:
		length = time.Duration(r.IntN(3)) // 0, 1 or 2 ns
	case 1:
		length = time.Duration(r.Int64N(int64(40 * 24 * time.Hour)))
	case 2:
		length = time.Duration(r.Int64N(int64(3 * 365 * 24 * time.Hour)))
	default: // whole months, so the end is on a boundary
		return Span{start, MonthOf(start).Start().AddDate(0, 1+r.IntN(30), 0)}
	}
	return Span{start, start.Add(length)}
}

// TestSplitByMonthProperty: for random spans in locations with DST,
// half-hour shifts, skipped days and odd offsets, the parts tile the span
// (contiguous, in order, each inside its month, consecutive months) and
// their durations add up to the span's; and every sampled instant of the
// span lies in the part of the month MonthOf reads for it.
func TestSplitByMonthProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 2024))
	for _, name := range splitLocations {
		loc := mustLoad(t, name)
		for range 300 {
			s := randSplitSpan(r, loc)
			if r.IntN(2) == 0 {
				s = s.In(time.UTC) // the span's own location never matters
			}
			parts, err := SplitByMonth(s, loc)
			require.NoError(t, err)
			checkParts(t, s, loc, parts)
			require.Equal(t, s.Duration(), sumParts(parts), "%s in %s", s, name)
			for range 5 {
				if s.IsEmpty() {
					break
				}
				at := s.Start.Add(time.Duration(r.Int64N(int64(s.Duration()))))
				want := MonthOf(at.In(loc))
				found := false
				for _, p := range parts {
					if p.Span.Contains(at) {
						require.Equal(t, want, p.Month, "instant %s of %s in %s", at, s, name)
						found = true
					}
				}
				require.True(t, found, "instant %s of %s is in no part", at, s)
			}
		}
	}
}

// randN returns a business-day offset: mostly small, sometimes years.
func randN(r *rand.Rand) int {
	switch r.IntN(10) {
	case 0:
		return r.IntN(5001) - 2500
	case 1:
		return 0
	default:
		return r.IntN(61) - 30
	}
}

// civilNoon is noon UTC of t's calendar date in t's location.
func civilNoon(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
}

// TestRickarMidnightDrift pins the rickar/cal pitfall the comparison above
// avoids: São Paulo's clocks skipped 2008-10-19 00:00–01:00, and
// WorkdaysInRange, stepping from midnight with AddDate, lands on 23:00 of
// the 18th and then misses Tuesday 21. Fri 17, Mon 20 and Tue 21 are three
// workdays; it says two. Between has no such drift.
func TestRickarMidnightDrift(t *testing.T) {
	sp := mustLoad(t, "America/Sao_Paulo")
	rc := cal.NewBusinessCalendar()
	rc.AddHoliday(br.Holidays...)
	fri := time.Date(2008, 10, 17, 12, 0, 0, 0, sp)
	tue := time.Date(2008, 10, 21, 12, 0, 0, 0, sp)
	require.Equal(t, 2, rc.WorkdaysInRange(fri, tue), "rickar/cal fixed the drift: simplify TestAgainstRickar")
	require.Equal(t, 3, rc.WorkdaysInRange(civilNoon(fri), civilNoon(tue)))

	b := NewBusinessDays(sp, br.Holidays...)
	require.Equal(t, 2, b.Between(fri, tue))                  // [Fri 17, Tue 21): Fri, Mon
	require.Equal(t, 3, b.Between(fri, tue.AddDate(0, 0, 1))) // and Tue
	require.Equal(t, "2008-10-21T00:00:00-02:00", b.Add(fri, 2).Format(time.RFC3339))
}

// TestAgainstRickar compares Add, IsBusinessDay and Between with rickar/cal's
// BusinessCalendar on the holiday calendars the built-in regions of package
// maintenance use. Mapping of the semantics (read from rickar/cal v2.1.26
// cal_business.go):
//
//   - rickar/cal reads dates in the time's own location, and steps days
//     with AddDate from the time it is given (WorkdaysInRange from
//     midnight), which drifts by a day where the clocks jump over midnight
//     (see TestRickarMidnightDrift). So it is given noon UTC of the same
//     calendar date as the instant read in the BusinessDays' location.
//   - WorkdaysFrom(t, n), n ≠ 0, steps a day at a time from t's day and
//     returns the nth workday at t's clock time: the same day as Add(t, n).
//     For n == 0 it returns t unchanged, workday or not; Add(t, 0) moves a
//     non-business day on, to WorkdaysFrom(t, 1)'s day.
//   - WorkdaysInRange(a, e) counts workdays in [a's day, e's day] (both
//     ends included), negated when e is before a. So, with W for it and
//     wd for IsWorkday: Between(a, e) = W − wd(e) when e's day is not before
//     a's, and W + wd(a) when it is (the inclusive end is then a).
//
// The calendars agree day for day (see TestHolidaysRule for the one
// country, bg, where they do not, and why).
func TestAgainstRickar(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	tokyo := mustLoad(t, "Asia/Tokyo")
	cases := []struct {
		name string
		loc  *time.Location
		hs   []*cal.Holiday
	}{
		{"us New York", ny, us.Holidays},
		{"us UTC", time.UTC, us.Holidays},
		{"gb London", mustLoad(t, "Europe/London"), gb.Holidays},
		{"de Berlin", mustLoad(t, "Europe/Berlin"), de.Holidays},
		{"fr Paris", mustLoad(t, "Europe/Paris"), fr.Holidays},
		{"jp Tokyo", tokyo, jp.Holidays},
		{"au Sydney", mustLoad(t, "Australia/Sydney"), au.HolidaysNSW},
		{"br Sao Paulo", mustLoad(t, "America/Sao_Paulo"), br.Holidays},
		{"ca Toronto", mustLoad(t, "America/Toronto"), ca.Holidays},
		{"ecb Frankfurt", mustLoad(t, "Europe/Berlin"), ecb.Holidays},
	}
	iters := 200 // × 10 calendars; rickar/cal walks day by day, slowly under -race
	if testing.Short() {
		iters = 50
	}
	for ci, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := NewBusinessDays(c.loc, c.hs...)
			rc := cal.NewBusinessCalendar()
			rc.AddHoliday(c.hs...)
			rc.Cacheable = true
			r := rand.New(rand.NewPCG(uint64(ci), 42))
			for i := range iters {
				tl := randInstant(r, 1970, 2060).In(c.loc)
				cl := civilNoon(tl)
				n := randN(r) / 4 // rickar walks day by day, slowly under -race

				require.Equal(t, rc.IsWorkday(cl), b.IsBusinessDay(tl), "i=%d IsBusinessDay(%s)", i, tl)

				got := b.Add(tl, n)
				var want time.Time
				switch {
				case n != 0:
					want = rc.WorkdaysFrom(cl, n)
				case rc.IsWorkday(cl):
					want = cl
				default:
					want = rc.WorkdaysFrom(cl, 1)
				}
				require.True(t, sameDate(want, got), "i=%d Add(%s, %d): rickar %s, got %s", i, tl, n, want, got)
				require.Equal(t, c.loc, got.Location())

				e := tl.Add(time.Duration(r.IntN(2*120*24)-120*24) * time.Hour).In(c.loc)
				ce := civilNoon(e)
				w := rc.WorkdaysInRange(cl, ce)
				if ce.Before(cl) {
					if rc.IsWorkday(cl) {
						w++
					}
				} else if rc.IsWorkday(ce) {
					w--
				}
				require.Equal(t, w, b.Between(tl, e), "i=%d Between(%s, %s)", i, tl, e)
			}
		})
	}
}

// naive is a day-by-day reference for BusinessDays, built on nothing but
// the weekend, the HolidaySource and dayStart.
type naive struct {
	loc     *time.Location
	src     HolidaySource
	weekend map[time.Weekday]bool
	memo    map[time.Time]bool // isBiz answers, to keep the walks cheap
}

// date is a civil date as midnight UTC, for day arithmetic.
func (nv naive) date(t time.Time) time.Time {
	y, m, d := t.In(nv.loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func (nv naive) isBiz(d time.Time) bool {
	if v, ok := nv.memo[d]; ok {
		return v
	}
	v := nv.isBizUncached(d)
	nv.memo[d] = v
	return v
}

func (nv naive) isBizUncached(d time.Time) bool {
	if d.Year() < 1 || d.Year() > 9999 || nv.weekend[d.Weekday()] {
		return false
	}
	start, ok := dayStart(d.Year(), d.Month(), d.Day(), nv.loc)
	if !ok {
		return false
	}
	return nv.src == nil || !nv.src.IsHoliday(start)
}

// add walks day by day; ok is false past the year range.
func (nv naive) add(t time.Time, n int) (time.Time, bool) {
	d := nv.date(t)
	if n == 0 {
		if nv.isBiz(d) {
			return d, true
		}
		n = 1
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDate(0, 0, step)
		if (step > 0 && d.Year() > 9999) || (step < 0 && d.Year() < 1) {
			return time.Time{}, false
		}
		if nv.isBiz(d) {
			n--
		}
	}
	return d, true
}

func (nv naive) between(a, e time.Time) int {
	da, de := nv.date(a), nv.date(e)
	sign := 1
	if de.Before(da) {
		da, de, sign = de, da, -1
	}
	n := 0
	for d := da; d.Before(de); d = d.AddDate(0, 0, 1) {
		if nv.isBiz(d) {
			n++
		}
	}
	return sign * n
}

// hashHolidays marks about one day in six as a holiday, by a hash of the
// date: a source nothing like rickar/cal's.
func hashHolidays(d time.Time) bool {
	y, m, dd := d.Date()
	h := uint64(y)*1000003 + uint64(m)*1_009 + uint64(dd)
	h ^= h >> 13
	h *= 0x9E3779B97F4A7C15
	return (h>>40)%6 == 0
}

// TestAgainstNaive compares Add, IsBusinessDay and Between with a naive day
// walk on several locations, weekends and holiday sources, including years
// near 1 and 9999 and zones that skip a day or jump at midnight.
func TestAgainstNaive(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	apia := mustLoad(t, "Pacific/Apia")
	havana := mustLoad(t, "America/Havana")
	cases := []struct {
		name     string
		loc      *time.Location
		src      HolidaySource
		weekend  []time.Weekday
		from, to int // years of the random instants
	}{
		{"us New York", ny, NewHolidays("", us.Holidays...), nil, 1990, 2040},
		{"gb UTC", time.UTC, NewHolidays("", gb.Holidays...), nil, 1990, 2040},
		{"jp Tokyo", mustLoad(t, "Asia/Tokyo"), NewHolidays("", jp.Holidays...), nil, 2016, 2024}, // jp's rules are slow to evaluate day by day
		{"hash Apia Sunday weekend", apia, HolidayFunc(hashHolidays), []time.Weekday{time.Sunday}, 2010, 2013},
		{"hash Havana Fri-Sat weekend", havana, HolidayFunc(hashHolidays), []time.Weekday{time.Friday, time.Saturday}, 2008, 2016},
		{"us near year 1", time.UTC, NewHolidays("", us.Holidays...), nil, 1, 3},
		{"us New York near year 9999", ny, NewHolidays("", us.Holidays...), nil, 9998, 10000},
		{"six-day weekend", time.UTC, nil, []time.Weekday{time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}, 2000, 2030},
	}
	iters := 500
	if testing.Short() {
		iters = 80
	}
	for ci, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := NewBusinessDaysFrom(c.loc, c.src, c.weekend...)
			nv := naive{loc: c.loc, src: c.src, weekend: map[time.Weekday]bool{}, memo: map[time.Time]bool{}}
			for _, w := range c.weekend {
				nv.weekend[w] = true
			}
			if len(c.weekend) == 0 {
				nv.weekend[time.Saturday], nv.weekend[time.Sunday] = true, true
			}
			r := rand.New(rand.NewPCG(uint64(ci), 7))
			for i := range iters {
				tt := randInstant(r, c.from, c.to)
				n := randN(r)
				require.Equal(t, nv.isBiz(nv.date(tt)), b.IsBusinessDay(tt), "i=%d IsBusinessDay(%s)", i, tt.In(c.loc))

				got, err := addChecked(b, tt, n)
				want, ok := nv.add(tt, n)
				require.Equal(t, ok, err == nil, "i=%d Add(%s, %d) err=%v", i, tt.In(c.loc), n, err)
				if ok {
					require.True(t, sameDate(want, got), "i=%d Add(%s, %d): naive %s got %s", i, tt.In(c.loc), n, want, got)
					start, _ := dayStart(want.Year(), want.Month(), want.Day(), c.loc)
					require.True(t, start.Equal(got), "i=%d not the first instant: %s", i, got)
				}

				e := tt.Add(time.Duration(r.IntN(2*400*24)-400*24) * time.Hour)
				require.Equal(t, nv.between(tt, e), b.Between(tt, e), "i=%d Between(%s, %s)", i, tt.In(c.loc), e.In(c.loc))
			}
		})
	}
}

// TestLongJumps checks 10- to 20-year Adds and Betweens against the naive
// walk, the ranges on which Add and Between jump a year at a time.
func TestLongJumps(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	src := NewHolidays("", us.Holidays...)
	b := NewBusinessDaysFrom(ny, src)
	nv := naive{loc: ny, src: src, weekend: map[time.Weekday]bool{time.Saturday: true, time.Sunday: true}, memo: map[time.Time]bool{}}
	r := rand.New(rand.NewPCG(3, 3))
	for i := range 6 {
		tt := randInstant(r, 2000, 2030)
		n := 2500 + r.IntN(2500) // 10 to 20 years
		if i%2 == 1 {
			n = -n
		}
		want, _ := nv.add(tt, n)
		got := b.Add(tt, n)
		require.True(t, sameDate(want, got), "Add(%s, %d): naive %s got %s", tt, n, want, got)
		e := tt.AddDate(10+r.IntN(10), 0, r.IntN(365))
		require.Equal(t, nv.between(tt, e), b.Between(tt, e), "Between(%s, %s)", tt, e)
		require.Equal(t, n, b.Between(got, b.Add(got, n)), "Between(Add) from a business day")
	}
}
