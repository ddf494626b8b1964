package comms

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/strictjson"
)

// rulesJSON is the JSON form of Rules: audiences as their text, durations
// as Go duration strings.
type rulesJSON struct {
	SystemAdminRole string   `json:"systemAdminRole"`
	Planned         Audience `json:"planned"`
	Unplanned       Audience `json:"unplanned"`
	NotifyLead      string   `json:"notifyLead"`
	DashboardGrace  string   `json:"dashboardGrace"`
	UnplannedGrace  string   `json:"unplannedGrace"`
}

// rulesKeys are the JSON keys of Rules, in MarshalJSON's order.
var rulesKeys = []string{"systemAdminRole", "planned", "unplanned", "notifyLead", "dashboardGrace", "unplannedGrace"}

// MarshalJSON writes r as a JSON object with the fields' json names,
// audiences in Audience's text form and durations as Go duration strings:
// DynamicsCRMOnline gives
//
//	{"systemAdminRole":"System Administrator",
//	 "planned":"orgAdmins+notificationEmails+systemAdmins",
//	 "unplanned":"systemAdmins","notifyLead":"0s",
//	 "dashboardGrace":"0s","unplannedGrace":"0s"}
//
// It fails on an audience with unknown bits.
func (r Rules) MarshalJSON() ([]byte, error) {
	return json.Marshal(rulesJSON{
		SystemAdminRole: r.SystemAdminRole,
		Planned:         r.Planned,
		Unplanned:       r.Unplanned,
		NotifyLead:      r.NotifyLead.String(),
		DashboardGrace:  r.DashboardGrace.String(),
		UnplannedGrace:  r.UnplannedGrace.String(),
	})
}

// UnmarshalJSON reads MarshalJSON's form. Keys are matched
// case-sensitively; an unknown key or a key given twice is an error (a
// typo in a configuration file must not go unnoticed); a missing key takes
// the zero value, and the result must then pass Validate, so a file that
// leaves out an audience fails loudly. Every problem is reported at once,
// as a calendar.ErrorList whose entries wrap ErrInvalidRules and name the
// field. On error r is left unchanged.
func (r *Rules) UnmarshalJSON(b []byte) error {
	fields, keyErrs := strictjson.Object(b, "rules", rulesKeys, ErrInvalidRules)
	if fields == nil {
		return calendar.ErrorList(keyErrs)
	}
	var v Rules
	list := calendar.ErrorList(keyErrs)
	keyProblems := len(list)
	list.Add(strictjson.String(fields["systemAdminRole"], &v.SystemAdminRole, "systemAdminRole", `a string such as "System Administrator"`, ErrInvalidRules))
	for _, f := range []struct {
		key string
		dst *Audience
	}{{"planned", &v.Planned}, {"unplanned", &v.Unplanned}} {
		var s string
		if err := strictjson.String(fields[f.key], &s, f.key, `a string such as "orgAdmins+systemAdmins"`, ErrInvalidRules); err != nil {
			list.Add(err)
			continue
		}
		a, err := ParseAudience(s)
		if err != nil {
			list.Add(fmt.Errorf("%s: %w", f.key, err))
			continue
		}
		*f.dst = a
	}
	for _, f := range []struct {
		key string
		dst *time.Duration
	}{{"notifyLead", &v.NotifyLead}, {"dashboardGrace", &v.DashboardGrace}, {"unplannedGrace", &v.UnplannedGrace}} {
		var s string
		if err := strictjson.String(fields[f.key], &s, f.key, `a duration string such as "24h0m0s"`, ErrInvalidRules); err != nil {
			list.Add(err)
			continue
		}
		if s == "" {
			continue // missing: zero
		}
		d, err := time.ParseDuration(s)
		if err != nil {
			list.Add(fmt.Errorf("%w: %s %s is not a Go duration such as \"24h0m0s\"", ErrInvalidRules, f.key, strictjson.Quote(s)))
			continue
		}
		*f.dst = d
	}
	if len(list) == keyProblems {
		list.Add(v.Validate()) // only a value read whole is judged
	}
	if err := list.Err(); err != nil {
		return err
	}
	*r = v
	return nil
}
