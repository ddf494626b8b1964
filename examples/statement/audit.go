package main

import (
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/claims"
	"github.com/slapolicy/slapolicy/maintenance"
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

// sampleComms returns the sample's communications record for month m.
func sampleComms(m calendar.Month) claims.CommsRecord {
	planned := []string{"ana@contoso.com", "it-alerts@contoso.com", "sam@contoso.com"}
	sent := func(kind maintenance.Kind, ref string, at time.Time, to []string) maintenance.Message {
		return maintenance.Message{Kind: kind, Ref: ref, Sent: at, Recipients: to}
	}
	plan := func(id string, from, to time.Time) maintenance.Plan {
		return maintenance.Plan{ID: id, Region: sampleRegion, Span: calendar.Span{Start: from, End: to},
			Impact: maintenance.ImpactDowntime, Instances: []string{sampleInstance}}
	}
	return claims.CommsRecord{
		Month: m,
		Instances: []maintenance.Instance{{
			Name:               sampleInstance,
			Region:             sampleRegion,
			OrgAdmins:          []string{"ana@contoso.com"},
			NotificationEmails: []string{"it-alerts@contoso.com"},
			Users:              []maintenance.User{{Email: "sam@contoso.com", Roles: []string{"System Administrator"}}},
		}},
		Plans: []claims.PlannedRecord{
			{Plan: plan("MC-0307", utc(7, 10, 0), utc(7, 11, 0)),
				Outcome: maintenance.Outcome{Span: calendar.Span{Start: utc(7, 10, 0), End: utc(7, 11, 50)}}},
			{Plan: plan("MC-0312", utc(12, 14, 0), utc(12, 16, 0)),
				Outcome: maintenance.Outcome{Span: calendar.Span{Start: utc(12, 14, 0), End: utc(12, 16, 30)}}},
			{Plan: plan("MC-0320", utc(20, 12, 0), utc(20, 13, 0)),
				Outcome: maintenance.Outcome{Span: calendar.Span{Start: utc(20, 12, 0), End: utc(20, 13, 0)}}},
		},
		Incidents: []claims.IncidentRecord{{
			ID: "INC-0331",
			Incident: claims.Incident{
				Span:                  calendar.Span{Start: utc(31, 22, 0), End: utc(32, 1, 30)},
				OrganizationsAffected: 3,
				Symptoms:              []claims.Symptom{claims.SymptomInaccessible},
			},
		}},
		Messages: []maintenance.Message{
			sent(maintenance.KindPlanned, "MC-0307", utc(5, 16, 0), planned),
			sent(maintenance.KindOverrun, "MC-0307", utc(7, 11, 20), nil),
			sent(maintenance.KindPlanned, "MC-0312", utc(10, 12, 0), planned),
			sent(maintenance.KindOverrun, "MC-0312", utc(12, 16, 45), nil),
			sent(maintenance.KindPlanned, "MC-0320", utc(19, 20, 0), planned),
		},
	}
}

// audit runs the communications audit of the sample's record as of the
// claim's submission, under the same notice rules as the SLA policy. Real
// data gives no communications record, so it has no audit.
func audit(in input) (claims.CommsAudit, bool, error) {
	if !in.sample || in.submitted.IsZero() {
		return claims.CommsAudit{}, false, nil
	}
	comms := claims.DynamicsCRMOnlineCommunications(in.region.BusinessDays(in.loc)).WithPolicy(in.policy)
	a, err := comms.Audit(sampleComms(in.month), in.submitted)
	return a, err == nil, err
}
