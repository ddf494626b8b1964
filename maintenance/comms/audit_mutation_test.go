package comms_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/maintenance/comms"
	"github.com/slapolicy/slapolicy/sla"
)

// TestAuditRejectsNoDeadline: a report deadline that does not exist
// (zero: outside years 1 to 9999) stops the audit with the incident named.
func TestAuditRejectsNoDeadline(t *testing.T) {
	never := deadlineFunc(func(time.Time) time.Time { return time.Time{} })
	_, err := comms.DynamicsCRMOnline().Audit(sla.DynamicsCRMOnline().ScheduledDowntime, never, sampleMarch(), utc(2024, 4, 15, 0, 0))
	require.Error(t, err)
	assert.True(t, errors.Is(err, comms.ErrInvalidRecord), "%v", err)
	assert.Contains(t, err.Error(), `incidents[0]: comms: invalid record: incident "INC1" restored 2024-03-26T15:30:00Z: no post-incident report deadline`)
}

// deadlineFunc adapts a function to comms.ReportDeadline.
type deadlineFunc func(restored time.Time) time.Time

func (f deadlineFunc) PostIncidentReportDue(restored time.Time) time.Time { return f(restored) }

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
	rec.Plans = []comms.PlannedRecord{mc2, rec.Plans[0], rec.Plans[2], {
		Plan: comms.Plan{ID: "MC4", Region: region("EUR"), Span: sp(utc(2024, 3, 30, 14, 0), utc(2024, 3, 30, 19, 0)), Impact: comms.ImpactDowntime},
	}}
	a, err := audit(nil, rec, utc(2024, 4, 15, 0, 0))
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
