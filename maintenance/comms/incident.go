package comms

import (
	"errors"
	"fmt"

	"github.com/slapolicy/slapolicy/calendar"
)

// ErrInvalidIncident is wrapped by every error Incident.Validate reports.
var ErrInvalidIncident = errors.New("comms: invalid incident")

// Severity classifies a service incident as the communications policy
// does ("Minor Service incidents" and "Major service incidents"). The
// zero value is SeverityNone. Severity is an integer value, safe for
// concurrent use; values order by gravity.
type Severity int

const (
	// SeverityNone means nothing the caller reported makes it a service
	// incident.
	SeverityNone Severity = iota
	// SeverityMinor means an organization is inaccessible or cannot use
	// the service or one of its components (page not found, sign-in
	// failing, slow performance, errors).
	SeverityMinor
	// SeverityMajor means multiple organizations cannot access the
	// service, there is significant degradation, or the underlying cloud
	// platform (Microsoft Azure) is degraded. A major incident owes a
	// post-incident report.
	SeverityMajor
)

// String returns "none", "minor" or "major"; another value is written as
// "Severity(n)".
func (s Severity) String() string {
	switch s {
	case SeverityNone:
		return "none"
	case SeverityMinor:
		return "minor"
	case SeverityMajor:
		return "major"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// Symptom is what users see during a service incident. The constants are
// the policy's examples ("Minor Service incidents"); callers may use other
// values, and any symptom makes an incident at least minor. The zero
// Symptom "" is still a symptom when listed. Symptom is a string value,
// safe for concurrent use.
type Symptom string

// The policy's examples of a service incident.
const (
	SymptomInaccessible Symptom = "inaccessible"     // the organization cannot be reached at all
	SymptomPageNotFound Symptom = "page-not-found"   // page not found or 404 when opening the apps
	SymptomSignIn       Symptom = "sign-in-failing"  // unable to sign in to the organization
	SymptomSlow         Symptom = "slow-performance" // slow performance of the apps
	SymptomErrors       Symptom = "errors"           // apps unavailable or producing errors
)

// Incident is what is known of one service incident, as the caller
// observed it; Severity classifies it. It is small on purpose, for claims,
// post-incident reports and incident communications alike.
//
// The zero Incident is no incident (SeverityNone). Incident is a value;
// its methods never modify it or its slice, so it is safe for concurrent
// use as long as the caller does not modify Symptoms.
type Incident struct {
	// Span is half-open [start, restored): when the incident started and
	// when service was restored. A reversed span is invalid; an empty one
	// is an incident not yet restored.
	Span calendar.Span
	// OrganizationsAffected counts the organizations (service instances)
	// that are inaccessible or cannot use the service; more than one makes
	// the incident major. Negative is invalid and counts as 0.
	OrganizationsAffected int
	// SignificantDegradation: the service is significantly degraded
	// (major).
	SignificantDegradation bool
	// PlatformDegraded: the underlying cloud platform (Microsoft Azure for
	// Dynamics 365) has degraded functionality (major).
	PlatformDegraded bool
	// Symptoms are what users saw; any symptom makes the incident at least
	// minor.
	Symptoms []Symptom
}

// Severity returns SeverityMajor when more than one organization is
// affected, the service is significantly degraded or the platform is
// degraded; else SeverityMinor when one organization is affected or any
// symptom is reported; else SeverityNone. It reads only the caller's data
// (never the clock) and ignores Span; a negative OrganizationsAffected
// counts as 0 (Validate reports it).
func (i Incident) Severity() Severity {
	switch {
	case i.OrganizationsAffected > 1 || i.SignificantDegradation || i.PlatformDegraded:
		return SeverityMajor
	case i.OrganizationsAffected == 1 || len(i.Symptoms) > 0:
		return SeverityMinor
	}
	return SeverityNone
}

// NeedsReport reports whether the incident owes a post-incident report:
// whether it is major (see Severity). The policy speaks of "a major
// service incident that impacts multiple customers"; this package owes a
// report for every major incident and leaves narrowing that to the caller.
// The report is due at a ReportDeadline's PostIncidentReportDue of
// i.Span.End (see IncidentRecord.ReportDuty).
func (i Incident) NeedsReport() bool { return i.Severity() == SeverityMajor }

// Validate reports every problem at once, as a calendar.ErrorList whose
// entries wrap ErrInvalidIncident and name the field: a reversed Span
// (also wrapping calendar.ErrReversed) and a negative
// OrganizationsAffected. An empty or zero Span is valid here (the times
// may not be known yet).
func (i Incident) Validate() error {
	var errs calendar.ErrorList
	if err := i.Span.Validate(); err != nil {
		errs.Add(fmt.Errorf("%w: span: %w", ErrInvalidIncident, err))
	}
	if i.OrganizationsAffected < 0 {
		errs.Add(fmt.Errorf("%w: organizationsAffected %d is negative", ErrInvalidIncident, i.OrganizationsAffected))
	}
	return errs.Err()
}
