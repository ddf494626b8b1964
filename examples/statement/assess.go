package main

import (
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/claims"
	"github.com/slapolicy/slapolicy/maintenance/comms"
	"github.com/slapolicy/slapolicy/sla"
)

// statement is everything the printed statement and the picture show.
type statement struct {
	in        input
	a         sla.Assessment
	payout    sla.Payout
	rules     claims.Rules
	incidents []incident  // the incidents with counted downtime, in order
	evidence  time.Time   // first late instant for the month's evidence
	process   time.Time   // first late instant for processing; zero without -submitted
	audit     comms.Audit // the sample's communications audit
	hasAudit  bool        // audit was run (sample data with a submission time)
}

// incident is one interruption of service (overlapping or touching outage
// reports merged, whatever their causes, not cut at the month's edges) with
// downtime counted in the month: the customer gives notice of it, counted
// from when service was restored.
type incident struct {
	span    calendar.Span   // the whole interruption; End is when service was restored
	counted []calendar.Span // its counted downtime periods in the month
	notice  time.Time       // first instant the notice is late
}

// assess runs the SLA assessment and the claim rules on in.
func assess(in input) (statement, error) {
	a, err := in.policy.Assess(sla.Period{
		Month:   in.month,
		Window:  in.region.Window,
		Notices: in.notices,
		Outages: in.outages,
	})
	if err != nil {
		return statement{}, err
	}
	payout, err := a.PayoutIn(in.fee, in.currency)
	if err != nil {
		return statement{}, err
	}
	days, err := in.region.BusinessDays(in.loc)
	if err != nil {
		return statement{}, err
	}
	rules := claims.DynamicsCRMOnline(days)
	st := statement{in: in, a: a, payout: payout, rules: rules}

	st.incidents, err = incidents(in.outages, a.Periods(), rules)
	if err != nil {
		return statement{}, err
	}
	st.evidence = rules.EvidenceDeadline(in.month)
	if !in.submitted.IsZero() {
		st.process = rules.ProcessingDeadline(in.submitted)
	}
	if st.audit, st.hasAudit, err = audit(in, rules); err != nil {
		return statement{}, err
	}
	return st, nil
}

// incidents groups the counted periods by the interruption of service they
// belong to and works out each one's notice deadline.
func incidents(outages []sla.Outage, counted []calendar.Span, rules claims.Rules) ([]incident, error) {
	spans := make([]calendar.Span, len(outages))
	for i, o := range outages {
		spans[i] = o.Span
	}
	merged, err := calendar.NewSpanSet(spans...)
	if err != nil {
		return nil, err
	}
	var out []incident
	for s := range merged.All() {
		var in []calendar.Span
		for _, p := range counted {
			if s.Contains(p.Start) {
				in = append(in, p)
			}
		}
		if len(in) == 0 {
			continue
		}
		d, err := rules.Deadlines(comms.Incident{Span: s}, calendar.MonthOf(s.Start), time.Time{})
		if err != nil {
			return nil, err
		}
		out = append(out, incident{span: s, counted: in, notice: d.Notice})
	}
	return out, nil
}
