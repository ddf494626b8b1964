package maintenance

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// TestDynamicsCorrections pins the corrections of every built-in calendar
// (the package documentation's "Holiday calendars" gives each one's law)
// and checks that each cites a public source and a law.
func TestDynamicsCorrections(t *testing.T) {
	want := map[string][]string{
		"us.Holidays":  nil,
		"ecb.Holidays": nil,
		"fr.Holidays":  nil,
		"jp.Holidays":  nil,
		"gb.Holidays":  {"2022-09-19 added (Bank holiday for the State Funeral of Queen Elizabeth II)"},
		"de.Holidays":  {"2017-10-31 added (Reformationstag (500. Jahrestag der Reformation))"},
		"au.HolidaysNSW": {
			"2026-04-27 added (Additional public holiday for Anzac Day (Saturday 25 April 2026))",
			"2027-04-26 added (Additional public holiday for Anzac Day (Sunday 25 April 2027))",
		},
		"ca.Holidays": {
			"Easter Monday removed in every year",
			"Civic/Provincial Day removed in every year (Civic Holiday (first Monday of August))",
		},
		"br.Holidays": {
			"Carnaval removed in every year (Carnival Tuesday (Carnaval))",
			"Corpus Christi removed in every year",
			"Dia da Consciência Negra removed in 1 to 2023 (Dia Nacional de Zumbi e da Consciência Negra before 2024)",
		},
	}
	require.Len(t, dynamicsHolidays, len(want))
	for name, fixes := range want {
		t.Run(name, func(t *testing.T) {
			h, ok := DynamicsHolidays(name)
			require.True(t, ok)
			assert.Equal(t, name, h.Name())
			var got []string
			for _, c := range h.Corrections() {
				got = append(got, c.String())
				assert.NotEmpty(t, c.Name, "%s: a name", c)
				assert.NotEmpty(t, c.Law, "%s: the law or proclamation", c)
				require.NotEmpty(t, c.Source, "%s: a public source", c)
				for _, src := range strings.Split(c.Source, " ; ") {
					addr, _, _ := strings.Cut(src, " ")
					assert.Regexp(t, `^https?://[^ ]+$`, addr, "%s: source %q", c, src)
				}
			}
			assert.Equal(t, fixes, got)
		})
	}
}

// TestDynamicsCorrectionsAreTheDisagreements: on the weekdays of 2015 to
// 2035, rickar/cal v2.1.26's lists alone disagree with the independent
// reference (testdata/holidays) on 94 days, and the corrections change
// exactly those days and no other weekday: CAN 42 (Easter Monday and the
// Civic Holiday, 21 years each), SAM 48 (Carnival Tuesday and Corpus
// Christi, 21 years each, and 20 November on the 6 weekdays of 2015 to
// 2023: 2016, 2021 and 2022 fall on a weekend), DEU 1, GBR 1, OCE 2.
func TestDynamicsCorrectionsAreTheDisagreements(t *testing.T) {
	want := map[string]int{"NAM": 0, "CAN": 42, "SAM": 48, "EUR": 0, "FRA": 0, "DEU": 1, "GBR": 1, "JPN": 0, "OCE": 2}
	total := 0
	for code, n := range want {
		t.Run(code, func(t *testing.T) {
			r, ok := Lookup(code)
			require.True(t, ok)
			raw := calendar.NewHolidays("", dynamicsHolidayLists[r.Holidays.Name()]...)
			ref := readReference(t, code)
			count := 0
			for at := utcDate(2015, time.January, 1); at.Year() <= 2035; at = at.AddDate(0, 0, 1) {
				if at.Weekday() == time.Saturday || at.Weekday() == time.Sunday {
					continue
				}
				_, inRef := ref.holidays[calendar.DateOf(at)]
				rickarWrong := raw.IsHoliday(at) != inRef
				corrected := raw.IsHoliday(at) != r.Holidays.IsHoliday(at)
				assert.Equal(t, rickarWrong, corrected, "%s %s: rickar/cal disagrees %v, corrected %v", calendar.DateOf(at), at.Weekday(), rickarWrong, corrected)
				if rickarWrong {
					count++
				}
			}
			assert.Equal(t, n, count)
			total += count
		})
	}
	assert.Equal(t, 94, total)
}

// TestDynamicsCorrectionsBeyondReference: the rule corrections hold in
// every year, not only those the reference covers. Easter Sunday 2040 is
// 1 April, so Good Friday is 30 March and Easter Monday 2 April; the first
// Monday of August 2040 is 6 August; in 2010 Easter Monday was 5 April and
// the first Monday of August 2 August (none a general holiday, Canada
// Labour Code, s.166). Carnival Tuesday 2040 is Easter − 47 = 14 February
// and Corpus Christi Easter + 60 = Thursday 31 May (ponto facultativo); 20
// November is a national holiday on Tuesday 2040-11-20 (Lei 14.759/2023)
// and was none on Thursday 2014-11-20.
func TestDynamicsCorrectionsBeyondReference(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return utcDate(y, m, d) }
	ca, _ := DynamicsHolidays("ca.Holidays")
	br, _ := DynamicsHolidays("br.Holidays")
	for _, at := range []time.Time{day(2040, 4, 2), day(2040, 8, 6), day(2010, 4, 5), day(2010, 8, 2)} {
		assert.False(t, ca.IsHoliday(at), "CAN %s", at.Format(time.DateOnly))
	}
	assert.True(t, ca.IsHoliday(day(2040, 3, 30)), "Good Friday 2040 stays")
	for _, at := range []time.Time{day(2040, 2, 14), day(2040, 5, 31), day(2014, 11, 20)} {
		assert.False(t, br.IsHoliday(at), "SAM %s", at.Format(time.DateOnly))
	}
	assert.True(t, br.IsHoliday(day(2040, 11, 20)), "20 November 2040")
	assert.True(t, br.IsHoliday(day(2040, 3, 30)), "Sexta-feira Santa 2040")
}
