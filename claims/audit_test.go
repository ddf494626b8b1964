package claims_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/claims"
	"github.com/slapolicy/slapolicy/maintenance"
)

// TestAuditSampleMonth checks each duty of the hand-worked March record
// (see sampleMarch for the figures).
func TestAuditSampleMonth(t *testing.T) {
	rules := claims.DynamicsCRMOnlineCommunications(nil)
	a, err := rules.Audit(sampleMarch(), utc(2024, 4, 15, 0, 0))
	require.NoError(t, err)

	type want struct {
		kind   maintenance.Kind
		ref    string
		status maintenance.Status
		is     []error
		due    time.Time
	}
	wants := []want{
		{maintenance.KindPlanned, "MC1", maintenance.StatusMet, nil, utc(2024, 3, 9, 20, 0).Add(time.Nanosecond)},
		// 24h before 16:00, exactly 24h on time.
		{maintenance.KindPlanned, "MC2", maintenance.StatusLate, []error{claims.ErrNotificationLate}, utc(2024, 3, 15, 16, 0).Add(time.Nanosecond)},
		{maintenance.KindPlanned, "MC3", maintenance.StatusMissed, []error{claims.ErrNotNotified}, utc(2024, 3, 23, 20, 0).Add(time.Nanosecond)},
		{maintenance.KindOverrun, "MC3", maintenance.StatusMet, nil, utc(2024, 3, 24, 4, 10)},
		{maintenance.KindUnplanned, "UM1", maintenance.StatusLate, []error{claims.ErrNotificationLate}, utc(2024, 3, 12, 9, 40)},
		{claims.KindPostIncidentReport, "INC1", maintenance.StatusLate, []error{claims.ErrPIRLate, claims.ErrReportLate}, utc(2024, 4, 3, 0, 0)},
		{claims.KindPostIncidentReport, "INC3", maintenance.StatusMissed, []error{claims.ErrPIRMissing}, utc(2024, 4, 5, 0, 0)},
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
	// The report deadlines are Rules.PostIncidentReportDue of restoration.
	assert.True(t, rules.Claims.PostIncidentReportDue(utc(2024, 3, 26, 15, 30)).Equal(a.Items[5].Duty.Due))
	assert.True(t, rules.Claims.PostIncidentReportDue(utc(2024, 3, 28, 3, 0)).Equal(a.Items[6].Duty.Due))

	var late *claims.LateError
	require.ErrorAs(t, a.Items[5].Err, &late)
	assert.Equal(t, 9*time.Hour, late.Got.Sub(late.Deadline))

	// The 2h of MC2 before the window opens and the 1h10m of MC3 past it
	// are Downtime.
	require.Len(t, a.Updates, 3)
	assert.Equal(t, time.Duration(0), a.Updates[0].Downtime.Duration())
	assert.Equal(t, 2*time.Hour, a.Updates[1].Downtime.Duration())
	assert.Equal(t, 70*time.Minute, a.Updates[2].Downtime.Duration())

	all := a.Err()
	for _, s := range []error{claims.ErrNotNotified, claims.ErrNotificationLate, claims.ErrPIRMissing, claims.ErrPIRLate} {
		assert.ErrorIs(t, all, s)
	}
	assert.Equal(t, 5, len(strings.Split(all.Error(), "\n")))
	assert.Empty(t, a.Settings)
}

func TestAuditAsOfEarly(t *testing.T) {
	rules := claims.DynamicsCRMOnlineCommunications(nil)
	// On 24 March at 03:00 the notices and UM1's email are judged as
	// before; the incidents' reports are not due yet: pending.
	a, err := rules.Audit(sampleMarch(), utc(2024, 3, 24, 3, 0))
	require.NoError(t, err)
	require.Len(t, a.Items, 7)
	assert.Equal(t, 3, a.Count(maintenance.StatusPending))
	assert.Equal(t, 2, a.Count(maintenance.StatusLate))
	assert.Equal(t, 1, a.Count(maintenance.StatusMissed))
	// MC3's dashboard post was made at 03:30, after asOf: it does not
	// count yet, and the post is due 04:10: pending.
	assert.Equal(t, maintenance.StatusPending, a.Items[3].Status)
	assert.NoError(t, a.Items[3].Err)

	// Before the INC3 report is due it is pending, not missed.
	a, err = rules.Audit(sampleMarch(), utc(2024, 4, 4, 23, 59))
	require.NoError(t, err)
	last := a.Items[len(a.Items)-1]
	assert.Equal(t, "INC3", last.Duty.Ref)
	assert.Equal(t, maintenance.StatusPending, last.Status)
	assert.Equal(t, 1, a.Count(maintenance.StatusPending))
}

func TestAuditMonthFilter(t *testing.T) {
	rec := sampleMarch()
	rec.Month = calendar.NewMonth(2024, time.February, nil)
	a, err := claims.DynamicsCRMOnlineCommunications(nil).Audit(rec, utc(2024, 4, 15, 0, 0))
	require.NoError(t, err)
	assert.Empty(t, a.Items)
	assert.NoError(t, a.Err())
	assert.Contains(t, a.Summary(), "0 duties")

	rec.Month = calendar.Month{}
	a, err = claims.DynamicsCRMOnlineCommunications(nil).Audit(rec, utc(2024, 4, 15, 0, 0))
	require.NoError(t, err)
	assert.Len(t, a.Items, 7)
	assert.Contains(t, a.Summary(), "Communications audit for all months")
}

func TestAuditSettingsProblems(t *testing.T) {
	rec := sampleMarch()
	rec.Instances[1].NotificationEmails = []string{"ops@"}
	a, err := claims.DynamicsCRMOnlineCommunications(nil).Audit(rec, utc(2024, 4, 15, 0, 0))
	require.NoError(t, err)
	// Three plans each read fabrikam's settings; UM1 reads only its
	// System Administrators.
	require.Len(t, a.Settings, 3)
	for _, e := range a.Settings {
		assert.ErrorIs(t, e, maintenance.ErrBadAddress)
	}
	assert.True(t, strings.HasPrefix(a.Settings[0].Error(), `Plans[0]: instances[1] "fabrikam.crm4.dynamics.com": notificationEmails[0]: malformed email address "ops@"`), a.Settings[0].Error())
	assert.ErrorIs(t, a.Err(), maintenance.ErrBadAddress)
	assert.Contains(t, a.Summary(), "3 settings problems")
	assert.Contains(t, a.Summary(), "Settings:\n")
}

func TestAuditIncompleteReport(t *testing.T) {
	rec := sampleMarch()
	rec.Incidents[0].Report.RootCause = " "
	rec.Incidents[0].Report.Published = utc(2024, 4, 2, 9, 0) // on time
	a, err := claims.DynamicsCRMOnlineCommunications(nil).Audit(rec, utc(2024, 4, 15, 0, 0))
	require.NoError(t, err)
	it := a.Items[5]
	assert.Equal(t, "INC1", it.Duty.Ref)
	assert.Equal(t, maintenance.StatusMissed, it.Status)
	assert.ErrorIs(t, it.Err, claims.ErrIncomplete)
	assert.NotErrorIs(t, it.Err, claims.ErrPIRLate)
	assert.Contains(t, it.Err.Error(), "RootCause")
}

func TestAuditRejectsBadInput(t *testing.T) {
	rec := sampleMarch()
	rec.Plans[1].Plan.ID = "mc1" // repeats MC1, case-insensitively
	rec.Plans[2].Plan.Region = "XYZ"
	rec.Plans[0].Outcome.Span = sp(utc(2024, 3, 10, 2, 0), utc(2024, 3, 9, 20, 0))
	rec.Unplanned[0].Instances = append(rec.Unplanned[0].Instances, "nowhere")
	rec.Incidents[1].ID = ""
	rec.Incidents[2].Incident.OrganizationsAffected = -1
	rec.Messages = append(rec.Messages, maintenance.Message{Ref: "MC1"})
	rec.Instances = append(rec.Instances, maintenance.Instance{Name: "Contoso.crm4.dynamics.com"})

	_, err := claims.DynamicsCRMOnlineCommunications(nil).Audit(rec, time.Time{})
	require.Error(t, err)
	assert.ErrorIs(t, err, claims.ErrInvalid)
	for _, want := range []string{
		"field asOf: is the zero time",
		`field Plans[1].Plan.ID: "mc1" repeats Plans[0]`,
		"field Incidents[1].ID: is blank",
		"field Messages[6].Kind: is blank",
		"field Messages[6].Sent: is the zero time",
		`field Instances[2].Name: "Contoso.crm4.dynamics.com" repeats Instances[0]`,
	} {
		assert.Contains(t, err.Error(), want)
	}

	// With the record-level problems fixed, the per-item ones show.
	rec = sampleMarch()
	rec.Plans[2].Plan.Region = "XYZ"
	rec.Plans[0].Outcome.Span = sp(utc(2024, 3, 10, 2, 0), utc(2024, 3, 9, 20, 0))
	rec.Unplanned[0].Instances = append(rec.Unplanned[0].Instances, "nowhere")
	rec.Incidents[2].Incident.OrganizationsAffected = -1
	_, err = claims.DynamicsCRMOnlineCommunications(nil).Audit(rec, utc(2024, 4, 15, 0, 0))
	require.Error(t, err)
	assert.ErrorIs(t, err, claims.ErrInvalid)
	assert.ErrorIs(t, err, maintenance.ErrBadPlan)
	assert.ErrorIs(t, err, calendar.ErrReversed)
	for _, want := range []string{
		`field Plans[2]: maintenance: bad plan: region "XYZ"`,
		"field Plans[0].Outcome: maintenance: bad plan: outcome span: span ends before it starts",
		`field Unplanned[0]: maintenance: bad plan: affected instance "nowhere"`,
		"field Incidents[2]",
	} {
		assert.Contains(t, err.Error(), want)
	}

	_, err = claims.Communications{}.Audit(sampleMarch(), utc(2024, 4, 15, 0, 0))
	assert.ErrorIs(t, err, maintenance.ErrBadCommsRules)
}

// FuzzAudit perturbs the sample month and checks the audit's invariants:
// it never panics; bad input is ErrInvalid; a duty has an error exactly
// when it is late or missed, and Err joins them all.
func FuzzAudit(f *testing.F) {
	f.Add(int64(0), int64(0), int64(0), uint8(0), int64(24*60))
	f.Add(int64(-600), int64(90), int64(-3000), uint8(2), int64(0))
	f.Add(int64(5000), int64(-5000), int64(60), uint8(9), int64(-1))
	rules := claims.DynamicsCRMOnlineCommunications(nil)
	f.Fuzz(func(t *testing.T, shiftPlan, shiftOutcome, shiftMsg int64, impact uint8, asOfMin int64) {
		rec := sampleMarch()
		d := func(m int64) time.Duration { return time.Duration(m%(1<<24)) * time.Minute }
		rec.Plans[1].Plan.Span.End = rec.Plans[1].Plan.Span.End.Add(d(shiftPlan))
		rec.Plans[1].Plan.Impact = maintenance.Impact(impact)
		rec.Plans[2].Outcome.Span.End = rec.Plans[2].Outcome.Span.End.Add(d(shiftOutcome))
		rec.Messages[0].Sent = rec.Messages[0].Sent.Add(d(shiftMsg))
		a, err := rules.Audit(rec, utc(2024, 3, 1, 0, 0).Add(d(asOfMin)))
		if err != nil {
			if !errors.Is(err, claims.ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		bad := 0
		for _, it := range a.Items {
			late := it.Status == maintenance.StatusLate || it.Status == maintenance.StatusMissed
			if late != (it.Err != nil) {
				t.Fatalf("%s: status %s with error %v", it.Duty, it.Status, it.Err)
			}
			if late {
				bad++
			}
		}
		if (bad > 0) != (a.Err() != nil) {
			t.Fatalf("Err() = %v with %d bad duties", a.Err(), bad)
		}
		_ = a.Summary()
	})
}
