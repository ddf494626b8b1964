package comms

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// goodReport is a complete report, with the six parts of "Post-Incident
// Report" ("Policies and Communications for Dynamics 365 for Customer
// Engagement"), for an incident restored on Friday 2024-02-02 at 16:30
// UTC: due "after 5 business days", by the end of Friday 2024-02-09 (Mon
// 5 … Fri 9 on a wall calendar), late from Saturday 2024-02-10 00:00.
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
// Friday 2024-02-02 (the policy's "after 5 business days", weekends only),
// the first late instant.
var due = at(2024, 2, 10, 0, 0)

// TestReportCheck pins every problem Check reports, in order: the parts
// that are blank or a zero time, Resolution before Start, then a missing
// or late publication.
func TestReportCheck(t *testing.T) {
	require.NoError(t, goodReport().Check(due))
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)

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
		{"published a nanosecond before the deadline", func(p *PostIncidentReport) { p.Published = due.Add(-1) },
			nil, nil},
		{"resolution at the start is valid", func(p *PostIncidentReport) { p.Resolution = p.Start },
			nil, nil},
		{"white space is blank", func(p *PostIncidentReport) {
			p.Summary, p.UserExperience, p.NextSteps = " ", "\t\n", "\r\n"
		}, []error{ErrReportIncomplete, ErrReportIncomplete, ErrReportIncomplete}, []string{"Summary", "UserExperience", "NextSteps"}},
		// With one of the two times missing their order is not judged.
		{"zero start, resolution set", func(p *PostIncidentReport) { p.Start = time.Time{} },
			[]error{ErrReportIncomplete}, []string{`Start ("Start date and time") is missing`}},
		{"not published", func(p *PostIncidentReport) { p.Published = time.Time{} },
			[]error{ErrReportIncomplete}, []string{`Published ("when the report was published") is missing`}},
		// Monday 2024-02-12 09:00 EST is 14:00Z, 62 hours after the
		// deadline; the message shows UTC.
		{"published late in New York", func(p *PostIncidentReport) { p.Published = time.Date(2024, 2, 12, 9, 0, 0, 0, ny) },
			[]error{ErrReportLate}, []string{"posted at 2024-02-12T14:00:00Z (late by 62h0m0s)"}},
		{"every kind at once", func(p *PostIncidentReport) {
			p.Summary = ""
			p.Resolution = p.Start.Add(-time.Minute)
			p.Published = due
		}, []error{ErrReportIncomplete, ErrInvalidReport, ErrReportLate}, []string{"Summary", "resolution", "late by 0s"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := goodReport()
			tt.change(&p)
			err := p.Check(due)
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
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
	assert.Equal(t, "Root Cause", part.Heading)
	assert.Same(t, ErrReportIncomplete, part.Unwrap())

	// A late report is a *DutyError of KindPostIncidentReport with its
	// publication as Sent, due at the deadline given.
	p = goodReport()
	p.Published = at(2024, 2, 12, 9, 0)
	var late *DutyError
	require.ErrorAs(t, p.Check(due), &late)
	assert.Equal(t, KindPostIncidentReport, late.Duty.Kind)
	assert.True(t, due.Equal(late.Duty.Due))
	assert.Same(t, ErrReportLate, late.Err)
	assert.Empty(t, late.To)
	require.Len(t, late.Sent, 1)
	assert.True(t, p.Published.Equal(late.Sent[0]))
	assert.EqualError(t, late, "post-incident-report: comms: post-incident report late: posted at 2024-02-12T09:00:00Z (late by 57h0m0s) (due before 2024-02-10T00:00:00Z)")
}

// TestReportString pins the plain-text form: the six headings in the
// policy's order, continuation lines indented so no part can forge a
// heading, "(missing)" for a missing part.
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
