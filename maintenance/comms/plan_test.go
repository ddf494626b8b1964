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

// TestCheckPlan pins CheckPlan on hand-worked plans. The windows are those
// of "Maintenance timeline" ("Policies and Communications for Dynamics 365
// for Customer Engagement"): EUR and GBR 6 PM to 3 AM UTC, IND 7:30 PM to
// 1 AM, NAM 2 AM to 11 AM; the notice lead is 24 hours (Microsoft Dynamics
// CRM Online Service Level Agreement, section E, definition 11); in-window
// work owes "prior notification" only, so NotifyLead 0.
func TestCheckPlan(t *testing.T) {
	r := DynamicsCRMOnline()
	nyc, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)

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

// TestCheckPlanErrors: CheckPlan reports the problems of the plan, of the
// rules and of the Scheduled Downtime rule at once.
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

	_, err = Rules{}.CheckPlan(maintenance.ScheduledDowntime{NoticeLead: -1}, Plan{}, time.Time{})
	assert.ErrorIs(t, err, ErrInvalidRules)
	assert.ErrorIs(t, err, maintenance.ErrInvalidScheduledDowntime)
	assert.ErrorIs(t, err, ErrInvalidPlan)
}

// TestPlanValidate pins every problem Plan.Validate reports; impact 2
// (downtime) is the last known one, 3 the first unknown.
func TestPlanValidate(t *testing.T) {
	good := Plan{ID: "MC1", Region: region("EUR"), Span: span(at(2024, 3, 9, 20, 0), at(2024, 3, 10, 2, 0)), Impact: ImpactDowntime}
	with := func(change func(p *Plan)) Plan { p := good; change(&p); return p }
	tests := []struct {
		name string
		plan Plan
		want []string // each problem's message holds one, in order; none: valid
		is   []error
	}{
		{name: "valid", plan: good},
		{name: "an empty ID is valid here", plan: with(func(p *Plan) { p.ID = "" })},
		{name: "no region code", plan: with(func(p *Plan) { p.Region = maintenance.Region{Window: good.Region.Window} }),
			want: []string{"region has no code"}},
		{name: "region without a window", plan: with(func(p *Plan) { p.Region = maintenance.Region{Code: "XYZ"} }),
			want: []string{`region "XYZ" has no maintenance window`}},
		{name: "reversed span", plan: with(func(p *Plan) { p.Span = span(good.Span.End, good.Span.Start) }),
			want: []string{"span: calendar: span ends before it starts"}, is: []error{calendar.ErrReversed}},
		{name: "empty span", plan: with(func(p *Plan) { p.Span.End = p.Span.Start }),
			want: []string{"is empty"}},
		{name: "impact just past the table", plan: with(func(p *Plan) { p.Impact = 3 }),
			want: []string{"impact 3 is unknown"}},
		{name: "every problem at once", plan: Plan{Impact: 255},
			want: []string{"region has no code", "span [", "impact 255 is unknown"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.plan.Validate()
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrInvalidPlan))
			list := problems(err)
			require.Len(t, list, len(tc.want), "%v", err)
			for i, w := range tc.want {
				assert.ErrorIs(t, list[i], ErrInvalidPlan)
				assert.Contains(t, list[i].Error(), w)
			}
			for _, e := range tc.is {
				assert.ErrorIs(t, err, e)
			}
		})
	}
}

// TestImpactText pins each Impact's name and text form; the first value
// past the table is written as a number, never looked up past its end,
// and has no text form.
func TestImpactText(t *testing.T) {
	tests := []struct {
		name   string
		impact Impact
		text   string
		known  bool
	}{
		{"none", ImpactNone, "none", true},
		{"degraded", ImpactDegraded, "degraded", true},
		{"downtime", ImpactDowntime, "downtime", true},
		{"first value past the table", Impact(3), "Impact(3)", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.text, tc.impact.String())
			b, err := tc.impact.MarshalText()
			if !tc.known {
				assert.Error(t, err, "an unknown impact has no text form")
				assert.ErrorIs(t, err, ErrInvalidPlan)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.text, string(b))
			var back Impact
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, tc.impact, back)
		})
	}
}

// TestParseImpact: names in any letter case, white space around them
// ignored; anything else wraps ErrInvalidPlan and leaves an Impact being
// unmarshalled unchanged.
func TestParseImpact(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Impact
		ok   bool
	}{
		{"mixed case, spaces", " DownTime ", ImpactDowntime, true},
		{"degraded", "degraded", ImpactDegraded, true},
		{"unknown word", "outage", 0, false},
		{"empty", "", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, err := ParseImpact(tc.in)
			if !tc.ok {
				assert.ErrorIs(t, err, ErrInvalidPlan)
				back := ImpactDegraded
				assert.Error(t, back.UnmarshalText([]byte(tc.in)))
				assert.Equal(t, ImpactDegraded, back, "left unchanged")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, v)
		})
	}
}

// TestPlanDuty pins the notification a plan owes: to the organization
// admins, the notification addresses and the System Administrators of
// every affected instance ("Prior notification"), de-duplicated, due 24
// hours ahead for work that leaves the EUR window (6 PM to 3 AM UTC,
// "Maintenance timeline"; the lead is the Microsoft Dynamics CRM Online
// Service Level Agreement's, section E, definition 11).
func TestPlanDuty(t *testing.T) {
	r := DynamicsCRMOnline()
	fabrikam := Instance{Name: "fabrikam.crm4.dynamics.com", Region: "EUR", OrgAdmins: []string{"boss@fabrikam.com", "ana@contoso.com"}}
	tailspin := Instance{Name: "tailspin.crm.dynamics.com", Region: "NAM", OrgAdmins: []string{"ops@tailspin.com"}}
	instances := []Instance{contoso(), tailspin, fabrikam}
	p := Plan{ID: "MC2", Region: region("EUR"), Span: span(at(2024, 3, 9, 16, 0), at(2024, 3, 9, 20, 0)), Impact: ImpactDowntime}
	pc, err := r.CheckPlan(dynamics, p, at(2024, 3, 7, 0, 0))
	require.NoError(t, err)

	d, ok, err := r.PlanDuty(pc, instances)
	require.NoError(t, err)
	require.True(t, ok)
	// Every EUR instance (contoso then fabrikam), de-duplicated; NAM left out.
	assert.Equal(t, []string{
		"ana@contoso.com", "it-ops@contoso.com", "crm-alerts@contoso.com", "pagerduty@contoso.pd.io", "cy@contoso.com", "boss@fabrikam.com",
	}, d.Recipients)
	assert.Equal(t, KindPlanned, d.Kind)
	assert.True(t, d.Due.Equal(at(2024, 3, 8, 16, 0).Add(time.Nanosecond)))
	assert.Equal(t, "planned maintenance with expected downtime in EUR [2024-03-09T16:00:00Z, 2024-03-09T20:00:00Z); "+
		"notify orgAdmins+notificationEmails+systemAdmins at least 24h0m0s ahead (2h0m0s of it is outside the 6 PM to 3 AM window)", d.Reason)

	// Named instances only, one unknown.
	p.Instances = []string{"FABRIKAM.crm4.dynamics.com", "nowhere"}
	pc, err = r.CheckPlan(dynamics, p, time.Time{})
	require.NoError(t, err)
	d, ok, err = r.PlanDuty(pc, instances)
	assert.True(t, ok)
	assert.ErrorIs(t, err, ErrInvalidPlan)
	assert.Contains(t, err.Error(), `affected instance "nowhere" (instances[1])`)
	assert.Equal(t, []string{"boss@fabrikam.com", "ana@contoso.com"}, d.Recipients)

	// Malformed address: reported with the instance's index.
	bad := fabrikam
	bad.NotificationEmails = []string{"oops"}
	d, _, err = r.PlanDuty(pc, []Instance{bad})
	assert.ErrorIs(t, err, ErrInvalidAddress)
	assert.Contains(t, err.Error(), `instances[0] "fabrikam.crm4.dynamics.com": notificationEmails[0]: comms: malformed email address "oops"`)
	assert.Len(t, d.Recipients, 2)

	// No impact, no duty.
	p.Impact = ImpactNone
	pc, err = r.CheckPlan(dynamics, p, time.Time{})
	require.NoError(t, err)
	_, ok, err = r.PlanDuty(pc, instances)
	assert.False(t, ok)
	assert.NoError(t, err)
}

// TestPlanDutyInWindowReason: in-window work needs "prior notification"
// only (DynamicsCRMOnline's NotifyLead is 0), so the duty's reason says
// "before it starts" and names no time outside the window. EUR's window
// is 6 PM to 3 AM UTC ("Maintenance timeline"); the plan runs 20:00-02:00.
func TestPlanDutyInWindowReason(t *testing.T) {
	r := DynamicsCRMOnline()
	p := Plan{ID: "MC1", Region: region("EUR"), Span: span(at(2024, 3, 9, 20, 0), at(2024, 3, 10, 2, 0)), Impact: ImpactDegraded}
	pc, err := r.CheckPlan(dynamics, p, at(2024, 3, 9, 18, 0))
	require.NoError(t, err)
	require.Zero(t, pc.NotifyLead)
	d, ok, err := r.PlanDuty(pc, []Instance{contoso()})
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "planned maintenance with expected degraded in EUR [2024-03-09T20:00:00Z, 2024-03-10T02:00:00Z); "+
		"notify orgAdmins+notificationEmails+systemAdmins before it starts", d.Reason)
	// Due by the start: the first late instant is a nanosecond after it.
	assert.True(t, d.Due.Equal(p.Span.Start.Add(1)), "due %s", d.Due)
}

// TestCheckPlanAgainstMinuteModel compares CheckPlan with a brute-force
// minute-by-minute reading of the policy on random plans of every region.
func TestCheckPlanAgainstMinuteModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(2024, 3))
	regions := maintenance.Regions()
	base := at(2024, 3, 1, 0, 0)
	r := DynamicsCRMOnline()
	for iter := range iterations(400) {
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

// FuzzCheckPlan checks CheckPlan's invariants on arbitrary plans: the sets
// lie inside the plan, Scheduled and Downtime are disjoint, Outside plus
// the window's overlap is the plan; bad input wraps ErrInvalidPlan.
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
			require.ErrorIs(t, err, ErrInvalidPlan)
			return
		}
		whole := setOf(p.Span)
		require.True(t, got.Outside.Subtract(whole).IsEmpty() && got.Downtime.Subtract(whole).IsEmpty() && got.Scheduled.Subtract(whole).IsEmpty(),
			"sets leave the plan: %v", got)
		require.True(t, got.Scheduled.Intersect(got.Downtime).IsEmpty(), "scheduled and downtime overlap")
		require.Equal(t, p.Span.Duration(), got.Outside.Duration()+reg.Window.Overlap(p.Span), "outside + window overlap != plan")
		require.NotEmpty(t, strings.TrimSpace(code), "empty region accepted")
	})
}

// FuzzParseImpact checks that ParseImpact's results print back to text it
// reads to the same value.
func FuzzParseImpact(f *testing.F) {
	for _, s := range []string{"none", " Degraded", "DOWNTIME", "outage", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		i, err := ParseImpact(s)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidPlan)
			return
		}
		back, err := ParseImpact(i.String())
		require.NoError(t, err, "%q -> %v", s, i)
		require.Equal(t, i, back, "%q -> %v -> %v", s, i, back)
	})
}
