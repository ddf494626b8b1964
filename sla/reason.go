package sla

import "strings"

// Cause names why an outage happened, as far as the SLA's exclusions care.
// The empty Cause is the service's own fault: it always counts against the
// service level. The other causes are the exclusions of the Microsoft
// Dynamics CRM Online SLA's section D.1.b, as the Cause constants below; a
// policy lists the ones it excludes (Policy.ExcludedCauses), and an outage
// whose cause the policy does not exclude counts like the service's own
// fault.
//
// Assess rejects an outage whose cause is neither empty nor one of Causes,
// so a misspelt cause can never decide whether time counts. Cause is a
// string; its zero value is the empty Cause. It is safe for concurrent use.
type Cause string

// The causes of section D.1.b, in its order. Item vii is the intermittent
// rule (Policy.IntermittentLimit), not a cause.
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
	// maintenance window (section E, definition 11, first half).
	ReasonWindow Reason = "window"
	// ReasonNotice is Scheduled Downtime the provider announced at least
	// the policy's NoticeLead before it began (definition 11, second half).
	ReasonNotice Reason = "notice"
	// ReasonIntermittent is a contiguous period of otherwise counted
	// downtime no longer than the policy's IntermittentLimit (section
	// D.1.b.vii), or shorter than its MinimumPeriod.
	ReasonIntermittent Reason = "intermittent"
)

// code is the one encoding of a Reason inside the package: a byte, so that
// an assessment's parts and its sums by reason are arrays indexed by it.
// The four reasons that are not causes come first, then each known cause
// in section D's order.
type code uint8

const (
	codeCounted code = iota
	codeWindow
	codeNotice
	codeIntermittent
	codeCause0 // the first cause; the causes follow in section D's order
	numCodes   = codeCause0 + 6
)

// reasons is the Reason of each code.
var reasons = [numCodes]Reason{
	ReasonCounted, ReasonWindow, ReasonNotice, ReasonIntermittent,
	Reason(CauseOutsideControl), Reason(CauseAddOn), Reason(CauseCustomerSystems),
	Reason(CauseCustomerActions), Reason(CauseIgnoredAdvice), Reason(CausePreview),
}

// numCauses is how many causes the library knows.
const numCauses = int(numCodes - codeCause0)

// reason returns the Reason c names.
func (c code) reason() Reason { return reasons[c] }

// causeCode returns the code of a known cause, and false for any other
// Cause (the empty one included). The switch compiles to a few length and
// byte comparisons.
func causeCode(c Cause) (code, bool) {
	switch c {
	case CauseOutsideControl:
		return codeCause0, true
	case CauseAddOn:
		return codeCause0 + 1, true
	case CauseCustomerSystems:
		return codeCause0 + 2, true
	case CauseCustomerActions:
		return codeCause0 + 3, true
	case CauseIgnoredAdvice:
		return codeCause0 + 4, true
	case CausePreview:
		return codeCause0 + 5, true
	}
	return 0, false
}

// Causes returns every Cause the library knows, in section D's order, in a
// new slice the caller may modify. The empty Cause (the service's own
// fault) is not in it.
func Causes() []Cause {
	out := make([]Cause, 0, numCauses)
	for c := codeCause0; c < numCodes; c++ {
		out = append(out, Cause(c.reason()))
	}
	return out
}

// Known reports whether c is one of Causes. The empty Cause is not known:
// it is the service's own fault, which no policy can exclude.
func (c Cause) Known() bool {
	_, ok := causeCode(c)
	return ok
}

// Reason returns the Reason under which time excluded for cause c is
// reported: the same string. The empty Cause gives ReasonCounted.
func (c Cause) Reason() Reason { return Reason(c) }

// reserved reports whether name is one of the reasons that a cause may not
// be called.
func reserved(name Cause) bool {
	switch Reason(name) {
	case ReasonWindow, ReasonNotice, ReasonIntermittent:
		return true
	}
	return false
}

// knownList returns the known causes as a comma-separated list, for error
// messages.
func knownList() string {
	var b strings.Builder
	for c := codeCause0; c < numCodes; c++ {
		if c > codeCause0 {
			b.WriteString(", ")
		}
		b.WriteString(string(c.reason()))
	}
	return b.String()
}
