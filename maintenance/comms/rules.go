package comms

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/clip"
)

// ErrInvalidRules is wrapped by every error Rules.Validate reports, and by
// every error reading Rules from JSON.
var ErrInvalidRules = errors.New("comms: invalid communication rules")

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
	// role (Rules.SystemAdminRole).
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
// order and letter case, white space around names ignored; a name given
// twice counts once. The empty or all-white-space string gives the zero
// Audience. An unknown name is an error wrapping
// ErrInvalidRules that quotes it.
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
			return 0, fmt.Errorf("%w: unknown audience %s (want %s)", ErrInvalidRules, clip.Quote(name), strings.Join(audienceNames[:], ", "))
		}
	}
	return a, nil
}

// MarshalText implements encoding.TextMarshaler with String's form.
func (a Audience) MarshalText() ([]byte, error) {
	if a&^allAudience != 0 {
		return nil, fmt.Errorf("%w: audience has unknown bits %#02x", ErrInvalidRules, uint8(a&^allAudience))
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

// Rules are the communication duties of a maintenance and incident
// policy, as data: who is told of planned and unplanned maintenance, how
// far ahead, and how long a dashboard post or an email may follow the
// event. DynamicsCRMOnline returns those of "Policies and Communications
// for Dynamics 365 for Customer Engagement"; change a field to express
// another policy. The Scheduled Downtime rule is not among them: the
// checks take it as a parameter (see the package documentation). Every
// Due the methods compute is the first late instant.
//
// The zero Rules is invalid (no system administrator role, empty
// audiences); Validate says so. Rules is a value type: its methods never
// modify it, and it is safe for concurrent use.
type Rules struct {
	// SystemAdminRole is the security role whose holders are "System
	// Administrators" ("Users that are assigned the System Admin user
	// role", "Prior notification"). Roles match case-insensitively, white
	// space around them ignored.
	SystemAdminRole string `json:"systemAdminRole"`

	// Planned is who is notified of upcoming maintenance with expected
	// downtime or user impact ("Prior notification"): organization
	// admins, the instance's notification addresses and system
	// administrators.
	Planned Audience `json:"planned"`

	// Unplanned is who receives the "Unplanned Maintenance" email of every
	// affected instance ("Unplanned maintenance": "all Customer
	// Engagement System Administrators").
	Unplanned Audience `json:"unplanned"`

	// NotifyLead is how long before planned maintenance that lies wholly
	// inside the region's window its notification must be sent; a
	// notification sent exactly NotifyLead ahead is on time. The policy
	// promises "prior notification" without a figure, so
	// DynamicsCRMOnline's is 0: sent before the start. Maintenance that
	// leaves the window, or any maintenance when window time needs notice,
	// needs the larger of NotifyLead and the Scheduled Downtime rule's
	// NoticeLead, since without that notice its time is Downtime (see
	// Rules.CheckPlan).
	NotifyLead time.Duration `json:"notifyLead"`

	// DashboardGrace is how long after a failed or overrunning update ended
	// its service health dashboard notification may still be posted: the
	// post is late from End + DashboardGrace. The policy gives no figure
	// ("During the update": "a notification will be posted"); 0 means the
	// post is due strictly before the work ended.
	DashboardGrace time.Duration `json:"dashboardGrace"`

	// UnplannedGrace is how long after unplanned maintenance ended its
	// "Unplanned Maintenance" email may still be sent: the email is late
	// from End + UnplannedGrace. The policy gives no figure ("as much
	// notification as possible"); 0 means the email is due strictly before
	// the maintenance ended.
	UnplannedGrace time.Duration `json:"unplannedGrace"`
}

// Validate reports every problem with r at once, as a calendar.ErrorList
// whose entries wrap ErrInvalidRules and name the field: an empty
// SystemAdminRole, an empty Planned or Unplanned audience or one with
// unknown bits, a negative duration. It returns nil for valid rules.
func (r Rules) Validate() error {
	var errs calendar.ErrorList
	bad := func(format string, args ...any) {
		errs.Add(fmt.Errorf("%w: "+format, append([]any{ErrInvalidRules}, args...)...))
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
	}{{"notifyLead", r.NotifyLead}, {"dashboardGrace", r.DashboardGrace}, {"unplannedGrace", r.UnplannedGrace}} {
		if f.d < 0 {
			bad("%s %s is negative", f.name, f.d)
		}
	}
	return errs.Err()
}
