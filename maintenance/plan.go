package maintenance

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

// ErrBadPlan is wrapped by every error that reports a plan, an outcome or an
// unplanned maintenance that cannot be checked: a reversed or empty span, an
// unknown region code, an unknown impact. Test for it with errors.Is.
var ErrBadPlan = errors.New("maintenance: bad plan")

// Impact is the estimated effect of maintenance on users, which decides
// whether anyone must be told of it and whether it can be Downtime. The zero
// value is ImpactNone.
type Impact uint8

const (
	// ImpactNone: no downtime or user impact is expected. Nobody must be
	// notified (the seed: "when there is expected to be downtime or user
	// impact") and nothing is Downtime.
	ImpactNone Impact = iota
	// ImpactDegraded: users are affected (slower pages, features off) but
	// can still read and write their data. A notification is owed; it is
	// not Downtime (SLA definition 4: Downtime is when users cannot read or
	// write Service data).
	ImpactDegraded
	// ImpactDowntime: users cannot read or write their data. A notification
	// is owed, and the part that is not Scheduled Downtime is Downtime.
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
// them ignored. Anything else is an error wrapping ErrBadPlan.
func ParseImpact(s string) (Impact, error) {
	for i, n := range impactNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Impact(i), nil
		}
	}
	return 0, fmt.Errorf("%w: unknown impact %q (want none, degraded or downtime)", ErrBadPlan, s)
}

// MarshalText implements encoding.TextMarshaler with String's names; an
// unknown value is an error.
func (i Impact) MarshalText() ([]byte, error) {
	if int(i) >= len(impactNames) {
		return nil, fmt.Errorf("%w: unknown impact %d", ErrBadPlan, uint8(i))
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
//   - Region is the code of the region it runs in ("EUR"), whose published
//     window it is checked against (Lookup).
//   - Span is when the work is planned to run, half-open [Start, End).
//   - Impact is its estimated impact on users.
//   - Instances names the affected instances (Instance.Name, matched
//     case-insensitively); empty means every instance of Region.
//
// The zero Plan is invalid (no region, empty span). Plan is a value; do not
// modify Instances while another goroutine reads it.
type Plan struct {
	ID        string        `json:"id"`
	Region    string        `json:"region"`
	Span      calendar.Span `json:"span"`
	Impact    Impact        `json:"impact"`
	Instances []string      `json:"instances,omitempty"`
}

// PlanCheck is a Plan checked against the policy for a given announcement
// instant (CommsRules.CheckPlan). Every set is a subset of Plan.Span;
// compare their instants with calendar.Span.Equal, as locations may differ.
//
// The zero PlanCheck belongs to no plan. PlanCheck is an immutable value,
// safe for concurrent use.
type PlanCheck struct {
	Plan   Plan   // the plan checked
	Window Window // its region's published window

	// Announced is when the plan was announced; the zero time means it was
	// not.
	Announced time.Time

	// Outside is the part of Plan.Span outside every occurrence of Window.
	// It is empty exactly when the plan falls inside the window, every
	// occurrence it touches included (midnight-crossing ones are whole
	// occurrences, "6 PM to 3 AM" from 18:00 to 03:00 the next day).
	Outside calendar.SpanSet

	// NoticeMet reports whether the plan was announced at least
	// CommsRules.NoticeLead before Plan.Span.Start (exactly the lead
	// counts), which makes all of it Scheduled Downtime.
	NoticeMet bool

	// Scheduled is the part of Plan.Span that is Scheduled Downtime: all of
	// it when NoticeMet; otherwise the part inside the window (none when
	// CommsRules.WindowNeedsNotice).
	Scheduled calendar.SpanSet

	// Downtime is the part that would count as Downtime if the work
	// happened as planned: Plan.Span minus Scheduled when Impact is
	// ImpactDowntime, else empty. The SLA may still exclude pieces of it
	// (e.g. intermittent periods of ten minutes or less); sla.Assess
	// decides.
	Downtime calendar.SpanSet

	// NotifyLead is how far ahead of Plan.Span.Start the notification must
	// go out: CommsRules.NotifyLead when the plan falls inside the window,
	// the larger of that and CommsRules.NoticeLead when it does not (or
	// when window time needs notice). 0 when no notification is owed.
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

// Validate reports every problem with p at once (errors.Join), each wrapping
// ErrBadPlan and naming the field: a region code not in the region table, a
// span that ends before it starts (also wrapping calendar.ErrReversed) or is
// empty, an unknown impact. The ID may be empty here; the claims audit
// requires one.
func (p Plan) Validate() error {
	var errs []error
	if _, ok := Lookup(p.Region); !ok {
		errs = append(errs, fmt.Errorf("%w: region %q is not in the region table", ErrBadPlan, p.Region))
	}
	errs = append(errs, checkSpan("span", p.Span))
	if int(p.Impact) >= len(impactNames) {
		errs = append(errs, fmt.Errorf("%w: impact %d is unknown", ErrBadPlan, uint8(p.Impact)))
	}
	return errors.Join(errs...)
}

// checkSpan returns an error wrapping ErrBadPlan for a reversed (also
// calendar.ErrReversed) or empty span, naming field; nil otherwise.
func checkSpan(field string, s calendar.Span) error {
	if err := s.Validate(); err != nil {
		return fmt.Errorf("%w: %s: %w", ErrBadPlan, field, err)
	}
	if s.IsEmpty() {
		return fmt.Errorf("%w: %s %s is empty", ErrBadPlan, field, s)
	}
	return nil
}

// CheckPlan checks plan p against the policy, as if it was announced at
// announced (the zero time: not announced; the instant is the caller's,
// the clock is never read): does it fall inside its region's published
// window, was it announced at least NoticeLead ahead, which part is
// Scheduled Downtime, which part would count as Downtime if it happened as
// planned, and how far ahead its notification is due.
//
// An announcement after Plan.Span.Start meets no lead. It returns the
// errors of p.Validate and of r.Validate.
func (r CommsRules) CheckPlan(p Plan, announced time.Time) (PlanCheck, error) {
	if err := errors.Join(r.Validate(), p.Validate()); err != nil {
		return PlanCheck{}, err
	}
	region, _ := Lookup(p.Region)
	span := buildSet([]calendar.Span{p.Span})
	c := PlanCheck{
		Plan:      p,
		Window:    region.Window,
		Announced: announced,
		Outside:   region.Window.Subtract(span),
	}
	c.NoticeMet = !announced.IsZero() && Notice{Span: p.Span, Announced: announced}.Meets(r.NoticeLead)
	switch {
	case c.NoticeMet:
		c.Scheduled = span
	case !r.WindowNeedsNotice:
		c.Scheduled = region.Window.Intersect(span)
	}
	if p.Impact == ImpactDowntime {
		c.Downtime = span.Subtract(c.Scheduled)
	}
	if c.NotifyOwed() {
		c.NotifyLead = r.NotifyLead
		if !c.InWindow() || r.WindowNeedsNotice {
			c.NotifyLead = max(r.NotifyLead, r.NoticeLead)
		}
	}
	return c, nil
}
