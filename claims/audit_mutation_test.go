package claims_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/claims"
	"github.com/slapolicy/slapolicy/maintenance"
)

// TestAuditRejectsInvalidRules: rules that fail Validate stop the audit,
// even where the maintenance checks would clamp them silently (a negative
// report deadline).
func TestAuditRejectsInvalidRules(t *testing.T) {
	c := claims.DynamicsCRMOnlineCommunications(nil)
	c.Claims.ReportBusinessDays = -1
	_, err := c.Audit(sampleMarch(), utc(2024, 4, 15, 0, 0))
	require.Error(t, err)
	assert.True(t, errors.Is(err, claims.ErrInvalid), "%v", err)
	assert.Contains(t, err.Error(), "ReportBusinessDays")
	assert.Contains(t, err.Error(), "-1 is outside 0..2600")
}

// TestSummaryDowntimeLines: the summary's downtime section lists a plan
// "as run" when it ran with Downtime, "if run as planned" when it has not
// run and its plan has Downtime, and nothing for a plan that ran without
// Downtime although its plan had some. MC2 (announced 23h ahead, too late
// for work outside the window) was planned 16:00-20:00, two hours before
// EUR's window opens at 18:00, but here it ran 18:00-20:00, inside the
// window; it comes first in the record. MC3 ran 1h10m past the window;
// MC4 (planned 14:00-19:00 on 30 March, never announced: 4h before the
// window) has not run.
func TestSummaryDowntimeLines(t *testing.T) {
	rec := sampleMarch()
	mc2 := rec.Plans[1]
	mc2.Outcome.Span.Start = utc(2024, 3, 16, 18, 0)
	rec.Plans = []claims.PlannedRecord{mc2, rec.Plans[0], rec.Plans[2], {
		Plan: maintenance.Plan{ID: "MC4", Region: "EUR", Span: sp(utc(2024, 3, 30, 14, 0), utc(2024, 3, 30, 19, 0)), Impact: maintenance.ImpactDowntime},
	}}
	a, err := claims.DynamicsCRMOnlineCommunications(nil).Audit(rec, utc(2024, 4, 15, 0, 0))
	require.NoError(t, err)
	require.Equal(t, "MC2", a.Updates[0].Plan.Plan.ID)
	require.True(t, a.Updates[0].Downtime.IsEmpty(), "MC2 ran inside the window")
	require.Equal(t, 2*time.Hour, a.Plans[0].Downtime.Duration(), "MC2's plan had 2h outside the window")
	s := a.Summary()
	downtime := s[strings.Index(s, "Downtime from maintenance"):]
	assert.Equal(t, "Downtime from maintenance (before the SLA's own exclusions):\n"+
		"        - plan \"MC3\" as run: 1h10m0s\n"+
		"        - plan \"MC4\" if run as planned: 4h0m0s\n", downtime)
}
