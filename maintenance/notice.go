package maintenance

import (
	"errors"
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

// ErrInvalidNotice is wrapped by every error Notice.Validate and NewNotice
// report. Test for it with errors.Is; a reversed Span also matches
// calendar.ErrReversed, and an announcement after the start also matches
// ErrAnnouncedLate.
var ErrInvalidNotice = errors.New("maintenance: invalid notice")

// ErrAnnouncedLate is wrapped by the error for a notice announced after its
// maintenance began.
var ErrAnnouncedLate = errors.New("maintenance: announced after the maintenance began")

// Notice is a maintenance the provider announced: Span is when the work (and
// any downtime it causes) was announced to run, half-open [Start, End), and
// Announced is the instant the notice was published. The SLA counts
// announced work as Scheduled Downtime only when it was announced at least
// the policy's lead before it began (24 hours in the Microsoft Dynamics CRM
// Online Service Level Agreement, section E, definition 11); see Meets and
// ScheduledDowntime.
//
// A valid Notice has Span.End not before Span.Start, a non-zero Announced,
// and Announced not after Span.Start (announced exactly at the start is
// valid, with a lead of 0). The zero Notice is invalid (Announced is zero).
// Notice is a value type with no hidden state; it is safe for concurrent
// use. Compare Notices field by field with time.Time.Equal, not ==.
type Notice struct {
	Span      calendar.Span // the announced maintenance, [Start, End)
	Announced time.Time     // when the notice was published
}

// NewNotice returns the notice of the maintenance span announced at
// announced, or the errors Validate reports.
func NewNotice(span calendar.Span, announced time.Time) (Notice, error) {
	n := Notice{Span: span, Announced: announced}
	if err := n.Validate(); err != nil {
		return Notice{}, err
	}
	return n, nil
}

// Lead returns how long before the maintenance began it was announced:
// Span.Start − Announced. It is negative when the announcement came after
// the start, and saturates at the largest or smallest time.Duration (as
// time.Time.Sub does).
func (n Notice) Lead() time.Duration {
	return n.Span.Start.Sub(n.Announced)
}

// Meets reports whether n is valid and was announced at least lead before
// its maintenance began: Lead() >= lead, so a notice exactly 24 hours ahead
// meets a 24-hour lead and one a nanosecond later does not. An invalid
// notice meets nothing.
func (n Notice) Meets(lead time.Duration) bool {
	return n.Validate() == nil && n.Lead() >= lead
}

// Validate reports every problem with n at once, as a calendar.ErrorList
// whose entries wrap ErrInvalidNotice and name the field and its value: a
// Span ending before it starts (also wraps calendar.ErrReversed), a zero
// Announced, or Announced after Span.Start (also wraps ErrAnnouncedLate;
// exactly at the start is valid). It returns nil for a valid notice.
func (n Notice) Validate() error {
	var errs calendar.ErrorList
	if err := n.Span.Validate(); err != nil {
		errs.Add(fmt.Errorf("%w: span: %w", ErrInvalidNotice, err))
	}
	switch {
	case n.Announced.IsZero():
		errs.Add(fmt.Errorf("%w: announced is the zero time", ErrInvalidNotice))
	case n.Announced.After(n.Span.Start):
		errs.Add(fmt.Errorf("%w: announced %s is after span start %s: %w", ErrInvalidNotice,
			n.Announced.Format(time.RFC3339Nano), n.Span.Start.Format(time.RFC3339Nano), ErrAnnouncedLate))
	}
	return errs.Err()
}

// String returns n as "announced <RFC 3339> for [start, end)".
func (n Notice) String() string {
	return "announced " + n.Announced.Format(time.RFC3339Nano) + " for " + n.Span.String()
}
