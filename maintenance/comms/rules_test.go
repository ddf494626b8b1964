package comms

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAudienceText pins ParseAudience, String and the text marshalling:
// names in any order and letter case, the empty string for nobody, unknown
// names and bits refused.
func TestAudienceText(t *testing.T) {
	a, err := ParseAudience(" SystemAdmins + orgadmins ")
	require.NoError(t, err)
	assert.Equal(t, OrgAdmins|SystemAdmins, a)
	assert.Equal(t, "orgAdmins+systemAdmins", a.String())
	b, err := a.MarshalText()
	require.NoError(t, err)
	var back Audience
	require.NoError(t, back.UnmarshalText(b))
	assert.Equal(t, a, back)
	_, err = ParseAudience("admins")
	assert.ErrorIs(t, err, ErrInvalidRules)
	assert.Contains(t, err.Error(), `unknown audience "admins"`)
	require.Error(t, back.UnmarshalText([]byte("admins")))
	assert.Equal(t, a, back, "left unchanged on error")
	a, err = ParseAudience("")
	require.NoError(t, err)
	assert.Equal(t, Audience(0), a)
	assert.Equal(t, "systemAdmins+0x08", (SystemAdmins | 8).String())
	_, err = Audience(8).MarshalText()
	assert.ErrorIs(t, err, ErrInvalidRules)
}

// TestAudienceHas: Has holds when every group asked for is in the set.
func TestAudienceHas(t *testing.T) {
	all := OrgAdmins | NotificationEmails | SystemAdmins
	tests := []struct {
		name string
		a, g Audience
		want bool
	}{
		{"one of all", all, SystemAdmins, true},
		{"all of all", all, all, true},
		{"two of one", SystemAdmins, OrgAdmins | SystemAdmins, false},
		{"nobody has nobody", 0, 0, true},
		{"nobody has no group", 0, OrgAdmins, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.a.Has(tc.g))
		})
	}
}

// TestRulesValidate: the published rules are valid; rules with every field
// bad report every problem at once, each wrapping ErrInvalidRules.
func TestRulesValidate(t *testing.T) {
	require.NoError(t, DynamicsCRMOnline().Validate())
	bad := Rules{Planned: 0, Unplanned: 16, NotifyLead: -1, UnplannedGrace: -time.Hour}
	err := bad.Validate()
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalidRules)
	for _, want := range []string{"systemAdminRole is empty", "planned audience is empty", `unplanned audience "0x10" has unknown bits`, "notifyLead -1ns is negative", "unplannedGrace -1h0m0s is negative"} {
		assert.Contains(t, err.Error(), want)
	}
	assert.Len(t, problems(err), 5, "every problem at once")
	err = Rules{SystemAdminRole: "x", Planned: OrgAdmins, Unplanned: OrgAdmins, DashboardGrace: -1}.Validate()
	assert.ErrorIs(t, err, ErrInvalidRules)
	assert.EqualError(t, err, "comms: invalid communication rules: dashboardGrace -1ns is negative")
}

// FuzzParseAudience checks that ParseAudience's results print back to
// text it reads to the same value.
func FuzzParseAudience(f *testing.F) {
	for _, s := range []string{"orgAdmins+notificationEmails+systemAdmins", " SYSTEMADMINS ", "", "x+y", "+"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAudience(s)
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidRules)
			return
		}
		back, err := ParseAudience(a.String())
		require.NoError(t, err, "%q -> %v", s, a)
		require.Equal(t, a, back, "%q -> %v -> %v", s, a, back)
	})
}
