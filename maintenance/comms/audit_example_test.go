package comms_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/claims"
	"github.com/slapolicy/slapolicy/maintenance/comms"
	"github.com/slapolicy/slapolicy/sla"
)

// Audit a month of maintenance and incident communications against the
// policy: every missed or late duty at once, and a plain-text summary.
// The record (sampleMarch, in comms_sample_test.go) is March 2024 in the
// EUR region, with a weekends-only business calendar.
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
	fmt.Println("comms: not notified:", errors.Is(findings, comms.ErrNotNotified))
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
	// comms: not notified: true
	// late: true
	// report missing: true
	// report late: true
}
