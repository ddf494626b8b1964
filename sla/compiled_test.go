package sla

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// TestCompileCopiesPolicy: Compile copies the policy's slices, so changing
// the Policy after Compile (its tiers, the order of its excluded causes,
// any field) changes nothing: the Compiled assesses everyExclusion as
// DynamicsCRMOnline does, and its Policy is still DynamicsCRMOnline.
func TestCompileCopiesPolicy(t *testing.T) {
	per := everyExclusion(t)
	want, err := DynamicsCRMOnline().Assess(per)
	require.NoError(t, err)

	p := DynamicsCRMOnline()
	c, err := Compile(p)
	require.NoError(t, err)
	p.Level = dec("50")
	p.Tiers[0] = Tier{Below: dec("99.99"), Credit: dec("1")}
	p.Tiers[2].Credit = dec("99")
	p.ExcludedCauses[0], p.ExcludedCauses[3] = p.ExcludedCauses[3], p.ExcludedCauses[0] // outage #8 would be customer-actions'
	p.ExcludedCauses[1] = CausePreview                                                  // add-on would count
	p.IntermittentLimit = 0
	p.CreditCap = dec("1")

	got, err := c.Assess(per)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, want.Parts(), got.Parts())
	policiesEqual(t, DynamicsCRMOnline(), c.Policy())
}

// TestCompiledPolicyIsACopy: Compiled.Policy returns the compiled policy
// as a copy the caller may modify: changing its slices changes neither the
// Compiled's answers nor the next copy.
func TestCompiledPolicyIsACopy(t *testing.T) {
	c, err := Compile(DynamicsCRMOnline())
	require.NoError(t, err)
	p := c.Policy()
	policiesEqual(t, DynamicsCRMOnline(), p)
	p.Tiers[0].Credit = dec("1")
	p.ExcludedCauses[0] = "typo"
	policiesEqual(t, DynamicsCRMOnline(), c.Policy())

	per := everyExclusion(t)
	want, err := DynamicsCRMOnline().Assess(per)
	require.NoError(t, err)
	got, err := c.Assess(per)
	require.NoError(t, err)
	assert.Equal(t, want, got)
}

// TestCompileInvalidPolicy: Compile of an invalid policy returns a nil
// *Compiled and the calendar.ErrorList that Validate returns, every entry
// wrapping ErrInvalidPolicy; Policy.Assess reports the same problems for a
// valid period.
func TestCompileInvalidPolicy(t *testing.T) {
	noTiers := DynamicsCRMOnline()
	noTiers.Tiers = nil
	several := DynamicsCRMOnline()
	several.Level = decimal.Decimal{}
	several.NoticeLead = -1
	several.ExcludedCauses = []Cause{"window", CauseAddOn, CauseAddOn}
	for _, tc := range []struct {
		name     string
		policy   Policy
		problems int
	}{
		{"zero policy", Policy{}, 3},    // level, tiers, creditCap
		{"no tiers", noTiers, 1},        // tiers
		{"several at once", several, 4}, // level, noticeLead, two causes
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Compile(tc.policy)
			assert.Nil(t, c)
			var got, want calendar.ErrorList
			require.ErrorAs(t, err, &got)
			require.ErrorAs(t, tc.policy.Validate(), &want)
			assert.Len(t, got, tc.problems, "%v", err)
			assert.Equal(t, want.Error(), got.Error())
			for _, e := range got {
				assert.ErrorIs(t, e, ErrInvalidPolicy)
			}
			_, err = tc.policy.Assess(Period{Month: calendar.NewMonth(2024, time.April, nil)})
			require.Error(t, err)
			assert.Equal(t, want.Error(), err.Error())
		})
	}
}
