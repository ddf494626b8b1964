package comms

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/clip"
	"github.com/slapolicy/slapolicy/maintenance"
)

// ErrInvalidPlan is wrapped by every error that reports a plan, an outcome
// or an unplanned maintenance that cannot be checked: a reversed or empty
// span, a plan without a region, an unknown impact. Test for it with
// errors.Is.
var ErrInvalidPlan = errors.New("comms: invalid plan")

// Impact is the estimated effect of maintenance on users, which decides
// whether anyone must be told of it and whether it can be Downtime. The
// zero value is ImpactNone. Impact is a small value, safe for concurrent
// use.
type Impact uint8

const (
	// ImpactNone means no downtime or user impact is expected. Nobody
	// must be notified ("Prior notification": "when there is expected to
	// be downtime or user impact") and nothing is Downtime.
	ImpactNone Impact = iota
	// ImpactDegraded means users are affected (slower pages, features
	// off) but can still read and write their data. A notification is
	// owed; it is not Downtime (Microsoft Dynamics CRM Online Service Level
	// Agreement, section E, definition 4: Downtime is when users cannot
	// read or write Service data).
	ImpactDegraded
	// ImpactDowntime means users cannot read or write their data. A
	// notification is owed, and the part that is not Scheduled Downtime
	// (section E, definition 11) is Downtime.
	ImpactDowntime
)

var impactNames = [...]string{"none", "degraded", "downtime"}

// String returns "none", "degraded" or "downtime"; another value gives
// "Impact(n)".
func (i Impact) String() string {
	if int(i) < len(impactNames) {
		return impactNames[i]
	}
	return fmt.Sprintf("Impact(%d)", uint8(i))
}

// ParseImpact reads String's names in any letter case, white space around
// them ignored. Anything else is an error wrapping ErrInvalidPlan.
func ParseImpact(s string) (Impact, error) {
	for i, n := range impactNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Impact(i), nil
		}
	}
	return 0, fmt.Errorf("%w: unknown impact %s (want none, degraded or downtime)", ErrInvalidPlan, clip.Quote(s))
}

// MarshalText implements encoding.TextMarshaler with String's names; an
// unknown value is an error.
func (i Impact) MarshalText() ([]byte, error) {
	if int(i) >= len(impactNames) {
		return nil, fmt.Errorf("%w: unknown impact %d", ErrInvalidPlan, uint8(i))
	}
	return []byte(i.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseImpact. On
// error i is left unchanged.
func (i *Impact) UnmarshalText(text []byte) error {
	v, err := ParseImpact(string(text))
	if err != nil {
		return err
	}
	*i = v
	return nil
}

// Plan is planned maintenance as the provider schedules it:
//
//   - ID is the caller's reference (a Message Center post number, a change
//     ticket); messages and reports name the plan by it.
//   - Region is the region it runs in, as its region table has it
//     (maintenance.Lookup for the built-in table, Table.Lookup for
//     another): its published Window is what the plan is checked against,
//     and its Code selects the affected instances.
//   - Span is when the work is planned to run, half-open [Start, End).
//   - Impact is its estimated impact on users.
//   - Instances names the affected instances (Instance.Name, matched
//     case-insensitively); empty means every instance of Region.
//
// The zero Plan is invalid (no region, empty span). Plan is a value; do not
// modify Instances while another goroutine reads it.
type Plan struct {
	ID        string             `json:"id"`
	Region    maintenance.Region `json:"region"`
	Span      calendar.Span      `json:"span"`
	Impact    Impact             `json:"impact"`
	Instances []string           `json:"instances,omitempty"`
}

// PlanCheck is a Plan checked against the policy for a given announcement
// instant (Rules.CheckPlan). Every set is a subset of Plan.Span; compare
// their instants with calendar.Span.Equal, as locations may differ.
//
// The zero PlanCheck belongs to no plan. PlanCheck is an immutable value,
// safe for concurrent use.
type PlanCheck struct {
	Plan Plan // the plan checked
	// Rule is the Scheduled Downtime rule the plan was checked under.
	Rule maintenance.ScheduledDowntime

	// Announced is when the plan was announced; the zero time means it was
	// not.
	Announced time.Time

	// Outside is the part of Plan.Span outside every occurrence of the
	// region's Window. It is empty exactly when the plan falls inside the
	// window, every occurrence it touches included (midnight-crossing ones
	// are whole occurrences, "6 PM to 3 AM" from 18:00 to 03:00 the next
	// day).
	Outside calendar.SpanSet

	// NoticeMet reports whether the plan was announced at least
	// Rule.NoticeLead before Plan.Span.Start (exactly the lead counts),
	// which makes all of it Scheduled Downtime.
	NoticeMet bool

	// Scheduled is the part of Plan.Span that is Scheduled Downtime under
	// Rule: all of it when NoticeMet; otherwise the part inside the window
	// (none when Rule.WindowNeedsNotice).
	Scheduled calendar.SpanSet

	// Downtime is the part that would count as Downtime if the work
	// happened as planned: Plan.Span minus Scheduled when Impact is
	// ImpactDowntime, else empty. The SLA may still exclude pieces of it
	// (e.g. intermittent periods of ten minutes or less); sla.Policy.Assess
	// decides.
	Downtime calendar.SpanSet

	// NotifyLead is how far ahead of Plan.Span.Start the notification must
	// go out: Rules.NotifyLead when the plan falls inside the window, the
	// larger of that and Rule.NoticeLead when it does not (or when window
	// time needs notice). 0 when no notification is owed.
	NotifyLead time.Duration
}

// InWindow reports whether the plan falls wholly inside its region's
// published window: Outside is empty.
func (c PlanCheck) InWindow() bool { return c.Outside.IsEmpty() }

// NotifyOwed reports whether the plan's recipients must be notified before
// it starts: its Impact is not ImpactNone.
func (c PlanCheck) NotifyOwed() bool { return c.Plan.Impact != ImpactNone }

// NotifyDue returns the first instant at which the plan's notification is
// late: Plan.Span.Start − NotifyLead + 1ns, so a notification sent exactly
// NotifyLead ahead is on time and one sent a nanosecond later is not. It
// returns the zero time when no notification is owed.
func (c PlanCheck) NotifyDue() time.Time {
	if !c.NotifyOwed() {
		return time.Time{}
	}
	return c.Plan.Span.Start.Add(-c.NotifyLead).Add(time.Nanosecond)
}

// NotifiedInTime reports whether the announcement was early enough for the
// notification duty: no notification is owed, or Announced is set and
// before NotifyDue.
func (c PlanCheck) NotifiedInTime() bool {
	if !c.NotifyOwed() {
		return true
	}
	return !c.Announced.IsZero() && c.Announced.Before(c.NotifyDue())
}

// Validate reports every problem with p at once, as a calendar.ErrorList
// whose entries wrap ErrInvalidPlan and name the field: a region without a
// code or without a window, a span that ends before it starts (also
// wrapping calendar.ErrReversed) or is empty, an unknown impact. The ID may
// be empty here; the audit requires one.
func (p Plan) Validate() error {
	var errs calendar.ErrorList
	switch {
	case strings.TrimSpace(p.Region.Code) == "":
		errs.Add(fmt.Errorf("%w: region has no code (look the region up in its table)", ErrInvalidPlan))
	case p.Region.Window.IsZero():
		errs.Add(fmt.Errorf("%w: region %s has no maintenance window", ErrInvalidPlan, clip.Quote(p.Region.Code)))
	}
	errs.Add(checkSpan("span", p.Span))
	if int(p.Impact) >= len(impactNames) {
		errs.Add(fmt.Errorf("%w: impact %d is unknown", ErrInvalidPlan, uint8(p.Impact)))
	}
	return errs.Err()
}

// checkSpan returns an error wrapping ErrInvalidPlan for a reversed (also
// calendar.ErrReversed) or empty span, naming field; nil otherwise.
func checkSpan(field string, s calendar.Span) error {
	if err := s.Validate(); err != nil {
		return fmt.Errorf("%w: %s: %w", ErrInvalidPlan, field, err)
	}
	if s.IsEmpty() {
		return fmt.Errorf("%w: %s %s is empty", ErrInvalidPlan, field, s)
	}
	return nil
}

// setOf returns the set of a valid span.
func setOf(s calendar.Span) calendar.SpanSet {
	set, _ := calendar.NewSpanSet(s) // callers pass validated spans, never reversed
	return set
}

// CheckPlan checks plan p under the Scheduled Downtime rule sd (pass the
// SLA policy's, sla.Policy.ScheduledDowntime), as if it was announced at
// announced (the zero time: not announced; the instant is the caller's,
// the clock is never read): does it fall inside its region's published
// window, was it announced at least sd.NoticeLead ahead, which part is
// Scheduled Downtime, which part would count as Downtime if it happened
// as planned, and how far ahead its notification is due. The parts are
// those of sd.Split, the rule the assessment applies.
//
// An announcement after Plan.Span.Start meets no lead. It returns the
// problems of p.Validate, r.Validate and sd.Validate at once.
func (r Rules) CheckPlan(sd maintenance.ScheduledDowntime, p Plan, announced time.Time) (PlanCheck, error) {
	var errs calendar.ErrorList
	errs.Add(r.Validate())
	errs.Add(sd.Validate())
	errs.Add(p.Validate())
	if err := errs.Err(); err != nil {
		return PlanCheck{}, err
	}
	w := p.Region.Window
	span := setOf(p.Span)
	c := PlanCheck{Plan: p, Rule: sd, Announced: announced, Outside: w.Subtract(span)}
	var notices []maintenance.Notice
	if !announced.IsZero() {
		n := maintenance.Notice{Span: p.Span, Announced: announced}
		c.NoticeMet = sd.Announced(n)
		notices = append(notices, n)
	}
	window, notice, rest := sd.Split(w, notices, span)
	c.Scheduled = window.Union(notice)
	if p.Impact == ImpactDowntime {
		c.Downtime = rest
	}
	if c.NotifyOwed() {
		c.NotifyLead = r.NotifyLead
		if !c.InWindow() || sd.WindowNeedsNotice {
			c.NotifyLead = max(r.NotifyLead, sd.NoticeLead)
		}
	}
	return c, nil
}

// PlanDuty returns the notification c's plan owes and true, or false when
// it owes none (ImpactNone). The duty is of KindPlanned, Ref the plan's
// ID, due at c.NotifyDue(), to Rules.Planned of every affected
// instance: those Plan.Instances names, or when it names none every
// instance of instances in the plan's region. Recipients are merged and
// de-duplicated case-insensitively in the order of instances.
//
// The error is a calendar.ErrorList of one error per malformed address
// (ErrInvalidAddress, prefixed with the instance's index and name, as
// UnplannedRecipients does) and per name of Plan.Instances not found in
// instances (ErrInvalidPlan); the duty still lists every well-formed
// recipient. Only r's SystemAdminRole and
// Planned are read.
func (r Rules) PlanDuty(c PlanCheck, instances []Instance) (Duty, bool, error) {
	if !c.NotifyOwed() {
		return Duty{}, false, nil
	}
	affected, idx, err := selectInstances(c.Plan.Instances, c.Plan.Region.Code, instances)
	var l recipientList
	for k, in := range affected {
		l.addInstance(r, in, r.Planned, fmt.Sprintf("instances[%d] %s: ", idx[k], clip.Quote(in.Name)))
	}
	reason := fmt.Sprintf("planned maintenance with expected %s in %s %s; notify %s", c.Plan.Impact,
		strings.ToUpper(strings.TrimSpace(c.Plan.Region.Code)), c.Plan.Span, r.Planned)
	if c.NotifyLead > 0 {
		reason += fmt.Sprintf(" at least %s ahead", c.NotifyLead)
	} else {
		reason += " before it starts"
	}
	if !c.InWindow() {
		reason += fmt.Sprintf(" (%s of it is outside the %s window)", c.Outside.Duration(), c.Plan.Region.Window)
	}
	d := Duty{Kind: KindPlanned, Ref: c.Plan.ID, Recipients: l.addrs, Due: c.NotifyDue(), Reason: reason}
	var all calendar.ErrorList
	all.Add(err)
	all.Add(l.errs)
	return d, true, all.Err()
}

// selectInstances returns the instances named by names (case-insensitive
// Instance.Name), or every instance of region when names is empty, with
// their indexes in all. A name that matches no instance is an error
// wrapping ErrInvalidPlan.
func selectInstances(names []string, region string, all []Instance) ([]Instance, []int, error) {
	var out []Instance
	var idx []int
	if len(names) == 0 {
		for i, in := range all {
			if strings.EqualFold(strings.TrimSpace(in.Region), strings.TrimSpace(region)) {
				out = append(out, in)
				idx = append(idx, i)
			}
		}
		return out, idx, nil
	}
	matched := make([]bool, len(names))
	for i, in := range all {
		hit := false
		for j, name := range names {
			if strings.EqualFold(strings.TrimSpace(in.Name), strings.TrimSpace(name)) {
				matched[j] = true
				hit = true
			}
		}
		if hit {
			out = append(out, in)
			idx = append(idx, i)
		}
	}
	var errs calendar.ErrorList
	for j, ok := range matched {
		if !ok {
			errs.Add(fmt.Errorf("%w: affected instance %s (instances[%d]) is not among the instances given", ErrInvalidPlan, clip.Quote(names[j]), j))
		}
	}
	return out, idx, errs.Err()
}
