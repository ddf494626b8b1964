package versions

import (
	"errors"
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

// ErrInvalidSubscription is wrapped by every error that reports a
// subscription that cannot be used: no terms, a term that ends before it
// starts or is empty, terms out of order or overlapping, bad arguments to
// NewSubscription. Test for it with errors.Is; a reversed term also
// matches calendar.ErrReversed.
var ErrInvalidSubscription = errors.New("versions: invalid subscription")

// Subscription is one customer's subscription to the service as a list of
// terms: Terms[0] is the initial term and each later entry a renewal term
// (the Microsoft Dynamics CRM Online Service Level Agreement, first
// paragraph). Each term is a half-open span [Start, End);
// a renewal usually starts where the previous term ends, but a gap (a lapse)
// is allowed and is covered by no term.
//
// The zero Subscription has no terms and is invalid. Subscription holds a
// slice; treat it as read-only while it is in use, which makes it safe for
// concurrent use.
type Subscription struct {
	Terms []calendar.Span // in order, non-empty, not overlapping; Terms[0] is the initial term
}

// maxTerms bounds NewSubscription's term count, and maxTermMonths its term
// length, so that no argument allocates without limit.
const (
	maxTerms      = 1200
	maxTermMonths = 1200
)

// NewSubscription returns a subscription that starts at start and runs for
// terms consecutive terms of termMonths calendar months each: the initial
// term and terms−1 renewals. Term k ends termMonths×(k+1) months after
// start, at the same wall-clock time in start's location; when that month
// is too short for start's day of the month, the term ends on the month's
// last day (a subscription from 31 January with one-month terms renews on
// 29 February 2024, 31 March, 30 April, ...: each end is counted from
// start, never from the previous end). termMonths must be in 1..1200 and
// terms in 1..1200; otherwise, or for a zero start, the error wraps
// ErrInvalidSubscription.
func NewSubscription(start time.Time, termMonths, terms int) (Subscription, error) {
	var errs calendar.ErrorList
	if start.IsZero() {
		errs.Add(fmt.Errorf("%w: start is the zero time", ErrInvalidSubscription))
	}
	if termMonths < 1 || termMonths > maxTermMonths {
		errs.Add(fmt.Errorf("%w: termMonths %d is outside 1..%d", ErrInvalidSubscription, termMonths, maxTermMonths))
	}
	if terms < 1 || terms > maxTerms {
		errs.Add(fmt.Errorf("%w: terms %d is outside 1..%d", ErrInvalidSubscription, terms, maxTerms))
	}
	if err := errs.Err(); err != nil {
		return Subscription{}, err
	}
	out := make([]calendar.Span, terms)
	prev := start
	for k := range out {
		end := addMonthsClamped(start, termMonths*(k+1))
		out[k] = calendar.Span{Start: prev, End: end}
		prev = end
	}
	return Subscription{Terms: out}, nil
}

// addMonthsClamped returns t moved n calendar months on, at the same
// wall-clock time in t's location, with the day of the month clamped to
// the target month's last day.
func addMonthsClamped(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	hh, mm, ss := t.Clock()
	target := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := target.AddDate(0, 1, -1).Day()
	return time.Date(target.Year(), target.Month(), min(d, last), hh, mm, ss, t.Nanosecond(), t.Location())
}

// Validate reports every problem with s at once, as a calendar.ErrorList
// whose entries wrap ErrInvalidSubscription and name the term
// ("terms[2]"), or nil:
// no terms; a term that ends before it starts (also matching
// calendar.ErrReversed) or is empty; a term that starts before the
// previous term ends.
func (s Subscription) Validate() error {
	var errs calendar.ErrorList
	if len(s.Terms) == 0 {
		errs.Add(fmt.Errorf("%w: terms is empty (a subscription needs its initial term)", ErrInvalidSubscription))
	}
	for i, t := range s.Terms {
		switch {
		case t.End.Before(t.Start):
			errs.Add(fmt.Errorf("%w: terms[%d]: %w", ErrInvalidSubscription, i, t.Validate()))
			continue
		case t.IsEmpty():
			errs.Add(fmt.Errorf("%w: terms[%d] %s is empty", ErrInvalidSubscription, i, t))
		}
		if i > 0 && t.Start.Before(s.Terms[i-1].End) {
			errs.Add(fmt.Errorf("%w: terms[%d] starts at %s, before terms[%d] ends at %s",
				ErrInvalidSubscription, i, t.Start.Format(time.RFC3339Nano), i-1, s.Terms[i-1].End.Format(time.RFC3339Nano)))
		}
	}
	return errs.Err()
}
