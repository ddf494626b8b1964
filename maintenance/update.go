package maintenance

import (
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

// Outcome is what actually happened when planned maintenance ran: Span is
// when the work ran with the plan's impact on users, half-open [Start,
// End), End being when service was back to normal; Failed reports that the
// update failed (rolled back or left incomplete), whenever it ended.
//
// The zero Outcome is invalid (empty span). Outcome is a value, safe for
// concurrent use.
type Outcome struct {
	Span   calendar.Span `json:"span"`
	Failed bool          `json:"failed,omitempty"`
}

// UpdateCheck is what the policy says after an update ran
// (CommsRules.CheckUpdate): whether it finished inside what was specified,
// whether a service health dashboard notification is owed, and which part
// of it is Downtime. Sets are subsets of Outcome.Span; compare their
// instants with calendar.Span.Equal, as locations may differ.
//
// The zero UpdateCheck belongs to no update. UpdateCheck is an immutable
// value, safe for concurrent use.
type UpdateCheck struct {
	Plan    PlanCheck // the plan and its announcement
	Outcome Outcome   // what happened

	// Overrun is the part of Outcome.Span outside both the region's window
	// and, when the plan was announced, its announced span (Plan.Plan.Span).
	// Empty: the update finished inside its window or its announced span.
	Overrun calendar.SpanSet

	// Downtime is the part of Outcome.Span that counts as Downtime when the
	// plan's impact is ImpactDowntime (else empty): what is left once
	// Scheduled Downtime is removed, that is the window's time (unless
	// CommsRules.WindowNeedsNotice) and the announced span when the
	// announcement met CommsRules.NoticeLead. It is the set sla.Assess
	// measures for this outage with this notice and window, before the
	// SLA's own exclusions (intermittent periods, causes).
	Downtime calendar.SpanSet

	// DashboardDue is the first instant at which the dashboard
	// notification is late: Outcome.Span.End + CommsRules.DashboardGrace.
	// Zero when none is owed.
	DashboardDue time.Time
}

// DashboardOwed reports whether a notification is owed on the service
// health dashboard: the update failed or ran past its window and announced
// span (seed: "If the update fails or takes longer than the specified
// maintenance window, a notification will be posted on the Service health
// dashboard"). When it is not owed no notification is owed at all (seed,
// "Post-update notification").
func (u UpdateCheck) DashboardOwed() bool { return u.Outcome.Failed || !u.Overrun.IsEmpty() }

// DashboardDuty returns the dashboard notification u owes (ok true), or ok
// false when none is owed: a post of KindOverrun, Ref the plan's ID, due at
// DashboardDue.
func (u UpdateCheck) DashboardDuty() (Duty, bool) {
	if !u.DashboardOwed() {
		return Duty{}, false
	}
	var why string
	switch {
	case u.Outcome.Failed && !u.Overrun.IsEmpty():
		why = fmt.Sprintf("the update failed and ran %s past its window and announced span", u.Overrun.Duration())
	case u.Outcome.Failed:
		why = "the update failed"
	default:
		why = fmt.Sprintf("the update ran %s past its window and announced span", u.Overrun.Duration())
	}
	return Duty{Kind: KindOverrun, Ref: u.Plan.Plan.ID, Due: u.DashboardDue,
		Reason: why + "; post a notification on the service health dashboard"}, true
}

// CheckUpdate checks what happened (o) against the plan as checked (c,
// from CheckPlan with these rules): the overrun past the window and the
// announced span, the Downtime, and whether a dashboard notification is
// owed and by when. The outcome may start before or end after the plan.
//
// It returns an error wrapping ErrBadPlan when o.Span is reversed (also
// calendar.ErrReversed) or empty, or when c belongs to no plan, and the
// errors of r.Validate.
func (r CommsRules) CheckUpdate(c PlanCheck, o Outcome) (UpdateCheck, error) {
	if err := r.Validate(); err != nil {
		return UpdateCheck{}, err
	}
	if err := checkSpan("outcome span", o.Span); err != nil {
		return UpdateCheck{}, err
	}
	if err := c.Plan.Validate(); err != nil {
		return UpdateCheck{}, fmt.Errorf("plan check: %w", err)
	}
	actual := buildSet([]calendar.Span{o.Span})
	planned := buildSet([]calendar.Span{c.Plan.Span})
	u := UpdateCheck{Plan: c, Outcome: o}

	specified := c.Window.Subtract(actual)
	if !c.Announced.IsZero() {
		specified = specified.Subtract(planned)
	}
	u.Overrun = specified

	if c.Plan.Impact == ImpactDowntime {
		down := actual
		if !r.WindowNeedsNotice {
			down = c.Window.Subtract(down)
		}
		if c.NoticeMet {
			down = down.Subtract(planned)
		}
		u.Downtime = down
	}
	if u.DashboardOwed() {
		u.DashboardDue = o.Span.End.Add(r.DashboardGrace)
	}
	return u, nil
}
