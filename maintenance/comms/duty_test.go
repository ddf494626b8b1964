package comms

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDutyCheckRecipients(t *testing.T) {
	due := at(2024, 3, 8, 16, 0).Add(time.Nanosecond) // 24h before a 16:00 start, exactly 24h on time
	d := Duty{Kind: KindPlanned, Ref: "MC2", Recipients: []string{"ana@contoso.com", "bo@contoso.com", "cy@contoso.com", "dee@contoso.com"}, Due: due}
	msgs := []Message{
		{Kind: KindPlanned, Ref: "MC2", Sent: at(2024, 3, 8, 16, 0), Recipients: []string{"ANA@contoso.com", "Bo <bo@contoso.com>"}},
		{Kind: KindPlanned, Ref: "MC2", Sent: at(2024, 3, 8, 19, 0), Recipients: []string{"cy@contoso.com", "ana@contoso.com"}},
		{Kind: KindPlanned, Ref: "MC9", Sent: at(2024, 3, 1, 0, 0), Recipients: []string{"dee@contoso.com"}},  // another plan
		{Kind: KindOverrun, Ref: "MC2", Sent: at(2024, 3, 1, 0, 0), Recipients: []string{"dee@contoso.com"}},  // another kind
		{Kind: KindPlanned, Ref: "MC2", Sent: at(2024, 3, 20, 0, 0), Recipients: []string{"dee@contoso.com"}}, // after asOf
	}
	cases := []struct {
		name   string
		asOf   time.Time
		status Status
		errs   []string
	}{
		{"before any message: pending", at(2024, 3, 8, 12, 0), StatusPending, nil},
		{"just before due: ana and bo on time, others pending", at(2024, 3, 8, 16, 0), StatusPending, nil},
		{"at due: cy and dee not sent to", due, StatusMissed, []string{
			`planned-maintenance "MC2": comms: not notified: cy@contoso.com, dee@contoso.com (due before 2024-03-08T16:00:00.000000001Z)`,
		}},
		{"a week later: cy late by 3h, dee never (the later message does not count yet)", at(2024, 3, 15, 0, 0), StatusMissed, []string{
			`planned-maintenance "MC2": comms: not notified: dee@contoso.com (due before 2024-03-08T16:00:00.000000001Z)`,
			`planned-maintenance "MC2": comms: notification late: cy@contoso.com at 2024-03-08T19:00:00Z (late by 2h59m59.999999999s) (due before 2024-03-08T16:00:00.000000001Z)`,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, err := d.Check(msgs, c.asOf)
			assert.Equal(t, c.status, st)
			if c.errs == nil {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Equal(t, strings.Join(c.errs, "\n"), err.Error())
			assert.ErrorIs(t, err, ErrNotNotified)
			assert.Equal(t, len(c.errs) == 2, errors.Is(err, ErrNotificationLate))
			var de *DutyError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, "MC2", de.Duty.Ref)
		})
	}

	// Once dee's message counts, only lateness remains.
	st, err := d.Check(msgs, at(2024, 3, 21, 0, 0))
	assert.Equal(t, StatusLate, st)
	assert.ErrorIs(t, err, ErrNotificationLate)
	assert.NotErrorIs(t, err, ErrNotNotified)
	var de *DutyError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, []string{"cy@contoso.com", "dee@contoso.com"}, de.To)
	assert.True(t, de.Sent[1].Equal(at(2024, 3, 20, 0, 0)))
	assert.Equal(t, `planned-maintenance "MC2": comms: notification late: cy@contoso.com at 2024-03-08T19:00:00Z (late by 2h59m59.999999999s), `+
		`dee@contoso.com at 2024-03-20T00:00:00Z (late by 271h59m59.999999999s) (due before 2024-03-08T16:00:00.000000001Z)`, err.Error())
}

func TestDutyCheckPost(t *testing.T) {
	end := at(2024, 3, 10, 4, 10)
	d := Duty{Kind: KindOverrun, Ref: "MC10", Due: end}
	posted := func(t time.Time) []Message { return []Message{{Kind: KindOverrun, Ref: "MC10", Sent: t}} }

	st, err := d.Check(nil, end.Add(-time.Nanosecond))
	assert.Equal(t, StatusPending, st)
	assert.NoError(t, err)

	st, err = d.Check(nil, end)
	assert.Equal(t, StatusMissed, st)
	assert.ErrorIs(t, err, ErrNotNotified)
	assert.Equal(t, `maintenance-overrun "MC10": comms: not notified: nothing posted (due before 2024-03-10T04:10:00Z)`, err.Error())

	st, err = d.Check(posted(at(2024, 3, 10, 3, 30)), end)
	assert.Equal(t, StatusMet, st)
	assert.NoError(t, err)

	st, err = d.Check(append(posted(end), posted(end.Add(time.Hour))...), end.Add(2*time.Hour))
	assert.Equal(t, StatusLate, st)
	assert.ErrorIs(t, err, ErrNotificationLate)
	assert.Equal(t, `maintenance-overrun "MC10": comms: notification late: posted at 2024-03-10T04:10:00Z (late by 0s) (due before 2024-03-10T04:10:00Z)`, err.Error())
}

func TestDutyAndStatusStrings(t *testing.T) {
	d := Duty{Kind: KindPlanned, Ref: "MC2", Recipients: []string{"a@b.c"}, Due: at(2024, 3, 8, 16, 0), Reason: "why"}
	assert.Equal(t, `planned-maintenance "MC2" to 1 recipient, due before 2024-03-08T16:00:00Z: why`, d.String())
	d.Recipients = append(d.Recipients, "d@e.f")
	d.Reason = ""
	assert.Equal(t, `planned-maintenance "MC2" to 2 recipients, due before 2024-03-08T16:00:00Z`, d.String())
	d.Recipients = nil
	assert.Equal(t, `planned-maintenance "MC2" as a post, due before 2024-03-08T16:00:00Z`, d.String())
	for s, want := range map[Status]string{StatusMet: "met", StatusPending: "pending", StatusLate: "late", StatusMissed: "missed", 9: "Status(9)"} {
		assert.Equal(t, want, s.String())
	}
}

func TestPlanDuty(t *testing.T) {
	r := DynamicsCRMOnline()
	fabrikam := Instance{Name: "fabrikam.crm4.dynamics.com", Region: "EUR", OrgAdmins: []string{"boss@fabrikam.com", "ana@contoso.com"}}
	tailspin := Instance{Name: "tailspin.crm.dynamics.com", Region: "NAM", OrgAdmins: []string{"ops@tailspin.com"}}
	instances := []Instance{contoso(), tailspin, fabrikam}
	p := Plan{ID: "MC2", Region: region("EUR"), Span: span(at(2024, 3, 9, 16, 0), at(2024, 3, 9, 20, 0)), Impact: ImpactDowntime}
	pc, err := r.CheckPlan(dynamics, p, at(2024, 3, 7, 0, 0))
	require.NoError(t, err)

	d, ok, err := r.PlanDuty(pc, instances)
	require.NoError(t, err)
	require.True(t, ok)
	// Every EUR instance (contoso then fabrikam), de-duplicated; NAM left out.
	assert.Equal(t, []string{
		"ana@contoso.com", "it-ops@contoso.com", "crm-alerts@contoso.com", "pagerduty@contoso.pd.io", "cy@contoso.com", "boss@fabrikam.com",
	}, d.Recipients)
	assert.Equal(t, KindPlanned, d.Kind)
	assert.True(t, d.Due.Equal(at(2024, 3, 8, 16, 0).Add(time.Nanosecond)))
	assert.Equal(t, "planned maintenance with expected downtime in EUR [2024-03-09T16:00:00Z, 2024-03-09T20:00:00Z); "+
		"notify orgAdmins+notificationEmails+systemAdmins at least 24h0m0s ahead (2h0m0s of it is outside the 6 PM to 3 AM window)", d.Reason)

	// Named instances only, one unknown.
	p.Instances = []string{"FABRIKAM.crm4.dynamics.com", "nowhere"}
	pc, err = r.CheckPlan(dynamics, p, time.Time{})
	require.NoError(t, err)
	d, ok, err = r.PlanDuty(pc, instances)
	assert.True(t, ok)
	assert.ErrorIs(t, err, ErrInvalidPlan)
	assert.Contains(t, err.Error(), `affected instance "nowhere" (instances[1])`)
	assert.Equal(t, []string{"boss@fabrikam.com", "ana@contoso.com"}, d.Recipients)

	// Malformed address: reported with the instance's index.
	bad := fabrikam
	bad.NotificationEmails = []string{"oops"}
	d, _, err = r.PlanDuty(pc, []Instance{bad})
	assert.ErrorIs(t, err, ErrInvalidAddress)
	assert.Contains(t, err.Error(), `instances[0] "fabrikam.crm4.dynamics.com": notificationEmails[0]: comms: malformed email address "oops"`)
	assert.Len(t, d.Recipients, 2)

	// No impact, no duty.
	p.Impact = ImpactNone
	pc, err = r.CheckPlan(dynamics, p, time.Time{})
	require.NoError(t, err)
	_, ok, err = r.PlanDuty(pc, instances)
	assert.False(t, ok)
	assert.NoError(t, err)
}

func TestUnplannedDuty(t *testing.T) {
	r := DynamicsCRMOnline()
	fabrikam := Instance{Name: "fabrikam", Region: "EUR", OrgAdmins: []string{"boss@fabrikam.com"},
		Users: []User{{Email: "root@fabrikam.com", Roles: []string{"System Administrator"}}}}
	u := Unplanned{ID: "UM1", Span: span(at(2024, 3, 12, 9, 0), at(2024, 3, 12, 9, 40)), Instances: []string{"fabrikam", "contoso.crm4.dynamics.com"}}
	d, ok, err := r.UnplannedDuty(u, []Instance{contoso(), fabrikam})
	require.NoError(t, err)
	require.True(t, ok)
	// Order of the instances given: contoso's two admins, then fabrikam's.
	assert.Equal(t, []string{"cy@contoso.com", "crm-alerts@CONTOSO.COM", "root@fabrikam.com"}, d.Recipients)
	assert.Equal(t, KindUnplanned, d.Kind)
	assert.True(t, d.Due.Equal(at(2024, 3, 12, 9, 40)))

	r.UnplannedGrace = 2 * time.Hour
	d, ok, err = r.UnplannedDuty(u, []Instance{fabrikam})
	assert.True(t, ok, "owed though an instance is missing")
	assert.ErrorIs(t, err, ErrInvalidPlan)
	assert.Equal(t, []string{"root@fabrikam.com"}, d.Recipients)
	assert.True(t, d.Due.Equal(at(2024, 3, 12, 11, 40)))

	_, ok, err = r.UnplannedDuty(Unplanned{ID: "UM2", Span: span(at(2024, 3, 12, 9, 0), at(2024, 3, 12, 8, 0)), Instances: []string{" "}}, nil)
	assert.ErrorIs(t, err, ErrInvalidPlan)
	assert.Contains(t, err.Error(), "instances[0] is blank")
	assert.Contains(t, err.Error(), "span ends before it starts")
	assert.False(t, ok, "an invalid unplanned maintenance owes nothing")
	_, _, err = r.UnplannedDuty(Unplanned{ID: "UM3", Span: u.Span}, nil)
	assert.Contains(t, err.Error(), `"UM3" affects no instance`)
}

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
	a, err = ParseAudience("")
	require.NoError(t, err)
	assert.Equal(t, Audience(0), a)
	assert.Equal(t, "systemAdmins+0x08", (SystemAdmins | 8).String())
	_, err = Audience(8).MarshalText()
	assert.ErrorIs(t, err, ErrInvalidRules)
}

func TestRulesValidate(t *testing.T) {
	require.NoError(t, DynamicsCRMOnline().Validate())
	bad := Rules{Planned: 0, Unplanned: 16, NotifyLead: -1, UnplannedGrace: -time.Hour}
	err := bad.Validate()
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalidRules)
	for _, want := range []string{"systemAdminRole is empty", "planned audience is empty", `unplanned audience "0x10" has unknown bits`, "notifyLead -1ns is negative", "unplannedGrace -1h0m0s is negative"} {
		assert.Contains(t, err.Error(), want)
	}
}
