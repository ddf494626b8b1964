package comms

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// Severity follows "Policies and Communications for Dynamics 365 for
// Customer Engagement" ("Minor Service incidents", "Major service
// incidents"): "A service incident
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

// TestIncidentValidate: the zero Incident is valid; a reversed span and a
// negative count are reported at once.
func TestIncidentValidate(t *testing.T) {
	require.NoError(t, Incident{}.Validate())
	bad := Incident{
		Span:                  calendar.Span{Start: at(2024, 2, 5, 10, 0), End: at(2024, 2, 5, 9, 0)},
		OrganizationsAffected: -1,
	}
	err := bad.Validate()
	var list calendar.ErrorList
	require.ErrorAs(t, err, &list)
	assert.Len(t, list, 2)
	assert.ErrorIs(t, err, ErrInvalidIncident)
	assert.ErrorIs(t, err, calendar.ErrReversed)
	assert.ErrorContains(t, err, "comms: invalid incident: span: calendar: span ends before it starts")
	assert.ErrorContains(t, err, "organizationsAffected -1 is negative")
}
