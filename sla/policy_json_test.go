package sla

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/internal/strictjson"
	"github.com/slapolicy/slapolicy/maintenance"
)

// dynamicsJSON is DynamicsCRMOnline's JSON form, as MarshalJSON's
// documentation states it: part of the contract, since configuration
// files keep it.
const dynamicsJSON = `{
  "level": "99.9",
  "tiers": [
    {"below": "99.9", "credit": "25"},
    {"below": "99", "credit": "50"},
    {"below": "95", "credit": "100"}
  ],
  "noticeLead": "24h0m0s",
  "intermittentLimit": "10m0s",
  "excludedCauses": ["outside-control", "add-on", "customer-systems", "customer-actions", "ignored-advice", "preview"],
  "resolution": "0s",
  "windowNeedsNotice": false,
  "creditCap": "100",
  "currencyPlaces": 2
}`

// policiesEqual compares policies field by field, decimals with Equal.
func policiesEqual(t *testing.T, want, got Policy) {
	t.Helper()
	assert.True(t, want.Level.Equal(got.Level), "level: want %s got %s", want.Level, got.Level)
	require.Len(t, got.Tiers, len(want.Tiers))
	for i := range want.Tiers {
		assert.True(t, want.Tiers[i].Below.Equal(got.Tiers[i].Below), "tiers[%d].below", i)
		assert.True(t, want.Tiers[i].Credit.Equal(got.Tiers[i].Credit), "tiers[%d].credit", i)
	}
	assert.Equal(t, want.NoticeLead, got.NoticeLead)
	assert.Equal(t, want.IntermittentLimit, got.IntermittentLimit)
	assert.Equal(t, len(want.ExcludedCauses), len(got.ExcludedCauses))
	for i := range want.ExcludedCauses {
		assert.Equal(t, want.ExcludedCauses[i], got.ExcludedCauses[i])
	}
	assert.Equal(t, want.Resolution, got.Resolution)
	assert.Equal(t, want.WindowNeedsNotice, got.WindowNeedsNotice)
	assert.True(t, want.CreditCap.Equal(got.CreditCap), "creditCap: want %s got %s", want.CreditCap, got.CreditCap)
	assert.Equal(t, want.CurrencyPlaces, got.CurrencyPlaces)
	assert.Equal(t, want.Measure, got.Measure)
	assert.Equal(t, want.MinimumPeriod, got.MinimumPeriod)
	assert.True(t, want.MinimumPayout.Equal(got.MinimumPayout), "minimumPayout: want %s got %s", want.MinimumPayout, got.MinimumPayout)
}

// TestDynamicsCRMOnlineJSON: DynamicsCRMOnline writes dynamicsJSON, and
// dynamicsJSON reads back to it through ParsePolicy, json.Unmarshal and as
// a field of a larger document.
func TestDynamicsCRMOnlineJSON(t *testing.T) {
	b, err := json.Marshal(DynamicsCRMOnline())
	require.NoError(t, err)
	assert.JSONEq(t, dynamicsJSON, string(b))

	got, err := ParsePolicy(strings.NewReader(dynamicsJSON))
	require.NoError(t, err)
	policiesEqual(t, DynamicsCRMOnline(), got)

	var viaUnmarshal Policy
	require.NoError(t, json.Unmarshal([]byte(dynamicsJSON), &viaUnmarshal))
	policiesEqual(t, DynamicsCRMOnline(), viaUnmarshal)

	// The policy also round-trips as a field of a larger configuration.
	var cfg struct {
		Policy Policy `json:"policy"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"policy":`+dynamicsJSON+`}`), &cfg))
	policiesEqual(t, DynamicsCRMOnline(), cfg.Policy)
}

// TestPolicyJSONShortDurations: durations may be written short ("24h").
func TestPolicyJSONShortDurations(t *testing.T) {
	in := strings.NewReplacer(`"24h0m0s"`, `"24h"`, `"10m0s"`, `"10m"`, `"0s"`, `"0"`).Replace(dynamicsJSON)
	got, err := ParsePolicy(strings.NewReader(in))
	require.NoError(t, err)
	assert.Equal(t, 24*time.Hour, got.NoticeLead)
	assert.Equal(t, 10*time.Minute, got.IntermittentLimit)
	assert.Equal(t, time.Duration(0), got.Resolution)
}

// TestPolicyJSONErrors: every problem of a document is reported, each
// wrapping ErrInvalidPolicy, by ParsePolicy and json.Unmarshal alike, and
// json.Unmarshal leaves its target unchanged.
func TestPolicyJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"unknown key", strings.Replace(dynamicsJSON, `"resolution"`, `"resolutoin"`, 1), []string{`policy has unknown key "resolutoin"`}},
		{"key in other case", strings.Replace(dynamicsJSON, `"level"`, `"Level"`, 1), []string{`unknown key "Level"`}},
		{"unknown tier key", strings.Replace(dynamicsJSON, `{"below": "99", "credit": "50"}`, `{"below": "99", "credit": "50", "note": "x"}`, 1), []string{`tiers[1] has unknown key "note"`}},
		{"missing credit cap", strings.Replace(dynamicsJSON, `"creditCap": "100",`, ``, 1), []string{`creditCap "0" is outside (0, 100]`}},
		{"missing level and tiers", `{"creditCap":"100"}`, []string{`level "0"`, "tiers is empty"}},
		{"empty object", `{}`, []string{"level", "tiers is empty", "creditCap"}},
		{"null", `null`, []string{"policy is null"}},
		{"array", `[]`, []string{"policy [] is not a JSON object"}},
		{"not json", `{"level": `, []string{"policy is not a JSON object"}},
		{"trailing data", dynamicsJSON + ` {}`, []string{"after top-level value"}},
		{"decimal as number", strings.Replace(dynamicsJSON, `"level": "99.9"`, `"level": 99.9`, 1), []string{`level 99.9: want a decimal string such as "99.9"`}},
		{"decimal with exponent", strings.Replace(dynamicsJSON, `"creditCap": "100"`, `"creditCap": "1e2"`, 1), []string{`creditCap "1e2": want a plain decimal number`}},
		{"huge exponent", strings.Replace(dynamicsJSON, `"creditCap": "100"`, `"creditCap": "1e-999999999"`, 1), []string{`creditCap "1e-999999999": want a plain decimal`}},
		{"too many places", strings.Replace(dynamicsJSON, `"level": "99.9"`, `"level": "99.9000000000000000001"`, 1), []string{`level "99.9000000000000000001": more than 18 decimal places`}},
		{"empty decimal", strings.Replace(dynamicsJSON, `"level": "99.9"`, `"level": ""`, 1), []string{`level ""`}},
		{"bad duration", strings.Replace(dynamicsJSON, `"24h0m0s"`, `"1 day"`, 1), []string{`noticeLead "1 day": want a duration string`}},
		{"duration as number", strings.Replace(dynamicsJSON, `"24h0m0s"`, `86400`, 1), []string{`noticeLead 86400: want a duration string`}},
		{"negative duration", strings.Replace(dynamicsJSON, `"10m0s"`, `"-10m"`, 1), []string{`intermittentLimit "-10m0s" is negative`}},
		{"typo cause", strings.Replace(dynamicsJSON, `"add-on"`, `"addon"`, 1), []string{`excludedCauses[1] "addon" is not a known cause`}},
		{"cause named window", strings.Replace(dynamicsJSON, `"preview"]`, `"preview", "window"]`, 1), []string{`excludedCauses[6] "window" is the name of a reason`}},
		{"places not integer", strings.Replace(dynamicsJSON, `"currencyPlaces": 2`, `"currencyPlaces": 2.5`, 1), []string{`currencyPlaces 2.5: want a whole number`}},
		{"places negative", strings.Replace(dynamicsJSON, `"currencyPlaces": 2`, `"currencyPlaces": -1`, 1), []string{`currencyPlaces -1 is outside 0..18`}},
		{"flag not bool", strings.Replace(dynamicsJSON, `"windowNeedsNotice": false`, `"windowNeedsNotice": "no"`, 1), []string{`windowNeedsNotice "no": want true or false`}},
		// A key given twice is an error, never "the last one wins"; the
		// first value is the one judged.
		{"duplicate key", strings.Replace(dynamicsJSON, `"level": "99.9",`, `"level": "99.9", "tiers": {},`, 1), []string{`policy has key "tiers" more than once`, `tiers {}: want a list`}},
		{"duplicate credit cap", strings.Replace(dynamicsJSON, `"creditCap": "100",`, `"creditCap": "100", "creditCap": "1",`, 1), []string{`policy has key "creditCap" more than once`}},
		{"duplicate tier key", strings.Replace(dynamicsJSON, `{"below": "99", "credit": "50"}`, `{"below": "99", "credit": "50", "credit": "5"}`, 1), []string{`tiers[1] has key "credit" more than once`}},
		{"key and cause typos together", strings.NewReplacer(`"level"`, `"levle"`, `"add-on"`, `"addon"`).Replace(dynamicsJSON), []string{`unknown key "levle"`, `excludedCauses[1] "addon" is not a known cause`}},
		{"tiers not list", strings.Replace(dynamicsJSON, `"tiers": [`, `"tiers": {}, "x": [`, 1), []string{`unknown key "x"`}},
		{"tiers object", `{"level":"99.9","tiers":{"below":"99.9"},"creditCap":"100"}`, []string{`tiers {"below":"99.9"}: want a list`}},
		{"tier null", `{"level":"99.9","tiers":[null],"creditCap":"100"}`, []string{`tiers[0] is null`}},
		{"two bad fields", strings.NewReplacer(`"level": "99.9"`, `"level": "high"`, `"10m0s"`, `"ten"`).Replace(dynamicsJSON), []string{`level "high"`, `intermittentLimit "ten"`}},
		{"unknown measure", strings.Replace(dynamicsJSON, `"currencyPlaces": 2`, `"currencyPlaces": 2, "measure": "users"`, 1),
			[]string{`measure "users" is not "minutes" or "user-minutes"`}},
		{"minimum payout as number", strings.Replace(dynamicsJSON, `"currencyPlaces": 2`, `"currencyPlaces": 2, "minimumPayout": 5`, 1),
			[]string{"minimumPayout 5: want a decimal string"}},
		// A raw JSON value of up to 60 bytes is quoted whole; a longer one
		// is cut to its first 60 bytes, with its length.
		{"raw value of 60 bytes quoted whole", strings.Replace(dynamicsJSON, `"level": "99.9"`, `"level": `+strings.Repeat("1234567890", 6), 1),
			[]string{"level " + strings.Repeat("1234567890", 6) + ": want a decimal string"}},
		{"raw value of 61 bytes cut at 60", strings.Replace(dynamicsJSON, `"level": "99.9"`, `"level": `+strings.Repeat("1234567890", 6)+`9`, 1),
			[]string{`level "` + strings.Repeat("1234567890", 6) + `"... (61 bytes): want a decimal string`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePolicy(strings.NewReader(tt.in))
			if tt.want == nil {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidPolicy)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			// json.Unmarshal reports the same and leaves the target alone.
			p := DynamicsCRMOnline()
			err2 := json.Unmarshal([]byte(tt.in), &p)
			require.Error(t, err2)
			policiesEqual(t, DynamicsCRMOnline(), p)
		})
	}
}

// TestPolicyJSONTooLong: ParsePolicy reads at most 1 MiB.
func TestPolicyJSONTooLong(t *testing.T) {
	_, err := ParsePolicy(strings.NewReader(dynamicsJSON + strings.Repeat(" ", maxPolicyBytes)))
	require.ErrorIs(t, err, ErrInvalidPolicy)
	assert.Contains(t, err.Error(), "longer than")

	// The limit is inclusive: a document of exactly maxPolicyBytes (1 MiB)
	// bytes, padded with white space, is read; one byte more is not.
	exact := dynamicsJSON + strings.Repeat(" ", maxPolicyBytes-len(dynamicsJSON))
	require.Len(t, exact, maxPolicyBytes)
	p, err := ParsePolicy(strings.NewReader(exact))
	require.NoError(t, err)
	policiesEqual(t, DynamicsCRMOnline(), p)
	_, err = ParsePolicy(strings.NewReader(exact + " "))
	require.ErrorIs(t, err, ErrInvalidPolicy)
}

// TestMarshalRefusesInvalidPolicy: MarshalJSON writes only documents that
// read back.
func TestMarshalRefusesInvalidPolicy(t *testing.T) {
	p := DynamicsCRMOnline()
	p.CreditCap = dec("0")
	_, err := json.Marshal(p)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalidPolicy)
}

// TestPolicyJSONRoundTripOtherShape: another provider's policy round-trips,
// its decimals written without trailing zeros and an empty cause list as
// [].
func TestPolicyJSONRoundTripOtherShape(t *testing.T) {
	p := Policy{
		Level:             dec("99.95"),
		Tiers:             []Tier{{Below: dec("99.95"), Credit: dec("10")}, {Below: dec("99.0"), Credit: dec("25")}, {Below: dec("95.125"), Credit: dec("100")}},
		ScheduledDowntime: maintenance.ScheduledDowntime{NoticeLead: 72*time.Hour + 30*time.Minute, WindowNeedsNotice: true},
		IntermittentLimit: 5*time.Minute - 1,
		ExcludedCauses:    []Cause{CausePreview, CauseOutsideControl},
		Resolution:        time.Minute,
		CreditCap:         dec("30"),
		CurrencyPlaces:    0,
	}
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"below":"99"`, "decimals written without trailing zeros")
	got, err := ParsePolicy(strings.NewReader(string(b)))
	require.NoError(t, err)
	policiesEqual(t, p, got)

	p.ExcludedCauses = nil
	b, err = json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"excludedCauses":[]`)
}

// TestPlainDecimals: MarshalJSON writes decimals plainly
// (strictjson.Decimal), with no exponent and no trailing zeros, up to
// exponent 18 and down to exponent -82 (18 + 64 places); beyond, in short
// form.
func TestPlainDecimals(t *testing.T) {
	tests := []struct {
		d    decimal.Decimal
		want string
	}{
		{dec("99.9"), "99.9"},
		{dec("99.900"), "99.9"},
		{dec("100"), "100"},
		{dec("0"), "0"},
		{dec("0.00"), "0"},
		{dec("-0.5"), "-0.5"},
		{dec("0.000001"), "0.000001"},
		{dec("1e2"), "100"},
		{dec("-3"), "-3"},
		{decimal.New(25, 0), "25"},
		{decimal.New(1, -100), "1e-100"},
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

// TestParseDecimalEdges: a decimal in a policy's JSON form is a plain
// number of at most 40 characters and 18 decimal places.
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

// TestMeasureJSON: "measure" is written only when it is set, and reads
// back; "minutes" reads as MeasureMinutes.
func TestMeasureJSON(t *testing.T) {
	p := DynamicsCRMOnline()
	p.Measure = MeasureUserMinutes
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"measure":"user-minutes"`)
	got, err := ParsePolicy(strings.NewReader(string(b)))
	require.NoError(t, err)
	assert.Equal(t, MeasureUserMinutes, got.Measure)

	got, err = ParsePolicy(strings.NewReader(strings.Replace(dynamicsJSON, `"currencyPlaces": 2`, `"currencyPlaces": 2, "measure": "minutes"`, 1)))
	require.NoError(t, err)
	assert.Equal(t, MeasureMinutes, got.Measure)
}
