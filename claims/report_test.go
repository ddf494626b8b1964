package claims

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goodReport is a complete report for an incident restored on Friday
// 2024-02-02 at 16:30 UTC: due by the end of Friday 2024-02-09 (Mon 5 …
// Fri 9), late from Saturday 2024-02-10 00:00.
func goodReport() PostIncidentReport {
	return PostIncidentReport{
		Summary:        "Organizations in NAM could not sign in.",
		UserExperience: "Sign-in returned HTTP 503.",
		Start:          utc(2024, 2, 2, 14, 0),
		Resolution:     utc(2024, 2, 2, 16, 30),
		RootCause:      "An expired certificate on the authentication tier.",
		NextSteps:      "Alert on certificate expiry 30 days ahead.",
		Published:      utc(2024, 2, 9, 23, 59),
	}
}

func TestCheckReport(t *testing.T) {
	r := DynamicsCRMOnline(usUTC)
	require.NoError(t, r.CheckReport(goodReport()))

	tests := []struct {
		name   string
		change func(p *PostIncidentReport)
		want   []error
		fields []string
	}{
		{"published at the deadline", func(p *PostIncidentReport) { p.Published = utc(2024, 2, 10, 0, 0) },
			[]error{ErrReportLate}, []string{"Published"}},
		{"empty report", func(p *PostIncidentReport) { *p = PostIncidentReport{} },
			[]error{ErrIncomplete, ErrIncomplete, ErrIncomplete, ErrIncomplete, ErrIncomplete, ErrIncomplete, ErrIncomplete},
			[]string{"Summary", "UserExperience", "Start", "Resolution", "RootCause", "NextSteps", "Published"}},
		{"missing root cause and late", func(p *PostIncidentReport) {
			p.RootCause = "  "
			p.Published = utc(2024, 2, 12, 9, 0)
		}, []error{ErrIncomplete, ErrReportLate}, []string{"RootCause", "Published"}},
		{"resolution before start", func(p *PostIncidentReport) { p.Resolution = p.Start.Add(-time.Minute) },
			[]error{ErrInvalid}, []string{"Resolution"}},
		{"no resolution: lateness not judged", func(p *PostIncidentReport) {
			p.Resolution = time.Time{}
			p.Published = utc(2030, 1, 1, 0, 0)
		}, []error{ErrIncomplete}, []string{"Resolution"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := goodReport()
			tt.change(&p)
			err := r.CheckReport(p)
			assert.Equal(t, tt.want, kinds(t, err))
			problems := joined(err)
			require.Len(t, problems, len(tt.fields))
			for i, f := range tt.fields {
				assert.Contains(t, problems[i].Error(), "field "+f, "problem %d", i)
			}
		})
	}

	p := goodReport()
	p.RootCause = ""
	assert.EqualError(t, r.CheckReport(p),
		`incomplete: field RootCause (post-incident report part "Root Cause") is missing`)

	bad := r
	bad.ReportBusinessDays = -1
	p = goodReport()
	p.Published = utc(2030, 1, 1, 0, 0)
	err := bad.CheckReport(p)
	assert.Equal(t, []error{ErrInvalid}, kinds(t, err), "invalid rules are reported and lateness is not judged")
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
