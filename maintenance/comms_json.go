package maintenance

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// commsJSON is the JSON form of CommsRules: audiences as their text,
// durations as Go duration strings.
type commsJSON struct {
	SystemAdminRole   string   `json:"systemAdminRole"`
	Planned           Audience `json:"planned"`
	Unplanned         Audience `json:"unplanned"`
	NoticeLead        string   `json:"noticeLead"`
	WindowNeedsNotice bool     `json:"windowNeedsNotice"`
	NotifyLead        string   `json:"notifyLead"`
	DashboardGrace    string   `json:"dashboardGrace"`
	UnplannedGrace    string   `json:"unplannedGrace"`
}

// commsKeys are the JSON keys of CommsRules, in MarshalJSON's order.
var commsKeys = []string{"systemAdminRole", "planned", "unplanned", "noticeLead", "windowNeedsNotice", "notifyLead", "dashboardGrace", "unplannedGrace"}

// MarshalJSON writes r as a JSON object with the fields' json names,
// audiences in Audience's text form and durations as Go duration strings:
// DynamicsCRMOnlineComms gives
//
//	{"systemAdminRole":"System Administrator",
//	 "planned":"orgAdmins+notificationEmails+systemAdmins",
//	 "unplanned":"systemAdmins","noticeLead":"24h0m0s",
//	 "windowNeedsNotice":false,"notifyLead":"0s",
//	 "dashboardGrace":"0s","unplannedGrace":"0s"}
//
// It fails on an audience with unknown bits.
func (r CommsRules) MarshalJSON() ([]byte, error) {
	return json.Marshal(commsJSON{
		SystemAdminRole:   r.SystemAdminRole,
		Planned:           r.Planned,
		Unplanned:         r.Unplanned,
		NoticeLead:        r.NoticeLead.String(),
		WindowNeedsNotice: r.WindowNeedsNotice,
		NotifyLead:        r.NotifyLead.String(),
		DashboardGrace:    r.DashboardGrace.String(),
		UnplannedGrace:    r.UnplannedGrace.String(),
	})
}

// UnmarshalJSON reads MarshalJSON's form. An unknown key is an error (a
// typo in a configuration file must not go unnoticed); a missing key takes
// the zero value, and the result must then pass Validate, so a file that
// leaves out an audience fails loudly. Every error wraps ErrBadCommsRules
// and names the field. On error r is left unchanged.
func (r *CommsRules) UnmarshalJSON(b []byte) error {
	// Keys must match exactly: encoding/json alone would take
	// "noticelead" for "noticeLead".
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("%w: %w", ErrBadCommsRules, err)
	}
	var unknown []error
	for k := range raw {
		if !slices.Contains(commsKeys, k) {
			unknown = append(unknown, fmt.Errorf("%w: unknown key %q (known: %s)", ErrBadCommsRules, k, strings.Join(commsKeys, ", ")))
		}
	}
	if len(unknown) > 0 {
		slices.SortFunc(unknown, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
		return errors.Join(unknown...)
	}
	var in commsJSON
	if err := json.Unmarshal(b, &in); err != nil {
		return fmt.Errorf("%w: %w", ErrBadCommsRules, err)
	}
	v := CommsRules{
		SystemAdminRole:   in.SystemAdminRole,
		Planned:           in.Planned,
		Unplanned:         in.Unplanned,
		WindowNeedsNotice: in.WindowNeedsNotice,
	}
	var errs []error
	for _, f := range []struct {
		name string
		text string
		dst  *time.Duration
	}{
		{"noticeLead", in.NoticeLead, &v.NoticeLead},
		{"notifyLead", in.NotifyLead, &v.NotifyLead},
		{"dashboardGrace", in.DashboardGrace, &v.DashboardGrace},
		{"unplannedGrace", in.UnplannedGrace, &v.UnplannedGrace},
	} {
		if f.text == "" {
			continue // missing: zero
		}
		d, err := time.ParseDuration(f.text)
		if err != nil {
			errs = append(errs, fmt.Errorf("%w: %s %q is not a Go duration", ErrBadCommsRules, f.name, f.text))
			continue
		}
		*f.dst = d
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if err := v.Validate(); err != nil {
		return err
	}
	*r = v
	return nil
}
