package sla

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

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
			assert.Equal(t, 31*24*time.Hour-time.Hour, a.Up)
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
