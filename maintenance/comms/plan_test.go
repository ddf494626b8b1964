package comms

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

func TestCheckPlan(t *testing.T) {
	r := DynamicsCRMOnline()
	nyc, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)

	// All figures from the seed's table: EUR and GBR 6 PM to 3 AM UTC,
	// IND 7:30 PM to 1 AM, NAM 2 AM to 11 AM; notice lead 24 hours (SLA
	// definition 11).
	cases := []struct {
		name       string
		rule       maintenance.ScheduledDowntime
		plan       Plan
		announced  time.Time
		inWindow   bool
		outside    []calendar.Span
		noticeMet  bool
		downtime   []calendar.Span
		notifyLead time.Duration
		inTime     bool
	}{
		{
			name: "EUR 20:00 to 02:00 inside one midnight-crossing occurrence, announced 2h ahead",
			rule: dynamics,
			plan: Plan{ID: "MC1", Region: region("EUR"), Span: span(at(2024, 3, 9, 20, 0), at(2024, 3, 10, 2, 0)), Impact: ImpactDowntime},
			// "prior notification": NotifyLead 0 for in-window work.
			announced: at(2024, 3, 9, 18, 0), inWindow: true, notifyLead: 0, inTime: true,
		},
		{
			name: "EUR 16:00 to 20:00 announced 23h ahead: the 2h before 18:00 is Downtime",
			rule: dynamics,
			plan: Plan{ID: "MC2", Region: region("eur"), Span: span(at(2024, 3, 9, 16, 0), at(2024, 3, 9, 20, 0)), Impact: ImpactDowntime},
			// 16:00-18:00 lies outside 6 PM to 3 AM; 23h < 24h.
			announced:  at(2024, 3, 8, 17, 0),
			outside:    []calendar.Span{span(at(2024, 3, 9, 16, 0), at(2024, 3, 9, 18, 0))},
			downtime:   []calendar.Span{span(at(2024, 3, 9, 16, 0), at(2024, 3, 9, 18, 0))},
			notifyLead: 24 * time.Hour,
		},
		{
			name:      "the same announced exactly 24h ahead: all Scheduled Downtime",
			rule:      dynamics,
			plan:      Plan{ID: "MC3", Region: region("EUR"), Span: span(at(2024, 3, 9, 16, 0), at(2024, 3, 9, 20, 0)), Impact: ImpactDowntime},
			announced: at(2024, 3, 8, 16, 0),
			outside:   []calendar.Span{span(at(2024, 3, 9, 16, 0), at(2024, 3, 9, 18, 0))},
			noticeMet: true, notifyLead: 24 * time.Hour, inTime: true,
		},
		{
			name:       "a nanosecond under 24h is not enough",
			rule:       dynamics,
			plan:       Plan{ID: "MC3b", Region: region("EUR"), Span: span(at(2024, 3, 9, 16, 0), at(2024, 3, 9, 20, 0)), Impact: ImpactDowntime},
			announced:  at(2024, 3, 8, 16, 0).Add(time.Nanosecond),
			outside:    []calendar.Span{span(at(2024, 3, 9, 16, 0), at(2024, 3, 9, 18, 0))},
			downtime:   []calendar.Span{span(at(2024, 3, 9, 16, 0), at(2024, 3, 9, 18, 0))},
			notifyLead: 24 * time.Hour,
		},
		{
			name: "GBR 01:00 to 19:00 touches two occurrences: 15h between them is outside",
			rule: dynamics,
			plan: Plan{ID: "MC4", Region: region("GBR"), Span: span(at(2024, 3, 9, 1, 0), at(2024, 3, 9, 19, 0)), Impact: ImpactDowntime},
			// inside: 01:00-03:00 (the occurrence that opened 8 March
			// 18:00) and 18:00-19:00; outside 03:00-18:00 = 15h.
			outside:    []calendar.Span{span(at(2024, 3, 9, 3, 0), at(2024, 3, 9, 18, 0))},
			downtime:   []calendar.Span{span(at(2024, 3, 9, 3, 0), at(2024, 3, 9, 18, 0))},
			notifyLead: 24 * time.Hour,
		},
		{
			name: "IND half-hour start, degraded, not announced: outside 30m, no Downtime",
			rule: dynamics,
			plan: Plan{ID: "MC5", Region: region("IND"), Span: span(at(2024, 3, 9, 19, 0), at(2024, 3, 9, 19, 45)), Impact: ImpactDegraded},
			// 19:00-19:30 is before 7:30 PM; degraded work is not Downtime.
			outside:    []calendar.Span{span(at(2024, 3, 9, 19, 0), at(2024, 3, 9, 19, 30))},
			notifyLead: 24 * time.Hour,
		},
		{
			name:    "no impact: nothing owed, nothing counts, even outside the window",
			rule:    dynamics,
			plan:    Plan{ID: "MC6", Region: region("EUR"), Span: span(at(2024, 3, 9, 10, 0), at(2024, 3, 9, 11, 0)), Impact: ImpactNone},
			outside: []calendar.Span{span(at(2024, 3, 9, 10, 0), at(2024, 3, 9, 11, 0))},
			inTime:  true,
		},
		{
			name:      "strict reading: in-window work without notice is Downtime and needs 24h",
			rule:      strict,
			plan:      Plan{ID: "MC7", Region: region("EUR"), Span: span(at(2024, 3, 9, 20, 0), at(2024, 3, 9, 22, 0)), Impact: ImpactDowntime},
			announced: at(2024, 3, 9, 8, 0), inWindow: true,
			downtime:   []calendar.Span{span(at(2024, 3, 9, 20, 0), at(2024, 3, 9, 22, 0))},
			notifyLead: 24 * time.Hour,
		},
		{
			name:       "announced after it began: meets no lead",
			rule:       dynamics,
			plan:       Plan{ID: "MC8", Region: region("EUR"), Span: span(at(2024, 3, 9, 17, 0), at(2024, 3, 9, 19, 0)), Impact: ImpactDowntime},
			announced:  at(2024, 3, 9, 17, 30),
			outside:    []calendar.Span{span(at(2024, 3, 9, 17, 0), at(2024, 3, 9, 18, 0))},
			downtime:   []calendar.Span{span(at(2024, 3, 9, 17, 0), at(2024, 3, 9, 18, 0))},
			notifyLead: 24 * time.Hour,
		},
		{
			name: "NAM plan in New York time is judged in UTC",
			rule: dynamics,
			// 22:00-23:30 EST on 10 January is 03:00-04:30 UTC, inside 2 AM to 11 AM.
			plan:      Plan{ID: "MC9", Region: region("NAM"), Span: span(time.Date(2024, 1, 10, 22, 0, 0, 0, nyc), time.Date(2024, 1, 10, 23, 30, 0, 0, nyc)), Impact: ImpactDowntime},
			announced: time.Date(2024, 1, 10, 12, 0, 0, 0, nyc), inWindow: true, inTime: true,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := r.CheckPlan(c.rule, c.plan, c.announced)
			require.NoError(t, err)
			assert.Equal(t, c.inWindow, got.InWindow(), "InWindow")
			assertSpans(t, c.outside, spans(got.Outside), "Outside")
			assert.Equal(t, c.noticeMet, got.NoticeMet, "NoticeMet")
			assertSpans(t, c.downtime, spans(got.Downtime), "Downtime")
			assert.Equal(t, c.notifyLead, got.NotifyLead, "NotifyLead")
			assert.Equal(t, c.inTime, got.NotifiedInTime(), "NotifiedInTime")
			// Scheduled and Downtime never overlap; with downtime impact
			// they cover the plan.
			assert.True(t, got.Scheduled.Intersect(got.Downtime).IsEmpty())
			if c.plan.Impact == ImpactDowntime {
				assert.Equal(t, c.plan.Span.Duration(), got.Scheduled.Duration()+got.Downtime.Duration())
			}
			if got.NotifyOwed() {
				assert.True(t, got.NotifyDue().Equal(c.plan.Span.Start.Add(-got.NotifyLead+time.Nanosecond)))
			} else {
				assert.True(t, got.NotifyDue().IsZero())
			}
		})
	}
}

// assertSpans compares span lists by instant, whatever their locations.
func assertSpans(t *testing.T, want, got []calendar.Span, what string) {
	t.Helper()
	if !assert.Len(t, got, len(want), "%s: %v", what, got) {
		return
	}
	for i := range want {
		assert.True(t, want[i].Equal(got[i]), "%s[%d]: want %v got %v", what, i, want[i], got[i])
	}
}

func TestCheckPlanErrors(t *testing.T) {
	r := DynamicsCRMOnline()
	_, err := r.CheckPlan(dynamics, Plan{Region: maintenance.Region{Code: "XYZ"}, Span: span(at(2024, 3, 9, 2, 0), at(2024, 3, 9, 1, 0)), Impact: 7}, time.Time{})
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalidPlan)
	assert.ErrorIs(t, err, calendar.ErrReversed)
	msg := err.Error()
	for _, want := range []string{`region "XYZ" has no maintenance window`, "span: calendar: span ends before it starts", "impact 7 is unknown"} {
		assert.Contains(t, msg, want)
	}

	_, err = r.CheckPlan(dynamics, Plan{Region: region("EUR"), Span: span(at(2024, 3, 9, 2, 0), at(2024, 3, 9, 2, 0))}, time.Time{})
	assert.ErrorIs(t, err, ErrInvalidPlan)
	assert.Contains(t, err.Error(), "is empty")

	_, err = Rules{}.CheckPlan(dynamics, Plan{Region: region("EUR"), Span: span(at(2024, 3, 9, 2, 0), at(2024, 3, 9, 3, 0))}, time.Time{})
	assert.ErrorIs(t, err, ErrInvalidRules)
}

func TestImpactText(t *testing.T) {
	for _, i := range []Impact{ImpactNone, ImpactDegraded, ImpactDowntime} {
		b, err := i.MarshalText()
		require.NoError(t, err)
		var back Impact
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, i, back)
	}
	v, err := ParseImpact(" DownTime ")
	require.NoError(t, err)
	assert.Equal(t, ImpactDowntime, v)
	_, err = ParseImpact("outage")
	assert.ErrorIs(t, err, ErrInvalidPlan)
	_, err = Impact(3).MarshalText()
	assert.ErrorIs(t, err, ErrInvalidPlan)
	assert.Equal(t, "Impact(3)", Impact(3).String())
}

// TestCheckPlanAgainstMinuteModel compares CheckPlan with a brute-force
// minute-by-minute reading of the policy on random plans of every region.
func TestCheckPlanAgainstMinuteModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(2024, 3))
	regions := maintenance.Regions()
	base := at(2024, 3, 1, 0, 0)
	r := DynamicsCRMOnline()
	for iter := range 400 {
		strict := rng.IntN(4) == 0
		rule := dynamics
		rule.WindowNeedsNotice = strict
		region := regions[rng.IntN(len(regions))]
		startMin := rng.IntN(3 * 24 * 60)
		length := 1 + rng.IntN(30*60)
		start := base.Add(time.Duration(startMin) * time.Minute)
		end := start.Add(time.Duration(length) * time.Minute)
		leadMin := rng.IntN(48*60) - 6*60
		announced := start.Add(-time.Duration(leadMin) * time.Minute)
		p := Plan{ID: "P", Region: region, Span: span(start, end), Impact: Impact(rng.IntN(3))}
		got, err := r.CheckPlan(rule, p, announced)
		require.NoError(t, err)

		noticeMet := leadMin >= 24*60
		var outside, down time.Duration
		for m := start; m.Before(end); m = m.Add(time.Minute) {
			in := region.Window.Contains(m)
			if !in {
				outside += time.Minute
			}
			scheduled := noticeMet || (in && !strict)
			if !scheduled && p.Impact == ImpactDowntime {
				down += time.Minute
			}
		}
		require.Equal(t, outside, got.Outside.Duration(), "iter %d %s %v", iter, region.Code, p.Span)
		require.Equal(t, down, got.Downtime.Duration(), "iter %d %s %v", iter, region.Code, p.Span)
		require.Equal(t, noticeMet, got.NoticeMet)
		wantLead := time.Duration(0)
		if p.Impact != ImpactNone && (outside > 0 || strict) {
			wantLead = 24 * time.Hour
		}
		require.Equal(t, wantLead, got.NotifyLead, "iter %d", iter)
	}
}

func FuzzCheckPlan(f *testing.F) {
	f.Add("EUR", int64(20*60), int64(6*60), int64(2*60), uint8(2))
	f.Add("IND", int64(19*60), int64(45), int64(0), uint8(1))
	f.Add("gbr", int64(60), int64(18*60), int64(-30), uint8(2))
	f.Add("XYZ", int64(0), int64(-5), int64(0), uint8(9))
	r := DynamicsCRMOnline()
	f.Fuzz(func(t *testing.T, code string, startMin, lengthMin, leadMin int64, impact uint8) {
		start := at(2024, 3, 1, 0, 0).Add(time.Duration(startMin%(1<<30)) * time.Minute)
		end := start.Add(time.Duration(lengthMin%(1<<20)) * time.Minute)
		announced := start.Add(-time.Duration(leadMin%(1<<30)) * time.Minute)
		reg, ok := maintenance.Lookup(code)
		if !ok {
			reg = maintenance.Region{Code: code} // no window: an error
		}
		p := Plan{Region: reg, Span: span(start, end), Impact: Impact(impact)}
		got, err := r.CheckPlan(dynamics, p, announced)
		if err != nil {
			if !errors.Is(err, ErrInvalidPlan) {
				t.Fatalf("error %v does not wrap ErrInvalidPlan", err)
			}
			return
		}
		whole := setOf(p.Span)
		if !got.Outside.Subtract(whole).IsEmpty() || !got.Downtime.Subtract(whole).IsEmpty() || !got.Scheduled.Subtract(whole).IsEmpty() {
			t.Fatalf("sets leave the plan: %v", got)
		}
		if !got.Scheduled.Intersect(got.Downtime).IsEmpty() {
			t.Fatalf("scheduled and downtime overlap")
		}
		if got.Outside.Duration()+reg.Window.Overlap(p.Span) != p.Span.Duration() {
			t.Fatalf("outside + window overlap != plan")
		}
		if strings.TrimSpace(code) == "" {
			t.Fatalf("empty region accepted")
		}
	})
}
