package comms

import (
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
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
// (Rules.CheckUpdate): whether it finished inside what was specified,
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
	// Scheduled Downtime is removed under the plan check's Rule (the rest
	// of maintenance.ScheduledDowntime.Split, with the plan's announcement
	// as its notice). It is the set sla.Policy.Assess measures for this
	// outage with this notice and window, before the SLA's own exclusions
	// (intermittent periods, causes).
	Downtime calendar.SpanSet

	// DashboardDue is the first instant at which the dashboard
	// notification is late: Outcome.Span.End + Rules.DashboardGrace.
	// Zero when none is owed.
	DashboardDue time.Time
}

// DashboardOwed reports whether a notification is owed on the service
// health dashboard: the update failed or ran past its window and announced
// span ("During the update": "If the update fails or takes longer than the
// specified maintenance window, a notification will be posted on the
// Service health dashboard"). When it is not owed no notification is owed
// at all ("Post-update notification").
func (u UpdateCheck) DashboardOwed() bool { return u.Outcome.Failed || !u.Overrun.IsEmpty() }

// DashboardDuty returns the dashboard notification u owes and true, or
// false when none is owed: a post of KindOverrun, Ref the plan's ID, due at
// DashboardDue. Its error is always nil (an UpdateCheck is checked when it
// is made); it has the shape of every duty maker of the package.
func (u UpdateCheck) DashboardDuty() (Duty, bool, error) {
	if !u.DashboardOwed() {
		return Duty{}, false, nil
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
		Reason: why + "; post a notification on the service health dashboard"}, true, nil
}

// CheckUpdate checks what happened (o) against the plan as checked (c,
// from CheckPlan with these rules): the overrun past the window and the
// announced span, the Downtime, and whether a dashboard notification is
// owed and by when. The outcome may start before or end after the plan.
//
// It returns the problems of r.Validate, of the outcome (ErrInvalidPlan
// when o.Span is reversed, also calendar.ErrReversed, or empty) and of c
// (ErrInvalidPlan when it belongs to no plan) at once.
func (r Rules) CheckUpdate(c PlanCheck, o Outcome) (UpdateCheck, error) {
	var errs calendar.ErrorList
	errs.Add(r.Validate())
	errs.Add(checkSpan("outcome span", o.Span))
	errs.Addf(c.Plan.Validate(), "plan check")
	if err := errs.Err(); err != nil {
		return UpdateCheck{}, err
	}
	w := c.Plan.Region.Window
	actual := setOf(o.Span)
	planned := setOf(c.Plan.Span)
	u := UpdateCheck{Plan: c, Outcome: o}

	specified := w.Subtract(actual)
	if !c.Announced.IsZero() {
		specified = specified.Subtract(planned)
	}
	u.Overrun = specified

	if c.Plan.Impact == ImpactDowntime {
		var notices []maintenance.Notice
		if !c.Announced.IsZero() {
			notices = append(notices, maintenance.Notice{Span: c.Plan.Span, Announced: c.Announced})
		}
		_, _, u.Downtime = c.Rule.Split(w, notices, actual)
	}
	if u.DashboardOwed() {
		u.DashboardDue = o.Span.End.Add(r.DashboardGrace)
	}
	return u, nil
}
