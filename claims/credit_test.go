package claims

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// TestSumCredits pins the monthly sum and its cap: "A Service Credit
// awarded in any calendar month shall not ... exceed Customer's monthly
// Subscription Fee" (Microsoft Dynamics CRM Online Service Level
// Agreement, section B.3) caps at 100 %; other caps are other policies'.
// Every figure is exact decimal arithmetic, worked by hand.
func TestSumCredits(t *testing.T) {
	tests := []struct {
		name                    string
		fee, capPercent         string
		credits                 []string
		claimed, limit, awarded string
		capped                  bool
	}{
		// A 25% credit (Monthly Uptime Percentage below 99.9 %, the first
		// tier of the Microsoft Dynamics CRM Online Service Level
		// Agreement, section B) on a 1,000.00 fee, claimed once.
		{"one claim", "1000.00", "100", []string{"250.00"}, "250.00", "1000", "250.00", false},
		// Two claims on one month, 50% and 100%: 1,500 claimed, capped at
		// the fee (section B.3).
		{"capped at the fee", "1000.00", "100", []string{"500.00", "1000.00"}, "1500.00", "1000", "1000", true},
		{"exactly the fee is not capped", "1000.00", "100", []string{"400", "600"}, "1000", "1000", "1000", false},
		{"no claims", "1000.00", "100", nil, "0", "1000", "0", false},
		// A policy capping at 50% of a 99.99 fee: 49.995, kept exact.
		{"half cap, exact", "99.99", "50", []string{"33.333", "33.333"}, "66.666", "49.995", "49.995", true},
		{"zero fee", "0", "100", []string{"10"}, "10", "0", "0", true},
		{"tiny amounts stay exact", "0.03", "100", []string{"0.01", "0.01", "0.01"}, "0.03", "0.03", "0.03", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var credits []decimal.Decimal
			for _, c := range tt.credits {
				credits = append(credits, dec(c))
			}
			got, err := SumCredits(dec(tt.fee), dec(tt.capPercent), credits...)
			require.NoError(t, err)
			assert.True(t, dec(tt.claimed).Equal(got.Claimed), "claimed: want %s got %s", tt.claimed, got.Claimed)
			assert.True(t, dec(tt.limit).Equal(got.Cap), "cap: want %s got %s", tt.limit, got.Cap)
			assert.True(t, dec(tt.awarded).Equal(got.Awarded), "awarded: want %s got %s", tt.awarded, got.Awarded)
			assert.Equal(t, tt.capped, got.Capped())

			total, err := totalCredit(dec(tt.fee), dec(tt.capPercent), credits...)
			require.NoError(t, err)
			assert.True(t, got.Awarded.Equal(total), "want %s got %s", got.Awarded, total)
		})
	}
}

// TestSumCreditsErrors: every bad input at once, each named, each wrapping
// ErrInvalid; the award is then zero.
func TestSumCreditsErrors(t *testing.T) {
	_, err := SumCredits(dec("-1"), dec("0"), dec("5"), dec("-0.01"), dec("-2"))
	require.Error(t, err)
	problems := joined(err)
	require.Len(t, problems, 4, "every bad input at once")
	for _, p := range problems {
		assert.ErrorIs(t, p, ErrInvalid)
	}
	assert.ErrorContains(t, problems[0], "field fee: -1 is negative")
	assert.ErrorContains(t, problems[1], "field capPercent: 0 is outside (0, 100]")
	assert.ErrorContains(t, problems[2], "field credits[1]: -0.01 is negative")
	assert.ErrorContains(t, problems[3], "field credits[2]")

	_, err = totalCredit(dec("10"), dec("100.0001"))
	assert.ErrorIs(t, err, ErrInvalid)
	total, err := totalCredit(dec("10"), dec("-5"), dec("1"))
	assert.ErrorIs(t, err, ErrInvalid)
	assert.True(t, total.IsZero())
}
