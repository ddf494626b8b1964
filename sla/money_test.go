package sla

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// TestPayoutInProrates works a partial month by hand. A subscription from
// 11 January 2024 00:00 UTC is subscribed for 21 of January's 31 days
// (30,240 of 44,640 minutes). One counted hour in it leaves (30,240 − 60) /
// 30,240 = 99.80 % (< 99.9, not < 99: 25 % under the Dynamics CRM Online
// tiers, section B). On a month's fee of 1,000.00 the prorated fee is
// 1,000 × 21/31 = 677.419354838709677419…, and the credit 25 % of that,
// 169.354838709677419354…, rounded once: 169.35. Rounding the prorated fee
// first (677.42, then 169.355) would give 169.36.
func TestPayoutInProrates(t *testing.T) {
	jan := calendar.NewMonth(2024, time.January, nil)
	from := time.Date(2024, time.January, 11, 0, 0, 0, 0, time.UTC)
	a, err := DynamicsCRMOnline().Assess(Period{
		Month:      jan,
		Subscribed: calendar.Span{Start: from, End: jan.End()},
		Outages:    []Outage{{Span: calendar.Span{Start: from.Add(48 * time.Hour), End: from.Add(49 * time.Hour)}}},
	})
	require.NoError(t, err)
	require.True(t, dec("25").Equal(a.Credit), "credit %s", a.Credit)
	usd, err := ParseCurrency("USD")
	require.NoError(t, err)

	p, err := a.PayoutIn(dec("1000.00"), usd)
	require.NoError(t, err)
	assert.True(t, dec("169.35").Equal(p.Amount), "amount %s", p.Amount)
	assert.Equal(t, "169.35 USD", usd.Format(p.Amount))
	assert.False(t, p.Exact, "21/31 does not end")
	assert.True(t, dec("677.41935483870967741935").Equal(p.ProratedFee), "prorated %s", p.ProratedFee)
	assert.True(t, dec("169.35483870967741935483").Equal(p.Unrounded), "unrounded %s", p.Unrounded)
	assert.True(t, dec("1000.00").Equal(p.Fee))
	assert.Equal(t, usd, p.Currency)

	// The same month in yen: 1,000 JPY × 21/31 × 25 % = 169.35… → 169.
	jpy, err := ParseCurrency("JPY")
	require.NoError(t, err)
	p, err = a.PayoutIn(dec("1000"), jpy)
	require.NoError(t, err)
	assert.True(t, dec("169").Equal(p.Amount), "amount %s", p.Amount)

	// A whole month is not prorated, and its figures are exact: 25 % of
	// 1,250.00 KWD is 312.5, written 312.500.
	whole, err := DynamicsCRMOnline().Assess(Period{Month: jan, Outages: []Outage{{Span: calendar.Span{Start: from, End: from.Add(time.Hour)}}}})
	require.NoError(t, err)
	kwd, err := ParseCurrency("KWD")
	require.NoError(t, err)
	p, err = whole.PayoutIn(dec("1250.00"), kwd)
	require.NoError(t, err)
	assert.True(t, p.Exact)
	assert.True(t, dec("1250").Equal(p.ProratedFee))
	assert.True(t, dec("312.5").Equal(p.Unrounded))
	assert.Equal(t, "312.500 KWD", kwd.Format(p.Amount))

	// Errors: no currency, a negative fee.
	_, err = a.PayoutIn(dec("1000"), Currency{})
	assert.ErrorIs(t, err, ErrUnknownCurrency)
	_, err = a.PayoutIn(dec("-1"), usd)
	assert.ErrorIs(t, err, ErrInvalidFee)
}

// TestPayoutInCap: a credit above the policy's cap is capped at the cap's
// share of the prorated fee, and a rounded credit below MinimumPayout is
// withheld.
func TestPayoutInCap(t *testing.T) {
	p := DynamicsCRMOnline()
	p.CreditCap = dec("10")
	p.MinimumPayout = dec("5.00")
	apr := calendar.NewMonth(2024, time.April, nil)
	half := calendar.Span{Start: apr.Start().Add(15 * 24 * time.Hour), End: apr.End()} // 15 of 30 days
	a, err := p.Assess(Period{Month: apr, Subscribed: half, Outages: []Outage{{Span: half}}})
	require.NoError(t, err)
	require.True(t, dec("100").Equal(a.Credit))
	eur, err := ParseCurrency("EUR")
	require.NoError(t, err)

	// 100.00 × 15/30 = 50.00; capped at 10 %: 5.00, not below the minimum.
	got, err := a.PayoutIn(dec("100.00"), eur)
	require.NoError(t, err)
	assert.True(t, got.Capped)
	assert.True(t, got.Exact)
	assert.True(t, dec("50").Equal(got.ProratedFee))
	assert.True(t, dec("5").Equal(got.Amount), "amount %s", got.Amount)
	assert.False(t, got.BelowMinimum)

	// 99.98 × 15/30 = 49.99; 10 % = 4.999 → 5.00: rounded, it reaches the
	// minimum. 99.90 gives 4.995 → 5.00 too; 99.88 gives 4.994 → 4.99:
	// withheld.
	got, err = a.PayoutIn(dec("99.98"), eur)
	require.NoError(t, err)
	assert.True(t, dec("5.00").Equal(got.Amount))
	got, err = a.PayoutIn(dec("99.88"), eur)
	require.NoError(t, err)
	assert.True(t, got.BelowMinimum)
	assert.True(t, got.Amount.IsZero())
	assert.True(t, got.Unrounded.IsZero())
}
