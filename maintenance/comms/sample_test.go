package comms_test

import (
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/claims"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/maintenance/comms"
	"github.com/slapolicy/slapolicy/sla"
)

// audit runs the published communication rules' audit of rec as of asOf,
// under the Scheduled Downtime rule of the Microsoft Dynamics CRM Online
// Service Level Agreement (section E, definition 11) and its claim rules
// over days, nil meaning weekends only, in UTC: post-incident reports are
// due by the end of the fifth business day after restoration ("after 5
// business days", "Post-Incident Report").
func audit(days *calendar.BusinessDays, rec comms.Record, asOf time.Time) (comms.Audit, error) {
	return comms.DynamicsCRMOnline().Audit(sla.DynamicsCRMOnline().ScheduledDowntime, claims.DynamicsCRMOnline(days), rec, asOf)
}

// region returns the built-in region with code (maintenance.Lookup); the
// codes used are in the published table.
func region(code string) maintenance.Region {
	r, ok := maintenance.Lookup(code)
	if !ok {
		panic("comms tests: no built-in region " + code)
	}
	return r
}

// utc returns the UTC instant y-m-d h:min.
func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func sp(a, b time.Time) calendar.Span { return calendar.Span{Start: a, End: b} }

// sampleMarch is a provider's record for March 2024 in the EUR region
// (window 6 PM to 3 AM UTC, "Maintenance timeline" of "Policies and
// Communications for Dynamics 365 for Customer Engagement"), hand-worked
// in the tests; weekdays are from a wall calendar:
//
//   - MC1: in-window work, announced two days ahead to all five
//     recipients, finished inside the window: met, nothing after.
//   - MC2: 16:00-20:00 work (2h before the window opens) announced 23h
//     ahead: the notification is late (24h needed outside the window,
//     "at least 24-hours prior", the agreement's definition 11) and the 2h
//     are Downtime.
//   - MC3: in-window work announced without root@fabrikam.com, ran until
//     04:10, 1h10m past the window; dashboard post at 03:30 ("During the
//     update"): the notification is missed, the post met, 1h10m is
//     Downtime.
//   - UM1: unplanned maintenance 09:00-09:40, email due by its end
//     (UnplannedGrace 0); cy emailed at 09:05, root@fabrikam.com at 10:00,
//     20m late.
//   - INC1: major (three organizations, "Major service incidents")
//     incident restored Tuesday 26 March 15:30; report due
//     before Wednesday 3 April 00:00 (5 business days, weekends only:
//     27, 28, 29 March, 1, 2 April); published 3 April 09:00: late.
//   - INC2: minor (one organization): no report owed.
//   - INC3: major (platform degraded) restored Thursday 28 March 03:00;
//     due before Friday 5 April (29 March, 1, 2, 3, 4 April); never
//     published: missed.
func sampleMarch() comms.Record {
	everyone := []string{"ana@contoso.com", "crm-alerts@contoso.com", "cy@contoso.com", "boss@fabrikam.com", "root@fabrikam.com"}
	return comms.Record{
		Month: calendar.NewMonth(2024, time.March, nil),
		Instances: []comms.Instance{
			{
				Name: "contoso.crm4.dynamics.com", Region: "EUR",
				OrgAdmins:          []string{"Ana Admin <ana@contoso.com>"},
				NotificationEmails: []string{"crm-alerts@contoso.com"},
				Users:              []comms.User{{Email: "cy@contoso.com", Roles: []string{"System Administrator"}}},
			},
			{
				Name: "fabrikam.crm4.dynamics.com", Region: "EUR",
				OrgAdmins: []string{"boss@fabrikam.com"},
				Users:     []comms.User{{Email: "root@fabrikam.com", Roles: []string{"System Administrator"}}},
			},
		},
		Plans: []comms.PlannedRecord{
			{
				Plan:    comms.Plan{ID: "MC1", Region: region("EUR"), Span: sp(utc(2024, 3, 9, 20, 0), utc(2024, 3, 10, 2, 0)), Impact: comms.ImpactDowntime},
				Outcome: comms.Outcome{Span: sp(utc(2024, 3, 9, 20, 0), utc(2024, 3, 10, 2, 30))},
			},
			{
				Plan:    comms.Plan{ID: "MC2", Region: region("EUR"), Span: sp(utc(2024, 3, 16, 16, 0), utc(2024, 3, 16, 20, 0)), Impact: comms.ImpactDowntime},
				Outcome: comms.Outcome{Span: sp(utc(2024, 3, 16, 16, 0), utc(2024, 3, 16, 20, 0))},
			},
			{
				Plan:    comms.Plan{ID: "MC3", Region: region("EUR"), Span: sp(utc(2024, 3, 23, 20, 0), utc(2024, 3, 24, 2, 0)), Impact: comms.ImpactDowntime},
				Outcome: comms.Outcome{Span: sp(utc(2024, 3, 23, 20, 0), utc(2024, 3, 24, 4, 10))},
			},
		},
		Unplanned: []comms.Unplanned{
			{ID: "UM1", Span: sp(utc(2024, 3, 12, 9, 0), utc(2024, 3, 12, 9, 40)), Instances: []string{"contoso.crm4.dynamics.com", "fabrikam.crm4.dynamics.com"}},
		},
		Incidents: []comms.IncidentRecord{
			{
				ID:       "INC1",
				Incident: comms.Incident{Span: sp(utc(2024, 3, 26, 13, 0), utc(2024, 3, 26, 15, 30)), OrganizationsAffected: 3},
				Report: comms.PostIncidentReport{
					Summary: "Sign-in failures in EUR", UserExperience: "Users could not sign in",
					Start: utc(2024, 3, 26, 13, 0), Resolution: utc(2024, 3, 26, 15, 30),
					RootCause: "Expired certificate", NextSteps: "Automate renewal",
					Published: utc(2024, 4, 3, 9, 0),
				},
			},
			{ID: "INC2", Incident: comms.Incident{Span: sp(utc(2024, 3, 27, 8, 0), utc(2024, 3, 27, 8, 45)), OrganizationsAffected: 1}},
			{ID: "INC3", Incident: comms.Incident{Span: sp(utc(2024, 3, 28, 2, 0), utc(2024, 3, 28, 3, 0)), PlatformDegraded: true}},
		},
		Messages: []comms.Message{
			{Kind: comms.KindPlanned, Ref: "MC1", Sent: utc(2024, 3, 7, 9, 0), Recipients: everyone},
			{Kind: comms.KindPlanned, Ref: "MC2", Sent: utc(2024, 3, 15, 17, 0), Recipients: everyone},
			{Kind: comms.KindPlanned, Ref: "MC3", Sent: utc(2024, 3, 20, 9, 0), Recipients: everyone[:4]},
			{Kind: comms.KindOverrun, Ref: "MC3", Sent: utc(2024, 3, 24, 3, 30)},
			{Kind: comms.KindUnplanned, Ref: "UM1", Sent: utc(2024, 3, 12, 9, 5), Recipients: []string{"cy@contoso.com"}},
			{Kind: comms.KindUnplanned, Ref: "UM1", Sent: utc(2024, 3, 12, 10, 0), Recipients: []string{"root@fabrikam.com"}},
		},
	}
}
