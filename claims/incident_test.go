package claims

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// Severity follows the communications policy (000_*): "A service incident
// occurs when your organization is inaccessible or you're unable to use
// the service or one of its components"; "A major service incident occurs
// when multiple organizations can't access the service, there is
// significant degradation, or Microsoft Azure is experiencing degraded
// functionality."
func TestSeverity(t *testing.T) {
	tests := []struct {
		name string
		inc  Incident
		want Severity
	}{
		{"zero incident", Incident{}, SeverityNone},
		{"one organization", Incident{OrganizationsAffected: 1}, SeverityMinor},
		{"symptom only: sign-in failing", Incident{Symptoms: []Symptom{SymptomSignIn}}, SeverityMinor},
		{"page not found", Incident{OrganizationsAffected: 1, Symptoms: []Symptom{SymptomPageNotFound}}, SeverityMinor},
		{"slow for one org", Incident{OrganizationsAffected: 1, Symptoms: []Symptom{SymptomSlow}}, SeverityMinor},
		{"two organizations", Incident{OrganizationsAffected: 2}, SeverityMajor},
		{"significant degradation", Incident{SignificantDegradation: true}, SeverityMajor},
		{"azure degraded", Incident{PlatformDegraded: true, OrganizationsAffected: 1}, SeverityMajor},
		{"negative counts as zero", Incident{OrganizationsAffected: -5}, SeverityNone},
		{"custom symptom", Incident{Symptoms: []Symptom{"reports blank"}}, SeverityMinor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.inc.Severity())
			assert.Equal(t, tt.want == SeverityMajor, tt.inc.NeedsReport())
		})
	}
	assert.Equal(t, "none", SeverityNone.String())
	assert.Equal(t, "minor", SeverityMinor.String())
	assert.Equal(t, "major", SeverityMajor.String())
	assert.Equal(t, "Severity(9)", Severity(9).String())
}

func TestIncidentValidate(t *testing.T) {
	require.NoError(t, Incident{}.Validate())
	bad := Incident{
		Span:                  calendar.Span{Start: utc(2024, 2, 5, 10, 0), End: utc(2024, 2, 5, 9, 0)},
		OrganizationsAffected: -1,
	}
	err := bad.Validate()
	assert.Len(t, joined(err), 2)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorIs(t, err, calendar.ErrReversed)
	assert.ErrorContains(t, err, "field Span")
	assert.ErrorContains(t, err, "field OrganizationsAffected: -1 is negative")
}

func TestReportDue(t *testing.T) {
	r := DynamicsCRMOnline(usUTC)
	major := Incident{
		// Restored Tuesday 2021-12-28: the observed New Year's Day (Friday
		// 31) is skipped, so the report is due by the end of Wed 2022-01-05.
		Span:                  calendar.Span{Start: utc(2021, 12, 28, 8, 0), End: utc(2021, 12, 28, 13, 0)},
		OrganizationsAffected: 40,
	}
	due, owed, err := r.ReportDue(major)
	require.NoError(t, err)
	assert.True(t, owed)
	assert.True(t, utc(2022, 1, 6, 0, 0).Equal(due), "got %s", due)

	minor := major
	minor.OrganizationsAffected = 1
	_, owed, err = r.ReportDue(minor)
	require.NoError(t, err)
	assert.False(t, owed)

	ongoing := major
	ongoing.Span.End = ongoing.Span.Start
	_, _, err = r.ReportDue(ongoing)
	assert.ErrorIs(t, err, ErrInvalid)

	reversed := major
	reversed.Span.End = reversed.Span.Start.Add(-time.Hour)
	due, owed, err = r.ReportDue(reversed)
	assert.ErrorIs(t, err, calendar.ErrReversed)
	assert.True(t, due.IsZero())
	assert.False(t, owed)

	far := major
	far.Span = calendar.Span{Start: utc(9999, 12, 31, 0, 0), End: utc(9999, 12, 31, 1, 0)}
	_, _, err = r.ReportDue(far)
	assert.ErrorIs(t, err, calendar.ErrNoBusinessDay)
}
