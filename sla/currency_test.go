package sla

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The minor units of ISO 4217 List One (2026-01-01), as the library reads
// them: 0 for JPY and KRW, 2 for USD and EUR, 3 for BHD, KWD and TND, 4 for
// CLF; codes withdrawn before that edition (HRK, BGN, SLL, CUC) and codes
// without a minor unit (XAU, XDR, XXX) are refused.
func TestParseCurrency(t *testing.T) {
	for _, tc := range []struct {
		code   string
		want   string
		places int
	}{
		{"USD", "USD", 2}, {"EUR", "EUR", 2}, {" eur ", "EUR", 2}, {"JPY", "JPY", 0}, {"KRW", "KRW", 0},
		{"BHD", "BHD", 3}, {"KWD", "KWD", 3}, {"TND", "TND", 3}, {"CLF", "CLF", 4}, {"UYW", "UYW", 4},
		{"INR", "INR", 2}, {"XCG", "XCG", 2}, {"ZWG", "ZWG", 2}, {"SLE", "SLE", 2}, {"VED", "VED", 2},
		{"CLP", "CLP", 0}, {"ISK", "ISK", 0}, {"VND", "VND", 0}, {"XOF", "XOF", 0}, {"IQD", "IQD", 3},
	} {
		t.Run(tc.code, func(t *testing.T) {
			c, err := ParseCurrency(tc.code)
			require.NoError(t, err)
			assert.Equal(t, tc.want, c.Code())
			assert.Equal(t, tc.places, c.Places())
			assert.False(t, c.IsZero())
		})
	}
	for _, code := range []string{"", "US", "USDX", "HRK", "BGN", "SLL", "CUC", "ANG", "XAU", "XDR", "XXX", "€"} {
		_, err := ParseCurrency(code)
		assert.ErrorIs(t, err, ErrUnknownCurrency, "%q", code)
	}
	_, err := ParseCurrency("XAU")
	assert.ErrorContains(t, err, `"XAU" has no minor unit`)
	_, err = ParseCurrency(strings.Repeat("A", 1<<20))
	assert.Less(t, len(err.Error()), 200, "the code is quoted clipped")
	assert.Contains(t, err.Error(), "(1048576 bytes)")
}

func TestCurrencyFormat(t *testing.T) {
	cur := func(code string) Currency {
		c, err := ParseCurrency(code)
		require.NoError(t, err)
		return c
	}
	for _, tc := range []struct {
		code, amount, want string
	}{
		{"EUR", "1050", "1,050.00 EUR"},
		{"EUR", "1050.005", "1,050.01 EUR"}, // half away from zero
		{"EUR", "0.5", "0.50 EUR"},
		{"EUR", "-0.505", "-0.51 EUR"},
		{"USD", "1234567.891", "1,234,567.89 USD"},
		{"JPY", "150000", "150,000 JPY"},
		{"JPY", "149999.5", "150,000 JPY"},
		{"KWD", "12.345", "12.345 KWD"},
		{"KWD", "12.3455", "12.346 KWD"},
		{"CLF", "1.23456", "1.2346 CLF"},
		{"USD", "0", "0.00 USD"},
		{"USD", "999", "999.00 USD"},
		{"USD", "1000", "1,000.00 USD"},
	} {
		t.Run(tc.code+" "+tc.amount, func(t *testing.T) {
			assert.Equal(t, tc.want, cur(tc.code).Format(dec(tc.amount)))
		})
	}
	assert.Equal(t, "1050.5", Currency{}.Format(dec("1050.50")), "the zero Currency writes the amount as it is")

	c := cur("KWD")
	b, err := c.MarshalText()
	require.NoError(t, err)
	var back Currency
	require.NoError(t, back.UnmarshalText(b))
	assert.Equal(t, c, back)
	require.NoError(t, back.UnmarshalText([]byte(" ")))
	assert.True(t, back.IsZero())
	assert.ErrorIs(t, back.UnmarshalText([]byte("XXX")), ErrUnknownCurrency)
}
