package sla

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/internal/strictjson"
)

// TestCreditAmount: fee × credit / 100, capped at the policy's CreditCap
// percent of the fee, then rounded to CurrencyPlaces half away from zero.
// The months are April 2024, 720 h (wall calendar): 1h down is 99.86 %
// uptime (25 % credit), 8h is 98.89 % (50 %), 40h 94.44 % and 48h
// 93.33 % (100 %), by section A's formula and the published tiers.
func TestCreditAmount(t *testing.T) {
	capped := DynamicsCRMOnline()
	capped.CreditCap = dec("30")
	capped.CurrencyPlaces = 0
	yen := DynamicsCRMOnline() // a currency of 0 places
	yen.CurrencyPlaces = 0
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
		// Fees with more places than the currency. 0.005 × 25 % = 0.00125:
		// below half a cent, rounds to 0.00.
		{"half a cent at 25%", DynamicsCRMOnline(), time.Hour, "0.005", "0.00125", "0", false},
		// 0.005 × 100 % = 0.005: exactly half a cent, away from zero: 0.01.
		{"half a cent at 100%", DynamicsCRMOnline(), 48 * time.Hour, "0.005", "0.005", "0.01", false},
		// 10.01 × 25 % = 2.5025 → 2.50; 10.03 × 25 % = 2.5075 → 2.51.
		{"10.01 at 25%", DynamicsCRMOnline(), time.Hour, "10.01", "2.5025", "2.5", false},
		{"10.03 at 25%", DynamicsCRMOnline(), time.Hour, "10.03", "2.5075", "2.51", false},
		// 99.999 × 50 % = 49.9995 → 50.00.
		{"three places at 50%", DynamicsCRMOnline(), 8 * time.Hour, "99.999", "49.9995", "50", false},
		// 0.125 × 100 % = 0.125 → 0.13.
		{"0.125 at 100%", DynamicsCRMOnline(), 48 * time.Hour, "0.125", "0.125", "0.13", false},
		// Yen, 0 places: 999 × 25 % = 249.75 → 250; 2 × 25 % = 0.5 → 1.
		{"yen 999 at 25%", yen, time.Hour, "999", "249.75", "250", false},
		{"yen 2 at 25%", yen, time.Hour, "2", "0.5", "1", false},
		// 1e-64 is the smallest exponent accepted: 2.5e-65, rounds to 0.
		{"tiny fee", DynamicsCRMOnline(), time.Hour, "1e-64", "2.5e-65", "0", false},
		// 1e64 × 25 % = 2.5e63, exact.
		{"huge fee", DynamicsCRMOnline(), time.Hour, "1e64", "2.5e63", "2.5e63", false},
		// No credit earned: 0 whatever the fee.
		{"no credit", DynamicsCRMOnline(), 0, "1000.005", "0", "0", false},
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

// TestCreditAmountBadFee: Payout refuses a negative fee, a fee of 10^65 or
// more and one with more than 64 decimal places, judged by the value
// however the decimal is written, whatever the credit, with ErrInvalidFee
// quoting the fee; CreditAmount gives 0 for them.
func TestCreditAmountBadFee(t *testing.T) {
	tests := []struct {
		name   string
		fee    decimal.Decimal
		phrase string
	}{
		{"negative fee", dec("-0.01"), `fee "-0.01" is negative`},
		{"negative hundred", dec("-100"), `fee "-100" is negative`},
		{"negative half cent", dec("-0.005"), "is negative"},
		{"65 places", decimal.New(1, -65), "fee 1e-65 has more than 64 decimal places"},
		{"65 places written with 66", decimal.New(10, -66), "has more than 64 decimal places"},
		{"10^65", dec("1e65"), "fee 1e65 is 10^65 or more"},
		{"10^65 written as 10 × 10^64", decimal.New(10, 64), "fee 10e64 is 10^65 or more"},
		{"10^65 written as 10^66 × 10^-1", decimal.New(1, 66).Shift(-1), "is 10^65 or more"},
		{"exponent a million", decimal.New(5, 1e6), "fee 5e1000000 is 10^65 or more"},
		{"negative at exponent -2e9", decimal.New(-1, -2e9), "fee -1e-2000000000 is negative"},
	}
	// 1h of April 2024 down earns 25 %, 40h 100 %.
	for _, a := range []Assessment{assessed(t, DynamicsCRMOnline(), time.Hour), assessed(t, DynamicsCRMOnline(), 40*time.Hour)} {
		for _, tc := range tests {
			t.Run(a.Credit.String()+"%/"+tc.name, func(t *testing.T) {
				assert.True(t, a.CreditAmount(tc.fee).IsZero(), "CreditAmount gives 0 for a refused fee %s", strictjson.QuoteDecimal(tc.fee))
				assert.True(t, payoutAmount(a, tc.fee).IsZero(), "fee %s", strictjson.QuoteDecimal(tc.fee))
				_, err := a.Payout(tc.fee)
				require.Error(t, err)
				assert.ErrorIs(t, err, ErrInvalidFee, "fee %s", strictjson.QuoteDecimal(tc.fee))
				assert.Contains(t, err.Error(), tc.phrase)
			})
		}
	}
	a := assessed(t, DynamicsCRMOnline(), 40*time.Hour)
	// The largest fees accepted, however written: just below 10^65, and
	// 64 places.
	for _, fee := range []decimal.Decimal{decimal.New(1, 64), dec("99999999999999999999999999999999999999999999999999999999999999999"),
		decimal.New(5000, -67), decimal.New(1, -64), decimal.New(1000, 61)} {
		p, err := a.Payout(fee)
		require.NoError(t, err, "fee %s", strictjson.QuoteDecimal(fee))
		assert.True(t, fee.Equal(p.Unrounded), "100 %% of fee %s", strictjson.QuoteDecimal(fee))
	}
	_, err := a.Payout(dec("-12.5"))
	assert.EqualError(t, err, `sla: invalid fee: fee "-12.5" is negative`)
}

// TestCreditAmountHandMade: Credit is an exported field, so a caller may
// build an Assessment by hand; one not made by Assess caps at 100 % and
// rounds to 2 places. A credit written with an exponent from −64 to 64
// pays fee × credit / 100, capped; beyond that, and for a credit of 0 or
// below, it pays nothing, never panics. The fee is 10.
func TestCreditAmountHandMade(t *testing.T) {
	fee := dec("10")
	tests := []struct {
		name              string
		credit            decimal.Decimal
		unrounded, amount string
		capped            bool
	}{
		// 150 % of 10 is capped at the fee.
		{"150 % capped at the fee", dec("150"), "10", "10", true},
		// 33.333 % of 10 = 3.3333 → 3.33.
		{"33.333 % rounded to 2 places", dec("33.333"), "3.3333", "3.33", false},
		{"zero", decimal.Decimal{}, "0", "0", false},
		{"negative", dec("-5"), "0", "0", false},
		{"negative 25", decimal.New(-25, 0), "0", "0", false},
		// 10 × 1e-64 / 100 = 1e-65.
		{"exponent -64", decimal.New(1, -64), "1e-65", "0", false},
		{"exponent -65", decimal.New(1, -65), "0", "0", false},
		// 1e64 % of the fee is capped at 100 %: the fee.
		{"exponent 64", decimal.New(1, 64), "10", "10", true},
		{"exponent 65", decimal.New(1, 65), "0", "0", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Assessment{Credit: tc.credit}
			pay, err := a.Payout(fee)
			require.NoError(t, err)
			want := dec(tc.unrounded)
			assert.True(t, want.Equal(pay.Unrounded), "want %s got %s", want, pay.Unrounded)
			assert.True(t, want.Equal(a.CreditAmount(fee)), "CreditAmount %s", a.CreditAmount(fee))
			assert.True(t, dec(tc.amount).Equal(payoutAmount(a, fee)), "amount %s", payoutAmount(a, fee))
			assert.Equal(t, tc.capped, pay.Capped)
		})
	}
	assert.True(t, Assessment{}.CreditAmount(fee).IsZero())
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

// TestPayoutMonotonic, for random valid policies (randomTiers): a larger
// fee never pays less, a larger credit never pays less, and the payout
// never exceeds the cap's share of the fee.
func TestPayoutMonotonic(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 10))
	for range 300 {
		p := randomTiers(rng)
		p.CurrencyPlaces = rng.IntN(4)
		credits := []decimal.Decimal{zero}
		for _, tier := range p.Tiers {
			credits = append(credits, tier.Credit)
		}
		fees := make([]decimal.Decimal, 8)
		for i := range fees {
			fees[i] = decimal.New(rng.Int64N(1e7), -int32(rng.IntN(5)))
		}
		slices.SortFunc(fees, decimal.Decimal.Cmp)
		limit := func(fee decimal.Decimal) decimal.Decimal { return fee.Mul(p.CreditCap).Shift(-2) }
		for ci, c := range credits {
			a := Assessment{Credit: c, money: p.money()}
			prev := zero
			for _, fee := range fees {
				pay, err := a.Payout(fee)
				require.NoError(t, err)
				require.True(t, pay.Unrounded.GreaterThanOrEqual(prev), "fee %s pays %s, less than %s", fee, pay.Unrounded, prev)
				require.True(t, pay.Unrounded.LessThanOrEqual(limit(fee)), "over the cap")
				require.True(t, pay.Amount.Equal(pay.Unrounded.Round(int32(p.CurrencyPlaces))))
				require.Equal(t, c.Mul(fee).Shift(-2).GreaterThan(limit(fee)), pay.Capped)
				prev = pay.Unrounded
				if ci > 0 {
					lower, err := Assessment{Credit: credits[ci-1], money: p.money()}.Payout(fee)
					require.NoError(t, err)
					require.True(t, pay.Unrounded.GreaterThanOrEqual(lower.Unrounded), "credit %s pays less than %s", c, credits[ci-1])
				}
			}
		}
	}
}
