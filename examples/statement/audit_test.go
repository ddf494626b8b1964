package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/maintenance/comms"
)

// TestSampleAudit checks the communications audit section of the sample
// statement against the record worked by hand in audit.go.
func TestSampleAudit(t *testing.T) {
	code, out, errOut := runArgs(t)
	require.Equal(t, 0, code, errOut)
	requireLines(t, out,
		"Communications audit of the sample record, as of Tue 2024-04-02 09:00 UTC",
		"  6 duties: 3 met, 1 pending, 2 late, 0 missed",
		// Inside the window: notified no later than the start (sent at
		// 10:00 exactly would be on time, hence the nanosecond).
		"  ok       planned-maintenance   MC-0307   Thu 2024-03-07 10:00:00.000000001 UTC",
		// It ran to 11:50: the dashboard post is due before it ends.
		"  ok       maintenance-overrun   MC-0307   Thu 2024-03-07 11:50 UTC",
		// Outside the window: 24 h ahead of Mar 12 14:00.
		"  ok       planned-maintenance   MC-0312   Mon 2024-03-11 14:00:00.000000001 UTC",
		"  LATE     maintenance-overrun   MC-0312   Tue 2024-03-12 16:30 UTC",
		// 24 h ahead of Mar 20 12:00; sent Mar 19 20:00.
		"  LATE     planned-maintenance   MC-0320   Tue 2024-03-19 12:00:00.000000001 UTC",
		// Restored Mon Apr 1: Tue 2 … Mon 8 are the 5 business days.
		"  pending  post-incident-report  INC-0331  Tue 2024-04-09 00:00 UTC",
	)
	assert.Contains(t, out, `    maintenance-overrun "MC-0312": comms: notification late: posted at 2024-03-12T16:45:00Z (late by 15m0s)`)

	// Real data has no communications record: no audit section.
	code, out, errOut = runArgs(t, "-region", "NAM", "-month", "2024-03", "-fee", "1",
		"-outages", "testdata/outages.csv", "-submitted", "2024-04-02T09:00:00Z")
	require.Equal(t, 0, code, errOut)
	assert.NotContains(t, out, "Communications audit")
}

// TestSampleNoticesAreThePlans checks that the SLA sample's notices are
// exactly the communications record's plans with their first
// planned-maintenance message, so the statement and the audit tell one
// story.
func TestSampleNoticesAreThePlans(t *testing.T) {
	nam, ok := maintenance.Lookup(sampleRegion)
	require.True(t, ok)
	rec := sampleComms(calendar.NewMonth(2024, 3, nil), nam)
	var fromRecord []maintenance.Notice
	for _, p := range rec.Plans {
		for _, m := range rec.Messages {
			if m.Kind == comms.KindPlanned && m.Ref == p.Plan.ID {
				fromRecord = append(fromRecord, maintenance.Notice{Span: p.Plan.Span, Announced: m.Sent})
				break
			}
		}
	}
	notices := sampleNotices()
	require.Len(t, fromRecord, len(notices))
	for i := range notices {
		assert.True(t, notices[i].Span.Equal(fromRecord[i].Span), "notice %d span", i)
		assert.True(t, notices[i].Announced.Equal(fromRecord[i].Announced), "notice %d announced", i)
	}
}
