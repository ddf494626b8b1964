package claims

import (
	"fmt"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

// Claim is a customer's claim that the service level was not met in one
// calendar month, with the details the Microsoft Dynamics CRM Online
// Service Level Agreement asks for (section C.3): a detailed description
// of the incident, its duration (the Incident span), the number of
// affected users and their locations, the customer's attempts to resolve
// it; and when notice was given, when evidence was supplied (section
// C.4), when the claim was submitted (section C.6), and the customer's
// attestation that it complies with the acceptable-use policies (section
// C.1).
//
// A month may be claimed several times (one claim per incident); see
// SumCredits for the monthly cap on what they award together.
//
// A zero time means "not yet" and a zero count or empty text means "not
// given": Check reports each as missing. The zero Claim is an empty draft.
// Claim is a value; Check never modifies it or its slices, so it is safe
// for concurrent use as long as the caller does not modify the slices.
type Claim struct {
	// Month is the calendar month whose service level is claimed; the
	// incident must overlap it (read in Month's own location).
	Month calendar.Month
	// Incident is when service was unavailable: half-open [start,
	// restored). Its duration is the claim's "duration of the Incident". A
	// reversed or empty span is invalid.
	Incident calendar.Span
	// Description is the detailed description of the incident.
	Description string
	// AffectedUsers is the number of affected users; at least 1.
	AffectedUsers int
	// UserLocations are the locations of the affected users (e.g. "Seattle,
	// WA", or a region code); at least one non-blank entry.
	UserLocations []string
	// ResolutionAttempts are the customer's attempts to resolve the
	// incident; at least one non-blank entry (write "none" when there were
	// none, so that the claim says so).
	ResolutionAttempts []string
	// NoticeGiven is when the customer notified support of the incident;
	// due strictly before the notice deadline (Rules.Deadlines). It may be
	// while the incident is still going on, but not before it started.
	NoticeGiven time.Time
	// EvidenceSupplied is when sufficient evidence was supplied; due
	// strictly before Rules.EvidenceDeadline(Month).
	EvidenceSupplied time.Time
	// Submitted is when the claim was submitted to billing support; the
	// provider's processing is due by Rules.ProcessingDeadline(Submitted).
	Submitted time.Time
	// AcceptableUse is the customer's attestation that it complies with the
	// acceptable-use policies of the Agreement; false makes the claim
	// ineligible (ErrNotCompliant).
	AcceptableUse bool
}

// Check reports every problem with c at once, as a calendar.ErrorList, or
// nil when the claim is complete, on time and eligible. Each problem is
// matchable with errors.Is and names the field:
//
//   - ErrIncomplete (*MissingError): a zero Month, Incident, NoticeGiven,
//     EvidenceSupplied or Submitted; a blank Description; AffectedUsers of
//     0; no non-blank UserLocations or ResolutionAttempts;
//   - ErrNoticeLate (*LateError): NoticeGiven not before
//     the notice deadline of c.Incident (see Deadlines);
//   - ErrEvidenceLate (*LateError): EvidenceSupplied not before
//     EvidenceDeadline(c.Month);
//   - ErrNotCompliant: AcceptableUse is false;
//   - ErrInvalid: a reversed or empty Incident (also wrapping
//     calendar.ErrReversed when reversed), an Incident that does not
//     overlap Month, negative AffectedUsers, NoticeGiven before the
//     incident started, a notice deadline with no business day in years 1
//     to 9999 (also calendar.ErrNoBusinessDay), or rules that fail
//     Validate.
//
// Lateness that depends on a missing or invalid field, or on rules that
// fail Validate, is not judged.
// Check never panics, whatever the input.
func (r Rules) Check(c Claim) error {
	var errs calendar.ErrorList
	add := errs.Add
	rulesErr := r.Validate()
	rulesOK := rulesErr == nil
	add(rulesErr)

	monthOK := !c.Month.IsZero()
	if !monthOK {
		add(&MissingError{Field: "Month", What: "the calendar month claimed"})
	}
	incidentOK := false
	switch {
	case c.Incident.IsZero():
		add(&MissingError{Field: "Incident", What: "when the incident started and when service was restored"})
	default:
		if err := checkIncident("Incident", c.Incident); err != nil {
			add(err)
			break
		}
		incidentOK = true
		if monthOK && !c.Incident.Overlaps(c.Month.Span()) {
			add(invalid("Incident", "span %s does not overlap the claimed month %s (%s)",
				c.Incident, c.Month, c.Month.Span()))
		}
	}
	if isBlank(c.Description) {
		add(&MissingError{Field: "Description", What: "detailed description of the incident"})
	}
	switch {
	case c.AffectedUsers == 0:
		add(&MissingError{Field: "AffectedUsers", What: "number of affected users"})
	case c.AffectedUsers < 0:
		add(invalid("AffectedUsers", "%d is negative", c.AffectedUsers))
	}
	if allBlank(c.UserLocations) {
		add(&MissingError{Field: "UserLocations", What: "locations of the affected users"})
	}
	if allBlank(c.ResolutionAttempts) {
		add(&MissingError{Field: "ResolutionAttempts", What: "attempts made by the customer to resolve the incident"})
	}

	switch {
	case c.NoticeGiven.IsZero():
		add(&MissingError{Field: "NoticeGiven", What: "when the customer notified support"})
	case incidentOK && c.NoticeGiven.Before(c.Incident.Start):
		add(invalid("NoticeGiven", "%q is before the incident started at %q",
			c.NoticeGiven.Format(time.RFC3339Nano), c.Incident.Start.Format(time.RFC3339Nano)))
	case incidentOK && rulesOK:
		deadline, err := r.businessDeadline(r.noticeFrom(c.Incident), r.NoticeBusinessDays)
		add(err)
		if err == nil && !c.NoticeGiven.Before(deadline) {
			add(&LateError{Field: "NoticeGiven", Got: c.NoticeGiven, Deadline: deadline, Err: ErrNoticeLate})
		}
	}

	var evidenceDue time.Time
	if monthOK && rulesOK {
		if evidenceDue = r.EvidenceDeadline(c.Month); evidenceDue.IsZero() {
			add(invalid("Month", "%s has no evidence deadline in years 1 to 10000", c.Month))
		}
	}
	switch {
	case c.EvidenceSupplied.IsZero():
		add(&MissingError{Field: "EvidenceSupplied", What: "when evidence supporting the claim was supplied"})
	case !evidenceDue.IsZero() && !c.EvidenceSupplied.Before(evidenceDue):
		add(&LateError{Field: "EvidenceSupplied", Got: c.EvidenceSupplied, Deadline: evidenceDue, Err: ErrEvidenceLate})
	}

	if c.Submitted.IsZero() {
		add(&MissingError{Field: "Submitted", What: "when the claim was submitted to billing support"})
	}
	if !c.AcceptableUse {
		add(fmt.Errorf("%w: field AcceptableUse is false: the customer must attest compliance with the acceptable-use policies", ErrNotCompliant))
	}
	return errs.Err()
}

// isBlank reports whether s holds nothing but white space.
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// allBlank reports whether every entry of ss is blank (true for none).
func allBlank(ss []string) bool {
	for _, s := range ss {
		if !isBlank(s) {
			return false
		}
	}
	return true
}
