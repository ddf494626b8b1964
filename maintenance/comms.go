package maintenance

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrBadCommsRules is wrapped by every error CommsRules.Validate reports.
var ErrBadCommsRules = errors.New("maintenance: bad communication rules")

// Audience is a set of the groups of an Instance's people a communication
// goes to, as bits: OrgAdmins, NotificationEmails, SystemAdmins. The zero
// Audience is nobody. Audience is a small comparable value, safe for
// concurrent use.
type Audience uint8

const (
	// OrgAdmins is the organization's admins (Instance.OrgAdmins).
	OrgAdmins Audience = 1 << iota
	// NotificationEmails is the addresses set in the instance's notification
	// option in the admin center (Instance.NotificationEmails).
	NotificationEmails
	// SystemAdmins is the instance's users holding the system administrator
	// role (CommsRules.SystemAdminRole).
	SystemAdmins

	allAudience = OrgAdmins | NotificationEmails | SystemAdmins
)

// audienceNames are the names of the Audience bits, in bit order; String,
// MarshalText and ParseAudience use them.
var audienceNames = [...]string{"orgAdmins", "notificationEmails", "systemAdmins"}

// Has reports whether a includes every group of g.
func (a Audience) Has(g Audience) bool { return a&g == g }

// String returns the groups of a as their names joined by "+", in bit order:
// "orgAdmins+notificationEmails+systemAdmins". The zero Audience gives "";
// unknown bits are shown as "0x08".
func (a Audience) String() string {
	var parts []string
	for i, name := range audienceNames {
		if a&(1<<i) != 0 {
			parts = append(parts, name)
		}
	}
	if rest := a &^ allAudience; rest != 0 {
		parts = append(parts, fmt.Sprintf("%#02x", uint8(rest)))
	}
	return strings.Join(parts, "+")
}

// ParseAudience reads String's form: group names joined by "+", in any
// order and letter case, white space around names ignored. The empty string
// gives the zero Audience. An unknown name is an error wrapping
// ErrBadCommsRules that quotes it.
func ParseAudience(s string) (Audience, error) {
	var a Audience
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	for _, part := range strings.Split(s, "+") {
		name := strings.TrimSpace(part)
		found := false
		for i, known := range audienceNames {
			if strings.EqualFold(name, known) {
				a |= 1 << i
				found = true
			}
		}
		if !found {
			return 0, fmt.Errorf("%w: unknown audience %q (want %s)", ErrBadCommsRules, name, strings.Join(audienceNames[:], ", "))
		}
	}
	return a, nil
}

// MarshalText implements encoding.TextMarshaler with String's form.
func (a Audience) MarshalText() ([]byte, error) {
	if a&^allAudience != 0 {
		return nil, fmt.Errorf("%w: audience has unknown bits %#02x", ErrBadCommsRules, uint8(a&^allAudience))
	}
	return []byte(a.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseAudience. On
// error a is left unchanged.
func (a *Audience) UnmarshalText(text []byte) error {
	v, err := ParseAudience(string(text))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// CommsRules are the communication duties of the maintenance policy (seed
// 000, "Policies and Communications"), as data. DynamicsCRMOnlineComms
// returns the seed's; change a field to express another policy.
//
// Deadlines: every Due this package computes is the first instant that is
// late; a message sent strictly before Due is on time.
//
// The zero CommsRules is invalid (no system administrator role, empty
// audiences); Validate says so. CommsRules is a value type: its methods
// never modify it, and it is safe for concurrent use.
type CommsRules struct {
	// SystemAdminRole is the security role whose holders are "System
	// Administrators" (seed: "System Administrator role", "System Admin user
	// role"). Roles match case-insensitively, white space around them
	// ignored. Default "System Administrator".
	SystemAdminRole string `json:"systemAdminRole"`

	// Planned is who is notified of upcoming maintenance with expected
	// downtime or user impact (seed, "Prior notification"): organization
	// admins, the instance's notification addresses and system
	// administrators. Default OrgAdmins|NotificationEmails|SystemAdmins.
	Planned Audience `json:"planned"`

	// Unplanned is who receives the "Unplanned Maintenance" email of every
	// affected instance (seed, "Unplanned maintenance": "all Customer
	// Engagement System Administrators"). Default SystemAdmins.
	Unplanned Audience `json:"unplanned"`

	// NoticeLead is how long before maintenance begins an announcement must
	// be published for the work to be Scheduled Downtime when it falls
	// outside the region's window (SLA definition 11: "at least 24-hours
	// prior"; exactly the lead counts). It should equal the SLA policy's
	// notice lead. Default 24h.
	NoticeLead time.Duration `json:"noticeLead"`

	// WindowNeedsNotice, when true, makes time inside the published window
	// Scheduled Downtime only when the maintenance was announced at least
	// NoticeLead ahead, as the SLA policy option of the same name does. It
	// should equal the SLA policy's. Default false: window time is always
	// Scheduled Downtime (the seed's literal reading).
	WindowNeedsNotice bool `json:"windowNeedsNotice"`

	// NotifyLead is how long before planned maintenance that lies wholly
	// inside the region's window its notification must be sent. The seed
	// promises "prior notification" without a figure, so the default is 0:
	// sent no later than the start. Maintenance that leaves the window needs
	// the larger of NotifyLead and NoticeLead, since without it the time
	// outside the window is Downtime.
	NotifyLead time.Duration `json:"notifyLead"`

	// DashboardGrace is how long after a failed or overrunning update ended
	// its service health dashboard notification may still be posted. The
	// seed gives no figure ("a notification will be posted"); the default 0
	// means the post is due while the work is still under way, before it
	// ended.
	DashboardGrace time.Duration `json:"dashboardGrace"`

	// UnplannedGrace is how long after unplanned maintenance ended its
	// "Unplanned Maintenance" email may still be sent. The seed gives no
	// figure ("as much notification as possible"); the default 0 means the
	// email is due before the maintenance ended.
	UnplannedGrace time.Duration `json:"unplannedGrace"`
}

// DynamicsCRMOnlineComms returns the seed's communication rules: system
// administrator role "System Administrator"; planned maintenance notified to
// organization admins, notification addresses and system administrators;
// unplanned maintenance emailed to system administrators; notice lead 24
// hours; window time always scheduled; notification lead 0; dashboard and
// unplanned grace 0.
func DynamicsCRMOnlineComms() CommsRules {
	return CommsRules{
		SystemAdminRole: "System Administrator",
		Planned:         OrgAdmins | NotificationEmails | SystemAdmins,
		Unplanned:       SystemAdmins,
		NoticeLead:      24 * time.Hour,
	}
}

// Validate reports every problem with r at once (errors.Join), each wrapping
// ErrBadCommsRules and naming the field: an empty SystemAdminRole, an empty
// Planned or Unplanned audience or one with unknown bits, a negative
// duration. It returns nil for valid rules.
func (r CommsRules) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrBadCommsRules}, args...)...))
	}
	if strings.TrimSpace(r.SystemAdminRole) == "" {
		bad("systemAdminRole is empty")
	}
	for _, f := range []struct {
		name string
		a    Audience
	}{{"planned", r.Planned}, {"unplanned", r.Unplanned}} {
		switch {
		case f.a == 0:
			bad("%s audience is empty", f.name)
		case f.a&^allAudience != 0:
			bad("%s audience %q has unknown bits", f.name, f.a.String())
		}
	}
	for _, f := range []struct {
		name string
		d    time.Duration
	}{{"noticeLead", r.NoticeLead}, {"notifyLead", r.NotifyLead}, {"dashboardGrace", r.DashboardGrace}, {"unplannedGrace", r.UnplannedGrace}} {
		if f.d < 0 {
			bad("%s %s is negative", f.name, f.d)
		}
	}
	return errors.Join(errs...)
}
