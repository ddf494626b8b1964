package comms

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// TestRecipients pins who of contoso's people each audience reaches
// ("Prior notification" names the three groups), de-duplicated
// case-insensitively, first spelling kept.
func TestRecipients(t *testing.T) {
	r := DynamicsCRMOnline()
	cases := []struct {
		name string
		aud  Audience
		want []string
	}{
		{"planned: all three groups, de-duplicated, first spelling kept", r.Planned, []string{
			"ana@contoso.com", "it-ops@contoso.com", "crm-alerts@contoso.com", "pagerduty@contoso.pd.io", "cy@contoso.com",
		}},
		{"unplanned: system administrators only", r.Unplanned, []string{"cy@contoso.com", "crm-alerts@CONTOSO.COM"}},
		{"org admins only", OrgAdmins, []string{"ana@contoso.com", "it-ops@contoso.com"}},
		{"notification addresses only", NotificationEmails, []string{
			"ANA@Contoso.com", "crm-alerts@contoso.com", "It-Ops@CONTOSO.com", "pagerduty@contoso.pd.io",
		}},
		{"nobody", 0, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := r.Recipients(contoso(), c.aud)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

// TestRecipientsReportsEveryMalformedAddress: every malformed address of
// an audience's groups is reported with its position, and the well-formed
// recipients are still listed.
func TestRecipientsReportsEveryMalformedAddress(t *testing.T) {
	in := contoso()
	in.NotificationEmails = append(in.NotificationEmails, "bob@", "  ")
	in.OrgAdmins = append(in.OrgAdmins, "not an address")
	in.Users = append(in.Users,
		User{Email: "", Roles: []string{"System Administrator"}},
		User{Email: "broken", Roles: []string{"Salesperson"}}, // not an admin: not checked
	)
	r := DynamicsCRMOnline()

	got, err := r.PlannedRecipients(in)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalidAddress)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, 4, err.Error())
	assert.True(t, strings.HasPrefix(lines[0], `orgAdmins[2]: comms: malformed email address "not an address": `), lines[0])
	assert.True(t, strings.HasPrefix(lines[1], `notificationEmails[4]: comms: malformed email address "bob@": `), lines[1])
	assert.True(t, strings.HasPrefix(lines[2], `notificationEmails[5]: comms: malformed email address "  ": `), lines[2])
	assert.True(t, strings.HasPrefix(lines[3], `users[4].email: comms: malformed email address "": `), lines[3])
	var list calendar.ErrorList
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 4)
	for _, e := range list {
		assert.ErrorIs(t, e, ErrInvalidAddress)
	}
	// The well-formed recipients are still all there, in order.
	assert.Equal(t, []string{
		"ana@contoso.com", "it-ops@contoso.com", "crm-alerts@contoso.com", "pagerduty@contoso.pd.io", "cy@contoso.com",
	}, got)

	// The unplanned audience does not read the notification addresses.
	_, err = r.Recipients(in, r.Unplanned)
	require.Error(t, err)
	assert.Equal(t, 1, strings.Count(err.Error(), "\n")+1, err.Error())
	assert.Contains(t, err.Error(), "users[4].email")
}

// TestUnplannedRecipients: the "Unplanned Maintenance" email goes to the
// System Administrators of every affected instance ("Unplanned
// maintenance"), merged in the instances' order; problems name the
// instance.
func TestUnplannedRecipients(t *testing.T) {
	r := DynamicsCRMOnline()
	fabrikam := Instance{
		Name: "fabrikam", Region: "EUR",
		OrgAdmins: []string{"boss@fabrikam.com"}, // org admins are not on the unplanned list
		Users: []User{
			{Email: "Cy@Contoso.com", Roles: []string{"System Administrator"}}, // a partner admin of both
			{Email: "root@fabrikam.com", Roles: []string{"System Administrator"}},
			{Email: "x@", Roles: []string{"System Administrator"}},
		},
	}
	got, err := r.UnplannedRecipients([]Instance{contoso(), fabrikam})
	assert.Equal(t, []string{"cy@contoso.com", "crm-alerts@CONTOSO.COM", "root@fabrikam.com"}, got)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalidAddress)
	assert.True(t, strings.HasPrefix(err.Error(), `instances[1] "fabrikam": users[2].email: comms: malformed email address "x@": `), err.Error())

	got, err = r.UnplannedRecipients(nil)
	require.NoError(t, err)
	assert.Empty(t, got)
}

// TestMissingRecipients: addresses match on their address part ignoring
// letter case; an unreadable entry is compared as written, trimmed.
func TestMissingRecipients(t *testing.T) {
	owed := []string{"ana@contoso.com", "Bo <bo@contoso.com>", "cy@contoso.com", "junk"}
	sent := []string{"BO@contoso.com", "Ana Admin <ANA@CONTOSO.COM>", " junk "}
	assert.Equal(t, []string{"cy@contoso.com"}, MissingRecipients(owed, sent))
	assert.Equal(t, owed, MissingRecipients(owed, nil))
	assert.Empty(t, MissingRecipients(nil, sent))
}

// TestIsSystemAdmin: roles match ignoring letter case and surrounding
// white space; an empty role matches nobody.
func TestIsSystemAdmin(t *testing.T) {
	u := User{Email: "a@b.c", Roles: []string{"Sales", "SYSTEM ADMINISTRATOR"}}
	assert.True(t, u.IsSystemAdmin("System Administrator"))
	assert.True(t, u.IsSystemAdmin(" system administrator"))
	assert.False(t, u.IsSystemAdmin("System Admin"))
	assert.False(t, u.IsSystemAdmin(""))
	assert.False(t, User{}.IsSystemAdmin("System Administrator"))
}

// TestFoldKeyMatchesEqualFold checks the de-duplication key against
// strings.EqualFold on random strings drawn from letters whose case folding
// is unusual (Kelvin sign, long s, Greek sigma, dotted I).
func TestFoldKeyMatchesEqualFold(t *testing.T) {
	alphabet := []rune("kKKsSſσςΣiIİı@.aA")
	rng := rand.New(rand.NewPCG(10, 10))
	word := func() string {
		n := rng.IntN(4)
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(rs)
	}
	for range iterations(20000) {
		a, b := word(), word()
		require.Equal(t, strings.EqualFold(a, b), foldKey(a) == foldKey(b), "%q %q", a, b)
	}
}

// TestAddressKeyDisplayNameWithoutDots: a display-name address whose
// domain has no dot ("Ana <ana@localhost>") holds no atext special and one
// '@', so only its spaces and angle brackets keep it off the plain-address
// path; its key is its address part's, as net/mail reads it.
func TestAddressKeyDisplayNameWithoutDots(t *testing.T) {
	assert.Equal(t, addressKey("ana@localhost"), addressKey("Ana <ana@localhost>"))
	assert.Equal(t, "ANA@LOCALHOST", addressKey("Ana <ANA@localhost>"))
	assert.False(t, plainAddress("Ana <ana@localhost>"))
	assert.True(t, plainAddress("ana@localhost"))
	assert.False(t, plainAddress("ana@@localhost"))
	assert.False(t, plainAddress("analocalhost"))
}

// FuzzFoldKey checks that two strings have equal fold keys exactly when
// strings.EqualFold says they are equal.
func FuzzFoldKey(f *testing.F) {
	f.Add("ana@contoso.com", "ANA@Contoso.com")
	f.Add("K", "k")
	f.Add("ſ", "S")
	f.Add("\xff", "\xfe")
	f.Fuzz(func(t *testing.T, a, b string) {
		require.Equal(t, strings.EqualFold(a, b), foldKey(a) == foldKey(b),
			"EqualFold(%q, %q) = %v but keys %q %q", a, b, strings.EqualFold(a, b), foldKey(a), foldKey(b))
	})
}

// FuzzRecipients checks the list's invariants on arbitrary settings: no two
// entries match case-insensitively, every entry came from the input, and
// every input entry is either listed (some spelling of it) or reported.
func FuzzRecipients(f *testing.F) {
	f.Add("ana@contoso.com", "ANA@contoso.com", "bob@", "System Administrator")
	f.Add("Ana <ana@x.io>", "", " ", "system administrator")
	f.Add("a@b", "a@b", "a@b", "Salesperson")
	r := DynamicsCRMOnline()
	f.Fuzz(func(t *testing.T, admin, note, user, role string) {
		in := Instance{OrgAdmins: []string{admin}, NotificationEmails: []string{note}, Users: []User{{Email: user, Roles: []string{role}}}}
		got, err := r.Recipients(in, r.Planned)
		seen := map[string]bool{}
		for _, g := range got {
			k := foldKey(g)
			require.False(t, seen[k], "duplicate %q in %q", g, got)
			seen[k] = true
		}
		entries := []string{admin, note}
		if in.Users[0].IsSystemAdmin(r.SystemAdminRole) {
			entries = append(entries, user)
		}
		bad := 0
		for _, e := range entries {
			if _, perr := parseAddress(e); perr != nil {
				bad++
				continue
			}
			require.Empty(t, MissingRecipients([]string{e}, got), "%q neither listed nor reported: %q", e, got)
		}
		require.Equal(t, bad > 0, err != nil, "bad=%d err=%v", bad, err)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidAddress)
		}
		require.LessOrEqual(t, len(got)+bad, len(entries), "more results than entries: %q", got)
	})
}

// FuzzAddressKey checks addressKey's fast path for plain addresses against
// the full reading with net/mail.
func FuzzAddressKey(f *testing.F) {
	for _, s := range []string{"ana@contoso.com", "a..b@c", ".a@b", "a@b@c", "Ana <ana@x.io>", "K@k", "x@", "@", "a.@b.", "a@[1.2.3.4]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		slow := foldKey(strings.TrimSpace(s))
		if a, err := parseAddress(s); err == nil {
			slow = foldKey(a)
		}
		require.Equal(t, slow, addressKey(s), "addressKey(%q)", s)
	})
}
