package comms_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/maintenance/comms"
	"github.com/slapolicy/slapolicy/sla"
)

// assessUpdate runs sla.Policy.Assess on the month of the plan for one outage,
// the update as it ran, with the plan's notice when it was announced
// before it began.
func assessUpdate(t *testing.T, p sla.Policy, month calendar.Month, uc comms.UpdateCheck) sla.Assessment {
	t.Helper()
	per := sla.Period{
		Month:   month,
		Window:  uc.Plan.Plan.Region.Window,
		Outages: []sla.Outage{{Span: uc.Outcome.Span}},
	}
	if a := uc.Plan.Announced; !a.IsZero() && !a.After(uc.Plan.Plan.Span.Start) {
		per.Notices = []maintenance.Notice{{Span: uc.Plan.Plan.Span, Announced: a}}
	}
	got, err := p.Assess(per)
	require.NoError(t, err)
	return got
}

// TestOverrunIsWhatAssessCounts checks, on the sample month's plans, that
// the Downtime of an update is the Downtime sla.Policy.Assess counts for it
// (every piece is longer than the 10-minute intermittent limit).
func TestOverrunIsWhatAssessCounts(t *testing.T) {
	a, err := audit(nil, sampleMarch(), utc(2024, 4, 15, 0, 0))
	require.NoError(t, err)
	p := sla.DynamicsCRMOnline()
	month := calendar.NewMonth(2024, time.March, nil)
	// MC1 none, MC2 2h (16:00-18:00 before the window, notice 23h ahead),
	// MC3 1h10m (03:00-04:10 after the window).
	for i, want := range []time.Duration{0, 2 * time.Hour, 70 * time.Minute} {
		uc := a.Updates[i]
		got := assessUpdate(t, p, month, uc)
		assert.Equal(t, want, got.Downtime, uc.Plan.Plan.ID)
		assert.Equal(t, want, uc.Downtime.Duration(), uc.Plan.Plan.ID)
		require.Len(t, got.Periods(), uc.Downtime.Len())
		for k, s := range uc.Downtime.Spans() {
			assert.True(t, s.Equal(got.Periods()[k]), "%s: %v vs %v", uc.Plan.Plan.ID, s, got.Periods()[k])
		}
	}
}

// TestUpdateDowntimeAgreesWithAssess compares CheckUpdate's Downtime with
// sla.Policy.Assess's counted periods on random plans, announcements and
// outcomes in every region, under both readings of the window (the one
// maintenance.ScheduledDowntime value both take), with the intermittent
// rule off so that the two must agree to the nanosecond.
func TestUpdateDowntimeAgreesWithAssess(t *testing.T) {
	rng := rand.New(rand.NewPCG(26, 3))
	regions := maintenance.Regions()
	month := calendar.NewMonth(2024, time.March, nil)
	minute := func(n int) time.Time { return month.Start().Add(time.Duration(n) * time.Minute) }
	for iter := range 300 {
		p := sla.DynamicsCRMOnline()
		p.IntermittentLimit = 0
		p.WindowNeedsNotice = rng.IntN(3) == 0
		c := comms.DynamicsCRMOnline()

		region := regions[rng.IntN(len(regions))]
		ps := 2*24*60 + rng.IntN(25*24*60)
		pe := ps + 1 + rng.IntN(14*60)
		os := ps - 180 + rng.IntN(360)
		oe := os + 1 + rng.IntN(18*60)
		var announced time.Time
		if rng.IntN(4) > 0 {
			announced = minute(ps - rng.IntN(50*60))
		}
		plan := comms.Plan{ID: "P", Region: region, Span: sp(minute(ps), minute(pe)), Impact: comms.ImpactDowntime}
		pc, err := c.CheckPlan(p.ScheduledDowntime, plan, announced)
		require.NoError(t, err)
		uc, err := c.CheckUpdate(pc, comms.Outcome{Span: sp(minute(os), minute(oe))})
		require.NoError(t, err)

		got := assessUpdate(t, p, month, uc)
		require.Equal(t, got.Downtime, uc.Downtime.Duration(), "iter %d %s plan %v outcome %v announced %v strict %v",
			iter, region.Code, plan.Span, uc.Outcome.Span, announced, p.WindowNeedsNotice)

		// The plan as planned: Assess of the plan span as the outage.
		per := sla.Period{Month: month, Window: region.Window, Outages: []sla.Outage{{Span: plan.Span}}}
		if !announced.IsZero() && !announced.After(plan.Span.Start) {
			per.Notices = []maintenance.Notice{{Span: plan.Span, Announced: announced}}
		}
		asPlanned, err := p.Assess(per)
		require.NoError(t, err)
		require.Equal(t, asPlanned.Downtime, pc.Downtime.Duration(), "iter %d as planned", iter)
	}
}
