package sla

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// TestPayoutAgainstRatio: payout's figures equal those of the big-fraction
// reference (payoutByRatio) on random fees (0 to 18 digits, 0 to 6
// places), tiers (25, 50, 100, and percents with places), shares of
// months of 28 to 31 days cut at day, minute and nanosecond boundaries,
// and every currency's minor unit (0 to 4 places): the same prorated fee,
// unrounded credit, amount and exactness.
func TestPayoutAgainstRatio(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 4217))
	pcts := []string{"25", "50", "100", "10", "30", "60", "12.5", "33.333", "0.01"}
	units := []time.Duration{24 * time.Hour, time.Minute, time.Nanosecond}
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for i := range n {
		fee := decimal.New(r.Int64N(1_000_000_000_000_000_000), -int32(r.IntN(7)))
		pct := decimal.RequireFromString(pcts[r.IntN(len(pcts))])
		whole := time.Duration(28+r.IntN(4)) * 24 * time.Hour
		unit := units[r.IntN(len(units))]
		share := time.Duration(1+r.Int64N(int64(whole/unit))) * unit
		places := int32(r.IntN(5))
		a := Assessment{Credit: pct, money: DynamicsCRMOnline().money()}
		a.money.cap = decimal.NewFromInt(100)
		got, err := a.payout(fee, share, whole, places)
		require.NoError(t, err)
		prorated, unrounded, amount, exact := payoutByRatio(fee, pct, share, whole, places)
		require.True(t, prorated.Equal(got.ProratedFee), "%d: fee %s × %d/%d: prorated %s, reference %s", i, fee, share, whole, got.ProratedFee, prorated)
		require.True(t, unrounded.Equal(got.Unrounded), "%d: fee %s × %d/%d × %s%%: unrounded %s, reference %s", i, fee, share, whole, pct, got.Unrounded, unrounded)
		require.True(t, amount.Equal(got.Amount), "%d: fee %s × %d/%d × %s%% to %d places: amount %s, reference %s", i, fee, share, whole, pct, places, got.Amount, amount)
		assert.Equal(t, exact, got.Exact, "%d: exactness", i)
	}
}

// TestAssessAllocsUnchangedByMoney: a partial month (Period.Subscribed)
// and a policy with a minimum payout and a rounding mode cost Assess no
// allocation more than a plain whole month; PayoutIn prorates and rounds
// in the 192-bit path without allocating more than Payout does beyond the
// figures it returns.
func TestAssessAllocsUnchangedByMoney(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("allocation counts differ under coverage")
	}
	april := calendar.NewMonth(2024, time.April, nil)
	at := func(d, h int) time.Time { return time.Date(2024, time.April, d, h, 0, 0, 0, time.UTC) }
	outages := []Outage{{Span: calendar.Span{Start: at(18, 9), End: at(18, 10)}}, {Span: calendar.Span{Start: at(20, 1), End: at(20, 3)}}}
	plain := DynamicsCRMOnline()
	c, err := Compile(plain)
	require.NoError(t, err)
	whole := Period{Month: april, Outages: outages}
	part := Period{Month: april, Outages: outages, Subscribed: calendar.Span{Start: at(16, 0), End: april.End()}}
	base := testing.AllocsPerRun(200, func() { _, _ = c.Assess(whole) })
	withPart := testing.AllocsPerRun(200, func() { _, _ = c.Assess(part) })
	assert.Equal(t, base, withPart, "a partial month adds no allocation to Assess")

	a, err := c.Assess(part)
	require.NoError(t, err)
	eur, err := ParseCurrency("EUR")
	require.NoError(t, err)
	fee := decimal.RequireFromString("3000.00")
	payout := testing.AllocsPerRun(200, func() { _, _ = a.Payout(fee) })
	payoutIn := testing.AllocsPerRun(200, func() { _, _ = a.PayoutIn(fee, eur) })
	assert.LessOrEqual(t, payoutIn, payout+4, "PayoutIn allocates at most the three figures it adds beside Payout's")
}
