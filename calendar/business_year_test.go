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
	years := []int{1, 1883, 1970, 2011, 2024, 2037, 2038, 2041, 2100, 3000, 9999}
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

// zonePeriodsBySampling is the first way zonePeriodsOf was written, kept
// as its reference and its benchmark's baseline: it samples the offset
// once a day over the year and bisects to the second where it changes.
func zonePeriodsBySampling(y int, loc *time.Location) []zonePeriod {
	lo := unixDays(y, 0)*86400 - zoneMargin
	hi := unixDays(y+1, 0)*86400 + zoneMargin
	offset := func(u int64) int64 {
		_, off := time.Unix(u, 0).In(loc).Zone()
		return int64(off)
	}
	ps := []zonePeriod{{from: lo, off: offset(lo)}}
	if _, end := time.Unix(lo, 0).In(loc).ZoneBounds(); loc == time.UTC || end.IsZero() {
		return ps // the offset never changes again
	}
	const step = 86400
	prev := ps[0].off
	for a := lo; a < hi; {
		b := min(a+step, hi)
		if offset(b) == prev {
			a = b
			continue
		}
		for b-a > 1 { // offset(a) == prev != offset(b)
			m := a + (b-a)/2
			if offset(m) == prev {
				a = m
			} else {
				b = m
			}
		}
		prev = offset(b)
		ps = append(ps, zonePeriod{from: b, off: prev})
		a = b
	}
	return ps
}

// TestZonePeriodsAgainstSampling: zonePeriodsOf, which jumps from zone end
// to zone end, finds the same changes of offset as sampling every day,
// in zones with rules, with history, with half-hour and 45-minute offsets
// and with a skipped day, over years of the tz database's tables and of
// its rules (after 2037).
func TestZonePeriodsAgainstSampling(t *testing.T) {
	zones := []string{"UTC", "America/New_York", "Australia/Sydney", "Europe/Berlin", "Europe/London", "Pacific/Apia",
		"America/Havana", "America/Sao_Paulo", "Africa/Casablanca", "Pacific/Chatham", "Australia/Lord_Howe",
		"Asia/Kolkata", "America/Santiago", "Asia/Tehran", "Europe/Dublin"}
	years := []int{1, 1883, 1916, 1945, 1970, 2011, 2020, 2024, 2037, 2038, 2039, 2041, 2100, 2400, 5000, 9999}
	for _, name := range zones {
		loc := mustLoad(t, name)
		for _, y := range years {
			require.Equal(t, zonePeriodsBySampling(y, loc), zonePeriodsOf(y, loc), "%s %d", name, y)
		}
	}
}
