package comms

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDynamicsCRMOnline pins the published communication rules of
// "Policies and Communications for Dynamics 365 for Customer Engagement":
// "Prior notification" goes to organization admins, the notification
// option's addresses and users with the System Admin user role; the
// "Unplanned Maintenance" email to "all Customer Engagement System
// Administrators" ("Unplanned maintenance"). The policy gives no lead or
// grace figures, so all three are 0.
func TestDynamicsCRMOnline(t *testing.T) {
	r := DynamicsCRMOnline()
	require.NoError(t, r.Validate())
	assert.Equal(t, "System Administrator", r.SystemAdminRole)
	assert.Equal(t, OrgAdmins|NotificationEmails|SystemAdmins, r.Planned)
	assert.Equal(t, SystemAdmins, r.Unplanned)
	assert.Zero(t, r.NotifyLead)
	assert.Zero(t, r.DashboardGrace)
	assert.Zero(t, r.UnplannedGrace)
	assert.Equal(t, r, DynamicsCRMOnline(), "a fresh value each time, always the same")
}

// TestDynamicsCRMOnlineReleases pins the published release calendar
// ("Scheduled system updates"): major release events in April and
// October, minor updates weekly.
func TestDynamicsCRMOnlineReleases(t *testing.T) {
	c := DynamicsCRMOnlineReleases()
	require.NoError(t, c.Validate())
	assert.Equal(t, []time.Month{time.April, time.October}, c.MajorMonths)
	assert.Equal(t, 7*24*time.Hour, c.MinorCadence)
	c.MajorMonths[0] = time.May
	assert.Equal(t, time.April, DynamicsCRMOnlineReleases().MajorMonths[0], "each call returns its own slice")
}
