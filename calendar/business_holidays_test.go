package calendar

import (
	"fmt"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/bg"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHolidaysRule pins the one difference from rickar/cal that the
// Holidays doc describes, and holidays whose observed dates collide or
// cross a year.
func TestHolidaysRule(t *testing.T) {
	// Bulgaria 2023: Christmas Eve Sun 24 is observed on Wed 27, and
	// rickar/cal also moves the second day of Christmas, Tue 26, to Wed 27.
	// Both the actual and the observed dates are days off here; rickar/cal's
	// BusinessCalendar makes Tue 26 a workday (documented on Holidays).
	b := NewBusinessDays(nil, bg.Holidays...)
	rc := cal.NewBusinessCalendar()
	rc.AddHoliday(bg.Holidays...)
	tue := day(2023, 12, 26, time.UTC)
	assert.False(t, b.IsBusinessDay(tue))
	assert.True(t, rc.IsWorkday(tue), "rickar/cal changed its rule: update the Holidays doc")
	assert.False(t, b.IsBusinessDay(tue.AddDate(0, 0, 1)))
	assert.False(t, rc.IsWorkday(tue.AddDate(0, 0, 1)))

	// UK 2022: Christmas Sun 25 observed Mon 26, Boxing Day Mon 26 observed
	// Tue 27: Monday and Tuesday off, Wednesday back.
	g := NewBusinessDays(nil, gb.Holidays...)
	assert.False(t, g.IsBusinessDay(day(2022, 12, 26, time.UTC)))
	assert.False(t, g.IsBusinessDay(day(2022, 12, 27, time.UTC)))
	assert.True(t, g.IsBusinessDay(day(2022, 12, 28, time.UTC)))

	// Observed dates that cross into the previous year are found from
	// either side: US New Year 2022 (Sat) observed Fri 2021-12-31.
	src := NewHolidays("", us.NewYear)
	assert.True(t, src.IsHoliday(day(2021, 12, 31, time.UTC)))
	assert.True(t, src.IsHoliday(day(2022, 1, 1, time.UTC)))
	assert.False(t, src.IsHoliday(day(2021, 12, 30, time.UTC)))
	assert.False(t, src.IsHoliday(day(2022, 1, 3, time.UTC)))

	// Nil holidays and holidays without a rule are ignored.
	n := NewBusinessDays(nil, nil, &cal.Holiday{Name: "no rule"})
	assert.True(t, n.IsBusinessDay(day(2024, 1, 1, time.UTC)))
}

// TestHolidaysCopies checks that NewBusinessDays (through NewHolidays)
// neither modifies the shared us.Holidays nor depends on them after the
// call.
func TestHolidaysCopies(t *testing.T) {
	before := fmt.Sprintf("%+v", us.Holidays)
	b := NewBusinessDays(nil, us.Holidays...)
	_ = b.Between(day(1990, 1, 1, time.UTC), day(2030, 1, 1, time.UTC))
	assert.Equal(t, before, fmt.Sprintf("%+v", us.Holidays))

	h := &cal.Holiday{Name: "Company day", Month: time.March, Day: 12, Func: cal.CalcDayOfMonth,
		Observed: []cal.AltDay{{Day: time.Saturday, Offset: -1}}}
	mine := NewBusinessDays(nil, h)
	h.Day = 13
	h.Observed[0].Offset = -2
	assert.False(t, mine.IsBusinessDay(day(2024, 3, 12, time.UTC)))
	assert.True(t, mine.IsBusinessDay(day(2024, 3, 13, time.UTC)))
	// 2022-03-12 was a Saturday: observed Friday 11 under the original rule.
	assert.False(t, mine.IsBusinessDay(day(2022, 3, 11, time.UTC)))
	assert.True(t, mine.IsBusinessDay(day(2022, 3, 10, time.UTC)))
}

// TestNewHolidays: NewHolidays copies the caller's holidays (their Except
// and Observed slices too) and never writes to them; the zero, the empty
// and the nil calendar hold no holiday.
func TestNewHolidays(t *testing.T) {
	before := fmt.Sprintf("%+v", us.Holidays)
	h := NewHolidays("us.Holidays", us.Holidays...)
	assert.Equal(t, "us.Holidays", h.Name())
	for y := 1990; y < 2030; y++ {
		h.IsHoliday(day(y, time.July, 4, time.UTC))
	}
	assert.Equal(t, before, fmt.Sprintf("%+v", us.Holidays), "rickar/cal's shared list is never modified")

	// A company day on 12 March, moved to Friday when it falls on a
	// Saturday, not held in 2023. Changing the caller's holiday afterwards
	// changes nothing.
	company := &cal.Holiday{Name: "Company day", Month: time.March, Day: 12, Func: cal.CalcDayOfMonth,
		Except: []int{2023}, Observed: []cal.AltDay{{Day: time.Saturday, Offset: -1}}}
	c := NewHolidays("company", company, nil) // nil holidays are ignored
	company.Day = 13
	company.Except[0] = 2024
	company.Observed[0].Offset = -2
	assert.Equal(t, "company", c.Name())
	assert.True(t, c.IsHoliday(day(2024, 3, 12, time.UTC)))
	assert.False(t, c.IsHoliday(day(2024, 3, 13, time.UTC)))
	assert.False(t, c.IsHoliday(day(2023, 3, 12, time.UTC)), "2023 is excepted")
	// Wall calendar: 2022-03-12 was a Saturday, so the day is observed on
	// Friday 11 (Offset -1, not -2).
	assert.True(t, c.IsHoliday(day(2022, 3, 11, time.UTC)))
	assert.True(t, c.IsHoliday(day(2022, 3, 12, time.UTC)), "the actual date too")
	assert.False(t, c.IsHoliday(day(2022, 3, 10, time.UTC)))
	assert.Equal(t, []int{2024}, company.Except, "the caller's holiday is left as the caller set it")

	var none *Holidays
	var zero Holidays
	empty := NewHolidays("")
	for name, cal := range map[string]*Holidays{"nil": none, "zero": &zero, "empty": empty} {
		assert.Equal(t, "", cal.Name(), name)
		for _, d := range []time.Time{day(2022, 1, 1, time.UTC), day(2021, 12, 31, time.UTC), day(2024, 7, 4, time.UTC)} {
			assert.False(t, cal.IsHoliday(d), "%s %s", name, d)
		}
		// As a BusinessDays source it leaves every weekday a business day:
		// Monday 1 January 2024.
		assert.True(t, NewBusinessDaysFrom(nil, cal).IsBusinessDay(day(2024, 1, 1, time.UTC)), name)
	}
}

// TestHolidaysIsHoliday: both the actual and the observed date of a US
// federal holiday are holidays, read as the date's own location reads it.
func TestHolidaysIsHoliday(t *testing.T) {
	h := NewHolidays("us.Holidays", us.Holidays...)
	ny := mustLoad(t, "America/New_York")
	tests := []struct {
		name string
		date time.Time
		want bool
	}{
		// Wall calendar: New Year's Day 2022 was a Saturday, observed on
		// Friday 31 December 2021, in the year before.
		{"New Year 2022 actual, Sat 1 January", day(2022, 1, 1, time.UTC), true},
		{"New Year 2022 observed, Fri 31 December 2021", day(2021, 12, 31, time.UTC), true},
		{"Thu 30 December 2021", day(2021, 12, 30, time.UTC), false},
		{"Mon 3 January 2022", day(2022, 1, 3, time.UTC), false},
		// Independence Day 2026 is a Saturday, observed on Friday 3 July.
		{"Independence Day 2026 actual, Sat 4 July", day(2026, 7, 4, time.UTC), true},
		{"Independence Day 2026 observed, Fri 3 July", day(2026, 7, 3, time.UTC), true},
		{"Mon 6 July 2026", day(2026, 7, 6, time.UTC), false},
		// Christmas 2022 was a Sunday, observed on Monday 26.
		{"Christmas 2022 actual, Sun 25", day(2022, 12, 25, time.UTC), true},
		{"Christmas 2022 observed, Mon 26", day(2022, 12, 26, time.UTC), true},
		{"Tue 27 December 2022", day(2022, 12, 27, time.UTC), false},
		// Thanksgiving, the fourth Thursday of November: 28 November 2024.
		{"Thanksgiving 2024", day(2024, 11, 28, time.UTC), true},
		{"Fri 29 November 2024", day(2024, 11, 29, time.UTC), false},
		// Juneteenth is a holiday from 2021; 19 June 2021 was a Saturday.
		{"Juneteenth 2020, before it was one", day(2020, 6, 19, time.UTC), false},
		{"Juneteenth 2021 actual, Sat 19 June", day(2021, 6, 19, time.UTC), true},
		{"Juneteenth 2021 observed, Fri 18 June", day(2021, 6, 18, time.UTC), true},
		// The date is read in the time's own location.
		{"last nanosecond of 4 July 2024", time.Date(2024, 7, 4, 23, 59, 59, 999999999, time.UTC), true},
		{"4 July 2024 02:00 UTC is 3 July in New York", time.Date(2024, 7, 4, 2, 0, 0, 0, time.UTC).In(ny), false},
		{"4 July 2024 22:00 in New York", time.Date(2024, 7, 4, 22, 0, 0, 0, ny), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, h.IsHoliday(tc.date))
		})
	}
}

func TestHolidayFuncSource(t *testing.T) {
	// A company shutdown list, with a Friday and Saturday weekend.
	shutdown := map[string]bool{"2024-04-10": true, "2024-04-11": true}
	var asked []string
	src := HolidayFunc(func(d time.Time) bool {
		asked = append(asked, d.Format(time.RFC3339))
		return shutdown[d.Format(time.DateOnly)]
	})
	dubai := mustLoad(t, "Asia/Dubai")
	b := NewBusinessDaysFrom(dubai, src, time.Friday, time.Saturday)
	// Tue 2024-04-09 + 1: Wed 10, Thu 11 shut, Fri/Sat weekend → Sun 14.
	got := b.Add(time.Date(2024, 4, 9, 10, 0, 0, 0, dubai), 1)
	assert.Equal(t, "2024-04-14T00:00:00+04:00", got.Format(time.RFC3339))
	// The source saw midnights in Dubai, never a weekend day, each day once.
	require.NotEmpty(t, asked)
	seen := map[string]bool{}
	for _, a := range asked {
		assert.Contains(t, a, "T00:00:00+04:00")
		d, err := time.Parse(time.RFC3339, a)
		require.NoError(t, err)
		assert.NotEqual(t, time.Friday, d.Weekday())
		assert.NotEqual(t, time.Saturday, d.Weekday())
		assert.False(t, seen[a], "asked twice about %s", a)
		seen[a] = true
	}
	// 2024 is leap: 366 days − 2 × 52 weekend days − 2 extra (2024 starts
	// on a Monday and ends on a Tuesday: 52 full weeks + Mon, Tue) → 262.
	assert.Len(t, asked, 262)

	var none HolidayFunc
	assert.False(t, none.IsHoliday(got))
}

func TestHolidayDate(t *testing.T) {
	havana := mustLoad(t, "America/Havana")
	// time.Date(2011, 3, 20, 0, 0, 0, 0, havana) can land on 23:00 of the
	// 19th; the holiday it stands for is the 20th.
	y, m, d := holidayDate(time.Date(2011, 3, 19, 23, 0, 0, 0, havana))
	assert.Equal(t, []int{2011, 3, 20}, []int{y, int(m), d})
	y, m, d = holidayDate(time.Date(2011, 3, 20, 1, 0, 0, 0, havana))
	assert.Equal(t, []int{2011, 3, 20}, []int{y, int(m), d})
	// Rounding to the nearest midnight: noon is the tie, and it goes to
	// the next day; the last instant before noon stays.
	y, m, d = holidayDate(time.Date(2024, 7, 3, 12, 0, 0, 0, time.UTC))
	assert.Equal(t, []int{2024, 7, 4}, []int{y, int(m), d})
	y, m, d = holidayDate(time.Date(2024, 7, 4, 11, 59, 59, 999999999, time.UTC))
	assert.Equal(t, []int{2024, 7, 4}, []int{y, int(m), d})
}
