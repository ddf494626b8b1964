package comms

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRulesJSON pins the JSON form of the rules: the published rules'
// document, a round trip, loose audience spelling, and every problem of a
// configuration file refused with the rules left unchanged.
func TestRulesJSON(t *testing.T) {
	b, err := json.Marshal(DynamicsCRMOnline())
	require.NoError(t, err)
	assert.JSONEq(t, `{"systemAdminRole":"System Administrator",
		"planned":"orgAdmins+notificationEmails+systemAdmins","unplanned":"systemAdmins",
		"notifyLead":"0s",
		"dashboardGrace":"0s","unplannedGrace":"0s"}`, string(b))
	var back Rules
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, DynamicsCRMOnline(), back)

	// Missing optional keys are zero; audiences may be spelled loosely.
	require.NoError(t, json.Unmarshal([]byte(`{"systemAdminRole":"Admin","planned":"SystemAdmins + OrgAdmins","unplanned":"systemAdmins","notifyLead":"2h"}`), &back))
	assert.Equal(t, Rules{SystemAdminRole: "Admin", Planned: OrgAdmins | SystemAdmins, Unplanned: SystemAdmins, NotifyLead: 2 * time.Hour}, back)

	cases := []struct{ name, in, want string }{
		{"unknown key", `{"systemAdminRole":"A","planned":"orgAdmins","unplanned":"systemAdmins","notifylead":"24h"}`, `unknown key "notifylead"`},
		{"key given twice", `{"systemAdminRole":"A","planned":"orgAdmins","unplanned":"systemAdmins","planned":"systemAdmins"}`, `key "planned" more than once`},
		{"retired key", `{"systemAdminRole":"A","planned":"orgAdmins","unplanned":"systemAdmins","noticeLead":"24h"}`, `unknown key "noticeLead"`},
		{"missing audience", `{"systemAdminRole":"A","planned":"orgAdmins"}`, "unplanned audience is empty"},
		{"bad duration", `{"systemAdminRole":"A","planned":"orgAdmins","unplanned":"systemAdmins","dashboardGrace":"1 hour"}`, `dashboardGrace "1 hour" is not a Go duration`},
		{"negative duration", `{"systemAdminRole":"A","planned":"orgAdmins","unplanned":"systemAdmins","notifyLead":"-1h"}`, "notifyLead -1h0m0s is negative"},
		{"bad audience", `{"systemAdminRole":"A","planned":"everyone","unplanned":"systemAdmins"}`, `unknown audience "everyone"`},
		{"trailing data", `{"systemAdminRole":"A","planned":"orgAdmins","unplanned":"systemAdmins"} {}`, "after top-level value"},
		{"not an object", `[]`, "rules [] is not a JSON object"},
		{"null audience", `{"systemAdminRole":"A","planned":null,"unplanned":"systemAdmins"}`, "planned audience is empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := back
			err := back.UnmarshalJSON([]byte(c.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidRules)
			assert.Contains(t, err.Error(), c.want)
			assert.Equal(t, before, back, "left unchanged")
		})
	}
	_, err = json.Marshal(Rules{Planned: 64})
	assert.Error(t, err)
}

// FuzzRulesJSON checks that whatever UnmarshalJSON accepts is valid
// and survives a round trip.
func FuzzRulesJSON(f *testing.F) {
	b, _ := json.Marshal(DynamicsCRMOnline())
	f.Add(string(b))
	f.Add(`{"systemAdminRole":"A","planned":"orgAdmins","unplanned":"systemAdmins","noticeLead":"48h"}`)
	f.Add(`{"planned":"x"}`)
	f.Fuzz(func(t *testing.T, in string) {
		var r Rules
		if err := json.Unmarshal([]byte(in), &r); err != nil {
			var se *json.SyntaxError
			require.True(t, errors.Is(err, ErrInvalidRules) || errors.As(err, &se),
				"error %v wraps neither ErrInvalidRules nor a syntax error", err)
			return
		}
		require.NoError(t, r.Validate(), "accepted invalid rules")
		out, err := json.Marshal(r)
		require.NoError(t, err)
		var back Rules
		require.NoError(t, json.Unmarshal(out, &back), "round trip of %s", out)
		require.Equal(t, r, back, "round trip")
	})
}
