package sla

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

// TestWindowCursorMatchesNext checks the cursor's arithmetic against
// Window.Next at every step: random windows (crossing midnight or not,
// one minute to 23h59m), months of years 1 to 9999 in locations east and
// west of UTC, and non-decreasing offsets that land inside, at the edges
// of and between occurrences.
func TestWindowCursorMatchesNext(t *testing.T) {
	rng := rand.New(rand.NewPCG(24, 60))
	locs := []*time.Location{time.UTC, time.FixedZone("east", 10*3600+36*60+20), time.FixedZone("west", -(9*3600 + 30*60)), time.FixedZone("odd", 7)}
	for i := range 400 {
		w, err := maintenance.NewWindow(time.Duration(rng.IntN(1440))*time.Minute, time.Duration(rng.IntN(1440))*time.Minute)
		if err != nil {
			continue // end equal to start
		}
		year := []int{1, 1970, 2024, 9999, 1 + rng.IntN(9999)}[rng.IntN(5)]
		m := calendar.NewMonth(year, time.Month(1+rng.IntN(12)), locs[rng.IntN(len(locs))])
		base := m.Start()
		c := newWindowCursor(w, base)
		var off time.Duration
		for off < m.Duration() {
			in, next, ok := c.at(off)
			require.True(t, ok)
			at := base.Add(off)
			occ := w.Next(at)
			if occ.Contains(at) {
				require.True(t, in, "case %d: %s at %s", i, w, at)
				require.True(t, occ.End.Equal(base.Add(next)), "case %d: %s at %s: end %s, cursor %s", i, w, at, occ.End, base.Add(next))
			} else {
				require.False(t, in, "case %d: %s at %s", i, w, at)
				require.True(t, occ.Start.Equal(base.Add(next)), "case %d: %s at %s: start %s, cursor %s", i, w, at, occ.Start, base.Add(next))
			}
			switch rng.IntN(4) {
			case 0:
				off = next // exactly the edge
			case 1:
				off = next - 1 // a nanosecond before it
				if off < 0 || base.Add(off).Before(at) {
					off = next
				}
			case 2:
				off += time.Duration(rng.Int64N(int64(3 * day))) // skip days at a time
			default:
				off += time.Duration(rng.Int64N(int64(time.Hour)))
			}
		}
	}
	var none windowCursor
	_, _, ok := none.at(0)
	assert.False(t, ok, "the zero cursor has no window")
}

// TestAssessBeforeYearOneUTC: January of year 1 in a location east of UTC
// starts before time.Time's zero instant (0001-01-01 00:00 UTC). An
// outage there counts like any other; an earlier sweep used the zero time
// as "no outage yet" and dropped it. Hand-worked: one hour of the
// service's own fault, 02:00 to 03:00 local on the 1st, in a 31-day month
// of 2,678,400 s: 1h counted, uptime (2,678,400 − 3,600) / 2,678,400 ×
// 100 = 99.865591... % < 99.9, so 25 % credit under DynamicsCRMOnline.
func TestAssessBeforeYearOneUTC(t *testing.T) {
	east := time.FixedZone("UTC+10", 10*3600)
	month := calendar.NewMonth(1, time.January, east)
	require.True(t, month.Start().Before(time.Time{}), "the month starts before the zero time")
	out := calendar.Span{Start: time.Date(1, 1, 1, 2, 0, 0, 0, east), End: time.Date(1, 1, 1, 3, 0, 0, 0, east)}
	for _, measure := range []Measure{MeasureMinutes, MeasureUserMinutes} {
		t.Run(string(measure), func(t *testing.T) {
			p := DynamicsCRMOnline()
			p.Measure = measure
			a, err := p.Assess(Period{Month: month, Outages: []Outage{{Span: out}}, Users: 10})
			require.NoError(t, err)
			assert.Equal(t, time.Hour, a.Downtime)
			assert.Equal(t, 31*day-time.Hour, a.Up)
			assert.Empty(t, a.Excluded)
			require.Len(t, a.Parts(), 1)
			assert.Equal(t, Part{Span: out.In(east), Reason: ReasonCounted}, a.Parts()[0])
			assert.Equal(t, []calendar.Span{out.In(east)}, a.Periods())
			assert.True(t, dec("25").Equal(a.Credit), "credit %s", a.Credit)
			assert.False(t, a.Met)
			if measure == MeasureUserMinutes {
				assert.True(t, dec("36000").Equal(a.Users.Downtime), "10 users × 3,600 s: got %s", a.Users.Downtime)
			}
		})
	}
}
