package claims

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/sla"
)

// assessed assesses one outage of the given length starting at 2024-04-10
// 12:00 UTC, inside April 2024 (30 days, 43,200 minutes) or another month.
func assessed(t *testing.T, m calendar.Month, down time.Duration) sla.Assessment {
	t.Helper()
	start := m.Start().Add(9*24*time.Hour + 12*time.Hour)
	a, err := sla.DynamicsCRMOnline().Assess(sla.Period{
		Month:   m,
		Outages: []sla.Outage{{Span: calendar.Span{Start: start, End: start.Add(down)}}},
	})
	require.NoError(t, err)
	return a
}

func TestSumAssessed(t *testing.T) {
	april := calendar.NewMonth(2024, time.April, nil)
	// 10 hours down in a 43,200-minute month: uptime 98.61%, below 99%
	// → 50% credit (DESIGN.md tiers). 1,000.00 fee → 500.00.
	half := assessed(t, april, 10*time.Hour)
	require.True(t, dec("50").Equal(half.Credit), "credit %s", half.Credit)
	// 72 hours down: uptime 90%, below 95% → 100% → 1,000.00.
	full := assessed(t, april, 72*time.Hour)
	require.True(t, dec("100").Equal(full.Credit), "credit %s", full.Credit)

	got, err := SumAssessed(dec("1000.00"), dec("100"), half)
	require.NoError(t, err)
	assert.True(t, dec("500").Equal(got.Awarded), "got %s", got.Awarded)
	assert.False(t, got.Capped())

	// Two claims on April: 1,500 claimed, capped at the 1,000 fee.
	got, err = SumAssessed(dec("1000.00"), dec("100"), half, full)
	require.NoError(t, err)
	assert.True(t, dec("1500").Equal(got.Claimed), "got %s", got.Claimed)
	assert.True(t, dec("1000").Equal(got.Awarded), "got %s", got.Awarded)
	assert.True(t, got.Capped())

	// An assessment of May among April's is refused, by index.
	may := assessed(t, calendar.NewMonth(2024, time.May, nil), time.Hour)
	_, err = SumAssessed(dec("1000.00"), dec("100"), half, may)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorContains(t, err, "field assessments[1]: month 2024-05")

	// A bad fee is reported once, not once per assessment.
	_, err = SumAssessed(dec("-1"), dec("100"), half, full)
	assert.Len(t, joined(err), 1)
	assert.ErrorContains(t, err, "field fee: -1 is negative")

	// sla refuses fees with an exponent beyond ±64.
	_, err = SumAssessed(dec("1e-70"), dec("100"), half)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorIs(t, err, sla.ErrBadFee)
}
