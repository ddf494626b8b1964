package calendar

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestYearDaysRankNth(t *testing.T) {
	// Property: rank and nth agree with a plain scan on patterned bitmaps.
	patterns := []func(doy int) bool{
		func(int) bool { return true },
		func(doy int) bool { return doy%7 < 5 },
		func(doy int) bool { return doy%3 == 0 },
		func(doy int) bool { return doy == 0 || doy == 365 },
		func(doy int) bool { return doy >= 63 && doy <= 65 },
	}
	for pi, p := range patterns {
		yd := new(yearDays)
		for doy := range 366 {
			if p(doy) {
				yd.words[doy>>6] |= 1 << (doy & 63)
			}
		}
		for w := range 6 {
			yd.before[w+1] = yd.before[w] + uint16(popcount(yd.words[w]))
		}
		k := 0
		for doy := 0; doy <= 366; doy++ {
			require.Equal(t, k, yd.rank(doy), "pattern %d doy %d", pi, doy)
			if doy < 366 && p(doy) {
				k++
				require.Equal(t, doy, yd.nth(k), "pattern %d k %d", pi, k)
			}
		}
		require.Equal(t, k, yd.total())
	}
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// TestZoneTable checks the per-year zone tables that replace zone lookups:
// every day's first instant against dayStart, and instants every 5 hours
// and around every offset change against time.Time.Date. Years after 2037
// matter: there the zones follow rules, and time.Time.ZoneBounds reports
// spurious period ends near the turn of the year (which broke a first
// version of this code in Sydney).
func TestZoneTable(t *testing.T) {
	zones := []string{"UTC", "America/New_York", "Australia/Sydney", "Europe/Berlin", "Pacific/Apia",
		"America/Havana", "America/Sao_Paulo", "Africa/Casablanca", "Pacific/Chatham", "Australia/Lord_Howe", "Asia/Kolkata"}
	years := []int{1, 1883, 2011, 2024, 2041, 9999}
	if testing.Short() {
		years = []int{2011, 2041}
	}
	for _, name := range zones {
		loc := mustLoad(t, name)
		b := NewBusinessDaysFrom(loc, nil)
		for _, y := range years {
			yd := b.year(y)
			for doy := range daysIn(y) {
				m, d := monthDay(y, doy)
				want, wok := dayStart(y, m, d, loc)
				u, ok := yd.start(doy)
				require.Equal(t, wok, ok, "%s %d-%02d-%02d exists", name, y, m, d)
				require.Equal(t, want.Unix(), u, "%s %d-%02d-%02d start: want %s got %s", name, y, m, d, want, time.Unix(u, 0).In(loc))
			}
			var probes []time.Time
			for u := unixDays(y, 0)*86400 - 86400; u < unixDays(y+1, 0)*86400+86400; u += 5 * 3600 {
				probes = append(probes, time.Unix(u, 0))
			}
			for _, p := range yd.zones[1:] {
				probes = append(probes, time.Unix(p.from-1, 999_999_999), time.Unix(p.from, 0))
			}
			for _, p := range probes {
				gy, gdoy := b.dayOf(p)
				wy, wm, wd := p.In(loc).Date()
				require.Equal(t, wy, gy, "%s %s", name, p.In(loc))
				require.Equal(t, dayOfYear(wy, wm, wd), gdoy, "%s %s", name, p.In(loc))
			}
		}
	}
}
