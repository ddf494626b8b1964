package comms

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"unicode"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/clip"
)

// ErrInvalidAddress is wrapped by the error for every malformed email
// address found while building a recipient list. Test for it with
// errors.Is.
var ErrInvalidAddress = errors.New("comms: malformed email address")

// AddressError reports a malformed email address in an instance's settings:
// Field is its position ("notificationEmails[2]", "users[4].email",
// prefixed by `instances[1] "fabrikam": ` when several instances are read),
// Value the entry as written and Err the reason (net/mail's error, or
// "empty"). errors.Is(e, ErrInvalidAddress) holds.
//
// A *AddressError is not modified after it is returned and is safe for
// concurrent use.
type AddressError struct {
	Field string
	Value string
	Err   error
}

// Error reads `notificationEmails[2]: malformed email address "bob@": ` and
// the reason.
func (e *AddressError) Error() string {
	return fmt.Sprintf("%s: %v %s: %v", e.Field, ErrInvalidAddress, clip.Quote(e.Value), e.Err)
}

// Unwrap returns ErrInvalidAddress and the reason, so errors.Is finds both.
func (e *AddressError) Unwrap() []error { return []error{ErrInvalidAddress, e.Err} }

// User is a person with access to an instance: their email address and the
// security roles they hold. The zero User has no address and no roles.
// User is a plain value; do not modify Roles while another goroutine reads
// it.
type User struct {
	Email string   `json:"email"`
	Roles []string `json:"roles,omitempty"`
}

// Instance is one customer environment (organization) of the service with
// the people and settings that decide who is told about its maintenance:
//
//   - Name identifies it in plans, messages and reports, e.g.
//     "contoso.crm4.dynamics.com"; names match case-insensitively.
//   - Region is its region code in the region table ("EUR"), which gives
//     its maintenance window.
//   - OrgAdmins are the organization admins' addresses.
//   - NotificationEmails are the addresses set in the Dynamics 365 admin
//     center notification option for the instance.
//   - Users are its users with their roles.
//
// Addresses may be bare ("ana@contoso.com") or with a display name ("Ana
// <ana@contoso.com>"), as net/mail.ParseAddress reads them. The zero
// Instance has nobody to notify. Instance is a plain value; do not modify
// its slices while another goroutine reads them.
type Instance struct {
	Name               string   `json:"name"`
	Region             string   `json:"region"`
	OrgAdmins          []string `json:"orgAdmins,omitempty"`
	NotificationEmails []string `json:"notificationEmails,omitempty"`
	Users              []User   `json:"users,omitempty"`
}

// IsSystemAdmin reports whether u holds role: some entry of u.Roles equals
// role ignoring letter case and surrounding white space. An empty role
// matches nobody.
func (u User) IsSystemAdmin(role string) bool {
	role = strings.TrimSpace(role)
	if role == "" {
		return false
	}
	for _, r := range u.Roles {
		if strings.EqualFold(strings.TrimSpace(r), role) {
			return true
		}
	}
	return false
}

// Recipients returns who of in's people belongs to audience aud under r,
// as email addresses, in this order: organization admins, notification
// addresses, then users holding r.SystemAdminRole, each group in the
// instance's order.
//
// Each entry is read with net/mail.ParseAddress and the list holds its
// address part ("Ana <ana@contoso.com>" gives "ana@contoso.com"). The list
// is de-duplicated case-insensitively (strings.EqualFold on the address
// part): the first spelling is kept, in the first place it appears.
//
// Every malformed address of a group in aud is reported with its position,
// never silently dropped: the error is a calendar.ErrorList of one error
// per bad entry, each a *AddressError wrapping ErrInvalidAddress and starting with the
// field, as in
// `notificationEmails[2]: malformed email address "bob@": ...` or
// `users[4].email: ...`. The returned list still holds every well-formed
// recipient, so a caller may both send to it and fix the settings.
// Addresses of users who do not hold the role are not checked. Only r's
// SystemAdminRole is read; r need not be otherwise valid.
func (r Rules) Recipients(in Instance, aud Audience) ([]string, error) {
	var l recipientList
	l.addInstance(r, in, aud, "")
	return l.addrs, l.errs.Err()
}

// PlannedRecipients returns r.Recipients(in, r.Planned): who must be told
// of upcoming maintenance of in with expected downtime or user impact.
func (r Rules) PlannedRecipients(in Instance) ([]string, error) {
	return r.Recipients(in, r.Planned)
}

// UnplannedRecipients returns who is owed the "Unplanned Maintenance" email
// when the instances affected are affected: r.Recipients(in, r.Unplanned) of
// each, in the order given, merged into one list de-duplicated
// case-insensitively (first spelling kept). Errors are reported as by
// Recipients, prefixed by the instance's index and name:
// `instances[1] "fabrikam": users[0].email: ...`.
func (r Rules) UnplannedRecipients(affected []Instance) ([]string, error) {
	var l recipientList
	for i, in := range affected {
		l.addInstance(r, in, r.Unplanned, fmt.Sprintf("instances[%d] %s: ", i, clip.Quote(in.Name)))
	}
	return l.addrs, l.errs.Err()
}

// MissingRecipients returns the addresses of owed that no entry of sent
// matches, in owed's order. Addresses match when their address parts are
// equal ignoring letter case; an entry that net/mail cannot read is
// compared as written, trimmed of white space.
func MissingRecipients(owed, sent []string) []string {
	have := make(map[string]bool, len(sent))
	for _, s := range sent {
		have[addressKey(s)] = true
	}
	var missing []string
	for _, o := range owed {
		if !have[addressKey(o)] {
			missing = append(missing, o)
		}
	}
	return missing
}

// recipientList collects addresses, de-duplicated by fold key, and the
// errors for malformed ones.
type recipientList struct {
	addrs []string
	seen  map[string]bool
	errs  calendar.ErrorList
}

func (l *recipientList) addInstance(r Rules, in Instance, aud Audience, prefix string) {
	if aud.Has(OrgAdmins) {
		for i, a := range in.OrgAdmins {
			l.add(a, fmt.Sprintf("%sorgAdmins[%d]", prefix, i))
		}
	}
	if aud.Has(NotificationEmails) {
		for i, a := range in.NotificationEmails {
			l.add(a, fmt.Sprintf("%snotificationEmails[%d]", prefix, i))
		}
	}
	if aud.Has(SystemAdmins) {
		for i, u := range in.Users {
			if u.IsSystemAdmin(r.SystemAdminRole) {
				l.add(u.Email, fmt.Sprintf("%susers[%d].email", prefix, i))
			}
		}
	}
}

func (l *recipientList) add(raw, field string) {
	addr, err := parseAddress(raw)
	if err != nil {
		l.errs.Add(&AddressError{Field: field, Value: raw, Err: err})
		return
	}
	key := foldKey(addr)
	if l.seen[key] {
		return
	}
	if l.seen == nil {
		l.seen = make(map[string]bool)
	}
	l.seen[key] = true
	l.addrs = append(l.addrs, addr)
}

// parseAddress returns the address part of s, read by net/mail.
func parseAddress(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", errors.New("empty")
	}
	a, err := mail.ParseAddress(s)
	if err != nil {
		return "", err
	}
	return a.Address, nil
}

// addressKey is the de-duplication key of s: its address part when net/mail
// reads it, else s trimmed, case-folded.
//
// A plain address (only dot-atom characters and one '@', no spaces) is its
// own address part when net/mail reads it, and its own trimmed form when
// it does not, so it skips the parser.
func addressKey(s string) string {
	if plainAddress(s) {
		return foldKey(s)
	}
	if a, err := parseAddress(s); err == nil {
		return foldKey(a)
	}
	return foldKey(strings.TrimSpace(s))
}

// plainAddress reports whether s holds only ASCII letters, digits, the
// other atext characters of RFC 5322, dots and exactly one '@'.
func plainAddress(s string) bool {
	at := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("!#$%&'*+/=?^_`{|}~-.", c) >= 0:
		case c == '@':
			at++
		default:
			return false
		}
	}
	return at == 1
}

// foldKey maps s to a string that is equal for two strings exactly when
// strings.EqualFold says they are equal: every rune becomes the smallest
// rune of its simple case-folding orbit.
func foldKey(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < 0x80
	}
	if ascii {
		// The smallest rune of an ASCII letter's orbit is its upper case
		// (the Kelvin sign K and long s ſ that share orbits with k and s
		// are larger).
		return strings.ToUpper(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		m := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f < m {
				m = f
			}
		}
		b.WriteRune(m)
	}
	return b.String()
}
