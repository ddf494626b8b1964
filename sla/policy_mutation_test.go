package sla

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/internal/strictjson"
)

// Edges of the policy's limits and of how its errors quote values: the
// limits are documented (18 decimal places, exponents, 40-character
// decimal strings) and an error message must name the bad value, cut
// short when it is huge.

func TestValidateMinimumPayoutEdges(t *testing.T) {
	tests := []struct {
		name   string
		payout decimal.Decimal
		want   string // "" when valid
	}{
		{"zero", decimal.Decimal{}, ""},
		{"18 places", decimal.New(1, -18), ""},
		{"19 places", decimal.New(1, -19), `minimumPayout "1e-19" has more than 18 decimal places`},
		{"exponent 18", decimal.New(1, 18), ""},
		{"exponent 19", decimal.New(1, 19), `minimumPayout "1e19" is out of range`},
		{"one cent below zero", decimal.New(-1, -2), `minimumPayout "-0.01" is negative`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := DynamicsCRMOnline()
			p.MinimumPayout = tc.payout
			err := p.Validate()
			if tc.want == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrInvalidPolicy))
			assert.Contains(t, err.Error(), tc.want)
			assert.Len(t, strings.Split(err.Error(), "\n"), 1, "one problem: %v", err)
		})
	}
}

func TestValidatePercentExponentEdges(t *testing.T) {
	// A level written with exponent 18 (1e18 %) is out of (0, 100], not
	// out of range; exponent 19 is out of range.
	p := DynamicsCRMOnline()
	p.Level = decimal.New(1, 18)
	err := p.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), `level "1000000000000000000" is outside (0, 100]`)
	p.Level = decimal.New(1, 19)
	err = p.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), `level "1e19" is out of range`)
	// 18 places is fine, 19 is not.
	p.Level = decimal.New(999, -1).Add(decimal.New(1, -18))
	require.NoError(t, p.Validate(), "99.900000000000000001 has 18 places")
}

func TestShortDecimalCutsLongCoefficients(t *testing.T) {
	forty := strings.Repeat("1234567890", 4)
	d40, err := decimal.NewFromString(forty)
	require.NoError(t, err)
	assert.Equal(t, forty+"e0", strictjson.QuoteDecimal(d40), "40 digits are written whole")
	d41, err := decimal.NewFromString(forty + "7")
	require.NoError(t, err)
	assert.Equal(t, forty+"...e0", strictjson.QuoteDecimal(d41), "41 digits are cut to 40")
	assert.Equal(t, "-5e-3", strictjson.QuoteDecimal(decimal.New(-5, -3)))

	// In a Validate message: a level with 41 digits at exponent -19.
	p := DynamicsCRMOnline()
	p.Level = d41.Shift(-19 - 40)
	err = p.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), `level "`+forty+`...e-59" has more than 18 decimal places`)
}

func TestPlainEdges(t *testing.T) {
	tests := []struct {
		d    decimal.Decimal
		want string
	}{
		{decimal.New(999, -1), "99.9"},
		{decimal.New(100, 0), "100"},
		{decimal.New(1, 2), "100"},
		{decimal.New(-5, -1), "-0.5"},
		{decimal.New(5, -3), "0.005"},
		{decimal.New(120, -2), "1.2"},
		{decimal.New(0, -5), "0"},
		{decimal.New(0, 3), "0"},
		{decimal.New(-1, 0), "-1"},
		{decimal.New(7, -18), "0.000000000000000007"},
		{decimal.New(1, 18), "1000000000000000000"},
		// Beyond the plain range: short form.
		{decimal.New(1, 19), "1e19"},
		// The plain form reaches exponent -82 (18 + 64 places).
		{decimal.New(1, -82), "0." + strings.Repeat("0", 81) + "1"},
		{decimal.New(1, -83), "1e-83"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, strictjson.Decimal(tc.d), "strictjson.Decimal(%s)", tc.d.String())
	}
}

func TestParseDecimalEdges(t *testing.T) {
	tests := []struct {
		in   string
		want string // plain form; "" when an error is wanted
		err  string
	}{
		{"99.9", "99.9", ""},
		{"-0.5", "-0.5", ""},
		{"007", "7", ""},
		{"0.000000000000000001", "0.000000000000000001", ""},
		// 40 characters is the most: 21 digits, a point, 18 digits.
		{"123456789012345678901.123456789012345678", "123456789012345678901.123456789012345678", ""},
		{"1234567890123456789012.123456789012345678", "", "of at most 40 characters"},
		{"", "", "of at most 40 characters"},
		{"0.0000000000000000001", "", "more than 18 decimal places"},
		{"-", "", `want a plain decimal number such as "99.9"`},
		{"+1", "", `want a plain decimal number`},
		{"1.", "", `want a plain decimal number`},
		{".5", "", `want a plain decimal number`},
		{"1.5x", "", `want a plain decimal number`},
		{"1e5", "", `want a plain decimal number`},
		{"1/2", "", `want a plain decimal number`},
		{"9:", "", `want a plain decimal number`},
		{" 1", "", `want a plain decimal number`},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			d, err := parseDecimal(tc.in)
			if tc.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, strictjson.Decimal(d))
		})
	}
}

func TestPolicyJSONErrorsQuoteShort(t *testing.T) {
	// A raw JSON value of up to 60 bytes is quoted whole; a longer one is
	// cut to its first 60 bytes, with its length.
	sixty := strings.Repeat("1234567890", 6)
	doc := strings.Replace(designJSON, `"level": "99.9"`, `"level": `+sixty, 1)
	_, err := ParsePolicy(strings.NewReader(doc))
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrInvalidPolicy))
	assert.Contains(t, err.Error(), "level "+sixty+": want a decimal string")

	doc = strings.Replace(designJSON, `"level": "99.9"`, `"level": `+sixty+`9`, 1)
	_, err = ParsePolicy(strings.NewReader(doc))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `level "`+sixty+`"... (61 bytes): want a decimal string`)
}
