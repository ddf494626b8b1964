package calendar

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/internal/testkit"
)

// addChecked is Add with Deadline's error: the business day Add names, or
// the zero time and the error Deadline reports when there is none.
func addChecked(b *BusinessDays, t time.Time, n int) (time.Time, error) {
	if _, err := b.Deadline(t, n); err != nil {
		return time.Time{}, err
	}
	return b.Add(t, n), nil
}

func TestIsBusinessDayUS(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	b := NewBusinessDays(ny, us.Holidays...)
	tests := []struct {
		name string
		t    time.Time
		want bool
	}{
		// New Year's Day 2022 was a Saturday, observed on Friday 2021-12-31.
		{"observed New Year Fri 2021-12-31", day(2021, 12, 31, ny), false},
		{"actual New Year Sat 2022-01-01", day(2022, 1, 1, ny), false},
		{"Thu 2021-12-30 ordinary", day(2021, 12, 30, ny), true},
		{"Mon 2022-01-03 ordinary", day(2022, 1, 3, ny), true},
		// Thanksgiving: fourth Thursday of November; the Friday after is
		// not in us.Holidays, so it is a business day.
		{"Thanksgiving Thu 2024-11-28", day(2024, 11, 28, ny), false},
		{"Fri after Thanksgiving 2024-11-29", day(2024, 11, 29, ny), true},
		// Juneteenth exists from 2021; 2021-06-19 was a Saturday → Fri 18.
		{"Juneteenth observed Fri 2021-06-18", day(2021, 6, 18, ny), false},
		{"Juneteenth 2020 not yet a holiday", day(2020, 6, 19, ny), true},
		// Independence Day 2026 is a Saturday → observed Fri 2026-07-03.
		{"July 4 observed Fri 2026-07-03", day(2026, 7, 3, ny), false},
		// Christmas 2022 was a Sunday → observed Mon 2022-12-26.
		{"Christmas observed Mon 2022-12-26", day(2022, 12, 26, ny), false},
		{"Tue 2022-12-27 ordinary", day(2022, 12, 27, ny), true},
		// 2022-01-03T03:00Z is Sunday 2 January 22:00 in New York.
		{"UTC Monday that is Sunday in New York", time.Date(2022, 1, 3, 3, 0, 0, 0, time.UTC), false},
		// 2022-01-04T04:59Z is Monday 3 January 23:59 in New York.
		{"UTC Tuesday that is Monday in New York", time.Date(2022, 1, 4, 4, 59, 0, 0, time.UTC), true},
		// 23:59:59.999999999 is still the same day.
		{"last nanosecond of observed New Year", time.Date(2021, 12, 31, 23, 59, 59, 999999999, ny), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, b.IsBusinessDay(tc.t))
		})
	}
	// The same UTC instant is a business day in a UTC calendar.
	assert.True(t, NewBusinessDays(nil, us.Holidays...).IsBusinessDay(time.Date(2022, 1, 3, 3, 0, 0, 0, time.UTC)))
}

func TestAddUS(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	b := NewBusinessDays(ny, us.Holidays...)
	tests := []struct {
		name string
		t    time.Time
		n    int
		want time.Time
	}{
		// Thu 2021-12-30 + 1: Fri 31 is the observed New Year, Sat/Sun weekend.
		{"over observed New Year", time.Date(2021, 12, 30, 16, 45, 0, 0, ny), 1, day(2022, 1, 3, ny)},
		{"back over observed New Year", time.Date(2022, 1, 3, 9, 0, 0, 0, ny), -1, day(2021, 12, 30, ny)},
		{"n=0 on a business day is that day", time.Date(2021, 12, 30, 16, 45, 0, 0, ny), 0, day(2021, 12, 30, ny)},
		{"n=0 on the observed holiday → next", time.Date(2021, 12, 31, 8, 0, 0, 0, ny), 0, day(2022, 1, 3, ny)},
		{"n=0 on a Saturday → Monday", time.Date(2024, 3, 9, 12, 0, 0, 0, ny), 0, day(2024, 3, 11, ny)},
		{"n=1 on a Saturday → Monday", time.Date(2024, 3, 9, 12, 0, 0, 0, ny), 1, day(2024, 3, 11, ny)},
		{"n=-1 on a Saturday → Friday", time.Date(2024, 3, 9, 12, 0, 0, 0, ny), -1, day(2024, 3, 8, ny)},
		{"n=-1 on a Monday → Friday", time.Date(2024, 3, 11, 12, 0, 0, 0, ny), -1, day(2024, 3, 8, ny)},
		// Wed 2024-11-27 + 1 skips Thanksgiving Thu 28 → Fri 29.
		{"over Thanksgiving", time.Date(2024, 11, 27, 15, 30, 0, 0, ny), 1, day(2024, 11, 29, ny)},
		// Wed 27 + 5: Fri 29 (1), Mon 2 (2), Tue 3 (3), Wed 4 (4), Thu 5 (5).
		{"five business days after Thanksgiving eve", time.Date(2024, 11, 27, 15, 30, 0, 0, ny), 5, day(2024, 12, 5, ny)},
		// Spring forward Sun 2024-03-10: Monday's midnight is EDT (-04:00).
		{"over spring forward", time.Date(2024, 3, 8, 10, 0, 0, 0, ny), 1, time.Date(2024, 3, 11, 4, 0, 0, 0, time.UTC)},
		// Fall back Sun 2024-11-03: Monday's midnight is EST (-05:00);
		// Mon 4 + 1 = Tue 5 (Election Day is not a federal holiday).
		{"over fall back", time.Date(2024, 11, 1, 10, 0, 0, 0, ny), 1, time.Date(2024, 11, 4, 5, 0, 0, 0, time.UTC)},
		// 2022-01-03T03:00Z is Sun 2 Jan 22:00 in New York: +1 → Mon 3.
		{"UTC input read in New York", time.Date(2022, 1, 3, 3, 0, 0, 0, time.UTC), 1, day(2022, 1, 3, ny)},
		// 2022: 250 business days (see TestBetweenUS); Mon 2022-01-03 is the
		// first, so +250 from Fri 2021-12-31 reaches the last one, Fri
		// 2022-12-30; +251 skips Mon 2023-01-02 (New Year observed).
		{"a whole year", day(2021, 12, 31, ny), 250, day(2022, 12, 30, ny)},
		{"a whole year plus one", day(2021, 12, 31, ny), 251, day(2023, 1, 3, ny)},
		{"a whole year back", day(2022, 12, 31, ny), -250, day(2022, 1, 3, ny)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := b.Add(tc.t, tc.n)
			assert.True(t, tc.want.Equal(got), "want %s got %s", tc.want, got)
			assert.Equal(t, ny, got.Location())
			assert.True(t, b.IsBusinessDay(got))
		})
	}
}

func TestBetweenUS(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	b := NewBusinessDays(ny, us.Holidays...)
	tests := []struct {
		name string
		a, e time.Time
		want int
	}{
		// [Thu 30, Mon 3): Thu only (Fri 31 observed New Year, weekend).
		{"over observed New Year", day(2021, 12, 30, ny), day(2022, 1, 3, ny), 1},
		{"reversed is negative", day(2022, 1, 3, ny), day(2021, 12, 30, ny), -1},
		{"same day", day(2021, 12, 30, ny), time.Date(2021, 12, 30, 23, 0, 0, 0, ny), 0},
		{"end day excluded", day(2022, 1, 3, ny), day(2022, 1, 4, ny), 1},
		{"start day included, time ignored", time.Date(2022, 1, 3, 23, 59, 0, 0, ny), day(2022, 1, 4, ny), 1},
		// 2022 has 260 weekdays (it starts on a Saturday: 52 weeks + 1).
		// Federal holidays on weekdays: MLK Jan 17, Presidents Feb 21,
		// Memorial May 30, Juneteenth (Sun) → Jun 20, Independence Jul 4,
		// Labor Sep 5, Columbus Oct 10, Veterans Nov 11, Thanksgiving
		// Nov 24, Christmas (Sun) → Dec 26: 10. New Year 2022 (Sat) was
		// observed in 2021, so 260 − 10 = 250.
		{"year 2022", day(2022, 1, 1, ny), day(2023, 1, 1, ny), 250},
		{"year 2022 reversed", day(2023, 1, 1, ny), day(2022, 1, 1, ny), -250},
		// December 2024: 22 weekdays, Christmas Wed 25 → 21.
		{"December 2024", day(2024, 12, 1, ny), day(2025, 1, 1, ny), 21},
		// [Fri 8, Mon 11) over the spring-forward Sunday: Fri only.
		{"over spring forward", time.Date(2024, 3, 8, 10, 0, 0, 0, ny), time.Date(2024, 3, 11, 1, 0, 0, 0, ny), 1},
		// 2022-01-03T03:00Z is Sunday in New York: [Sun 2, Tue 4) = Mon.
		{"UTC inputs read in New York", time.Date(2022, 1, 3, 3, 0, 0, 0, time.UTC), time.Date(2022, 1, 4, 12, 0, 0, 0, time.UTC), 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, b.Between(tc.a, tc.e))
		})
	}
}

// TestHolidayOnFirstDayOfYear: a holiday on 1 January (day 0 of the year's
// bitmap) is a day off. US New Year's Day 2024 fell on a Monday: from
// Friday 29 December 2023 the next business day is Tuesday 2 January, and
// [Fri 29, Wed 3) holds Friday and Tuesday only.
func TestHolidayOnFirstDayOfYear(t *testing.T) {
	b := NewBusinessDays(time.UTC, us.Holidays...)
	jan1 := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	assert.False(t, b.IsBusinessDay(jan1))
	fri := time.Date(2023, 12, 29, 9, 0, 0, 0, time.UTC)
	assert.Equal(t, "2024-01-02T00:00:00Z", b.Add(fri, 1).Format(time.RFC3339))
	assert.Equal(t, 2, b.Between(fri, time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC)))
	// Without holidays Monday 1 January is a business day.
	assert.True(t, NewBusinessDays(time.UTC).IsBusinessDay(jan1))
}

// TestDSTAtMidnight covers zones whose clocks jump at midnight, where
// time.Date alone gets the first instant of the day wrong.
func TestDSTAtMidnight(t *testing.T) {
	havana := mustLoad(t, "America/Havana")
	saoPaulo := mustLoad(t, "America/Sao_Paulo")
	tests := []struct {
		name string
		loc  *time.Location
		from time.Time
		n    int
		want time.Time
	}{
		// Havana skipped 2011-03-20 00:00–01:00 (CST → CDT): that Sunday
		// starts at 01:00 CDT = 05:00Z. time.Date gives 23:00 Saturday.
		{"Havana spring forward", havana, time.Date(2011, 3, 19, 12, 0, 0, 0, havana), 1, time.Date(2011, 3, 20, 5, 0, 0, 0, time.UTC)},
		// Havana repeated 2011-11-13 00:00–01:00 (CDT → CST): the day
		// starts at the first 00:00, CDT = 04:00Z.
		{"Havana fall back", havana, time.Date(2011, 11, 12, 12, 0, 0, 0, havana), 1, time.Date(2011, 11, 13, 4, 0, 0, 0, time.UTC)},
		// São Paulo skipped 2018-11-04 00:00–01:00: 01:00 -02 = 03:00Z.
		{"Sao Paulo spring forward", saoPaulo, time.Date(2018, 11, 3, 12, 0, 0, 0, saoPaulo), 1, time.Date(2018, 11, 4, 3, 0, 0, 0, time.UTC)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// A Friday and Saturday weekend makes these Sundays business days.
			b := NewBusinessDaysFrom(tc.loc, nil, time.Friday, time.Saturday)
			got := b.Add(tc.from, tc.n)
			assert.True(t, tc.want.Equal(got), "want %s got %s", tc.want.In(tc.loc), got)
			assert.Equal(t, tc.from.Day()+1, got.Day())
			// Nothing of that date comes before the result.
			assert.Equal(t, tc.from.Day(), got.Add(-1).Day())
			assert.True(t, b.EndOfDay(tc.from).Equal(got))
		})
	}
}

// TestDayAtTransitionInstant: at the very second the clocks change, the
// new offset applies. In Santiago daylight time ended at 00:00 on Sunday
// 2024-04-07 (UTC−3), when the clocks went back to 23:00 on Saturday
// (UTC−4): the instant 2024-04-07T03:00Z is Saturday 23:00, and one
// nanosecond earlier is Saturday 23:59:59.999999999 by the old offset.
// With a Sunday-only weekend Saturday is a business day and Sunday is not.
func TestDayAtTransitionInstant(t *testing.T) {
	santiago := mustLoad(t, "America/Santiago")
	b := NewBusinessDaysFrom(santiago, nil, time.Sunday)
	at := time.Date(2024, 4, 7, 3, 0, 0, 0, time.UTC)
	require.Equal(t, "2024-04-06T23:00:00-04:00", at.In(santiago).Format(time.RFC3339))
	assert.True(t, b.IsBusinessDay(at), "Saturday 23:00 after the change")
	assert.True(t, b.IsBusinessDay(at.Add(-1)), "Saturday 23:59:59.999999999 before it")
	assert.False(t, b.IsBusinessDay(at.Add(time.Hour)), "Sunday 00:00")
	// Saturday's end is the first instant of Sunday, an hour after the
	// change.
	assert.True(t, b.EndOfDay(at).Equal(at.Add(time.Hour)), "end of Saturday: %s", b.EndOfDay(at))
	assert.Equal(t, 0, b.Between(at.Add(-1), at))
	// Counting one business day on from Saturday skips Sunday.
	assert.Equal(t, "2024-04-08T00:00:00-04:00", b.Add(at, 1).Format(time.RFC3339))
}

// TestSkippedDay: Samoa skipped Friday 2011-12-30 (UTC-10 → UTC+14).
func TestSkippedDay(t *testing.T) {
	apia := mustLoad(t, "Pacific/Apia")
	thu := time.Date(2011, 12, 29, 12, 0, 0, 0, apia)

	// Sunday-only weekend: Fri 30 does not exist, so Thu + 1 is Sat 31.
	b := NewBusinessDaysFrom(apia, nil, time.Sunday)
	got := b.Add(thu, 1)
	assert.Equal(t, "2011-12-31T00:00:00+14:00", got.Format(time.RFC3339))
	assert.Equal(t, "2011-12-29T00:00:00-10:00", b.Add(got, -1).Format(time.RFC3339))
	// [Thu 29, Sat 31) holds Thursday only.
	assert.Equal(t, 1, b.Between(thu, got))
	// The end of Thursday is the start of Saturday.
	assert.True(t, got.Equal(b.EndOfDay(thu)))

	_, ok := dayStart(2011, time.December, 30, apia)
	assert.False(t, ok)
}

func TestNoBusinessDays(t *testing.T) {
	all := []time.Weekday{time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
	b := NewBusinessDaysFrom(nil, nil, all...)
	from := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, n := range []int{-3, -1, 0, 1, 5, 1000000} {
		got, err := addChecked(b, from, n)
		require.ErrorIs(t, err, ErrNoBusinessDay, "n=%d", n)
		assert.True(t, got.IsZero())
		assert.True(t, b.Add(from, n).IsZero())
	}
	assert.False(t, b.IsBusinessDay(from))
	assert.Equal(t, 0, b.Between(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)))

	// Every day a holiday has the same effect.
	b2 := NewBusinessDaysFrom(nil, HolidayFunc(func(time.Time) bool { return true }))
	_, err := addChecked(b2, from, 1)
	require.ErrorIs(t, err, ErrNoBusinessDay)
}

func TestYearRange(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	utc := NewBusinessDays(nil)
	first := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC) // a Monday
	last := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	require.Equal(t, time.Monday, first.Weekday())
	require.Equal(t, time.Friday, last.Weekday())

	assert.True(t, utc.IsBusinessDay(time.Time{}))
	assert.True(t, utc.Add(time.Time{}, 0).Equal(first))
	assert.True(t, utc.Add(first, 1).Equal(first.AddDate(0, 0, 1)))
	assert.True(t, utc.Add(last, 0).Equal(last))
	assert.True(t, utc.Add(last, -1).Equal(last.AddDate(0, 0, -1)))

	_, err := addChecked(utc, first, -1)
	require.ErrorIs(t, err, ErrNoBusinessDay)
	assert.Contains(t, err.Error(), `-1 business days from "0001-01-01T00:00:00Z" in UTC`)
	_, err = addChecked(utc, last, 1)
	require.ErrorIs(t, err, ErrNoBusinessDay)

	// The zero time is 0000-12-31 in New York: outside the range, so not a
	// business day, and counting forward starts at 0001-01-01.
	nyb := NewBusinessDays(ny)
	assert.False(t, nyb.IsBusinessDay(time.Time{}))
	assert.Equal(t, "0001-01-01", nyb.Add(time.Time{}, 1).Format(time.DateOnly))
	assert.Equal(t, "0001-01-02", nyb.Add(time.Time{}, 2).Format(time.DateOnly))
	_, err = addChecked(nyb, time.Time{}, -1)
	require.ErrorIs(t, err, ErrNoBusinessDay)
	// Beyond 9999 counting back starts at 9999-12-31.
	far := time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC)
	assert.Equal(t, "9999-12-31", utc.Add(far, -1).Format(time.DateOnly))
	assert.False(t, utc.IsBusinessDay(far))
	_, err = addChecked(utc, far, 1)
	require.ErrorIs(t, err, ErrNoBusinessDay)

	// Far n never hangs.
	for _, n := range []int{math.MaxInt, math.MinInt, maxYearDays + 1, -maxYearDays - 1, 2_700_000, -2_700_000} {
		_, err := addChecked(utc, first, n)
		require.ErrorIs(t, err, ErrNoBusinessDay, "n=%d", n)
	}
	// Every business day of the range: 3,652,059 days from a Monday are
	// 521,722 weeks (5 weekdays each) and 5 days Monday..Friday.
	total := utc.Between(first, last.AddDate(0, 0, 1))
	assert.Equal(t, 521_722*5+5, total)
	// Counting all of them from just before the range reaches the last day.
	assert.True(t, utc.Add(first, total-1).Equal(last))
	_, err = addChecked(utc, first, total)
	require.ErrorIs(t, err, ErrNoBusinessDay)
	assert.True(t, utc.Add(last, -(total-1)).Equal(first))
	// Between clamps to the range.
	assert.Equal(t, total, utc.Between(time.Date(-5, 1, 1, 0, 0, 0, 0, time.UTC), far))
	assert.Equal(t, -total, utc.Between(far, time.Date(-5, 1, 1, 0, 0, 0, 0, time.UTC)))
	assert.Equal(t, 0, utc.Between(far, far.AddDate(3, 0, 0)))
}

func TestZeroAndNil(t *testing.T) {
	var zero BusinessDays
	var nilb *BusinessDays
	mon := time.Date(2024, 3, 11, 15, 0, 0, 0, time.UTC)
	for name, b := range map[string]*BusinessDays{"zero": &zero, "nil": nilb} {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, time.UTC, b.Location())
			assert.True(t, b.IsBusinessDay(mon))
			assert.False(t, b.IsBusinessDay(mon.AddDate(0, 0, -1)))
			assert.Equal(t, "2024-03-18T00:00:00Z", b.Add(mon, 5).Format(time.RFC3339))
			assert.Equal(t, 5, b.Between(mon, mon.AddDate(0, 0, 7)))
			assert.Equal(t, "2024-03-12T00:00:00Z", b.EndOfDay(mon).Format(time.RFC3339))
		})
	}
	assert.Equal(t, time.UTC, NewBusinessDays(nil).Location())
	assert.Equal(t, time.UTC, NewBusinessDaysFrom(nil, nil).Location())
}

func TestWeekend(t *testing.T) {
	mon := time.Date(2024, 3, 11, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		weekend []time.Weekday
		off     []time.Weekday
	}{
		{"default", nil, []time.Weekday{time.Saturday, time.Sunday}},
		{"Friday and Saturday", []time.Weekday{time.Friday, time.Saturday}, []time.Weekday{time.Friday, time.Saturday}},
		{"Sunday only", []time.Weekday{time.Sunday}, []time.Weekday{time.Sunday}},
		{"invalid values ignored", []time.Weekday{-1, 7, time.Friday}, []time.Weekday{time.Friday}},
		{"only invalid values: default", []time.Weekday{9}, []time.Weekday{time.Saturday, time.Sunday}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := NewBusinessDaysFrom(nil, nil, tc.weekend...)
			for i := range 7 {
				d := mon.AddDate(0, 0, i)
				off := false
				for _, w := range tc.off {
					off = off || d.Weekday() == w
				}
				assert.Equal(t, !off, b.IsBusinessDay(d), d.Weekday().String())
			}
		})
	}
}

func TestDeadlineErrorMessage(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	b := NewBusinessDays(ny)
	_, err := addChecked(b, time.Date(9999, 12, 30, 0, 0, 0, 0, ny), 3)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrNoBusinessDay))
	assert.Equal(t, `calendar: no business day: 3 business days from "9999-12-30T00:00:00-05:00" in America/New_York: outside years 1 to 9999`, err.Error())
}

// TestConcurrentUse shares one cold BusinessDays among many goroutines
// (run under -race) and checks every answer against a warm instance used
// from one goroutine. The goroutines fill the year cache concurrently.
func TestConcurrentUse(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	ref := NewBusinessDays(ny, us.Holidays...)
	shared := NewBusinessDays(ny, us.Holidays...)

	type q struct {
		a, e time.Time
		n    int
	}
	r := rand.New(rand.NewPCG(11, 12))
	qs := make([]q, 400)
	for i := range qs {
		a := randInstant(r, 1900, 2100)
		qs[i] = q{a: a, e: a.AddDate(r.IntN(41)-20, 0, r.IntN(400)), n: r.IntN(6001) - 3000}
	}
	// Agree answers every query first on one goroutine (those answers
	// come from ref), then from many at once (from shared, cold).
	var calls atomic.Int64
	testkit.Agree(t, len(qs), func(i int) string {
		b := shared
		if calls.Add(1) <= int64(len(qs)) {
			b = ref
		}
		x := qs[i]
		return fmt.Sprintln(b.Add(x.a, x.n).Format(time.RFC3339Nano), b.Between(x.a, x.e),
			b.IsBusinessDay(x.a), b.EndOfDay(x.a).Format(time.RFC3339Nano))
	})
}

// TestSourceNotCalledConcurrently: a HolidaySource with unsynchronised
// state is safe to plug in, because BusinessDays serialises its calls
// (-race would report a data race otherwise), and it is asked about each
// day once.
func TestSourceNotCalledConcurrently(t *testing.T) {
	newDays := func(asked map[time.Time]int) *BusinessDays {
		return NewBusinessDaysFrom(nil, HolidayFunc(func(d time.Time) bool {
			asked[d]++ // unsynchronised on purpose
			return d.Day() == 13
		}))
	}
	askedRef, asked := map[time.Time]int{}, map[time.Time]int{}
	ref, b := newDays(askedRef), newDays(asked)
	// Queries from four years (2000 to 2003), 50 from each of 16 starts;
	// Agree asks ref on one goroutine first, then the cold b from many.
	const starts, perStart = 16, 50
	var calls atomic.Int64
	testkit.Agree(t, starts*perStart, func(i int) string {
		days := b
		if calls.Add(1) <= starts*perStart {
			days = ref
		}
		w, k := i/perStart, i%perStart
		from := time.Date(2000+w%4, 1, 1, 0, 0, 0, 0, time.UTC)
		return fmt.Sprintln(days.Add(from, k*37).Format(time.RFC3339Nano), days.Between(from, from.AddDate(0, 0, k*11)))
	})
	require.NotEmpty(t, asked)
	for d, n := range asked {
		assert.Equal(t, 1, n, "asked %d times about %s", n, d)
	}
	assert.False(t, b.IsBusinessDay(time.Date(2001, 4, 13, 0, 0, 0, 0, time.UTC)))
}

// TestEndOfDayOutsideTheCountedYears: the end of 9999-12-31 is the first
// instant of year 10000; for a day past it, or before year 1, EndOfDay
// returns the zero time, never an instant that is not after t.
func TestEndOfDayOutsideTheCountedYears(t *testing.T) {
	b := NewBusinessDays(nil)
	got := b.EndOfDay(time.Date(9999, 12, 31, 12, 0, 0, 0, time.UTC))
	assert.True(t, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC).Equal(got), "got %s", got)
	for _, in := range []time.Time{
		time.Unix(math.MaxInt64-62135596800, 999_999_999).UTC(), // the latest time.Time
		time.Date(10001, 6, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 6, 1, 0, 0, 0, 0, time.UTC),
	} {
		assert.True(t, b.EndOfDay(in).IsZero(), "EndOfDay(%s) = %s", in, b.EndOfDay(in))
	}
}
