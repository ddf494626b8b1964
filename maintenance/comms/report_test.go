package comms

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// goodReport is a complete report for an incident restored on Friday
// 2024-02-02 at 16:30 UTC: due by the end of Friday 2024-02-09 (Mon 5 …
// Fri 9), late from Saturday 2024-02-10 00:00.
func goodReport() PostIncidentReport {
	return PostIncidentReport{
		Summary:        "Organizations in NAM could not sign in.",
		UserExperience: "Sign-in returned HTTP 503.",
		Start:          at(2024, 2, 2, 14, 0),
		Resolution:     at(2024, 2, 2, 16, 30),
		RootCause:      "An expired certificate on the authentication tier.",
		NextSteps:      "Alert on certificate expiry 30 days ahead.",
		Published:      at(2024, 2, 9, 23, 59),
	}
}

// due is goodReport's deadline: the end of the fifth business day after
// Friday 2024-02-02 (the policy's "after 5 business days", weekends only).
var due = at(2024, 2, 10, 0, 0)

func TestReportCheck(t *testing.T) {
	require.NoError(t, goodReport().Check(due))

	tests := []struct {
		name   string
		change func(p *PostIncidentReport)
		want   []error
		fields []string
	}{
		{"published at the deadline", func(p *PostIncidentReport) { p.Published = due },
			[]error{ErrReportLate}, []string{"late by 0s"}},
		{"empty report", func(p *PostIncidentReport) { *p = PostIncidentReport{} },
			[]error{ErrReportIncomplete, ErrReportIncomplete, ErrReportIncomplete, ErrReportIncomplete, ErrReportIncomplete, ErrReportIncomplete, ErrReportIncomplete},
			[]string{"Summary", "UserExperience", "Start", "Resolution", "RootCause", "NextSteps", "Published"}},
		{"missing root cause and late", func(p *PostIncidentReport) {
			p.RootCause = "  "
			p.Published = at(2024, 2, 12, 9, 0)
		}, []error{ErrReportIncomplete, ErrReportLate}, []string{"RootCause", "late by 57h0m0s"}},
		{"resolution before start", func(p *PostIncidentReport) { p.Resolution = p.Start.Add(-time.Minute) },
			[]error{ErrInvalidReport}, []string{"resolution"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := goodReport()
			tt.change(&p)
			err := p.Check(due)
			var problems calendar.ErrorList
			require.ErrorAs(t, err, &problems)
			require.Len(t, problems, len(tt.fields))
			for i, f := range tt.fields {
				assert.ErrorIs(t, problems[i], tt.want[i], "problem %d", i)
				assert.Contains(t, problems[i].Error(), f, "problem %d", i)
			}
		})
	}

	// Without a deadline lateness is not judged.
	p := goodReport()
	p.Published = at(2030, 1, 1, 0, 0)
	require.NoError(t, p.Check(time.Time{}))

	p = goodReport()
	p.RootCause = ""
	assert.EqualError(t, p.Check(due), `comms: post-incident report incomplete: RootCause ("Root Cause") is missing`)
	var part *ReportPartError
	require.ErrorAs(t, p.Check(due), &part)
	assert.Equal(t, "RootCause", part.Field)
}

func TestReportString(t *testing.T) {
	p := goodReport()
	p.NextSteps = "Alert on certificate expiry.\r\nRotate certificates monthly.\nSummary: forged?"
	want := `Post-Incident Report
Summary: Organizations in NAM could not sign in.
User Experience: Sign-in returned HTTP 503.
Start date and time: 2024-02-02T14:00:00Z
Resolution date and time: 2024-02-02T16:30:00Z
Root Cause: An expired certificate on the authentication tier.
Next steps: Alert on certificate expiry.
  Rotate certificates monthly.
  Summary: forged?
Published: 2024-02-09T23:59:00Z
`
	assert.Equal(t, want, p.String())

	empty := `Post-Incident Report
Summary: (missing)
User Experience: (missing)
Start date and time: (missing)
Resolution date and time: (missing)
Root Cause: (missing)
Next steps: (missing)
`
	assert.Equal(t, empty, PostIncidentReport{}.String())
}
