package calendar

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/br"
	"github.com/rickar/cal/v2/ca"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mustWith applies corrections or fails the test.
func mustWith(t testing.TB, c *Holidays, name string, fixes ...Correction) *Holidays {
	t.Helper()
	out, err := c.With(name, fixes...)
	require.NoError(t, err)
	return out
}

// TestHolidaysWith pins what each kind of correction does to a calendar's
// days, read both through IsHoliday and through BusinessDays (which reads
// whole years), and that the calendar corrected stays what it was.
func TestHolidaysWith(t *testing.T) {
	d := func(y int, m time.Month, dd int) Date { return Date{y, m, dd} }
	england := NewHolidays("gb.Holidays", gb.Holidays...)
	canada := NewHolidays("ca.Holidays", ca.Holidays...)
	brazil := NewHolidays("br.Holidays", br.Holidays...)
	federal := NewHolidays("us.Holidays", us.Holidays...)
	// Two rules on one date: removing one leaves the date a holiday.
	twice := NewHolidays("twice", us.ChristmasDay, us.ChristmasDay.Clone(&cal.Holiday{Name: "Second Christmas rule"}))

	tests := []struct {
		name  string
		base  *Holidays
		fixes []Correction
		off   []Date // holidays after the corrections
		on    []Date // not holidays after the corrections
	}{
		{
			// The bank holiday proclaimed for the State Funeral of Queen
			// Elizabeth II, Monday 2022-09-19 (Banking and Financial
			// Dealings Act 1971, s.1(3)); rickar/cal v2.1.26 lacks it.
			name:  "a day added",
			base:  england,
			fixes: []Correction{{Date: d(2022, 9, 19), Holiday: true, Name: "State Funeral of Queen Elizabeth II"}},
			off:   []Date{d(2022, 9, 19), d(2022, 8, 29)},
			on:    []Date{d(2022, 9, 16), d(2022, 9, 20)},
		},
		{
			// New Year's Day 2022 (a Saturday) is observed on Friday
			// 2021-12-31 (5 U.S.C. 6103(b)); removing the observed date
			// leaves the actual one, a year later.
			name:  "an observed day removed across the year end",
			base:  federal,
			fixes: []Correction{{Date: d(2021, 12, 31)}},
			off:   []Date{d(2022, 1, 1), d(2021, 12, 24)},
			on:    []Date{d(2021, 12, 31), d(2021, 12, 30)},
		},
		{
			// Easter Monday 2024 is 1 April, 2035 is 26 March; Good Friday
			// 2024 (29 March) stays.
			name:  "a rule removed in every year",
			base:  canada,
			fixes: []Correction{{Rule: "Easter Monday"}},
			off:   []Date{d(2024, 3, 29)},
			on:    []Date{d(2024, 4, 1), d(2035, 3, 26), d(1990, 4, 16)},
		},
		{
			// 20 November: Monday 2023 not yet national, Wednesday 2024 is
			// (Lei 14.759/2023).
			name:  "a rule removed until a year",
			base:  brazil,
			fixes: []Correction{{Rule: "Dia da Consciência Negra", ToYear: 2023}},
			off:   []Date{d(2024, 11, 20), d(2030, 11, 20)},
			on:    []Date{d(2023, 11, 20), d(2015, 11, 20)},
		},
		{
			name:  "a rule removed from a year",
			base:  brazil,
			fixes: []Correction{{Rule: "Dia da Consciência Negra", FromYear: 2024}},
			off:   []Date{d(2023, 11, 20)},
			on:    []Date{d(2024, 11, 20)},
		},
		{
			name:  "a rule removed in one year",
			base:  brazil,
			fixes: []Correction{{Rule: "Dia da Consciência Negra", FromYear: 2023, ToYear: 2023}},
			off:   []Date{d(2022, 11, 20), d(2024, 11, 20)},
			on:    []Date{d(2023, 11, 20)},
		},
		{
			name:  "a date two rules give stays",
			base:  twice,
			fixes: []Correction{{Rule: "Second Christmas rule"}},
			off:   []Date{d(2024, 12, 25)},
		},
		{
			name:  "a dated removal removes whatever rule gave the day",
			base:  twice,
			fixes: []Correction{{Date: d(2024, 12, 25)}},
			on:    []Date{d(2024, 12, 25)},
			off:   []Date{d(2023, 12, 25)},
		},
		{
			name:  "a day added to no rules",
			base:  nil,
			fixes: []Correction{{Date: d(2024, 12, 24), Holiday: true}, {Date: d(9999, 12, 31), Holiday: true}, {Date: d(1, 1, 1), Holiday: true}},
			off:   []Date{d(2024, 12, 24), d(9999, 12, 31), d(1, 1, 1)},
			on:    []Date{d(2024, 12, 25), d(2024, 12, 23)},
		},
		{
			// Adding a day the rules already give changes nothing.
			name:  "a holiday added again",
			base:  federal,
			fixes: []Correction{{Date: d(2024, 7, 4), Holiday: true}},
			off:   []Date{d(2024, 7, 4)},
			on:    []Date{d(2024, 7, 5)},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mustWith(t, tc.base, "corrected", tc.fixes...)
			assert.Equal(t, "corrected", got.Name())
			assert.Equal(t, tc.fixes, got.Corrections())
			for _, loc := range []*time.Location{time.UTC, mustLoad(t, "Pacific/Kiritimati")} {
				b := NewBusinessDaysFrom(loc, got)
				for _, dd := range tc.off {
					assert.True(t, got.IsHoliday(day(dd.Year, dd.Month, dd.Day, loc)), "%s is a holiday", dd)
					assert.False(t, b.IsBusinessDay(day(dd.Year, dd.Month, dd.Day, loc)), "%s is no business day", dd)
				}
				for _, dd := range tc.on {
					assert.False(t, got.IsHoliday(day(dd.Year, dd.Month, dd.Day, loc)), "%s is not a holiday", dd)
				}
			}
			// The calendar corrected is unchanged.
			for _, dd := range append(tc.off, tc.on...) {
				at := day(dd.Year, dd.Month, dd.Day, time.UTC)
				want := NewHolidays("", tc.base.rules()...).IsHoliday(at)
				assert.Equal(t, want, tc.base.IsHoliday(at), "%s in the calendar corrected", dd)
			}
		})
	}
}

// rules returns the rickar/cal holidays of c, for rebuilding it.
func (c *Holidays) rules() []*cal.Holiday {
	if c == nil {
		return nil
	}
	out := make([]*cal.Holiday, len(c.hs))
	for i := range c.hs {
		out[i] = &c.hs[i]
	}
	return out
}

// TestHolidaysWithLayers: a later layer's dated correction overrides an
// earlier one's, rule corrections stay, and Corrections lists every layer
// in order.
func TestHolidaysWithLayers(t *testing.T) {
	christmas := Date{2024, time.December, 25}
	at := day(2024, 12, 25, time.UTC)
	federal := NewHolidays("us.Holidays", us.Holidays...)
	removed := mustWith(t, federal, "removed", Correction{Date: christmas, Name: "open on Christmas"})
	require.False(t, removed.IsHoliday(at))
	closed := mustWith(t, removed, "closed", Correction{Date: christmas, Holiday: true, Name: "closed after all"})
	assert.True(t, closed.IsHoliday(at), "the later layer wins")
	assert.False(t, removed.IsHoliday(at), "the earlier calendar is unchanged")
	assert.True(t, federal.IsHoliday(at))
	assert.Equal(t, []Correction{{Date: christmas, Name: "open on Christmas"}, {Date: christmas, Holiday: true, Name: "closed after all"}},
		closed.Corrections())
	assert.NotSame(t, federal, removed)

	// A rule correction of the first layer holds under a dated one of the
	// second: Canada's Easter Monday (1 April 2024) stays removed when a
	// closure is added on Tuesday 2 April.
	canada := mustWith(t, NewHolidays("ca.Holidays", ca.Holidays...), "ca", Correction{Rule: "Easter Monday"})
	shut := mustWith(t, canada, "ca and a closure", Correction{Date: Date{2024, time.April, 2}, Holiday: true})
	assert.False(t, shut.IsHoliday(day(2024, 4, 1, time.UTC)))
	assert.True(t, shut.IsHoliday(day(2024, 4, 2, time.UTC)))
	assert.True(t, shut.IsHoliday(day(2024, 3, 29, time.UTC)), "Good Friday")

	// Corrections is a copy; no corrections is nil.
	list := shut.Corrections()
	list[0].Rule = "changed"
	assert.Equal(t, "Easter Monday", shut.Corrections()[0].Rule)
	assert.Nil(t, federal.Corrections())
	var none *Holidays
	assert.Nil(t, none.Corrections())
	empty := mustWith(t, federal, "empty")
	assert.Nil(t, empty.Corrections())
	assert.True(t, empty.IsHoliday(at))
}

func TestHolidaysWithErrors(t *testing.T) {
	canada := NewHolidays("ca.Holidays", ca.Holidays...)
	good := Date{2024, time.April, 2}
	tests := []struct {
		name  string
		base  *Holidays
		fixes []Correction
		want  []string // one per problem, in order
	}{
		{"zero correction", canada, []Correction{{}}, []string{"corrections[0]: names neither a date nor a rule"}},
		{"both", canada, []Correction{{Date: good, Rule: "Easter Monday"}},
			[]string{`corrections[0]: names both date 2024-04-02 and rule "Easter Monday"`}},
		{"bad date", canada, []Correction{{Date: Date{2023, time.February, 29}, Holiday: true}},
			[]string{"corrections[0]: date: calendar: invalid date 2023-02-29: day 29 is outside 1 to 28"}},
		{"years on a date", canada, []Correction{{Date: good, FromYear: 2024}},
			[]string{"corrections[0]: date 2024-04-02 has years 2024 to 0"}},
		{"unknown rule", canada, []Correction{{Rule: "Civic Holiday"}},
			[]string{`corrections[0]: rule "Civic Holiday" is not a holiday of calendar "ca.Holidays"`}},
		{"rule on no rules", nil, []Correction{{Rule: "Easter Monday"}},
			[]string{`corrections[0]: rule "Easter Monday" is not a holiday of calendar ""`}},
		{"rule adds", canada, []Correction{{Rule: "Easter Monday", Holiday: true}},
			[]string{`corrections[0]: rule "Easter Monday" adds`}},
		{"years out of range", canada, []Correction{{Rule: "Easter Monday", FromYear: -5, ToYear: 10000}},
			[]string{"from year -5 is outside 1 to 9999", "to year 10000 is outside 1 to 9999"}},
		{"years reversed", canada, []Correction{{Rule: "Easter Monday", FromYear: 2024, ToYear: 2023}},
			[]string{"from year 2024 is after to year 2023"}},
		{"date twice", canada, []Correction{{Date: good, Holiday: true}, {Date: Date{2024, time.April, 3}}, {Date: good}},
			[]string{"corrections[2]: date 2024-04-02 repeats corrections[0]"}},
		{"every problem at once", canada, []Correction{{}, {Rule: strings.Repeat("x", 1000)}, {Date: Date{2024, 13, 1}}},
			[]string{"corrections[0]: names neither", `corrections[1]: rule "xxxx`, "(1000 bytes) is not a holiday", "corrections[2]: date: calendar: invalid date 2024-13-01: month 13"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.base.With("x", tc.fixes...)
			require.Error(t, err)
			assert.Nil(t, got)
			assert.True(t, errors.Is(err, ErrInvalidCorrection))
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			var list ErrorList
			require.True(t, errors.As(err, &list))
			for _, e := range list {
				assert.True(t, errors.Is(e, ErrInvalidCorrection), "%v", e)
				assert.Less(t, len(e.Error()), 300, "values are clipped")
			}
		})
	}
}

func TestCorrectionString(t *testing.T) {
	tests := []struct {
		c    Correction
		want string
	}{
		{Correction{Date: Date{2022, time.September, 19}, Holiday: true, Name: "State Funeral of Queen Elizabeth II"},
			"2022-09-19 added (State Funeral of Queen Elizabeth II)"},
		{Correction{Date: Date{2021, time.December, 31}}, "2021-12-31 removed"},
		{Correction{Rule: "Easter Monday", Name: "Easter Monday"}, "Easter Monday removed in every year"},
		{Correction{Rule: "Dia da Consciência Negra", ToYear: 2023}, "Dia da Consciência Negra removed in 1 to 2023"},
		{Correction{Rule: "Carnaval", FromYear: 2030}, "Carnaval removed in 2030 to 9999"},
		{Correction{Rule: "Carnaval", FromYear: 2030, ToYear: 2030, Name: "Carnival Tuesday"}, "Carnaval removed in 2030 (Carnival Tuesday)"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.c.String())
			assert.Equal(t, tc.c.Rule != "", tc.c.IsRule())
		})
	}
}
