package maintenance

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// TestClosuresApply: a region's closures become holidays of its business
// days, and only that region's. Dates from a wall calendar; each region's
// holidays as the package documentation ("Holiday calendars") lists them.
func TestClosuresApply(t *testing.T) {
	d := func(y int, m time.Month, dd int) calendar.Date { return calendar.Date{Year: y, Month: m, Day: dd} }
	cs, err := NewClosures(Dynamics(),
		Closure{Region: " nam ", Date: d(2024, 12, 24), Name: " company shutdown ", Source: " memo of 1 Nov 2024 "},
		Closure{Region: "NAM", Date: d(2024, 12, 26), Name: "company shutdown"},
		// Carnival Monday and Tuesday 2025 (3 and 4 March): no business
		// days for banks (Resolução CMN 4.880/2020).
		Closure{Region: "SAM", Date: d(2025, 3, 3), Name: "Carnival Monday (banks closed)"},
		Closure{Region: "SAM", Date: d(2025, 3, 4), Name: "Carnival Tuesday (banks closed)"},
		// Easter Monday 2024 (1 April), which CAN's calendar removes, for a
		// customer in Ontario's federal public service.
		Closure{Region: "CAN", Date: d(2024, 4, 1), Name: "Easter Monday (public service)"},
		// Diwali 2024 (Thursday 31 October) for IND, which has no list.
		Closure{Region: "IND", Date: d(2024, 10, 31), Name: "Diwali"},
	)
	require.NoError(t, err)
	assert.Equal(t, 6, cs.Len())
	assert.Equal(t, Closure{Region: "nam", Date: d(2024, 12, 24), Name: "company shutdown", Source: "memo of 1 Nov 2024"}, cs.List()[0], "trimmed")
	assert.Len(t, cs.For("NAM"), 2)
	assert.Len(t, cs.For(" sam"), 2)
	assert.Nil(t, cs.For("DEU"))

	tests := []struct {
		code     string
		calendar string
		off, on  []calendar.Date // holidays, business days after the closures
	}{
		// Christmas Eve and the day after Christmas 2024 (Tuesday and
		// Thursday) closed; Christmas (Wednesday) stays a holiday; Monday
		// 23 and Friday 27 are business days.
		{"NAM", "us.Holidays + 2 closures", []calendar.Date{d(2024, 12, 24), d(2024, 12, 25), d(2024, 12, 26)}, []calendar.Date{d(2024, 12, 23), d(2024, 12, 27)}},
		// Ash Wednesday, 5 March 2025, is a business day (from noon for
		// banks; a day is whole here).
		{"SAM", "br.Holidays + 2 closures", []calendar.Date{d(2025, 3, 3), d(2025, 3, 4)}, []calendar.Date{d(2025, 3, 5), d(2025, 2, 28)}},
		{"CAN", "ca.Holidays + 1 closure", []calendar.Date{d(2024, 4, 1), d(2024, 3, 29)}, []calendar.Date{d(2024, 4, 2)}},
		{"IND", "1 closure", []calendar.Date{d(2024, 10, 31)}, []calendar.Date{d(2024, 11, 1)}},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			base, ok := Lookup(tc.code)
			require.True(t, ok)
			r := cs.Apply(base)
			assert.Equal(t, tc.calendar, r.Holidays.Name())
			assert.Equal(t, base.Code, r.Code)
			assert.Equal(t, base.Window, r.Window)
			days, err := r.BusinessDays(nil)
			require.NoError(t, err)
			loc, err := r.Location()
			require.NoError(t, err)
			for _, dd := range tc.off {
				assert.False(t, days.IsBusinessDay(time.Date(dd.Year, dd.Month, dd.Day, 12, 0, 0, 0, loc)), "%s closed", dd)
			}
			for _, dd := range tc.on {
				assert.True(t, days.IsBusinessDay(time.Date(dd.Year, dd.Month, dd.Day, 12, 0, 0, 0, loc)), "%s open", dd)
			}
			// The built-in region is unchanged.
			again, _ := Lookup(tc.code)
			assert.Equal(t, base, again)
			for _, c := range r.Holidays.Corrections()[len(base.Holidays.Corrections()):] {
				assert.True(t, c.Holiday)
				assert.NotEmpty(t, c.Name)
			}
		})
	}

	// A region without closures, and any region under the zero Closures,
	// comes back unchanged, sharing its calendar.
	deu, _ := Lookup("DEU")
	assert.Equal(t, deu, cs.Apply(deu))
	nam, _ := Lookup("NAM")
	assert.Equal(t, nam, Closures{}.Apply(nam))
	assert.Equal(t, 0, Closures{}.Len())
	assert.Nil(t, Closures{}.List())
}

// TestClosuresOfOwnTable: the region codes are those of the table given,
// in any of its editions.
func TestClosuresOfOwnTable(t *testing.T) {
	tab, err := ParseTable(strings.NewReader(tblJSON))
	require.NoError(t, err)
	day := calendar.Date{Year: 2024, Month: time.December, Day: 24}
	cs, err := NewClosures(tab, Closure{Region: "zaf", Date: day, Name: "shutdown"})
	require.NoError(t, err)
	r, ok := tab.Lookup("ZAF", utcDate(2024, 1, 1))
	require.True(t, ok)
	assert.Equal(t, "1 closure", cs.Apply(r).Holidays.Name())

	_, err = NewClosures(tab, Closure{Region: "NAM", Date: day, Name: "shutdown"})
	require.ErrorIs(t, err, ErrInvalidClosures)
	assert.Contains(t, err.Error(), `closures[0].region "NAM" is not in the region table (known: "APJ, ZAF")`)
	_, err = NewClosures(Table{}, Closure{Region: "NAM", Date: day, Name: "shutdown"})
	assert.Contains(t, err.Error(), `(known: "none")`)
}

func TestNewClosuresErrors(t *testing.T) {
	day := calendar.Date{Year: 2024, Month: time.December, Day: 24}
	tests := []struct {
		name string
		in   []Closure
		n    int      // problems
		want []string // in the message
	}{
		{"zero closure", []Closure{{}}, 3, []string{
			`closures[0].region "" is empty`,
			"closures[0].date: calendar: invalid date 0000-00-00: year 0 is outside 1 to 9999",
			`closures[0].name "" is empty (say why the day is closed)`,
		}},
		{"unknown region", []Closure{{Region: "EU", Date: day, Name: "x"}}, 1, []string{
			`closures[0].region "EU" is not in the region table (known: "NAM, DEU, SAM, CAN, EUR, FRA, APJ, OCE, JPN, IND, GCC, GBR")`,
		}},
		{"no such day", []Closure{{Region: "NAM", Date: calendar.Date{Year: 2025, Month: time.February, Day: 29}, Name: "x"}}, 1, []string{
			"closures[0].date: calendar: invalid date 2025-02-29: day 29 is outside 1 to 28, the days of February 2025",
		}},
		{"blank name", []Closure{{Region: "NAM", Date: day, Name: " \t"}}, 1, []string{`closures[0].name " \t" is empty`}},
		{"long name", []Closure{{Region: "NAM", Date: day, Name: strings.Repeat("n", MaxClosureNameBytes+1)}}, 1, []string{
			"closures[0].name", "(201 bytes) is longer than 200 bytes",
		}},
		{"long source", []Closure{{Region: "NAM", Date: day, Name: "x", Source: strings.Repeat("s", MaxClosureSourceBytes+1)}}, 1, []string{
			"closures[0].source", "(1001 bytes) is longer than 1000 bytes",
		}},
		{"day twice", []Closure{{Region: "NAM", Date: day, Name: "a"}, {Region: "GCC", Date: day, Name: "b"}, {Region: " nam", Date: day, Name: "c"}}, 1, []string{
			`closures[2]: region "nam" date 2024-12-24 repeats closures[0]`,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := NewClosures(Dynamics(), tc.in...)
			require.Error(t, err)
			assert.Equal(t, 0, got.Len())
			var list calendar.ErrorList
			require.True(t, errors.As(err, &list))
			require.Len(t, list, tc.n, "%v", err)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			for _, e := range list {
				assert.ErrorIs(t, e, ErrInvalidClosures)
			}
		})
	}
	// The longest name and source are accepted.
	_, err := NewClosures(Dynamics(), Closure{Region: "NAM", Date: day,
		Name: strings.Repeat("n", MaxClosureNameBytes), Source: strings.Repeat("s", MaxClosureSourceBytes)})
	assert.NoError(t, err)
}
