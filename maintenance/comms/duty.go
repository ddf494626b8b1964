package comms

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/clip"
)

// ErrNotNotified is wrapped by the error for a communication duty that was
// not carried out by its deadline: a recipient never sent to, a post never
// made. Test for it with errors.Is.
var ErrNotNotified = errors.New("comms: not notified")

// ErrNotificationLate is wrapped by the error for a communication sent at or
// after its deadline. Test for it with errors.Is.
var ErrNotificationLate = errors.New("comms: notification late")

// Kind names a kind of communication the policy owes, and the kind of a
// Message that carries it out: the constants below, or a caller's own. The
// zero Kind names nothing.
type Kind string

const (
	// KindPlanned is the notification of upcoming planned maintenance with
	// expected downtime or user impact: a Message Center post and an email
	// to Rules.Planned of each affected instance, before the work.
	KindPlanned Kind = "planned-maintenance"
	// KindOverrun is the service health dashboard post owed when an update
	// fails or runs past its window and announced span.
	KindOverrun Kind = "maintenance-overrun"
	// KindUnplanned is the "Unplanned Maintenance" email to
	// Rules.Unplanned of every affected instance.
	KindUnplanned Kind = "unplanned-maintenance"
	// KindPostIncidentReport is the post-incident report published on the
	// service health dashboard after a major incident. It is fulfilled by
	// the report's Published instant (IncidentRecord.Report), not by a
	// Message.
	KindPostIncidentReport Kind = "post-incident-report"
)

// Message is one communication the provider sent: its Kind, the Ref of the
// plan, unplanned maintenance or incident it is about, when it was sent,
// and to whom. A message with no Recipients is a post (Message Center,
// service health dashboard) that anyone entitled may read.
//
// The zero Message is about nothing. Message is a value; do not modify
// Recipients while another goroutine reads it.
type Message struct {
	Kind       Kind      `json:"kind"`
	Ref        string    `json:"ref"`
	Sent       time.Time `json:"sent"`
	Recipients []string  `json:"recipients,omitempty"`
}

// Duty is one communication the policy owes: a message of Kind about Ref,
// to every address of Recipients (or, when Recipients is empty, a post that
// any message of that Kind and Ref fulfils), sent before Due, the first
// instant that is late. Reason says in words why it is owed, quoting the
// policy.
//
// The zero Duty owes nothing useful. Duty is a value; do not modify
// Recipients while another goroutine reads it.
type Duty struct {
	Kind       Kind      `json:"kind"`
	Ref        string    `json:"ref"`
	Recipients []string  `json:"recipients,omitempty"`
	Due        time.Time `json:"due"`
	Reason     string    `json:"reason"`
}

// String returns d in one line: `planned-maintenance "MC2" to 5 recipients,
// due before 2024-03-08T16:00:00.000000001Z: <reason>`; "to 5 recipients"
// reads "as a post" when Recipients is empty.
func (d Duty) String() string {
	to := "as a post"
	switch n := len(d.Recipients); n {
	case 0:
	case 1:
		to = "to 1 recipient"
	default:
		to = fmt.Sprintf("to %d recipients", n)
	}
	s := fmt.Sprintf("%s %s %s, due before %s", d.Kind, clip.Quote(d.Ref), to, d.Due.Format(time.RFC3339Nano))
	if d.Reason != "" {
		s += ": " + d.Reason
	}
	return s
}

// Status is how far a duty was carried out as of an instant. The zero value
// is StatusMet.
type Status uint8

const (
	// StatusMet means every recipient (or the post) was sent to strictly
	// before Due.
	StatusMet Status = iota
	// StatusPending means not yet carried out in full, and the instant
	// checked (asOf) is before Due.
	StatusPending
	// StatusLate means carried out in full, some of it at or after Due.
	StatusLate
	// StatusMissed means the instant checked (asOf) is at or after Due
	// and some recipient (or the post) was never sent to.
	StatusMissed
)

var statusNames = [...]string{"met", "pending", "late", "missed"}

// String returns "met", "pending", "late" or "missed"; another value gives
// "Status(n)".
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// DutyError reports a duty not carried out in time. Err is ErrNotNotified
// (To lists who was never sent to; empty for a post never made) or
// ErrNotificationLate (To lists who was sent to late, Sent the first time
// each was; for a post, Sent holds the first post and To is empty).
// errors.Is(e, Err) holds.
//
// A *DutyError is not modified after it is returned and is safe for
// concurrent use.
type DutyError struct {
	Duty Duty
	Err  error
	To   []string
	Sent []time.Time
}

// Error reads like `planned-maintenance "MC2": not notified: ana@contoso.com,
// it-ops@contoso.com (due before 2024-03-08T16:00:00.000000001Z)` or
// `... notification late: cy@contoso.com, dee@contoso.com at
// 2024-03-08T17:00:00Z (late by 59m59.999999999s) (due before ...)`:
// recipients first sent to at the same instant are listed together, and
// times are shown in UTC.
func (e *DutyError) Error() string {
	var parts []string
	switch {
	case errors.Is(e.Err, ErrNotNotified) && len(e.To) == 0:
		parts = append(parts, "nothing posted")
	case errors.Is(e.Err, ErrNotNotified):
		parts = append(parts, e.To...)
	default:
		// Recipients first sent to at the same instant are listed together,
		// in order of first appearance.
		var order []time.Time
		who := make(map[time.Time][]string)
		for i, t := range e.Sent {
			t = t.UTC()
			name := "posted"
			if i < len(e.To) {
				name = e.To[i]
			}
			if _, ok := who[t]; !ok {
				order = append(order, t)
			}
			who[t] = append(who[t], name)
		}
		for _, t := range order {
			parts = append(parts, fmt.Sprintf("%s at %s (late by %s)", strings.Join(who[t], ", "),
				t.Format(time.RFC3339Nano), t.Sub(e.Duty.Due)))
		}
	}
	what := string(e.Duty.Kind)
	if e.Duty.Ref != "" {
		what += " " + strconv.Quote(e.Duty.Ref)
	}
	return fmt.Sprintf("%s: %v: %s (due before %s)", what, e.Err,
		strings.Join(parts, ", "), e.Duty.Due.Format(time.RFC3339Nano))
}

// Unwrap returns Err.
func (e *DutyError) Unwrap() error { return e.Err }

// Check says how far d was carried out by msgs as of instant asOf, and
// reports what is missing or late. Only messages of d's Kind and Ref sent
// at or before asOf count (a record may hold later ones; asOf is the
// caller's instant, the clock is never read). Recipients match
// case-insensitively on their address part (see MissingRecipients); each
// recipient's first message counts.
//
// The error is nil for StatusMet and StatusPending; otherwise it is a
// calendar.ErrorList of at most two *DutyError: one wrapping ErrNotNotified with
// every recipient never sent to (when asOf is not before Due), one wrapping
// ErrNotificationLate with every recipient first sent to at or after Due.
func (d Duty) Check(msgs []Message, asOf time.Time) (Status, error) {
	var mine []Message
	for _, m := range msgs {
		if m.Kind == d.Kind && m.Ref == d.Ref && !m.Sent.After(asOf) {
			mine = append(mine, m)
		}
	}
	due := !asOf.Before(d.Due)
	if len(d.Recipients) == 0 {
		if len(mine) == 0 {
			if !due {
				return StatusPending, nil
			}
			return StatusMissed, calendar.ErrorList{&DutyError{Duty: d, Err: ErrNotNotified}}
		}
		first := slices.MinFunc(mine, func(a, b Message) int { return a.Sent.Compare(b.Sent) }).Sent
		if first.Before(d.Due) {
			return StatusMet, nil
		}
		return StatusLate, calendar.ErrorList{&DutyError{Duty: d, Err: ErrNotificationLate, Sent: []time.Time{first}}}
	}

	firstTo := make(map[string]time.Time)
	for _, m := range mine {
		for _, to := range m.Recipients {
			k := addressKey(to)
			if t, ok := firstTo[k]; !ok || m.Sent.Before(t) {
				firstTo[k] = m.Sent
			}
		}
	}
	missing := &DutyError{Duty: d, Err: ErrNotNotified}
	late := &DutyError{Duty: d, Err: ErrNotificationLate}
	pending := false
	for _, to := range d.Recipients {
		t, ok := firstTo[addressKey(to)]
		switch {
		case !ok && due:
			missing.To = append(missing.To, to)
		case !ok:
			pending = true
		case !t.Before(d.Due):
			late.To = append(late.To, to)
			late.Sent = append(late.Sent, t)
		}
	}
	var errs calendar.ErrorList
	status := StatusMet
	if pending {
		status = StatusPending
	}
	if len(missing.To) > 0 {
		errs.Add(missing)
		status = StatusMissed
	}
	if len(late.To) > 0 {
		errs.Add(late)
		if status != StatusMissed {
			status = StatusLate
		}
	}
	return status, errs.Err()
}
