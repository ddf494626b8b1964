package maintenance

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRegionLocation: an empty Zone is UTC, and a zone the tz database
// does not know is an error that names the region and the zone.
func TestRegionLocation(t *testing.T) {
	loc, err := Region{Code: "XXX"}.Location()
	require.NoError(t, err)
	assert.Equal(t, time.UTC, loc, "no zone: UTC")
	_, err = Region{Code: "XXX", Zone: "Mars/Olympus_Mons"}.Location()
	assert.ErrorIs(t, err, ErrInvalidTable)
	assert.ErrorContains(t, err, `region "XXX": zone "Mars/Olympus_Mons"`)
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
			bd := r.BusinessDays(tc.loc)
			require.NotNil(t, bd)
			assert.Equal(t, tc.business, bd.IsBusinessDay(tc.date))
		})
	}
	nam, _ := Lookup("NAM")
	assert.Equal(t, time.UTC, nam.BusinessDays(nil).Location())
	assert.Equal(t, berlin, nam.BusinessDays(berlin).Location())

}
