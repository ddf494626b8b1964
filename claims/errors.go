package claims

import (
	"errors"
	"fmt"
	"time"
)

// Sentinel errors. Every error this package returns wraps one of them, so
// callers branch with errors.Is; Rules.Check lists several in a
// calendar.ErrorList and errors.Is finds each.
var (
	// ErrNoticeLate reports the customer's notice of the incident given at
	// or after the notice deadline (Rules.NoticeDeadline), the first late
	// instant. Carried by a *LateError.
	ErrNoticeLate = errors.New("claims: notice late")

	// ErrEvidenceLate reports evidence supporting the claim supplied at or
	// after the evidence deadline (Rules.EvidenceDeadline), the first late
	// instant. Carried by a *LateError.
	ErrEvidenceLate = errors.New("claims: evidence late")

	// ErrIncomplete reports a detail the claim must hold missing. Carried
	// by a *MissingError, one per missing field.
	ErrIncomplete = errors.New("claims: incomplete")

	// ErrNotCompliant reports a claim whose customer does not attest
	// compliance with the acceptable-use policies of the Agreement, which
	// the Microsoft Dynamics CRM Online Service Level Agreement makes a
	// condition of any claim (section C.1).
	ErrNotCompliant = errors.New("claims: not compliant with acceptable use")

	// ErrInvalid reports a value that is present but impossible: an
	// incident span that ends before it starts, a negative count or
	// amount, rules with a negative or out-of-range period, a notice or
	// report deadline with no business day in years 1 to 9999.
	ErrInvalid = errors.New("claims: invalid")

	// ErrUnknownRegion reports a code given to ForRegion that is not in
	// the built-in region table. The error quotes the code.
	ErrUnknownRegion = errors.New("claims: unknown region")
)

// LateError reports something that happened at or after its deadline.
// Deadline is the first instant that is late, so Got is late exactly when
// it is not before Deadline. errors.Is(err, Err) holds, where Err is
// ErrNoticeLate or ErrEvidenceLate.
//
// The zero LateError has no sentinel; the package never returns one. A
// *LateError is not modified after it is returned and is safe for
// concurrent use.
type LateError struct {
	Field    string    // the field that is late, e.g. "NoticeGiven"
	Got      time.Time // when it happened
	Deadline time.Time // the first late instant, in the calendar's location
	Err      error     // the sentinel: ErrNoticeLate or ErrEvidenceLate
}

// Error names the field, quotes both instants in RFC 3339 and says by how
// much the deadline was missed, e.g. `notice late: field NoticeGiven
// "2024-02-13T09:00:00Z" is not before the deadline "2024-02-13T00:00:00Z"
// (first late instant; late by 9h0m0s)`.
func (e *LateError) Error() string {
	return fmt.Sprintf("%v: field %s %q is not before the deadline %q (first late instant; late by %v)",
		e.Err, e.Field, e.Got.Format(time.RFC3339Nano), e.Deadline.Format(time.RFC3339Nano),
		e.Got.Sub(e.Deadline))
}

// Unwrap returns the sentinel, so errors.Is(e, ErrNoticeLate) and its
// siblings work.
func (e *LateError) Unwrap() error { return e.Err }

// MissingError reports a detail that is required and absent: an empty or
// white-space-only string, a zero time, a zero count or span, an empty
// list. errors.Is(err, ErrIncomplete) holds.
//
// The zero MissingError names no field; the package never returns one. A
// *MissingError is not modified after it is returned and is safe for
// concurrent use.
type MissingError struct {
	Field string // the missing field, e.g. "Description" or "RootCause"
	What  string // what the agreement asks for there, e.g. "detailed description of the incident"
}

// Error names the field and what it should hold, e.g. `incomplete: field
// Description (detailed description of the incident) is missing`.
func (e *MissingError) Error() string {
	if e.What == "" {
		return fmt.Sprintf("%v: field %s is missing", ErrIncomplete, e.Field)
	}
	return fmt.Sprintf("%v: field %s (%s) is missing", ErrIncomplete, e.Field, e.What)
}

// Unwrap returns ErrIncomplete.
func (e *MissingError) Unwrap() error { return ErrIncomplete }

// invalid returns an error wrapping ErrInvalid that names field; format
// and args describe the problem and may wrap further errors with %w.
func invalid(field, format string, args ...any) error {
	return fmt.Errorf("%w: field %s: "+format, append([]any{ErrInvalid, field}, args...)...)
}
