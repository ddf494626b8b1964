package maintenance

import (
	"errors"
	"fmt"
	"strings"

	"github.com/slapolicy/slapolicy/calendar"
)

// Unplanned is unplanned maintenance: changes the provider had to make
// without planning them, which "are not considered planned maintenance"
// (seed). ID is the caller's reference, Span when it ran, half-open [Start,
// End), and Instances the names of the affected instances (Instance.Name,
// matched case-insensitively), at least one.
//
// The zero Unplanned is invalid. Unplanned is a value; do not modify
// Instances while another goroutine reads it.
type Unplanned struct {
	ID        string        `json:"id"`
	Span      calendar.Span `json:"span"`
	Instances []string      `json:"instances"`
}

// Validate reports every problem with u at once (errors.Join), each wrapping
// ErrBadPlan: a reversed (also calendar.ErrReversed) or empty span, no
// affected instance, a blank instance name.
func (u Unplanned) Validate() error {
	errs := []error{checkSpan("span", u.Span)}
	if len(u.Instances) == 0 {
		errs = append(errs, fmt.Errorf("%w: unplanned maintenance %q affects no instance", ErrBadPlan, u.ID))
	}
	for i, name := range u.Instances {
		if strings.TrimSpace(name) == "" {
			errs = append(errs, fmt.Errorf("%w: instances[%d] is blank", ErrBadPlan, i))
		}
	}
	return errors.Join(errs...)
}

// UnplannedDuty returns the "Unplanned Maintenance" email u owes: of
// KindUnplanned, Ref u.ID, to CommsRules.Unplanned (the System
// Administrators) of every instance of instances that u.Instances names,
// merged and de-duplicated case-insensitively in the order of instances
// (UnplannedRecipients), due at u.Span.End + CommsRules.UnplannedGrace.
//
// The error joins u.Validate's errors, r.Validate's, one per name of
// u.Instances not found in instances (ErrBadPlan) and one per malformed
// address (ErrBadAddress); the duty still lists every well-formed
// recipient unless u or r is invalid, when it is the zero Duty.
func (r CommsRules) UnplannedDuty(u Unplanned, instances []Instance) (Duty, error) {
	if err := errors.Join(r.Validate(), u.Validate()); err != nil {
		return Duty{}, err
	}
	affected, idx, err := selectInstances(u.Instances, "", instances)
	var l recipientList
	for k, in := range affected {
		l.addInstance(r, in, r.Unplanned, fmt.Sprintf("instances[%d] %q: ", idx[k], in.Name))
	}
	d := Duty{
		Kind:       KindUnplanned,
		Ref:        u.ID,
		Recipients: l.addrs,
		Due:        u.Span.End.Add(r.UnplannedGrace),
		Reason: fmt.Sprintf("unplanned maintenance %s affected %d instance(s); email \"Unplanned Maintenance\" to %s of each",
			u.Span, len(affected), r.Unplanned),
	}
	return d, errors.Join(append([]error{err}, l.errs...)...)
}
