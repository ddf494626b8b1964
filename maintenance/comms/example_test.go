package comms_test

import (
	"errors"
	"fmt"
	"go/doc"
	"go/parser"
	"go/token"
	"testing"
	"time"

	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/claims"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/maintenance/comms"
	"github.com/slapolicy/slapolicy/sla"
)

// Who must hear about maintenance with expected downtime on an instance:
// its organization admins, the addresses in its notification option and its
// System Administrators, each once whatever the spelling. A malformed
// address is reported with its position, and the rest are still listed.
func ExampleRules_Recipients() {
	rules := comms.DynamicsCRMOnline()
	contoso := comms.Instance{
		Name:               "contoso.crm4.dynamics.com",
		Region:             "EUR",
		OrgAdmins:          []string{"Ana Admin <ana@contoso.com>"},
		NotificationEmails: []string{"crm-alerts@contoso.com", "ANA@CONTOSO.COM", "ops@"},
		Users: []comms.User{
			{Email: "bo@contoso.com", Roles: []string{"Salesperson"}},
			{Email: "cy@contoso.com", Roles: []string{"System Administrator"}},
		},
	}
	planned, err := rules.Recipients(contoso, rules.Planned)
	fmt.Println("planned:", planned)
	var bad *comms.AddressError
	if errors.As(err, &bad) {
		fmt.Printf("fix %s: %q\n", bad.Field, bad.Value)
	}

	unplanned, errUnplanned := rules.Recipients(contoso, rules.Unplanned)
	if errUnplanned != nil {
		fmt.Println(errUnplanned)
		return
	}
	fmt.Println("unplanned:", unplanned)
	// Output:
	// planned: [ana@contoso.com crm-alerts@contoso.com cy@contoso.com]
	// fix notificationEmails[2]: "ops@"
	// unplanned: [cy@contoso.com]
}

// Check planned work in the EUR region (window 6 PM to 3 AM UTC) that
// starts two hours before the window opens, announced 23 hours ahead: the
// two hours outside the window are not Scheduled Downtime, and the
// notification was due 24 hours ahead.
func ExampleRules_CheckPlan() {
	rules := comms.DynamicsCRMOnline()
	policy := sla.DynamicsCRMOnline() // the SLA whose Scheduled Downtime rule applies
	eur, ok := maintenance.Lookup("EUR")
	if !ok {
		fmt.Println("no region EUR")
		return
	}
	plan := comms.Plan{
		ID:     "MC123456",
		Region: eur,
		Span: calendar.Span{
			Start: time.Date(2024, 3, 9, 16, 0, 0, 0, time.UTC),
			End:   time.Date(2024, 3, 9, 20, 0, 0, 0, time.UTC),
		},
		Impact: comms.ImpactDowntime,
	}
	announced := time.Date(2024, 3, 8, 17, 0, 0, 0, time.UTC)
	c, err := rules.CheckPlan(policy.ScheduledDowntime, plan, announced)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("inside the window:", c.InWindow())
	fmt.Println("outside:", c.Outside)
	fmt.Println("announced 24h ahead:", c.NoticeMet)
	fmt.Println("would be Downtime:", c.Downtime, c.Downtime.Duration())
	fmt.Println("notify before:", c.NotifyDue().Format(time.RFC3339Nano), "in time:", c.NotifiedInTime())
	// Output:
	// inside the window: false
	// outside: {[2024-03-09T16:00:00Z, 2024-03-09T18:00:00Z)}
	// announced 24h ahead: false
	// would be Downtime: {[2024-03-09T16:00:00Z, 2024-03-09T18:00:00Z)} 2h0m0s
	// notify before: 2024-03-08T16:00:00.000000001Z in time: false
}

// After the update: work announced two days ahead inside the EUR window ran
// until 04:10, 1h10m past the window's 03:00 close. A service health
// dashboard post is owed, and the overrun is Downtime.
func ExampleRules_CheckUpdate() {
	rules := comms.DynamicsCRMOnline()
	policy := sla.DynamicsCRMOnline()
	eur, ok := maintenance.Lookup("EUR")
	if !ok {
		fmt.Println("no region EUR")
		return
	}
	plan := comms.Plan{
		ID:     "MC123457",
		Region: eur,
		Span: calendar.Span{
			Start: time.Date(2024, 3, 9, 20, 0, 0, 0, time.UTC),
			End:   time.Date(2024, 3, 10, 2, 0, 0, 0, time.UTC),
		},
		Impact: comms.ImpactDowntime,
	}
	c, err := rules.CheckPlan(policy.ScheduledDowntime, plan, time.Date(2024, 3, 7, 9, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	u, err := rules.CheckUpdate(c, comms.Outcome{Span: calendar.Span{
		Start: time.Date(2024, 3, 9, 20, 0, 0, 0, time.UTC),
		End:   time.Date(2024, 3, 10, 4, 10, 0, 0, time.UTC),
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("overrun:", u.Overrun.Duration(), "Downtime:", u.Downtime.Duration())
	if d, owed, err := u.DashboardDuty(); err != nil {
		fmt.Println(err)
	} else if owed {
		fmt.Println(d)
	}
	// Output:
	// overrun: 1h10m0s Downtime: 1h10m0s
	// maintenance-overrun "MC123457" as a post, due before 2024-03-10T04:10:00Z: the update ran 1h10m0s past its window and announced span; post a notification on the service health dashboard
}

// Check the "Unplanned Maintenance" email against what was sent: it is
// owed to the System Administrators of both affected instances, due when
// the work ended at 09:40; one message reached two of them (addresses
// match ignoring letter case) and dee was never sent to, so the duty is
// missed and the error names dee.
func ExampleDuty_Check() {
	rules := comms.DynamicsCRMOnline()
	instances := []comms.Instance{
		{Name: "contoso", Region: "EUR", Users: []comms.User{
			{Email: "cy@contoso.com", Roles: []string{"System Administrator"}},
			{Email: "dee@contoso.com", Roles: []string{"System Administrator"}},
		}},
		{Name: "fabrikam", Region: "EUR", Users: []comms.User{
			{Email: "root@fabrikam.com", Roles: []string{"System Administrator"}},
		}},
	}
	um := comms.Unplanned{
		ID: "UM42",
		Span: calendar.Span{
			Start: time.Date(2024, 3, 12, 9, 0, 0, 0, time.UTC),
			End:   time.Date(2024, 3, 12, 9, 40, 0, 0, time.UTC),
		},
		Instances: []string{"contoso", "fabrikam"},
	}
	duty, owed, err := rules.UnplannedDuty(um, instances)
	if err != nil || !owed {
		fmt.Println(err)
		return
	}
	sent := []comms.Message{
		{Kind: comms.KindUnplanned, Ref: "UM42", Sent: time.Date(2024, 3, 12, 9, 5, 0, 0, time.UTC),
			Recipients: []string{"CY@contoso.com", "root@fabrikam.com"}},
	}
	status, err := duty.Check(sent, time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC))
	fmt.Println(status)
	fmt.Println(err)
	fmt.Println(errors.Is(err, comms.ErrNotNotified))
	// Output:
	// missed
	// unplanned-maintenance "UM42": comms: not notified: dee@contoso.com (due before 2024-03-12T09:40:00Z)
	// true
}

// The release calendar: two major release events a year, in April and
// October. NextMajor returns the release month containing the instant, or
// else the next one.
func ExampleReleaseCalendar_NextMajor() {
	releases := comms.DynamicsCRMOnlineReleases()
	fmt.Println(releases.Majors(2024, nil))
	for _, t := range []time.Time{
		time.Date(2024, 4, 17, 12, 0, 0, 0, time.UTC),
		time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC),
	} {
		m, ok := releases.NextMajor(t)
		if !ok {
			fmt.Println("no major release month")
			return
		}
		fmt.Println(t.Format("2006-01-02"), "→", m)
	}
	// Output:
	// [2024-04 2024-10]
	// 2024-04-17 → 2024-04
	// 2024-05-01 → 2024-10
	// 2024-11-01 → 2025-04
}

// Incidents are classified from what the caller knows; a major one owes a
// post-incident report, due five business days after restoration.
func ExampleIncident_Severity() {
	rules := claims.DynamicsCRMOnline(calendar.NewBusinessDays(time.UTC, us.Holidays...))
	inc := comms.Incident{
		Span: calendar.Span{
			Start: time.Date(2024, 2, 2, 14, 0, 0, 0, time.UTC),
			End:   time.Date(2024, 2, 2, 16, 30, 0, 0, time.UTC),
		},
		OrganizationsAffected: 1,
		Symptoms:              []comms.Symptom{comms.SymptomSignIn},
	}
	fmt.Println(inc.Severity(), inc.NeedsReport())

	inc.PlatformDegraded = true // Azure is degraded
	duty, owed, err := comms.IncidentRecord{ID: "INC-7", Incident: inc}.ReportDuty(rules)
	fmt.Println(inc.Severity(), owed, duty.Due, err)
	// Output:
	// minor false
	// major true 2024-02-10 00:00:00 +0000 UTC <nil>
}

// A post-incident report with the policy's six parts ("Post-Incident
// Report"), rendered and checked against its deadline: the end of the
// fifth business day after restoration on Friday 2 February 2024, so late
// from Saturday 10 February 00:00. This one lacks its root cause and was
// published on Monday 12 February: both problems are reported at once.
func ExamplePostIncidentReport_Check() {
	rules := claims.DynamicsCRMOnline(calendar.NewBusinessDays(time.UTC, us.Holidays...))
	pir := comms.PostIncidentReport{
		Summary:        "Organizations in NAM could not sign in.",
		UserExperience: "Sign-in returned HTTP 503.",
		Start:          time.Date(2024, 2, 2, 14, 0, 0, 0, time.UTC),
		Resolution:     time.Date(2024, 2, 2, 16, 30, 0, 0, time.UTC),
		NextSteps:      "Alert on certificate expiry 30 days ahead.",
		Published:      time.Date(2024, 2, 12, 9, 0, 0, 0, time.UTC),
	}
	fmt.Print(pir)
	due := rules.PostIncidentReportDue(pir.Resolution)
	fmt.Println("due before:", due)
	fmt.Println(pir.Check(due))
	// Output:
	// Post-Incident Report
	// Summary: Organizations in NAM could not sign in.
	// User Experience: Sign-in returned HTTP 503.
	// Start date and time: 2024-02-02T14:00:00Z
	// Resolution date and time: 2024-02-02T16:30:00Z
	// Root Cause: (missing)
	// Next steps: Alert on certificate expiry 30 days ahead.
	// Published: 2024-02-12T09:00:00Z
	// due before: 2024-02-10 00:00:00 +0000 UTC
	// comms: post-incident report incomplete: RootCause ("Root Cause") is missing
	// post-incident-report: comms: post-incident report late: posted at 2024-02-12T09:00:00Z (late by 57h0m0s) (due before 2024-02-10T00:00:00Z)
}

// Audit a month of maintenance and incident communications against the
// policy: every missed or late duty at once, and a plain-text summary.
// The record (sampleMarch, beside these examples) is March 2024 in the EUR
// region, with a weekends-only business calendar.
func ExampleRules_Audit() {
	policy := sla.DynamicsCRMOnline()           // its Scheduled Downtime rule
	claimRules := claims.DynamicsCRMOnline(nil) // when a post-incident report is due
	audit, err := comms.DynamicsCRMOnline().Audit(policy.ScheduledDowntime, claimRules,
		sampleMarch(), time.Date(2024, 4, 15, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println("cannot audit:", err)
		return
	}
	fmt.Print(audit.Summary())

	findings := audit.Err()
	fmt.Println("not notified:", errors.Is(findings, comms.ErrNotNotified))
	fmt.Println("late:", errors.Is(findings, comms.ErrNotificationLate))
	fmt.Println("report missing:", errors.Is(findings, comms.ErrReportMissing))
	fmt.Println("report late:", errors.Is(findings, comms.ErrReportLate))
	// Output:
	// Communications audit for 2024-03 as of 2024-04-15T00:00:00Z
	// 7 duties: 2 met, 0 pending, 3 late, 2 missed; 0 settings problems
	// ok      planned-maintenance "MC1" to 5 recipients, due before 2024-03-09T20:00:00.000000001Z: planned maintenance with expected downtime in EUR [2024-03-09T20:00:00Z, 2024-03-10T02:00:00Z); notify orgAdmins+notificationEmails+systemAdmins before it starts
	// LATE    planned-maintenance "MC2" to 5 recipients, due before 2024-03-15T16:00:00.000000001Z: planned maintenance with expected downtime in EUR [2024-03-16T16:00:00Z, 2024-03-16T20:00:00Z); notify orgAdmins+notificationEmails+systemAdmins at least 24h0m0s ahead (2h0m0s of it is outside the 6 PM to 3 AM window)
	//         - planned-maintenance "MC2": comms: notification late: ana@contoso.com, crm-alerts@contoso.com, cy@contoso.com, boss@fabrikam.com, root@fabrikam.com at 2024-03-15T17:00:00Z (late by 59m59.999999999s) (due before 2024-03-15T16:00:00.000000001Z)
	// MISSED  planned-maintenance "MC3" to 5 recipients, due before 2024-03-23T20:00:00.000000001Z: planned maintenance with expected downtime in EUR [2024-03-23T20:00:00Z, 2024-03-24T02:00:00Z); notify orgAdmins+notificationEmails+systemAdmins before it starts
	//         - planned-maintenance "MC3": comms: not notified: root@fabrikam.com (due before 2024-03-23T20:00:00.000000001Z)
	// ok      maintenance-overrun "MC3" as a post, due before 2024-03-24T04:10:00Z: the update ran 1h10m0s past its window and announced span; post a notification on the service health dashboard
	// LATE    unplanned-maintenance "UM1" to 2 recipients, due before 2024-03-12T09:40:00Z: unplanned maintenance [2024-03-12T09:00:00Z, 2024-03-12T09:40:00Z) affected 2 instance(s); email "Unplanned Maintenance" to systemAdmins of each
	//         - unplanned-maintenance "UM1": comms: notification late: root@fabrikam.com at 2024-03-12T10:00:00Z (late by 20m0s) (due before 2024-03-12T09:40:00Z)
	// LATE    post-incident-report "INC1" as a post, due before 2024-04-03T00:00:00Z: major incident restored 2024-03-26T15:30:00Z; publish a post-incident report (Summary, User Experience, Start, Resolution, Root Cause, Next steps) on the service health dashboard
	//         - post-incident-report "INC1": comms: post-incident report late: posted at 2024-04-03T09:00:00Z (late by 9h0m0s) (due before 2024-04-03T00:00:00Z)
	// MISSED  post-incident-report "INC3" as a post, due before 2024-04-05T00:00:00Z: major incident restored 2024-03-28T03:00:00Z; publish a post-incident report (Summary, User Experience, Start, Resolution, Root Cause, Next steps) on the service health dashboard
	//         - post-incident-report "INC3": comms: post-incident report missing: not published (due before 2024-04-05T00:00:00Z)
	// Downtime from maintenance (before the SLA's own exclusions):
	//         - plan "MC2" as run: 2h0m0s
	//         - plan "MC3" as run: 1h10m0s
	// not notified: true
	// late: true
	// report missing: true
	// report late: true
}

// TestExamplesHaveOutput checks that every Example in this file has an
// Output comment, so that go test runs it and its output documents it.
func TestExamplesHaveOutput(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "example_test.go", nil, parser.ParseComments)
	require.NoError(t, err)
	examples := doc.Examples(f)
	require.NotEmpty(t, examples)
	for _, ex := range examples {
		assert.True(t, ex.Output != "" && !ex.EmptyOutput, "Example%s has no output", ex.Name)
		assert.NotEmpty(t, ex.Doc, "Example%s says nothing of what it shows", ex.Name)
	}
}
