package comms

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/sla"
)

// TestCheckUpdate pins CheckUpdate on hand-worked updates in EUR (window 6
// PM to 3 AM UTC, "Maintenance timeline"): a dashboard post is owed when
// the update fails or runs past its window and announced span ("During
// the update"), and the part that is not Scheduled Downtime (Microsoft
// Dynamics CRM Online Service Level Agreement, section E, definition 11)
// is Downtime.
func TestCheckUpdate(t *testing.T) {
	r := DynamicsCRMOnline()
	inWindow := Plan{ID: "MC10", Region: region("EUR"), Span: span(at(2024, 3, 9, 20, 0), at(2024, 3, 10, 2, 0)), Impact: ImpactDowntime}
	daytime := Plan{ID: "MC11", Region: region("EUR"), Span: span(at(2024, 3, 9, 10, 0), at(2024, 3, 9, 14, 0)), Impact: ImpactDowntime}
	twoDaysAhead := at(2024, 3, 7, 9, 0)

	cases := []struct {
		name      string
		rule      maintenance.ScheduledDowntime
		plan      Plan
		announced time.Time
		outcome   Outcome
		overrun   []calendar.Span
		downtime  []calendar.Span
		dashboard bool
	}{
		{
			name: "finished inside the window: nothing owed", rule: dynamics, plan: inWindow, announced: twoDaysAhead,
			// 20:00 to 02:30 ends before 03:00.
			outcome: Outcome{Span: span(at(2024, 3, 9, 20, 0), at(2024, 3, 10, 2, 30))},
		},
		{
			name: "ran 1h10m past the window's 03:00 close", rule: dynamics, plan: inWindow, announced: twoDaysAhead,
			outcome:   Outcome{Span: span(at(2024, 3, 9, 20, 0), at(2024, 3, 10, 4, 10))},
			overrun:   []calendar.Span{span(at(2024, 3, 10, 3, 0), at(2024, 3, 10, 4, 10))},
			downtime:  []calendar.Span{span(at(2024, 3, 10, 3, 0), at(2024, 3, 10, 4, 10))},
			dashboard: true,
		},
		{
			name: "announced daytime work ran 1h30m past its announced 14:00 end", rule: dynamics, plan: daytime, announced: twoDaysAhead,
			outcome:   Outcome{Span: span(at(2024, 3, 9, 10, 0), at(2024, 3, 9, 15, 30))},
			overrun:   []calendar.Span{span(at(2024, 3, 9, 14, 0), at(2024, 3, 9, 15, 30))},
			downtime:  []calendar.Span{span(at(2024, 3, 9, 14, 0), at(2024, 3, 9, 15, 30))},
			dashboard: true,
		},
		{
			name: "announced only 2h ahead, finished inside the announced span: no post owed, all 3h Downtime",
			rule: dynamics, plan: daytime, announced: at(2024, 3, 9, 8, 0),
			outcome:  Outcome{Span: span(at(2024, 3, 9, 10, 0), at(2024, 3, 9, 13, 0))},
			downtime: []calendar.Span{span(at(2024, 3, 9, 10, 0), at(2024, 3, 9, 13, 0))},
		},
		{
			name: "never announced: past the window is overrun and Downtime", rule: dynamics, plan: inWindow,
			// 17:00 to 18:00 is before the window opens.
			outcome:   Outcome{Span: span(at(2024, 3, 9, 17, 0), at(2024, 3, 9, 23, 0))},
			overrun:   []calendar.Span{span(at(2024, 3, 9, 17, 0), at(2024, 3, 9, 18, 0))},
			downtime:  []calendar.Span{span(at(2024, 3, 9, 17, 0), at(2024, 3, 9, 18, 0))},
			dashboard: true,
		},
		{
			name: "failed inside the window: a post is owed, nothing is Downtime", rule: dynamics, plan: inWindow, announced: twoDaysAhead,
			outcome:   Outcome{Span: span(at(2024, 3, 9, 20, 0), at(2024, 3, 9, 22, 0)), Failed: true},
			dashboard: true,
		},
		{
			name: "strict reading: window time outside the notice counts", rule: strict, plan: inWindow, announced: twoDaysAhead,
			// 19:00-20:00 and 02:00-02:30 are in the window but not in
			// the announced 20:00-02:00: 1h30m of Downtime, no overrun.
			outcome:  Outcome{Span: span(at(2024, 3, 9, 19, 0), at(2024, 3, 10, 2, 30))},
			downtime: []calendar.Span{span(at(2024, 3, 9, 19, 0), at(2024, 3, 9, 20, 0)), span(at(2024, 3, 10, 2, 0), at(2024, 3, 10, 2, 30))},
		},
		{
			name: "degraded work that overran: a post, no Downtime", rule: dynamics,
			plan: Plan{ID: "MC12", Region: region("EUR"), Span: inWindow.Span, Impact: ImpactDegraded}, announced: twoDaysAhead,
			outcome:   Outcome{Span: span(at(2024, 3, 9, 20, 0), at(2024, 3, 10, 3, 30))},
			overrun:   []calendar.Span{span(at(2024, 3, 10, 3, 0), at(2024, 3, 10, 3, 30))},
			dashboard: true,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pc, err := r.CheckPlan(c.rule, c.plan, c.announced)
			require.NoError(t, err)
			u, err := r.CheckUpdate(pc, c.outcome)
			require.NoError(t, err)
			assertSpans(t, c.overrun, u.Overrun.Spans(), "Overrun")
			assertSpans(t, c.downtime, u.Downtime.Spans(), "Downtime")
			assert.Equal(t, c.dashboard, u.DashboardOwed())
			d, ok, err := u.DashboardDuty()
			require.NoError(t, err)
			assert.Equal(t, c.dashboard, ok)
			if c.dashboard {
				assert.Equal(t, KindOverrun, d.Kind)
				assert.Equal(t, c.plan.ID, d.Ref)
				assert.Empty(t, d.Recipients)
				assert.True(t, d.Due.Equal(c.outcome.Span.End), "due %v", d.Due)
			} else {
				assert.True(t, u.DashboardDue.IsZero())
			}
		})
	}
}

// TestCheckUpdateDashboardGraceAndErrors: the post is due DashboardGrace
// after the work ended; invalid outcomes, plan checks and rules are
// refused.
func TestCheckUpdateDashboardGraceAndErrors(t *testing.T) {
	r := DynamicsCRMOnline()
	r.DashboardGrace = time.Hour
	pc, err := r.CheckPlan(dynamics, Plan{ID: "MC", Region: region("EUR"), Span: span(at(2024, 3, 9, 20, 0), at(2024, 3, 9, 22, 0)), Impact: ImpactDowntime}, time.Time{})
	require.NoError(t, err)
	u, err := r.CheckUpdate(pc, Outcome{Span: span(at(2024, 3, 9, 20, 0), at(2024, 3, 9, 22, 0)), Failed: true})
	require.NoError(t, err)
	assert.True(t, u.DashboardDue.Equal(at(2024, 3, 9, 23, 0)))
	d, _, _ := u.DashboardDuty()
	assert.Contains(t, d.Reason, "the update failed")

	_, err = r.CheckUpdate(pc, Outcome{Span: span(at(2024, 3, 9, 22, 0), at(2024, 3, 9, 20, 0))})
	assert.ErrorIs(t, err, ErrInvalidPlan)
	assert.ErrorIs(t, err, calendar.ErrReversed)
	_, err = r.CheckUpdate(pc, Outcome{})
	assert.ErrorIs(t, err, ErrInvalidPlan)
	_, err = r.CheckUpdate(PlanCheck{}, Outcome{Span: pc.Plan.Span})
	assert.ErrorIs(t, err, ErrInvalidPlan)
	_, err = Rules{}.CheckUpdate(pc, Outcome{Span: pc.Plan.Span})
	assert.ErrorIs(t, err, ErrInvalidRules)
}

// TestCheckUpdateAgainstMinuteModel compares CheckUpdate with a
// minute-by-minute reading of the policy on random plans and outcomes.
func TestCheckUpdateAgainstMinuteModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	regions := maintenance.Regions()
	base := at(2024, 3, 1, 0, 0)
	minute := func(n int) time.Time { return base.Add(time.Duration(n) * time.Minute) }
	r := DynamicsCRMOnline()
	for iter := range iterations(300) {
		rule := dynamics
		rule.WindowNeedsNotice = rng.IntN(4) == 0
		region := regions[rng.IntN(len(regions))]
		ps := rng.IntN(2 * 24 * 60)
		pe := ps + 1 + rng.IntN(12*60)
		os := ps - 120 + rng.IntN(240)
		oe := os + 1 + rng.IntN(16*60)
		var announced time.Time // zero: not announced (one case in three)
		announcedMin := ps - rng.IntN(48*60)
		if rng.IntN(3) > 0 {
			announced = minute(announcedMin)
		}
		p := Plan{ID: "P", Region: region, Span: span(minute(ps), minute(pe)), Impact: Impact(rng.IntN(3))}
		pc, err := r.CheckPlan(rule, p, announced)
		require.NoError(t, err)
		o := Outcome{Span: span(minute(os), minute(oe)), Failed: rng.IntN(5) == 0}
		u, err := r.CheckUpdate(pc, o)
		require.NoError(t, err)

		noticeMet := !announced.IsZero() && ps-announcedMin >= 24*60
		var over, down time.Duration
		for m := os; m < oe; m++ {
			in := region.Window.Contains(minute(m))
			inPlan := m >= ps && m < pe
			if !in && !(inPlan && !announced.IsZero()) {
				over += time.Minute
			}
			scheduled := (in && !rule.WindowNeedsNotice) || (inPlan && noticeMet)
			if !scheduled && p.Impact == ImpactDowntime {
				down += time.Minute
			}
		}
		require.Equal(t, over, u.Overrun.Duration(), "iter %d", iter)
		require.Equal(t, down, u.Downtime.Duration(), "iter %d", iter)
		require.Equal(t, over > 0 || o.Failed, u.DashboardOwed(), "iter %d", iter)
	}
}

// assessUpdate runs sla.Policy.Assess on month for one outage, the update
// as it ran, with the plan's notice when it was announced before it
// began.
func assessUpdate(t *testing.T, p sla.Policy, month calendar.Month, uc UpdateCheck) sla.Assessment {
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
		c := DynamicsCRMOnline()

		region := regions[rng.IntN(len(regions))]
		ps := 2*24*60 + rng.IntN(25*24*60)
		pe := ps + 1 + rng.IntN(14*60)
		os := ps - 180 + rng.IntN(360)
		oe := os + 1 + rng.IntN(18*60)
		var announced time.Time
		if rng.IntN(4) > 0 {
			announced = minute(ps - rng.IntN(50*60))
		}
		plan := Plan{ID: "P", Region: region, Span: span(minute(ps), minute(pe)), Impact: ImpactDowntime}
		pc, err := c.CheckPlan(p.ScheduledDowntime, plan, announced)
		require.NoError(t, err)
		uc, err := c.CheckUpdate(pc, Outcome{Span: span(minute(os), minute(oe))})
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
