package sla

import (
	"errors"
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/clip"
	"github.com/slapolicy/slapolicy/maintenance"
)

// ErrInvalidPeriod is wrapped by every error Assess reports about its
// Period: a zero Month, an outage or notice span that ends before it
// starts, a notice announced after its maintenance began, an outage cause
// the library does not know. Test for it with errors.Is.
var ErrInvalidPeriod = errors.New("sla: invalid period")

// ErrNotSubscribed is wrapped by the error for time no subscription term
// covers: a Period.Subscribed span with no instant in its month, and (in
// package sla/versions) a month or instant outside every term of a
// subscription, before it started, after its last term, or in a lapse.
var ErrNotSubscribed = errors.New("sla: not subscribed")

// Outage is a period during which the service was down, as reported by
// monitoring or by the customer, with its Cause: the empty Cause for the
// service's own fault, or one of Causes. Span is half-open, [Start, End);
// an outage may cross month boundaries (each month counts its own part) and
// may overlap other outages (overlapping reports are merged, never counted
// twice). The zero Outage is an empty outage that adds nothing. Outage is a
// value type, safe for concurrent use.
type Outage struct {
	Span  calendar.Span // when the service was down, [Start, End)
	Cause Cause         // why; "" is the service's own fault and counts

	// Users is how many users the outage affected, for a policy that
	// measures user-minutes; 0 means all of the period's users. It must
	// not be negative nor above Period.Users. Where outages overlap, a
	// moment weighs the largest Users among them (overlapping reports are
	// merged, never added up). Policies that measure minutes ignore it.
	Users int
}

// Period is what is known of one subscription month: the month, the
// region's published maintenance window, the maintenance notices the
// provider sent, and the outages. Notices and outages may come in any
// order, overlap and cross month boundaries; the parts outside the
// assessed span are ignored (but must still be valid). The zero Period is
// invalid: Assess needs a Month. Period holds slices; treat it as
// read-only while Assess runs, which makes it safe for concurrent use.
type Period struct {
	Month   calendar.Month       // the calendar month assessed, in its location
	Window  maintenance.Window   // the region's published window; zero: none
	Notices []maintenance.Notice // announced maintenance
	Outages []Outage             // any order, may overlap, may cross months

	// Subscribed, when not the zero Span, is the part of time the customer
	// was subscribed, for a month in which a subscription starts or ends
	// (or changes SLA version). Only Subscribed ∩ Month is assessed: the
	// uptime percentage, the tier choice and the accounting use only those
	// minutes, and the fee given to CreditAmount should be the fee for
	// that part. Subscribed may extend past the month; it must share at
	// least one instant with it, since a month with no subscribed time has
	// no uptime to measure (an error, never 100 %). The zero Span means
	// the whole month.
	Subscribed calendar.Span

	// Users is the licensed user count, for a policy that measures
	// user-minutes, where it must be above 0: the month's total is Users
	// × its length. Policies that measure minutes ignore it (it must not
	// be negative).
	Users int
}

// assessedOf returns the span Assess measures: the month, or its
// subscribed part, in the month's location; month is the month's span as
// Month.Span returns it (in its location).
func (per *Period) assessedOf(month calendar.Span) calendar.Span {
	if per.Subscribed.IsZero() {
		return month
	}
	s, _ := clipSpan(per.Subscribed, month, per.Month.Location())
	return s
}

// validate reports every problem with per at once, as a
// calendar.ErrorList whose entries wrap ErrInvalidPeriod and name the item
// by its index. byUsers says whether the policy measures user-minutes.
func (per *Period) validate(byUsers bool) error {
	var errs calendar.ErrorList
	switch {
	case per.Users < 0:
		errs.Add(fmt.Errorf("%w: users %d is negative", ErrInvalidPeriod, per.Users))
	case byUsers && per.Users == 0:
		errs.Add(fmt.Errorf("%w: users is 0; a policy that measures user-minutes needs the licensed user count", ErrInvalidPeriod))
	}
	if per.Month.IsZero() {
		errs.Add(fmt.Errorf("%w: month is the zero Month (year 0); set Period.Month", ErrInvalidPeriod))
	} else if err := per.Month.Validate(); err != nil {
		errs.Add(fmt.Errorf("%w: month: %w", ErrInvalidPeriod, err))
	} else if !per.Subscribed.IsZero() {
		if err := per.Subscribed.Validate(); err != nil {
			errs.Add(fmt.Errorf("%w: subscribed: %w", ErrInvalidPeriod, err))
		} else if !per.Subscribed.Overlaps(per.Month.Span()) {
			errs.Add(fmt.Errorf("%w: subscribed %s has no instant in month %s: %w",
				ErrInvalidPeriod, per.Subscribed, per.Month, ErrNotSubscribed))
		}
	}
	for i, o := range per.Outages {
		if o.Span.End.Before(o.Span.Start) {
			errs.Add(fmt.Errorf("%w: outages[%d]: %w", ErrInvalidPeriod, i, o.Span.Validate()))
		}
		if o.Users < 0 {
			errs.Add(fmt.Errorf("%w: outages[%d]: users %d is negative", ErrInvalidPeriod, i, o.Users))
		} else if byUsers && per.Users > 0 && o.Users > per.Users {
			errs.Add(fmt.Errorf("%w: outages[%d]: users %d is more than the period's %d users", ErrInvalidPeriod, i, o.Users, per.Users))
		}
		if o.Cause != "" && !o.Cause.Known() {
			errs.Add(fmt.Errorf("%w: outages[%d]: cause %s is not a known cause (known: %s; empty for the service's own fault)",
				ErrInvalidPeriod, i, clip.Quote(string(o.Cause)), knownList()))
		}
	}
	for i, n := range per.Notices {
		if err := n.Validate(); err != nil {
			errs.Add(fmt.Errorf("%w: notices[%d]: %w", ErrInvalidPeriod, i, err))
		}
	}
	return errs.Err()
}

// clipSpan returns the part of s inside within, in loc, with any monotonic
// clock reading stripped, and false when they share no instant.
func clipSpan(s, within calendar.Span, loc *time.Location) (calendar.Span, bool) {
	in, ok := s.Intersect(within)
	if !ok {
		return calendar.Span{}, false
	}
	return in.In(loc), true
}
