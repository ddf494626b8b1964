package maintenance

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/testkit"
)

func TestRegionsTable(t *testing.T) {
	// The "Maintenance timeline" table of "Policies and Communications for
	// Dynamics 365 for Customer Engagement", row by row.
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
	// The library's reading of each region's business calendar (the table
	// publishes none): the rickar/cal list by its Go name, and the zone.
	cases := []struct{ code, calendar, zone string }{
		{"NAM", "us.Holidays", "America/New_York"}, {"GCC", "us.Holidays", "America/New_York"},
		{"CAN", "ca.Holidays", "America/Toronto"}, {"DEU", "de.Holidays", "Europe/Berlin"},
		{"FRA", "fr.Holidays", "Europe/Paris"}, {"GBR", "gb.Holidays", "Europe/London"},
		{"JPN", "jp.Holidays", "Asia/Tokyo"}, {"OCE", "au.HolidaysNSW", "Australia/Sydney"},
		{"SAM", "br.Holidays", "America/Sao_Paulo"}, {"EUR", "ecb.Holidays", "Europe/Amsterdam"},
		{"IND", "", "Asia/Kolkata"}, {"APJ", "", "Asia/Singapore"},
	}
	for _, tc := range cases {
		t.Run(tc.code, func(t *testing.T) {
			r, ok := Lookup(tc.code)
			require.True(t, ok)
			assert.Equal(t, tc.calendar, r.Holidays.Name())
			assert.Equal(t, tc.zone, r.Zone)
			loc, err := r.Location()
			require.NoError(t, err)
			assert.Equal(t, tc.zone, loc.String())
			if tc.calendar == "" {
				assert.Nil(t, r.Holidays)
			} else {
				h, ok := DynamicsHolidays(tc.calendar)
				require.True(t, ok)
				assert.Same(t, h, r.Holidays, "regions share the built-in calendar")
			}
		})
	}
	_, ok := DynamicsHolidays("us")
	assert.False(t, ok, "calendars are named as Go spells them")

	// Independence Day 2024 (Thursday 4 July) is in NAM's calendar, and
	// rickar/cal's shared list is never changed.
	nam, _ := Lookup("NAM")
	assert.True(t, nam.Holidays.IsHoliday(time.Date(2024, 7, 4, 0, 0, 0, 0, time.UTC)))
	assert.False(t, nam.Holidays.IsHoliday(time.Date(2024, 7, 5, 0, 0, 0, 0, time.UTC)))
	assert.Equal(t, "New Year's Day", us.Holidays[0].Name)
}

func TestDynamicsTable(t *testing.T) {
	tab := Dynamics()
	// "Policies and Communications for Dynamics 365 for Customer
	// Engagement", ms.date 08/02/2019 (month first): 2 August 2019.
	published := utcDate(2019, time.August, 2)

	r, ok := tab.Lookup("apj", published)
	require.True(t, ok)
	assert.Equal(t, "3 PM to 8 PM", r.Window.String())
	assert.Equal(t, "crm5.dynamics.com", r.Host)

	_, ok = tab.Lookup("APJ", published.Add(-1))
	assert.False(t, ok, "nothing is found before the first edition")
	assert.Nil(t, tab.Regions(published.Add(-1)))
	_, ok = tab.EditionAt(published.Add(-1))
	assert.False(t, ok)

	assert.Equal(t, Regions(), tab.Regions(published), "the published table, in its order")
	assert.Equal(t, Regions(), tab.Regions(utcDate(2030, 1, 1)), "in force until a later edition")
	e, ok := tab.EditionAt(utcDate(2024, 2, 29))
	require.True(t, ok)
	assert.True(t, e.Effective.Equal(published))
	assert.Len(t, e.Regions, 12)

	hosts := tab.LookupHost("contoso.crm4.dynamics.com", published)
	require.Len(t, hosts, 2)
	assert.Equal(t, "EUR", hosts[0].Code)
	assert.Equal(t, "FRA", hosts[1].Code)
	assert.Nil(t, tab.LookupHost("crm4.dynamics.com", published.Add(-1)))
	assert.Nil(t, tab.LookupHost("  ", published))
}

// TestRegionTableConcurrent shares the built-in region table, one Table,
// each region's Window and one BusinessDays per region among many
// goroutines (run under -race) and checks every answer against the answers
// computed first on one goroutine. The shared BusinessDays start cold, so
// their year caches fill concurrently.
func TestRegionTableConcurrent(t *testing.T) {
	table := Dynamics()
	regions := Regions()
	businessDays := func() map[string]*calendar.BusinessDays {
		days := make(map[string]*calendar.BusinessDays, len(regions))
		for _, r := range regions {
			days[r.Code] = mustDays(t, r, nil)
		}
		return days
	}
	rng := rand.New(rand.NewPCG(8, 8))
	type query struct {
		code, host string
		at         time.Time
		span       calendar.Span
		n          int
	}
	queries := make([]query, 300)
	for i := range queries {
		r := regions[rng.IntN(len(regions))]
		at := time.Date(2015+rng.IntN(15), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), 0, 0, time.UTC)
		code := r.Code
		if rng.IntN(2) == 0 {
			code = " " + strings.ToLower(code) + " "
		}
		queries[i] = query{
			code: code,
			host: "org" + fmt.Sprint(i) + "." + r.Host,
			at:   at,
			span: calendar.Span{Start: at, End: at.Add(time.Duration(rng.Int64N(int64(90 * 24 * time.Hour))))},
			n:    rng.IntN(41) - 20,
		}
	}
	answer := func(q query, days map[string]*calendar.BusinessDays) string {
		var b strings.Builder
		r, ok := Lookup(q.code)
		fmt.Fprintln(&b, r, ok)
		tr, tok := table.Lookup(q.code, q.at)
		fmt.Fprintln(&b, tr, tok)
		for _, h := range LookupHost(q.host) {
			fmt.Fprint(&b, h.Code, " ")
		}
		for _, h := range table.LookupHost(q.host, q.at) {
			fmt.Fprint(&b, h.Code, " ")
		}
		fmt.Fprintln(&b, len(Regions()), len(table.Regions(q.at)))
		during, err := table.LookupDuring(q.code, q.span)
		fmt.Fprintln(&b, during, err)
		fmt.Fprintln(&b, r.Window.Overlap(q.span), r.Window.Next(q.at), r.Window.Contains(q.at))
		bd := days[r.Code]
		fmt.Fprintln(&b, bd.IsBusinessDay(q.at), bd.Add(q.at, q.n).UTC(), bd.Between(q.at, q.span.End))
		return b.String()
	}
	// Agree answers every query first on one goroutine (with ref's
	// business days), then from many at once (with shared's, cold).
	ref, shared := businessDays(), businessDays()
	var calls atomic.Int64
	testkit.Agree(t, len(queries), func(i int) string {
		days := shared
		if calls.Add(1) <= int64(len(queries)) {
			days = ref
		}
		return answer(queries[i], days)
	})
	// Nothing the goroutines did changed the shared table.
	require.Equal(t, dynamicsRegions, Regions())
	require.Equal(t, Dynamics().Editions(), table.Editions())
}
