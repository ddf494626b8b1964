package comms

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/testkit"
	"github.com/slapolicy/slapolicy/maintenance"
)

// The Scheduled Downtime rule of the Microsoft Dynamics CRM Online Service
// Level Agreement (section E, definition 11: window time, and time
// announced "at least 24-hours prior"), and its stricter reading, in which
// window time needs the notice too.
var (
	dynamics = maintenance.ScheduledDowntime{NoticeLead: 24 * time.Hour}
	strict   = maintenance.ScheduledDowntime{NoticeLead: 24 * time.Hour, WindowNeedsNotice: true}
)

// region returns the built-in region with code; the codes the tests use
// are all in the published table ("Maintenance timeline" of "Policies and
// Communications for Dynamics 365 for Customer Engagement": EUR and GBR 6
// PM to 3 AM UTC, IND 7:30 PM to 1 AM, NAM 2 AM to 11 AM), which
// maintenance's own tests pin.
func region(code string) maintenance.Region {
	r, ok := maintenance.Lookup(code)
	if !ok {
		panic("comms tests: no built-in region " + code)
	}
	return r
}

// at returns the UTC instant y-m-d h:min.
func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

// span returns the half-open span [a, b).
func span(a, b time.Time) calendar.Span { return calendar.Span{Start: a, End: b} }

// spans returns the spans of set, in order.
func spans(set calendar.SpanSet) []calendar.Span { return set.Spans() }

// assertSpans compares span lists by instant, whatever their locations.
func assertSpans(t *testing.T, want, got []calendar.Span, what string) {
	t.Helper()
	if !assert.Len(t, got, len(want), "%s: %v", what, got) {
		return
	}
	for i := range want {
		assert.True(t, want[i].Equal(got[i]), "%s[%d]: want %v got %v", what, i, want[i], got[i])
	}
}

// iterations returns n, or a fifth of it where the largest inputs scale
// down (testkit.Small: under the race detector and in mutation runs).
func iterations(n int) int {
	if testkit.Small {
		return n / 5
	}
	return n
}

// contoso is an instance whose people overlap: the three groups "Prior
// notification" names (organization admins, the notification option's
// addresses, users with the System Admin role) name some of the same
// people in different spellings.
func contoso() Instance {
	return Instance{
		Name:   "contoso.crm4.dynamics.com",
		Region: "EUR",
		OrgAdmins: []string{
			"Ana Admin <ana@contoso.com>",
			"it-ops@contoso.com",
		},
		NotificationEmails: []string{
			"ANA@Contoso.com",         // same as orgAdmins[0]
			"crm-alerts@contoso.com",  //
			"It-Ops@CONTOSO.com",      // same as orgAdmins[1]
			"pagerduty@contoso.pd.io", //
		},
		Users: []User{
			{Email: "bo@contoso.com", Roles: []string{"Salesperson"}},
			{Email: "cy@contoso.com", Roles: []string{"Sales Manager", " system administrator "}},
			{Email: "crm-alerts@CONTOSO.COM", Roles: []string{"System Administrator"}}, // same as notificationEmails[1]
			{Email: "dee@contoso.com", Roles: []string{"System Customizer"}},
		},
	}
}
