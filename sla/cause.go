package sla

// Cause names why an outage happened, as far as the SLA's exclusions care.
// The empty Cause is the service's own fault: it always counts against the
// service level. The other causes are the section D exclusions of the SLA
// (seed 004), as the Cause constants below; a policy lists the ones it
// excludes (Policy.ExcludedCauses), and an outage whose cause the policy
// does not exclude counts like the service's own fault.
//
// Assess rejects an outage whose cause is neither empty nor one of Causes,
// so a misspelt cause can never decide whether time counts. Cause is a
// string; its zero value is the empty Cause. It is safe for concurrent use.
type Cause string

// The causes of seed 004, section D.1.b, in the seed's order. Item vii is
// the intermittent rule (Policy.IntermittentLimit), not a cause.
const (
	// CauseOutsideControl is item i: factors outside the provider's
	// reasonable control.
	CauseOutsideControl Cause = "outside-control"
	// CauseAddOn is item ii: add-on features of the service, such as
	// Internet Marketing or Reporting Services.
	CauseAddOn Cause = "add-on"
	// CauseCustomerSystems is item iii: the customer's or third parties'
	// hardware, software or services.
	CauseCustomerSystems Cause = "customer-systems"
	// CauseCustomerActions is items iv and v: actions or inactions of the
	// customer, third parties, their employees, agents, contractors or
	// vendors, or anyone using the customer's passwords or equipment.
	CauseCustomerActions Cause = "customer-actions"
	// CauseIgnoredAdvice is item vi: the customer's use of the service after
	// the provider advised a change of use that the customer did not make.
	CauseIgnoredAdvice Cause = "ignored-advice"
	// CausePreview is item viii: beta, trial offers, early access programs
	// and demos.
	CausePreview Cause = "preview"
)

// knownCauses is the seed's order; Causes returns a copy.
var knownCauses = [...]Cause{
	CauseOutsideControl, CauseAddOn, CauseCustomerSystems,
	CauseCustomerActions, CauseIgnoredAdvice, CausePreview,
}

// Causes returns every Cause the library knows, in the seed's order, in a
// new slice the caller may modify. The empty Cause (the service's own
// fault) is not in it.
func Causes() []Cause {
	out := make([]Cause, len(knownCauses))
	copy(out, knownCauses[:])
	return out
}

// Known reports whether c is one of Causes. The empty Cause is not known:
// it is the service's own fault, which no policy can exclude.
func (c Cause) Known() bool { return c.index() >= 0 }

// index returns c's position in knownCauses, or -1.
func (c Cause) index() int {
	for i, k := range knownCauses {
		if c == k {
			return i
		}
	}
	return -1
}

// Reason returns the Reason under which time excluded for cause c is
// reported: the same string. The empty Cause gives ReasonCounted.
func (c Cause) Reason() Reason { return Reason(c) }

// Reason says why a moment of outage did, or did not, count as Downtime.
// It is ReasonWindow, ReasonNotice, ReasonIntermittent, one Reason per
// excluded Cause (Reason(cause), the same string), or ReasonCounted for
// time that counts against the service level. Reason is a string, safe for
// concurrent use; its zero value is ReasonCounted.
type Reason string

// The reasons that are not causes, and the marker for counted time.
const (
	// ReasonCounted marks outage time that counts as Downtime. It is the
	// empty string, like the empty Cause, and never appears as a key of
	// Assessment.Excluded.
	ReasonCounted Reason = ""
	// ReasonWindow is Scheduled Downtime inside the region's published
	// maintenance window (seed 004, definition 11, first half).
	ReasonWindow Reason = "window"
	// ReasonNotice is Scheduled Downtime the provider announced at least
	// the policy's NoticeLead before it began (definition 11, second half).
	ReasonNotice Reason = "notice"
	// ReasonIntermittent is a contiguous period of otherwise counted
	// downtime no longer than the policy's IntermittentLimit (section
	// D.1.b.vii).
	ReasonIntermittent Reason = "intermittent"
)

// reserved reports whether name is one of the reasons that a cause may not
// be called.
func reserved(name Cause) bool {
	switch Reason(name) {
	case ReasonWindow, ReasonNotice, ReasonIntermittent:
		return true
	}
	return false
}
