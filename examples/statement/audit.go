package main

import (
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/claims"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/maintenance/comms"
)

// The sample's communications record: what the provider told the customer
// about the sample month's maintenance and incidents. It agrees with the
// sample's notices (sample.go): a plan's first planned-maintenance message
// is its notice.
//
//	MC-0307  update in the window, Mar 7 10:00–11:00, notified Mar 5: ok;
//	         it ran to 11:50, past the window: a dashboard post was due
//	         before 11:50, posted 11:20: ok
//	MC-0312  Mar 12 14:00–16:00, notified Mar 10 12:00 (50 h ahead): ok;
//	         it ran to 16:30, past its announced end: dashboard post due
//	         before 16:30, posted 16:45: LATE
//	MC-0320  Mar 20 12:00–13:00, outside the window, notified Mar 19 20:00:
//	         only 16 h ahead of the 24 h the SLA asks: LATE
//	INC-0331 the Mar 31 22:00 outage, three organizations down (major):
//	         a post-incident report is due before Tue Apr 9 00:00 (5
//	         business days after Apr 1); as of the claim (Apr 2 09:00) it
//	         is pending
const sampleInstance = "contoso.crm.dynamics.com"

// sampleComms returns the sample's communications record for month m in
// region.
func sampleComms(m calendar.Month, region maintenance.Region) comms.Record {
	planned := []string{"ana@contoso.com", "it-alerts@contoso.com", "sam@contoso.com"}
	sent := func(kind comms.Kind, ref string, at time.Time, to []string) comms.Message {
		return comms.Message{Kind: kind, Ref: ref, Sent: at, Recipients: to}
	}
	plan := func(id string, from, to time.Time) comms.Plan {
		return comms.Plan{ID: id, Region: region, Span: calendar.Span{Start: from, End: to},
			Impact: comms.ImpactDowntime, Instances: []string{sampleInstance}}
	}
	return comms.Record{
		Month: m,
		Instances: []comms.Instance{{
			Name:               sampleInstance,
			Region:             region.Code,
			OrgAdmins:          []string{"ana@contoso.com"},
			NotificationEmails: []string{"it-alerts@contoso.com"},
			Users:              []comms.User{{Email: "sam@contoso.com", Roles: []string{"System Administrator"}}},
		}},
		Plans: []comms.PlannedRecord{
			{Plan: plan("MC-0307", utc(7, 10, 0), utc(7, 11, 0)),
				Outcome: comms.Outcome{Span: calendar.Span{Start: utc(7, 10, 0), End: utc(7, 11, 50)}}},
			{Plan: plan("MC-0312", utc(12, 14, 0), utc(12, 16, 0)),
				Outcome: comms.Outcome{Span: calendar.Span{Start: utc(12, 14, 0), End: utc(12, 16, 30)}}},
			{Plan: plan("MC-0320", utc(20, 12, 0), utc(20, 13, 0)),
				Outcome: comms.Outcome{Span: calendar.Span{Start: utc(20, 12, 0), End: utc(20, 13, 0)}}},
		},
		Incidents: []comms.IncidentRecord{{
			ID: "INC-0331",
			Incident: comms.Incident{
				Span:                  calendar.Span{Start: utc(31, 22, 0), End: utc(32, 1, 30)},
				OrganizationsAffected: 3,
				Symptoms:              []comms.Symptom{comms.SymptomInaccessible},
			},
		}},
		Messages: []comms.Message{
			sent(comms.KindPlanned, "MC-0307", utc(5, 16, 0), planned),
			sent(comms.KindOverrun, "MC-0307", utc(7, 11, 20), nil),
			sent(comms.KindPlanned, "MC-0312", utc(10, 12, 0), planned),
			sent(comms.KindOverrun, "MC-0312", utc(12, 16, 45), nil),
			sent(comms.KindPlanned, "MC-0320", utc(19, 20, 0), planned),
		},
	}
}

// audit runs the communications audit of the sample's record as of the
// claim's submission, under the SLA policy's Scheduled Downtime rule and
// the claim rules' post-incident report deadline. Real data gives no
// communications record, so it has no audit.
func audit(in input, rules claims.Rules) (comms.Audit, bool, error) {
	if !in.sample || in.submitted.IsZero() {
		return comms.Audit{}, false, nil
	}
	a, err := comms.DynamicsCRMOnline().Audit(in.policy.ScheduledDowntime, rules, sampleComms(in.month, in.region), in.submitted)
	return a, err == nil, err
}
