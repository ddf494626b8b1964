package comms

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// TestUnplannedValidate pins every problem Unplanned.Validate reports.
func TestUnplannedValidate(t *testing.T) {
	good := Unplanned{ID: "UM1", Span: span(at(2024, 3, 12, 9, 0), at(2024, 3, 12, 9, 40)), Instances: []string{"contoso"}}
	tests := []struct {
		name string
		u    Unplanned
		want []string // each problem's message holds one, in order; none: valid
	}{
		{"valid", good, nil},
		{"reversed span", Unplanned{ID: "UM2", Span: span(good.Span.End, good.Span.Start), Instances: good.Instances},
			[]string{"span: calendar: span ends before it starts"}},
		{"empty span", Unplanned{ID: "UM2", Span: span(good.Span.Start, good.Span.Start), Instances: good.Instances},
			[]string{"is empty"}},
		{"no instance", Unplanned{ID: "UM3", Span: good.Span}, []string{`unplanned maintenance "UM3" affects no instance`}},
		{"blank names", Unplanned{ID: "UM4", Span: good.Span, Instances: []string{"contoso", " ", ""}},
			[]string{"instances[1] is blank", "instances[2] is blank"}},
		{"zero", Unplanned{}, []string{"span", `unplanned maintenance "" affects no instance`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.u.Validate()
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			list := problems(err)
			require.Len(t, list, len(tc.want), "%v", err)
			for i, w := range tc.want {
				assert.ErrorIs(t, list[i], ErrInvalidPlan)
				assert.Contains(t, list[i].Error(), w)
			}
		})
	}
	assert.ErrorIs(t, Unplanned{Span: span(good.Span.End, good.Span.Start)}.Validate(), calendar.ErrReversed)
}

// TestUnplannedDuty pins the "Unplanned Maintenance" email ("Unplanned
// maintenance" of "Policies and Communications for Dynamics 365 for
// Customer Engagement": to "all Customer Engagement System
// Administrators" of every affected instance), due when the work ends
// (DynamicsCRMOnline's UnplannedGrace is 0) or a grace later.
func TestUnplannedDuty(t *testing.T) {
	r := DynamicsCRMOnline()
	fabrikam := Instance{Name: "fabrikam", Region: "EUR", OrgAdmins: []string{"boss@fabrikam.com"},
		Users: []User{{Email: "root@fabrikam.com", Roles: []string{"System Administrator"}}}}
	u := Unplanned{ID: "UM1", Span: span(at(2024, 3, 12, 9, 0), at(2024, 3, 12, 9, 40)), Instances: []string{"fabrikam", "contoso.crm4.dynamics.com"}}
	d, ok, err := r.UnplannedDuty(u, []Instance{contoso(), fabrikam})
	require.NoError(t, err)
	require.True(t, ok)
	// Order of the instances given: contoso's two admins, then fabrikam's.
	assert.Equal(t, []string{"cy@contoso.com", "crm-alerts@CONTOSO.COM", "root@fabrikam.com"}, d.Recipients)
	assert.Equal(t, KindUnplanned, d.Kind)
	assert.True(t, d.Due.Equal(at(2024, 3, 12, 9, 40)))

	r.UnplannedGrace = 2 * time.Hour
	d, ok, err = r.UnplannedDuty(u, []Instance{fabrikam})
	assert.True(t, ok, "owed though an instance is missing")
	assert.ErrorIs(t, err, ErrInvalidPlan)
	assert.Equal(t, []string{"root@fabrikam.com"}, d.Recipients)
	assert.True(t, d.Due.Equal(at(2024, 3, 12, 11, 40)))

	_, ok, err = r.UnplannedDuty(Unplanned{ID: "UM2", Span: span(at(2024, 3, 12, 9, 0), at(2024, 3, 12, 8, 0)), Instances: []string{" "}}, nil)
	assert.ErrorIs(t, err, ErrInvalidPlan)
	assert.Contains(t, err.Error(), "instances[0] is blank")
	assert.Contains(t, err.Error(), "span ends before it starts")
	assert.False(t, ok, "an invalid unplanned maintenance owes nothing")
	_, _, err = r.UnplannedDuty(Unplanned{ID: "UM3", Span: u.Span}, nil)
	assert.Contains(t, err.Error(), `"UM3" affects no instance`)
}
