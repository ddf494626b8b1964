package sla

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/strictjson"
)

// assessed returns the assessment of April 2024 with downtime of the
// service's own fault, under p.
func assessed(t *testing.T, p Policy, downtime time.Duration) Assessment {
	t.Helper()
	month := calendar.NewMonth(2024, time.April, nil)
	a, err := p.Assess(Period{Month: month, Outages: []Outage{{Span: span(at(10, 0, 0), at(10, 0, 0).Add(downtime))}}})
	require.NoError(t, err)
	return a
}

func TestCreditAmount(t *testing.T) {
	capped := DynamicsCRMOnline()
	capped.CreditCap = dec("30")
	capped.CurrencyPlaces = 0
	tests := []struct {
		name              string
		policy            Policy
		downtime          time.Duration
		fee               string
		unrounded, amount string
		isCapped          bool
	}{
		// 43m12s in a 30-day month is exactly 99.9 %: no credit.
		{"level met", DynamicsCRMOnline(), 43*time.Minute + 12*time.Second, "1000", "0", "0", false},
		// 1ns more: 25 % of 1,234.57 = 308.6425 → 308.64.
		{"first tier", DynamicsCRMOnline(), 43*time.Minute + 12*time.Second + 1, "1234.57", "308.6425", "308.64", false},
		// 25 % of 0.02 = 0.005: half a cent rounds away from zero to 0.01.
		{"half a cent rounds up", DynamicsCRMOnline(), time.Hour, "0.02", "0.005", "0.01", false},
		// 25 % of 0.06 = 0.015 → 0.02 (half away from zero, not to even).
		{"half away from zero, not to even", DynamicsCRMOnline(), time.Hour, "0.06", "0.015", "0.02", false},
		// 8h is 1.11 % of 720h: uptime 98.89 % → 50 %.
		{"second tier", DynamicsCRMOnline(), 8 * time.Hour, "99.99", "49.995", "50", false},
		// 40h is 5.56 %: uptime 94.44 % → 100 % of the fee, the cap.
		{"whole fee", DynamicsCRMOnline(), 40 * time.Hour, "450", "450", "450", false},
		// A 30 % cap: 50 % of 999 = 499.5 is capped at 299.7, rounded to 0 places: 300.
		{"capped", capped, 8 * time.Hour, "999", "299.7", "300", true},
		// 25 % of 999 = 249.75 is under the cap; 0 places: 250.
		{"under the cap", capped, time.Hour, "999", "249.75", "250", false},
		{"zero fee", DynamicsCRMOnline(), 40 * time.Hour, "0", "0", "0", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := assessed(t, tt.policy, tt.downtime)
			fee := dec(tt.fee)
			got := a.CreditAmount(fee)
			assert.True(t, dec(tt.unrounded).Equal(got), "unrounded: want %s got %s", tt.unrounded, got)
			rounded := payoutAmount(a, fee)
			assert.True(t, dec(tt.amount).Equal(rounded), "rounded: want %s got %s", tt.amount, rounded)
			pay, err := a.Payout(fee)
			require.NoError(t, err)
			assert.True(t, dec(tt.unrounded).Equal(pay.Unrounded))
			assert.True(t, dec(tt.amount).Equal(pay.Amount))
			assert.True(t, fee.Equal(pay.Fee))
			assert.True(t, a.Credit.Equal(pay.Percent))
			assert.Equal(t, tt.isCapped, pay.Capped)
		})
	}
}

func TestCreditAmountBadFee(t *testing.T) {
	a := assessed(t, DynamicsCRMOnline(), 40*time.Hour)
	for _, fee := range []decimal.Decimal{dec("-0.01"), dec("-100"), decimal.New(1, -65), decimal.New(5, 1_000_000), decimal.New(-1, -2_000_000_000)} {
		assert.True(t, a.CreditAmount(fee).IsZero(), "fee %s", strictjson.QuoteDecimal(fee))
		assert.True(t, payoutAmount(a, fee).IsZero(), "fee %s", strictjson.QuoteDecimal(fee))
		_, err := a.Payout(fee)
		assert.ErrorIs(t, err, ErrInvalidFee, "fee %s", strictjson.QuoteDecimal(fee))
	}
	_, err := a.Payout(dec("-12.5"))
	assert.EqualError(t, err, `sla: invalid fee: fee "-12.5" is negative`)
}

// An Assessment not made by Assess caps at 100 % and rounds to 2 places.
func TestCreditAmountHandMade(t *testing.T) {
	a := Assessment{Credit: dec("150")}
	assert.True(t, dec("10").Equal(a.CreditAmount(dec("10"))), "capped at the fee")
	a = Assessment{Credit: dec("33.333")}
	assert.True(t, dec("3.33").Equal(payoutAmount(a, dec("10"))))
	assert.True(t, Assessment{}.CreditAmount(dec("10")).IsZero())
	assert.True(t, Assessment{Credit: dec("-5")}.CreditAmount(dec("10")).IsZero())
}

// payoutAmount is Payout's rounded Amount for fee, or 0 for a fee Payout
// refuses.
func payoutAmount(a Assessment, fee decimal.Decimal) decimal.Decimal {
	p, err := a.Payout(fee)
	if err != nil {
		return decimal.Zero
	}
	return p.Amount
}
