package comms

import (
	"fmt"
	"strings"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/clip"
)

// Unplanned is unplanned maintenance: changes the provider had to make
// without planning them, which "are not considered planned maintenance"
// ("Unplanned maintenance"). ID is the caller's reference, Span when it
// ran, half-open [Start, End), and Instances the names of the affected
// instances (Instance.Name, matched case-insensitively), at least one.
//
// The zero Unplanned is invalid. Unplanned is a value; do not modify
// Instances while another goroutine reads it.
type Unplanned struct {
	ID        string        `json:"id"`
	Span      calendar.Span `json:"span"`
	Instances []string      `json:"instances"`
}

// Validate reports every problem with u at once, as a calendar.ErrorList
// whose entries wrap ErrInvalidPlan: a reversed (also calendar.ErrReversed)
// or empty span, no affected instance, a blank instance name.
func (u Unplanned) Validate() error {
	var errs calendar.ErrorList
	errs.Add(checkSpan("span", u.Span))
	if len(u.Instances) == 0 {
		errs.Add(fmt.Errorf("%w: unplanned maintenance %s affects no instance", ErrInvalidPlan, clip.Quote(u.ID)))
	}
	for i, name := range u.Instances {
		if strings.TrimSpace(name) == "" {
			errs.Add(fmt.Errorf("%w: instances[%d] is blank", ErrInvalidPlan, i))
		}
	}
	return errs.Err()
}

// UnplannedDuty returns the "Unplanned Maintenance" email u owes, and
// true: of KindUnplanned, Ref u.ID, to Rules.Unplanned (the System
// Administrators) of every instance of instances that u.Instances names,
// merged and de-duplicated case-insensitively in the order of instances
// (UnplannedRecipients), due at u.Span.End + Rules.UnplannedGrace.
//
// When u or r is invalid it returns false and their problems. Otherwise
// the error is a calendar.ErrorList of one problem per name of
// u.Instances not found in instances (ErrInvalidPlan) and one per
// malformed address (ErrInvalidAddress), and the duty still lists every
// well-formed recipient.
func (r Rules) UnplannedDuty(u Unplanned, instances []Instance) (Duty, bool, error) {
	var errs calendar.ErrorList
	errs.Add(r.Validate())
	errs.Add(u.Validate())
	if err := errs.Err(); err != nil {
		return Duty{}, false, err
	}
	affected, idx, err := selectInstances(u.Instances, "", instances)
	var l recipientList
	for k, in := range affected {
		l.addInstance(r, in, r.Unplanned, fmt.Sprintf("instances[%d] %s: ", idx[k], clip.Quote(in.Name)))
	}
	d := Duty{
		Kind:       KindUnplanned,
		Ref:        u.ID,
		Recipients: l.addrs,
		Due:        u.Span.End.Add(r.UnplannedGrace),
		Reason: fmt.Sprintf("unplanned maintenance %s affected %d instance(s); email \"Unplanned Maintenance\" to %s of each",
			u.Span, len(affected), r.Unplanned),
	}
	var all calendar.ErrorList
	all.Add(err)
	all.Add(l.errs)
	return d, true, all.Err()
}
