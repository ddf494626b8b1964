package comms_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/claims"
	"github.com/slapolicy/slapolicy/internal/testkit"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/maintenance/comms"
	"github.com/slapolicy/slapolicy/sla"
)

// TestAuditSampleMonth checks each duty of the hand-worked March record
// (see sampleMarch for the figures).
func TestAuditSampleMonth(t *testing.T) {
	a, err := audit(nil, sampleMarch(), utc(2024, 4, 15, 0, 0))
	require.NoError(t, err)

	type want struct {
		kind   comms.Kind
		ref    string
		status comms.Status
		is     []error
		due    time.Time
	}
	wants := []want{
		{comms.KindPlanned, "MC1", comms.StatusMet, nil, utc(2024, 3, 9, 20, 0).Add(time.Nanosecond)},
		// 24h before 16:00, exactly 24h on time.
		{comms.KindPlanned, "MC2", comms.StatusLate, []error{comms.ErrNotificationLate}, utc(2024, 3, 15, 16, 0).Add(time.Nanosecond)},
		{comms.KindPlanned, "MC3", comms.StatusMissed, []error{comms.ErrNotNotified}, utc(2024, 3, 23, 20, 0).Add(time.Nanosecond)},
		{comms.KindOverrun, "MC3", comms.StatusMet, nil, utc(2024, 3, 24, 4, 10)},
		{comms.KindUnplanned, "UM1", comms.StatusLate, []error{comms.ErrNotificationLate}, utc(2024, 3, 12, 9, 40)},
		{comms.KindPostIncidentReport, "INC1", comms.StatusLate, []error{comms.ErrReportLate, comms.ErrReportLate}, utc(2024, 4, 3, 0, 0)},
		{comms.KindPostIncidentReport, "INC3", comms.StatusMissed, []error{comms.ErrReportMissing}, utc(2024, 4, 5, 0, 0)},
	}
	require.Len(t, a.Items, len(wants))
	for i, w := range wants {
		it := a.Items[i]
		assert.Equal(t, w.kind, it.Duty.Kind, "item %d", i)
		assert.Equal(t, w.ref, it.Duty.Ref, "item %d", i)
		assert.Equal(t, w.status, it.Status, "item %d %s", i, it.Duty.Ref)
		assert.True(t, w.due.Equal(it.Duty.Due), "item %d due %v", i, it.Duty.Due)
		if w.is == nil {
			assert.NoError(t, it.Err, "item %d", i)
		}
		for _, sentinel := range w.is {
			assert.ErrorIs(t, it.Err, sentinel, "item %d", i)
		}
	}
	// The report deadlines are the claim rules' PostIncidentReportDue of
	// restoration.
	rules := claims.DynamicsCRMOnline(nil)
	assert.True(t, rules.PostIncidentReportDue(utc(2024, 3, 26, 15, 30)).Equal(a.Items[5].Duty.Due))
	assert.True(t, rules.PostIncidentReportDue(utc(2024, 3, 28, 3, 0)).Equal(a.Items[6].Duty.Due))

	var late *comms.DutyError
	require.ErrorAs(t, a.Items[5].Err, &late)
	require.Len(t, late.Sent, 1)
	assert.Equal(t, 9*time.Hour, late.Sent[0].Sub(late.Duty.Due))

	// The 2h of MC2 before the window opens and the 1h10m of MC3 past it
	// are Downtime.
	require.Len(t, a.Updates, 3)
	assert.Equal(t, time.Duration(0), a.Updates[0].Downtime.Duration())
	assert.Equal(t, 2*time.Hour, a.Updates[1].Downtime.Duration())
	assert.Equal(t, 70*time.Minute, a.Updates[2].Downtime.Duration())

	all := a.Err()
	for _, s := range []error{comms.ErrNotNotified, comms.ErrNotificationLate, comms.ErrReportMissing, comms.ErrReportLate} {
		assert.ErrorIs(t, all, s)
	}
	assert.Equal(t, 5, len(strings.Split(all.Error(), "\n")))
	assert.Empty(t, a.Settings)
}

// TestAuditAsOfEarly: a duty not carried out whose deadline is after the
// audit's instant is pending, and messages sent after it do not count.
func TestAuditAsOfEarly(t *testing.T) {
	// On 24 March at 03:00 the notices and UM1's email are judged as
	// before; the incidents' reports are not due yet: pending.
	a, err := audit(nil, sampleMarch(), utc(2024, 3, 24, 3, 0))
	require.NoError(t, err)
	require.Len(t, a.Items, 7)
	assert.Equal(t, 3, a.Count(comms.StatusPending))
	assert.Equal(t, 2, a.Count(comms.StatusLate))
	assert.Equal(t, 1, a.Count(comms.StatusMissed))
	// MC3's dashboard post was made at 03:30, after asOf: it does not
	// count yet, and the post is due 04:10: pending.
	assert.Equal(t, comms.StatusPending, a.Items[3].Status)
	assert.NoError(t, a.Items[3].Err)

	// Before the INC3 report is due it is pending, not missed.
	a, err = audit(nil, sampleMarch(), utc(2024, 4, 4, 23, 59))
	require.NoError(t, err)
	last := a.Items[len(a.Items)-1]
	assert.Equal(t, "INC3", last.Duty.Ref)
	assert.Equal(t, comms.StatusPending, last.Status)
	assert.Equal(t, 1, a.Count(comms.StatusPending))
}

// TestAuditMonthFilter: only what started in the record's month is
// audited; the zero Month audits everything.
func TestAuditMonthFilter(t *testing.T) {
	rec := sampleMarch()
	rec.Month = calendar.NewMonth(2024, time.February, nil)
	a, err := audit(nil, rec, utc(2024, 4, 15, 0, 0))
	require.NoError(t, err)
	assert.Empty(t, a.Items)
	assert.NoError(t, a.Err())
	assert.Contains(t, a.Summary(), "0 duties")

	rec.Month = calendar.Month{}
	a, err = audit(nil, rec, utc(2024, 4, 15, 0, 0))
	require.NoError(t, err)
	assert.Len(t, a.Items, 7)
	assert.Contains(t, a.Summary(), "Communications audit for all months")
}

// TestAuditSettingsProblems: a malformed address does not stop the audit;
// it is reported in Settings once per duty that reads it, with where it
// was read.
func TestAuditSettingsProblems(t *testing.T) {
	rec := sampleMarch()
	rec.Instances[1].NotificationEmails = []string{"ops@"}
	a, err := audit(nil, rec, utc(2024, 4, 15, 0, 0))
	require.NoError(t, err)
	// Three plans each read fabrikam's settings; UM1 reads only its
	// System Administrators.
	require.Len(t, a.Settings, 3)
	for _, e := range a.Settings {
		assert.ErrorIs(t, e, comms.ErrInvalidAddress)
	}
	assert.True(t, strings.HasPrefix(a.Settings[0].Error(), `plans[0]: instances[1] "fabrikam.crm4.dynamics.com": notificationEmails[0]: comms: malformed email address "ops@"`), a.Settings[0].Error())
	assert.ErrorIs(t, a.Err(), comms.ErrInvalidAddress)
	assert.Contains(t, a.Summary(), "3 settings problems")
	assert.Contains(t, a.Summary(), "Settings:\n")
}

// TestAuditIncompleteReport: a report published on time without one of
// the six parts of "Post-Incident Report" is missed, not late.
func TestAuditIncompleteReport(t *testing.T) {
	rec := sampleMarch()
	rec.Incidents[0].Report.RootCause = " "
	rec.Incidents[0].Report.Published = utc(2024, 4, 2, 9, 0) // on time
	a, err := audit(nil, rec, utc(2024, 4, 15, 0, 0))
	require.NoError(t, err)
	it := a.Items[5]
	assert.Equal(t, "INC1", it.Duty.Ref)
	assert.Equal(t, comms.StatusMissed, it.Status)
	assert.ErrorIs(t, it.Err, comms.ErrReportIncomplete)
	assert.NotErrorIs(t, it.Err, comms.ErrReportLate)
	assert.Contains(t, it.Err.Error(), "RootCause")
}

// TestAuditRejectsBadInput: a record that cannot be audited is refused
// with every problem at once, record-level problems first; bad rules and
// a bad Scheduled Downtime rule are refused too.
func TestAuditRejectsBadInput(t *testing.T) {
	rec := sampleMarch()
	rec.Plans[1].Plan.ID = "mc1" // repeats MC1, case-insensitively
	rec.Plans[2].Plan.Region = maintenance.Region{Code: "XYZ"}
	rec.Plans[0].Outcome.Span = sp(utc(2024, 3, 10, 2, 0), utc(2024, 3, 9, 20, 0))
	rec.Unplanned[0].Instances = append(rec.Unplanned[0].Instances, "nowhere")
	rec.Incidents[1].ID = ""
	rec.Incidents[2].Incident.OrganizationsAffected = -1
	rec.Messages = append(rec.Messages, comms.Message{Ref: "MC1"})
	rec.Instances = append(rec.Instances, comms.Instance{Name: "Contoso.crm4.dynamics.com"})

	_, err := audit(nil, rec, time.Time{})
	require.Error(t, err)
	assert.ErrorIs(t, err, comms.ErrInvalidRecord)
	for _, want := range []string{
		"asOf is the zero time",
		`plans[1].plan.id "mc1" repeats plans[0]`,
		"incidents[1].id is blank",
		"messages[6].kind is blank",
		"messages[6].sent is the zero time",
		`instances[2].name "Contoso.crm4.dynamics.com" repeats instances[0]`,
	} {
		assert.Contains(t, err.Error(), want)
	}

	// With the record-level problems fixed, the per-item ones show.
	rec = sampleMarch()
	rec.Plans[2].Plan.Region = maintenance.Region{Code: "XYZ"}
	rec.Plans[0].Outcome.Span = sp(utc(2024, 3, 10, 2, 0), utc(2024, 3, 9, 20, 0))
	rec.Unplanned[0].Instances = append(rec.Unplanned[0].Instances, "nowhere")
	rec.Incidents[2].Incident.OrganizationsAffected = -1
	_, err = audit(nil, rec, utc(2024, 4, 15, 0, 0))
	require.Error(t, err)
	assert.ErrorIs(t, err, comms.ErrInvalidPlan)
	assert.ErrorIs(t, err, comms.ErrInvalidIncident)
	assert.ErrorIs(t, err, calendar.ErrReversed)
	for _, want := range []string{
		`plans[2]: comms: invalid plan: region "XYZ" has no maintenance window`,
		"plans[0].outcome: comms: invalid plan: outcome span: calendar: span ends before it starts",
		`unplanned[0]: comms: invalid plan: affected instance "nowhere"`,
		"incidents[2]: comms: invalid incident: organizationsAffected -1 is negative",
	} {
		assert.Contains(t, err.Error(), want)
	}

	_, err = comms.Rules{}.Audit(sla.DynamicsCRMOnline().ScheduledDowntime, claims.DynamicsCRMOnline(nil), sampleMarch(), utc(2024, 4, 15, 0, 0))
	assert.ErrorIs(t, err, comms.ErrInvalidRules)
	_, err = comms.DynamicsCRMOnline().Audit(maintenance.ScheduledDowntime{NoticeLead: -1}, claims.DynamicsCRMOnline(nil), sampleMarch(), utc(2024, 4, 15, 0, 0))
	assert.ErrorIs(t, err, maintenance.ErrInvalidScheduledDowntime)
}

// TestAuditNamesUniqueAsTheyMatch: instance names must be unique under the
// same case-insensitive comparison that selects affected instances
// (strings.EqualFold): "contoſo" (with a long s, U+017F) is "contoso"
// and would otherwise make every duty of contoso's reach both.
func TestAuditNamesUniqueAsTheyMatch(t *testing.T) {
	rec := sampleMarch()
	rec.Instances = append(rec.Instances, comms.Instance{Name: "contoſo.crm4.dynamics.com", Region: "EUR"})
	_, err := audit(nil, rec, utc(2024, 4, 15, 0, 0))
	require.Error(t, err)
	assert.ErrorIs(t, err, comms.ErrInvalidRecord)
	assert.Contains(t, err.Error(), `instances[2].name "contoſo.crm4.dynamics.com" repeats instances[0]`)
}

// FuzzAudit perturbs the sample month and checks the audit's invariants:
// it never panics; bad input is ErrInvalidPlan; a duty has an error exactly
// when it is late or missed, and Err joins them all.
func FuzzAudit(f *testing.F) {
	f.Add(int64(0), int64(0), int64(0), uint8(0), int64(24*60))
	f.Add(int64(-600), int64(90), int64(-3000), uint8(2), int64(0))
	f.Add(int64(5000), int64(-5000), int64(60), uint8(9), int64(-1))
	f.Fuzz(func(t *testing.T, shiftPlan, shiftOutcome, shiftMsg int64, impact uint8, asOfMin int64) {
		rec := sampleMarch()
		d := func(m int64) time.Duration { return time.Duration(m%(1<<24)) * time.Minute }
		rec.Plans[1].Plan.Span.End = rec.Plans[1].Plan.Span.End.Add(d(shiftPlan))
		rec.Plans[1].Plan.Impact = comms.Impact(impact)
		rec.Plans[2].Outcome.Span.End = rec.Plans[2].Outcome.Span.End.Add(d(shiftOutcome))
		rec.Messages[0].Sent = rec.Messages[0].Sent.Add(d(shiftMsg))
		a, err := audit(nil, rec, utc(2024, 3, 1, 0, 0).Add(d(asOfMin)))
		if err != nil {
			require.ErrorIs(t, err, comms.ErrInvalidPlan)
			return
		}
		bad := 0
		for _, it := range a.Items {
			late := it.Status == comms.StatusLate || it.Status == comms.StatusMissed
			require.Equal(t, late, it.Err != nil, "%s: status %s with error %v", it.Duty, it.Status, it.Err)
			if late {
				bad++
			}
		}
		require.Equal(t, bad > 0, a.Err() != nil, "Err() = %v with %d bad duties", a.Err(), bad)
		_ = a.Summary()
	})
}

// TestAuditRejectsNoDeadline: a report deadline that does not exist
// (zero: outside years 1 to 9999) stops the audit with the incident named.
func TestAuditRejectsNoDeadline(t *testing.T) {
	never := deadlineFunc(func(time.Time) time.Time { return time.Time{} })
	_, err := comms.DynamicsCRMOnline().Audit(sla.DynamicsCRMOnline().ScheduledDowntime, never, sampleMarch(), utc(2024, 4, 15, 0, 0))
	require.Error(t, err)
	assert.True(t, errors.Is(err, comms.ErrInvalidRecord), "%v", err)
	assert.Contains(t, err.Error(), `incidents[0]: comms: invalid record: incident "INC1" restored 2024-03-26T15:30:00Z: no post-incident report deadline`)
}

// TestAuditNilReportDeadline: without a ReportDeadline an audit of a
// record with a major incident is refused, naming the incident, and never
// panics; a record without one needs none.
func TestAuditNilReportDeadline(t *testing.T) {
	_, err := comms.DynamicsCRMOnline().Audit(sla.DynamicsCRMOnline().ScheduledDowntime, nil, sampleMarch(), utc(2024, 4, 15, 0, 0))
	require.ErrorIs(t, err, comms.ErrInvalidRecord)
	assert.Contains(t, err.Error(), `incidents[0]: comms: invalid record: incident "INC1" owes a post-incident report, but no ReportDeadline was given`)
	rec := sampleMarch()
	rec.Incidents = nil
	_, err = comms.DynamicsCRMOnline().Audit(sla.DynamicsCRMOnline().ScheduledDowntime, nil, rec, utc(2024, 4, 15, 0, 0))
	assert.NoError(t, err)
}

// deadlineFunc adapts a function to comms.ReportDeadline.
type deadlineFunc func(restored time.Time) time.Time

func (f deadlineFunc) PostIncidentReportDue(restored time.Time) time.Time { return f(restored) }

// TestSummaryDowntimeLines: the summary's downtime section lists a plan
// "as run" when it ran with Downtime, "if run as planned" when it has not
// run and its plan has Downtime, and nothing for a plan that ran without
// Downtime although its plan had some. MC2 (announced 23h ahead, too late
// for work outside the window) was planned 16:00-20:00, two hours before
// EUR's window opens at 18:00, but here it ran 18:00-20:00, inside the
// window; it comes first in the record. MC3 ran 1h10m past the window;
// MC4 (planned 14:00-19:00 on 30 March, never announced: 4h before the
// window) has not run.
func TestSummaryDowntimeLines(t *testing.T) {
	rec := sampleMarch()
	mc2 := rec.Plans[1]
	mc2.Outcome.Span.Start = utc(2024, 3, 16, 18, 0)
	rec.Plans = []comms.PlannedRecord{mc2, rec.Plans[0], rec.Plans[2], {
		Plan: comms.Plan{ID: "MC4", Region: region("EUR"), Span: sp(utc(2024, 3, 30, 14, 0), utc(2024, 3, 30, 19, 0)), Impact: comms.ImpactDowntime},
	}}
	a, err := audit(nil, rec, utc(2024, 4, 15, 0, 0))
	require.NoError(t, err)
	require.Equal(t, "MC2", a.Updates[0].Plan.Plan.ID)
	require.True(t, a.Updates[0].Downtime.IsEmpty(), "MC2 ran inside the window")
	require.Equal(t, 2*time.Hour, a.Plans[0].Downtime.Duration(), "MC2's plan had 2h outside the window")
	s := a.Summary()
	downtime := s[strings.Index(s, "Downtime from maintenance"):]
	assert.Equal(t, "Downtime from maintenance (before the SLA's own exclusions):\n"+
		"        - plan \"MC3\" as run: 1h10m0s\n"+
		"        - plan \"MC4\" if run as planned: 4h0m0s\n", downtime)
}

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

// TestReportDuty pins the post-incident report a major incident owes
// ("Post-Incident Report": published "after 5 business days"), counted by
// the claim rules over rickar/cal's US calendar in UTC, weekdays from a
// wall calendar; a minor, empty or invalid incident owes none.
func TestReportDuty(t *testing.T) {
	rules := claims.DynamicsCRMOnline(calendar.NewBusinessDays(time.UTC, us.Holidays...))
	plus48h := deadlineFunc(func(restored time.Time) time.Time { return restored.Add(48 * time.Hour) })
	never := deadlineFunc(func(time.Time) time.Time { return time.Time{} })
	friday := sp(utc(2024, 2, 2, 14, 0), utc(2024, 2, 2, 16, 30))
	tests := []struct {
		name     string
		deadline comms.ReportDeadline
		incident comms.Incident
		owed     bool
		due      time.Time
		is       []error // when set, the errors the problem wraps
	}{
		// Restored Friday 2 February: Mon 5, Tue 6, Wed 7, Thu 8, Fri 9.
		{name: "major, restored on a Friday", deadline: rules,
			incident: comms.Incident{Span: friday, PlatformDegraded: true}, owed: true, due: utc(2024, 2, 10, 0, 0)},
		// Restored Monday 12 February: Tue 13, Wed 14, Thu 15, Fri 16,
		// (Mon 19 Presidents' Day) Tue 20.
		{name: "major, over Presidents' Day", deadline: rules, owed: true, due: utc(2024, 2, 21, 0, 0),
			incident: comms.Incident{Span: sp(utc(2024, 2, 12, 8, 0), utc(2024, 2, 12, 9, 0)), OrganizationsAffected: 2}},
		{name: "major, a deadline of the caller's", deadline: plus48h,
			incident: comms.Incident{Span: friday, SignificantDegradation: true}, owed: true, due: utc(2024, 2, 4, 16, 30)},
		{name: "minor: one organization", deadline: rules,
			incident: comms.Incident{Span: friday, OrganizationsAffected: 1}},
		{name: "no incident", deadline: rules},
		{name: "major, not yet restored", deadline: rules,
			incident: comms.Incident{Span: sp(friday.Start, friday.Start), PlatformDegraded: true}},
		{name: "reversed span", deadline: rules,
			incident: comms.Incident{Span: sp(friday.End, friday.Start), PlatformDegraded: true},
			is:       []error{comms.ErrInvalidIncident, calendar.ErrReversed}},
		{name: "negative organizations", deadline: rules,
			incident: comms.Incident{Span: friday, OrganizationsAffected: -2},
			is:       []error{comms.ErrInvalidIncident}},
		{name: "no deadline exists", deadline: never,
			incident: comms.Incident{Span: friday, PlatformDegraded: true},
			is:       []error{comms.ErrInvalidRecord}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, owed, err := comms.IncidentRecord{ID: "INC-7", Incident: tc.incident}.ReportDuty(tc.deadline)
			if tc.is != nil {
				require.Error(t, err)
				for _, e := range tc.is {
					assert.ErrorIs(t, err, e)
				}
				assert.False(t, owed)
				assert.Equal(t, comms.Duty{}, d)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.owed, owed)
			if !tc.owed {
				assert.Equal(t, comms.Duty{}, d)
				return
			}
			assert.Equal(t, comms.KindPostIncidentReport, d.Kind)
			assert.Equal(t, "INC-7", d.Ref)
			assert.Empty(t, d.Recipients, "a post")
			assert.True(t, tc.due.Equal(d.Due), "due %s", d.Due)
			assert.True(t, tc.deadline.PostIncidentReportDue(tc.incident.Span.End).Equal(d.Due), "counted from restoration")
			assert.Equal(t, "major incident restored "+tc.incident.Span.End.Format(time.RFC3339Nano)+
				"; publish a post-incident report (Summary, User Experience, Start, Resolution, Root Cause, Next steps) on the service health dashboard", d.Reason)
		})
	}
	_, _, err := comms.IncidentRecord{ID: "INC-9", Incident: comms.Incident{Span: friday, PlatformDegraded: true}}.ReportDuty(never)
	assert.EqualError(t, err, `comms: invalid record: incident "INC-9" restored 2024-02-02T16:30:00Z: no post-incident report deadline exists in years 1 to 9999`)
}

// TestAuditOwnReportDeadline audits the sample month with post-incident
// report deadlines of the caller's own, counted in calendar hours from
// restoration: INC1 was restored Tuesday 26 March 15:30 and published
// 3 April 09:00; INC3 was restored Thursday 28 March 03:00 and never
// published. The deadline is asked of the restorations only.
func TestAuditOwnReportDeadline(t *testing.T) {
	tests := []struct {
		name     string
		after    time.Duration
		asOf     time.Time
		inc1     comms.Status
		inc1Late time.Duration // how late INC1's report was, when late
		inc3     comms.Status
	}{
		// Due 2 April 15:30: 17h30m late. INC3 due 4 April 03:00.
		{"a week", 7 * 24 * time.Hour, utc(2024, 4, 15, 0, 0), comms.StatusLate, 17*time.Hour + 30*time.Minute, comms.StatusMissed},
		// Due 5 April 15:30: on time. INC3 due 7 April 03:00.
		{"ten days", 10 * 24 * time.Hour, utc(2024, 4, 15, 0, 0), comms.StatusMet, 0, comms.StatusMissed},
		// On 6 April at noon INC3's report, due 7 April 03:00, is pending.
		{"ten days, before INC3 is due", 10 * 24 * time.Hour, utc(2024, 4, 6, 12, 0), comms.StatusMet, 0, comms.StatusPending},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var asked []time.Time
			own := deadlineFunc(func(restored time.Time) time.Time {
				asked = append(asked, restored)
				return restored.Add(tc.after)
			})
			a, err := comms.DynamicsCRMOnline().Audit(sla.DynamicsCRMOnline().ScheduledDowntime, own, sampleMarch(), tc.asOf)
			require.NoError(t, err)
			require.Len(t, asked, 2, "INC1 and INC3 only: INC2 is minor")
			assert.True(t, asked[0].Equal(utc(2024, 3, 26, 15, 30)))
			assert.True(t, asked[1].Equal(utc(2024, 3, 28, 3, 0)))

			inc1, inc3 := a.Items[5], a.Items[6]
			require.Equal(t, "INC1", inc1.Duty.Ref)
			require.Equal(t, "INC3", inc3.Duty.Ref)
			assert.True(t, utc(2024, 3, 26, 15, 30).Add(tc.after).Equal(inc1.Duty.Due))
			assert.True(t, utc(2024, 3, 28, 3, 0).Add(tc.after).Equal(inc3.Duty.Due))
			assert.Equal(t, tc.inc1, inc1.Status)
			assert.Equal(t, tc.inc3, inc3.Status)
			if tc.inc1 == comms.StatusLate {
				var late *comms.DutyError
				require.ErrorAs(t, inc1.Err, &late)
				assert.ErrorIs(t, inc1.Err, comms.ErrReportLate)
				assert.Equal(t, tc.inc1Late, late.Sent[0].Sub(late.Duty.Due))
			} else {
				assert.NoError(t, inc1.Err)
			}
			if tc.inc3 == comms.StatusMissed {
				assert.ErrorIs(t, inc3.Err, comms.ErrReportMissing)
			} else {
				assert.NoError(t, inc3.Err)
			}
		})
	}
}

// TestAuditConcurrent shares one record, one set of rules and one
// business calendar among many goroutines (run under -race): every audit,
// at instants a day apart from 1 March to 15 April 2024, must read alike.
func TestAuditConcurrent(t *testing.T) {
	rec := sampleMarch()
	days := calendar.NewBusinessDays(time.UTC, us.Holidays...)
	testkit.Agree(t, 46, func(i int) string {
		asOf := utc(2024, 3, 1, 0, 0).Add(time.Duration(i) * 24 * time.Hour)
		a, err := audit(days, rec, asOf)
		if err != nil {
			return err.Error()
		}
		return fmt.Sprint(a.Summary(), a.Err())
	})
}
