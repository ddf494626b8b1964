package maintenance

import (
	"testing"
	"time"

	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRegionsTable(t *testing.T) {
	// The seed's "Maintenance timeline" table (000_*), row by row.
	want := []struct{ code, host, window string }{
		{"NAM", "crm.dynamics.com", "2 AM to 11 AM"},
		{"DEU", "crm.microsoftdynamics.de", "5 PM to 2 AM"},
		{"SAM", "crm2.dynamics.com", "12 AM to 10 AM"},
		{"CAN", "crm3.dynamics.com", "1 AM to 10 AM"},
		{"EUR", "crm4.dynamics.com", "6 PM to 3 AM"},
		{"FRA", "crm4.dynamics.com", "6 PM to 3 AM"},
		{"APJ", "crm5.dynamics.com", "3 PM to 8 PM"},
		{"OCE", "crm6.dynamics.com", "11AM to 9PM"},
		{"JPN", "crm7.dynamics.com", "10 AM to 7 PM"},
		{"IND", "crm8.dynamics.com", "7:30PM to 1AM"},
		{"GCC", "crm9.dynamics.com", "2 AM to 11 AM"},
		{"GBR", "crm11.dynamics.com", "6 PM to 3 AM"},
	}
	got := Regions()
	require.Len(t, got, len(want))
	for i, w := range want {
		assert.Equal(t, w.code, got[i].Code, "row %d", i)
		assert.Equal(t, w.host, got[i].Host, "row %d", i)
		assert.Equal(t, mustWindow(t, w.window), got[i].Window, "row %d %s", i, w.code)
	}
	// Window lengths by hand: IND 19:30 → 01:00 is 5h30m; OCE 11 → 21 is 10h.
	ind, _ := Lookup("IND")
	assert.Equal(t, 5*time.Hour+30*time.Minute, ind.Window.Duration())
	oce, _ := Lookup("OCE")
	assert.Equal(t, 10*time.Hour, oce.Window.Duration())
	// Crossing midnight: DEU, EUR, FRA, IND, GBR and only those.
	var crossing []string
	for _, r := range got {
		if r.Window.CrossesMidnight() {
			crossing = append(crossing, r.Code)
		}
	}
	assert.Equal(t, []string{"DEU", "EUR", "FRA", "IND", "GBR"}, crossing)
}

func TestRegionsFreshCopy(t *testing.T) {
	a := Regions()
	a[0].Code = "XXX"
	a[0].Window = Window{}
	b := Regions()
	assert.Equal(t, "NAM", b[0].Code)
	assert.False(t, b[0].Window.IsZero())
	r, ok := Lookup("NAM")
	require.True(t, ok)
	assert.Equal(t, b[0], r)
}

func TestLookup(t *testing.T) {
	for _, code := range []string{"IND", "ind", " Ind\t", "\nGBR "} {
		r, ok := Lookup(code)
		assert.True(t, ok, "%q", code)
		assert.NotEmpty(t, r.Host)
	}
	for _, code := range []string{"", "XX", "IN", "INDIA", "I ND"} {
		r, ok := Lookup(code)
		assert.False(t, ok, "%q", code)
		assert.Equal(t, Region{}, r)
	}
}

func TestLookupHost(t *testing.T) {
	codes := func(rs []Region) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Code)
		}
		return out
	}
	cases := []struct {
		host string
		want []string
	}{
		{"crm4.dynamics.com", []string{"EUR", "FRA"}},
		{" CRM4.Dynamics.COM. ", []string{"EUR", "FRA"}},
		{"contoso.crm4.dynamics.com", []string{"EUR", "FRA"}},
		{"crm.dynamics.com", []string{"NAM"}},
		{"contoso.crm.dynamics.com", []string{"NAM"}},
		{"crm11.dynamics.com", []string{"GBR"}},
		{"crm1.dynamics.com", nil},
		{"xcrm4.dynamics.com", nil},
		{"dynamics.com", nil},
		{"", nil},
		{"https://contoso.crm4.dynamics.com/", nil},
	}
	for _, tc := range cases {
		t.Run(tc.host, func(t *testing.T) {
			assert.Equal(t, tc.want, codes(LookupHost(tc.host)))
		})
	}
}

func TestRegionHolidays(t *testing.T) {
	cases := []struct{ code, calendar string }{
		{"NAM", "us.Holidays"}, {"GCC", "us.Holidays"}, {"CAN", "ca.Holidays"},
		{"DEU", "de.Holidays"}, {"FRA", "fr.Holidays"}, {"GBR", "gb.Holidays"},
		{"JPN", "jp.Holidays"}, {"OCE", "au.HolidaysNSW"}, {"SAM", "br.Holidays"},
		{"EUR", "ecb.Holidays"}, {"IND", ""}, {"APJ", ""},
	}
	for _, tc := range cases {
		t.Run(tc.code, func(t *testing.T) {
			r, ok := Lookup(tc.code)
			require.True(t, ok)
			assert.Equal(t, tc.calendar, r.HolidayCalendar())
			if tc.calendar == "" {
				assert.Nil(t, r.Holidays())
			} else {
				assert.NotEmpty(t, r.Holidays())
			}
		})
	}
	assert.Nil(t, Region{Code: "XXX"}.Holidays())
	assert.Equal(t, "us.Holidays", Region{Code: " nam "}.HolidayCalendar())

	// Holidays are copies: changing them leaves rickar/cal's list alone.
	nam, _ := Lookup("NAM")
	hs := nam.Holidays()
	require.Len(t, hs, len(us.Holidays))
	name := us.Holidays[0].Name
	hs[0].Name = "changed"
	hs[0] = nil
	assert.Equal(t, name, us.Holidays[0].Name)
	assert.Equal(t, name, nam.Holidays()[0].Name)
	// Independence Day 2024 (Thursday 4 July) is in NAM's calendar.
	found := false
	for _, h := range nam.Holidays() {
		if h.Name == "Independence Day" {
			_, observed := h.Calc(2024)
			assert.Equal(t, "2024-07-04", observed.Format(time.DateOnly))
			found = true
		}
	}
	assert.True(t, found, "Independence Day in us.Holidays")
}
