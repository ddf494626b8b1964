package comms

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests written for mutants gremlins found alive: each pins a documented
// edge no other test reached.

// TestNamesJustPastTheTable: the first value without a name is written
// as a number, never looked up past the end of the table.
func TestNamesJustPastTheTable(t *testing.T) {
	assert.Equal(t, "missed", StatusMissed.String())
	assert.Equal(t, "Status(4)", Status(4).String())
	assert.Equal(t, "downtime", ImpactDowntime.String())
	assert.Equal(t, "Impact(3)", Impact(3).String())
	_, err := Impact(3).MarshalText()
	assert.Error(t, err, "an unknown impact has no text form")
}

// TestPlanValidateImpactJustPastTheTable: impact 2 (downtime) is the last
// known one; 3 is unknown.
func TestPlanValidateImpactJustPastTheTable(t *testing.T) {
	p := Plan{ID: "MC1", Region: region("EUR"), Span: span(at(2024, 3, 9, 20, 0), at(2024, 3, 10, 2, 0)), Impact: ImpactDowntime}
	require.NoError(t, p.Validate())
	p.Impact = 3
	err := p.Validate()
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrInvalidPlan))
	assert.Contains(t, err.Error(), "impact 3 is unknown")
}

// TestPlanDutyInWindowReason: in-window work needs "prior notification"
// only (Dynamics' NotifyLead is 0), so the duty's reason says "before it
// starts" and names no time outside the window. EUR's window is 6 PM to
// 3 AM UTC; the plan runs 20:00-02:00.
func TestPlanDutyInWindowReason(t *testing.T) {
	r := DynamicsCRMOnline()
	p := Plan{ID: "MC1", Region: region("EUR"), Span: span(at(2024, 3, 9, 20, 0), at(2024, 3, 10, 2, 0)), Impact: ImpactDegraded}
	pc, err := r.CheckPlan(dynamics, p, at(2024, 3, 9, 18, 0))
	require.NoError(t, err)
	require.Zero(t, pc.NotifyLead)
	d, ok, err := r.PlanDuty(pc, []Instance{contoso()})
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "planned maintenance with expected degraded in EUR [2024-03-09T20:00:00Z, 2024-03-10T02:00:00Z); "+
		"notify orgAdmins+notificationEmails+systemAdmins before it starts", d.Reason)
	// Due by the start: the first late instant is a nanosecond after it.
	assert.True(t, d.Due.Equal(p.Span.Start.Add(1)), "due %s", d.Due)
}

// TestAddressKeyDisplayNameWithoutDots: a display-name address whose
// domain has no dot ("Ana <ana@localhost>") holds no atext special and one
// '@', so only its spaces and angle brackets keep it off the fast path;
// its key is its address part's, as net/mail reads it.
func TestAddressKeyDisplayNameWithoutDots(t *testing.T) {
	assert.Equal(t, addressKey("ana@localhost"), addressKey("Ana <ana@localhost>"))
	assert.Equal(t, "ANA@LOCALHOST", addressKey("Ana <ANA@localhost>"))
	assert.False(t, plainAddress("Ana <ana@localhost>"))
	assert.True(t, plainAddress("ana@localhost"))
	assert.False(t, plainAddress("ana@@localhost"))
	assert.False(t, plainAddress("analocalhost"))
}
