package maintenance

import (
	"strings"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// TestRegionLocation: a region's Zone is loaded from the tz database; an
// empty Zone is UTC, and a zone the database does not know is an error
// that names the region and the zone.
func TestRegionLocation(t *testing.T) {
	loc, err := Region{Code: "XXX"}.Location()
	require.NoError(t, err)
	assert.Equal(t, time.UTC, loc, "no zone: UTC")
	_, err = Region{Code: "XXX", Zone: "Mars/Olympus_Mons"}.Location()
	assert.ErrorIs(t, err, ErrInvalidTable)
	assert.ErrorContains(t, err, `region "XXX": zone "Mars/Olympus_Mons"`)
	tokyo, err := Region{Code: "JPN", Zone: "Asia/Tokyo"}.Location()
	require.NoError(t, err)
	assert.Equal(t, "Asia/Tokyo", tokyo.String())
}

func TestRegionBusinessDays(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	cases := []struct {
		name     string
		code     string
		loc      *time.Location
		date     time.Time
		business bool
	}{
		// Thursday 4 July 2024, Independence Day (us.Holidays).
		{"NAM Independence Day", "NAM", nil, utc(2024, 7, 4, 12, 0), false},
		{"NAM day after", "NAM", nil, utc(2024, 7, 5, 12, 0), true},
		// Thursday 3 October 2024, Day of German Unity (de.Holidays).
		{"DEU Unity Day", "DEU", berlin, time.Date(2024, 10, 3, 9, 0, 0, 0, berlin), false},
		// The same Thursday is an ordinary business day in NAM.
		{"NAM 3 October", "NAM", nil, utc(2024, 10, 3, 12, 0), true},
		// Wednesday 1 May 2024, Labour Day (ecb.Holidays).
		{"EUR Labour Day", "EUR", nil, utc(2024, 5, 1, 12, 0), false},
		// Thursday 26 December 2024: Boxing Day in GBR (gb.Holidays).
		{"GBR Boxing Day", "GBR", nil, utc(2024, 12, 26, 12, 0), false},
		// IND: weekends only, so 15 August 2024 (Thursday) is a business day.
		{"IND weekday", "IND", nil, utc(2024, 8, 15, 12, 0), true},
		{"IND Saturday", "IND", nil, utc(2024, 8, 17, 12, 0), false},
		{"APJ Sunday", "APJ", nil, utc(2024, 8, 18, 12, 0), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := Lookup(tc.code)
			require.True(t, ok)
			bd := mustDays(t, r, tc.loc)
			require.NotNil(t, bd)
			assert.Equal(t, tc.business, bd.IsBusinessDay(tc.date))
		})
	}
	// A nil location is the region's own zone, never a silent UTC.
	nam, _ := Lookup("NAM")
	assert.Equal(t, "America/New_York", mustDays(t, nam, nil).Location().String())
	assert.Equal(t, berlin, mustDays(t, nam, berlin).Location())
	jpn, _ := Lookup("JPN")
	assert.Equal(t, "Asia/Tokyo", mustDays(t, jpn, nil).Location().String())
	w := mustWindow(t, "1 AM to 2 AM")
	_, err := Region{Code: "XXX", Host: "x.example", Window: w, Zone: "Mars/Olympus_Mons"}.BusinessDays(nil)
	assert.ErrorIs(t, err, ErrInvalidTable, "an unknown zone is an error, not UTC")
	bd, err := Region{Code: "XXX", Host: "x.example", Window: w, Zone: "Mars/Olympus_Mons"}.BusinessDays(berlin)
	require.NoError(t, err, "a given location needs no zone")
	assert.Equal(t, berlin, bd.Location())

	// A caller's own region counts its own holidays: Tuesday 12 March
	// 2024 is a company holiday, Wednesday 13 a business day.
	xyz := Region{Code: "XYZ", Host: "xyz.example", Window: mustWindow(t, "1 AM to 2 AM"),
		Holidays: calendar.NewHolidays("company", &cal.Holiday{Name: "Founders' Day", Month: time.March, Day: 12, Func: cal.CalcDayOfMonth})}
	bd = mustDays(t, xyz, berlin)
	assert.Equal(t, berlin, bd.Location())
	assert.False(t, bd.IsBusinessDay(time.Date(2024, 3, 12, 9, 0, 0, 0, berlin)))
	assert.True(t, bd.IsBusinessDay(time.Date(2024, 3, 13, 9, 0, 0, 0, berlin)))
	// A Region that is not a region of a table is an error, never a
	// calendar of weekends only: "EU" (a typo for EUR, as the hostile
	// tester wrote it) and the zero Region.
	for _, r := range []Region{{Code: "EU"}, {}} {
		bd, err := r.BusinessDays(nil)
		require.Error(t, err, "%+v", r)
		assert.ErrorIs(t, err, ErrInvalidTable)
		assert.Contains(t, err.Error(), "window is the zero Window")
		assert.Nil(t, bd)
	}
}

// mustDays returns r's business days in loc, failing the test on an error.
func mustDays(t testing.TB, r Region, loc *time.Location) *calendar.BusinessDays {
	t.Helper()
	bd, err := r.BusinessDays(loc)
	require.NoError(t, err)
	return bd
}

// TestRegionValidate: every built-in region is valid; a hand-made one
// reports each of its problems at once.
func TestRegionValidate(t *testing.T) {
	for _, r := range Regions() {
		assert.NoError(t, r.Validate(), r.Code)
	}
	err := Region{Code: " ", Host: strings.Repeat("h", 254)}.Validate()
	require.ErrorIs(t, err, ErrInvalidTable)
	var list calendar.ErrorList
	require.ErrorAs(t, err, &list)
	assert.Len(t, list, 3, "code, host and window: %v", err)
	assert.NoError(t, Region{Code: "XYZ", Host: "xyz.example", Window: mustWindow(t, "1 AM to 2 AM")}.Validate(),
		"a region of the caller's own table is valid under any code")
}
