package maintenance

import (
	"errors"
	"fmt"
	"strings"
)

// PlanDuty returns the notification c's plan owes (ok true), or ok false
// when it owes none (ImpactNone). The duty is of KindPlanned, Ref the plan's
// ID, due at c.NotifyDue(), to CommsRules.Planned of every affected
// instance: those Plan.Instances names, or when it names none every
// instance of instances in the plan's region. Recipients are merged and
// de-duplicated case-insensitively in the order of instances.
//
// The error joins one error per malformed address (ErrBadAddress, prefixed
// with the instance's index and name, as UnplannedRecipients does) and per
// name of Plan.Instances not found in instances (ErrBadPlan); the duty
// still lists every well-formed recipient. Only r's SystemAdminRole and
// Planned are read.
func (r CommsRules) PlanDuty(c PlanCheck, instances []Instance) (Duty, bool, error) {
	if !c.NotifyOwed() {
		return Duty{}, false, nil
	}
	affected, idx, err := selectInstances(c.Plan.Instances, c.Plan.Region, instances)
	var l recipientList
	for k, in := range affected {
		l.addInstance(r, in, r.Planned, fmt.Sprintf("instances[%d] %q: ", idx[k], in.Name))
	}
	reason := fmt.Sprintf("planned maintenance with expected %s in %s %s; notify %s", c.Plan.Impact,
		strings.ToUpper(strings.TrimSpace(c.Plan.Region)), c.Plan.Span, r.Planned)
	if c.NotifyLead > 0 {
		reason += fmt.Sprintf(" at least %s ahead", c.NotifyLead)
	} else {
		reason += " before it starts"
	}
	if !c.InWindow() {
		reason += fmt.Sprintf(" (%s of it is outside the %s window)", c.Outside.Duration(), c.Window)
	}
	d := Duty{Kind: KindPlanned, Ref: c.Plan.ID, Recipients: l.addrs, Due: c.NotifyDue(), Reason: reason}
	return d, true, errors.Join(append([]error{err}, l.errs...)...)
}

// selectInstances returns the instances named by names (case-insensitive
// Instance.Name), or every instance of region when names is empty, with
// their indexes in all. A name that matches no instance is an error
// wrapping ErrBadPlan.
func selectInstances(names []string, region string, all []Instance) ([]Instance, []int, error) {
	var out []Instance
	var idx []int
	if len(names) == 0 {
		for i, in := range all {
			if strings.EqualFold(strings.TrimSpace(in.Region), strings.TrimSpace(region)) {
				out = append(out, in)
				idx = append(idx, i)
			}
		}
		return out, idx, nil
	}
	matched := make([]bool, len(names))
	for i, in := range all {
		hit := false
		for j, name := range names {
			if strings.EqualFold(strings.TrimSpace(in.Name), strings.TrimSpace(name)) {
				matched[j] = true
				hit = true
			}
		}
		if hit {
			out = append(out, in)
			idx = append(idx, i)
		}
	}
	var errs []error
	for j, ok := range matched {
		if !ok {
			errs = append(errs, fmt.Errorf("%w: affected instance %q (instances[%d]) is not among the instances given", ErrBadPlan, names[j], j))
		}
	}
	return out, idx, errors.Join(errs...)
}
