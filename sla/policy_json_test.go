package sla

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/maintenance"
)

// designJSON is DynamicsCRMOnline's JSON form as DESIGN.md ("A policy's
// JSON form") states it: part of the contract.
const designJSON = `{
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

func TestDynamicsCRMOnlineJSON(t *testing.T) {
	b, err := json.Marshal(DynamicsCRMOnline())
	require.NoError(t, err)
	assert.JSONEq(t, designJSON, string(b))

	got, err := ParsePolicy(strings.NewReader(designJSON))
	require.NoError(t, err)
	policiesEqual(t, DynamicsCRMOnline(), got)

	var viaUnmarshal Policy
	require.NoError(t, json.Unmarshal([]byte(designJSON), &viaUnmarshal))
	policiesEqual(t, DynamicsCRMOnline(), viaUnmarshal)

	// The policy also round-trips as a field of a larger configuration.
	var cfg struct {
		Policy Policy `json:"policy"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"policy":`+designJSON+`}`), &cfg))
	policiesEqual(t, DynamicsCRMOnline(), cfg.Policy)
}

func TestPolicyJSONShortDurations(t *testing.T) {
	in := strings.NewReplacer(`"24h0m0s"`, `"24h"`, `"10m0s"`, `"10m"`, `"0s"`, `"0"`).Replace(designJSON)
	got, err := ParsePolicy(strings.NewReader(in))
	require.NoError(t, err)
	assert.Equal(t, 24*time.Hour, got.NoticeLead)
	assert.Equal(t, 10*time.Minute, got.IntermittentLimit)
	assert.Equal(t, time.Duration(0), got.Resolution)
}

func TestPolicyJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"unknown key", strings.Replace(designJSON, `"resolution"`, `"resolutoin"`, 1), []string{`policy has unknown key "resolutoin"`}},
		{"key in other case", strings.Replace(designJSON, `"level"`, `"Level"`, 1), []string{`unknown key "Level"`}},
		{"unknown tier key", strings.Replace(designJSON, `{"below": "99", "credit": "50"}`, `{"below": "99", "credit": "50", "note": "x"}`, 1), []string{`tiers[1] has unknown key "note"`}},
		{"missing credit cap", strings.Replace(designJSON, `"creditCap": "100",`, ``, 1), []string{`creditCap "0" is outside (0, 100]`}},
		{"missing level and tiers", `{"creditCap":"100"}`, []string{`level "0"`, "tiers is empty"}},
		{"empty object", `{}`, []string{"level", "tiers is empty", "creditCap"}},
		{"null", `null`, []string{"policy is null"}},
		{"array", `[]`, []string{"policy [] is not a JSON object"}},
		{"not json", `{"level": `, []string{"policy is not a JSON object"}},
		{"trailing data", designJSON + ` {}`, []string{"after top-level value"}},
		{"decimal as number", strings.Replace(designJSON, `"level": "99.9"`, `"level": 99.9`, 1), []string{`level 99.9: want a decimal string such as "99.9"`}},
		{"decimal with exponent", strings.Replace(designJSON, `"creditCap": "100"`, `"creditCap": "1e2"`, 1), []string{`creditCap "1e2": want a plain decimal number`}},
		{"huge exponent", strings.Replace(designJSON, `"creditCap": "100"`, `"creditCap": "1e-999999999"`, 1), []string{`creditCap "1e-999999999": want a plain decimal`}},
		{"too many places", strings.Replace(designJSON, `"level": "99.9"`, `"level": "99.9000000000000000001"`, 1), []string{`level "99.9000000000000000001": more than 18 decimal places`}},
		{"empty decimal", strings.Replace(designJSON, `"level": "99.9"`, `"level": ""`, 1), []string{`level ""`}},
		{"bad duration", strings.Replace(designJSON, `"24h0m0s"`, `"1 day"`, 1), []string{`noticeLead "1 day": want a duration string`}},
		{"duration as number", strings.Replace(designJSON, `"24h0m0s"`, `86400`, 1), []string{`noticeLead 86400: want a duration string`}},
		{"negative duration", strings.Replace(designJSON, `"10m0s"`, `"-10m"`, 1), []string{`intermittentLimit "-10m0s" is negative`}},
		{"typo cause", strings.Replace(designJSON, `"add-on"`, `"addon"`, 1), []string{`excludedCauses[1] "addon" is not a known cause`}},
		{"cause named window", strings.Replace(designJSON, `"preview"]`, `"preview", "window"]`, 1), []string{`excludedCauses[6] "window" is the name of a reason`}},
		{"places not integer", strings.Replace(designJSON, `"currencyPlaces": 2`, `"currencyPlaces": 2.5`, 1), []string{`currencyPlaces 2.5: want a whole number`}},
		{"places negative", strings.Replace(designJSON, `"currencyPlaces": 2`, `"currencyPlaces": -1`, 1), []string{`currencyPlaces -1 is outside 0..18`}},
		{"flag not bool", strings.Replace(designJSON, `"windowNeedsNotice": false`, `"windowNeedsNotice": "no"`, 1), []string{`windowNeedsNotice "no": want true or false`}},
		// A key given twice is an error, never "the last one wins"; the
		// first value is the one judged.
		{"duplicate key", strings.Replace(designJSON, `"level": "99.9",`, `"level": "99.9", "tiers": {},`, 1), []string{`policy has key "tiers" more than once`, `tiers {}: want a list`}},
		{"duplicate credit cap", strings.Replace(designJSON, `"creditCap": "100",`, `"creditCap": "100", "creditCap": "1",`, 1), []string{`policy has key "creditCap" more than once`}},
		{"duplicate tier key", strings.Replace(designJSON, `{"below": "99", "credit": "50"}`, `{"below": "99", "credit": "50", "credit": "5"}`, 1), []string{`tiers[1] has key "credit" more than once`}},
		{"key and cause typos together", strings.NewReplacer(`"level"`, `"levle"`, `"add-on"`, `"addon"`).Replace(designJSON), []string{`unknown key "levle"`, `excludedCauses[1] "addon" is not a known cause`}},
		{"tiers not list", strings.Replace(designJSON, `"tiers": [`, `"tiers": {}, "x": [`, 1), []string{`unknown key "x"`}},
		{"tiers object", `{"level":"99.9","tiers":{"below":"99.9"},"creditCap":"100"}`, []string{`tiers {"below":"99.9"}: want a list`}},
		{"tier null", `{"level":"99.9","tiers":[null],"creditCap":"100"}`, []string{`tiers[0] is null`}},
		{"two bad fields", strings.NewReplacer(`"level": "99.9"`, `"level": "high"`, `"10m0s"`, `"ten"`).Replace(designJSON), []string{`level "high"`, `intermittentLimit "ten"`}},
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

func TestPolicyJSONTooLong(t *testing.T) {
	_, err := ParsePolicy(strings.NewReader(designJSON + strings.Repeat(" ", maxPolicyBytes)))
	require.ErrorIs(t, err, ErrInvalidPolicy)
	assert.Contains(t, err.Error(), "longer than")

	// The limit is inclusive: a document of exactly maxPolicyBytes (1 MiB)
	// bytes, padded with white space, is read; one byte more is not.
	exact := designJSON + strings.Repeat(" ", maxPolicyBytes-len(designJSON))
	require.Len(t, exact, maxPolicyBytes)
	p, err := ParsePolicy(strings.NewReader(exact))
	require.NoError(t, err)
	policiesEqual(t, DynamicsCRMOnline(), p)
	_, err = ParsePolicy(strings.NewReader(exact + " "))
	require.ErrorIs(t, err, ErrInvalidPolicy)
}

// currencyPlaces runs from 0 to 18, both ends valid.
func TestValidateCurrencyPlacesEdges(t *testing.T) {
	for places, ok := range map[int]bool{-1: false, 0: true, 18: true, 19: false} {
		p := DynamicsCRMOnline()
		p.CurrencyPlaces = places
		if ok {
			assert.NoError(t, p.Validate(), "currencyPlaces %d", places)
			continue
		}
		err := p.Validate()
		require.ErrorIs(t, err, ErrInvalidPolicy, "currencyPlaces %d", places)
		assert.Contains(t, err.Error(), fmt.Sprintf("currencyPlaces %d is outside 0..18", places))
	}
}

func TestMarshalRefusesInvalidPolicy(t *testing.T) {
	p := DynamicsCRMOnline()
	p.CreditCap = dec("0")
	_, err := json.Marshal(p)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalidPolicy)
}

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

// FuzzPolicyJSON checks that reading any document never panics, that a
// document that reads is valid, and that what it reads writes and reads
// back to an equal policy that writes the same bytes.
func FuzzPolicyJSON(f *testing.F) {
	f.Add(designJSON)
	f.Add(`{}`)
	f.Add(`null`)
	f.Add(`{"level":"99.95","tiers":[{"below":"99.95","credit":"10"}],"creditCap":"30","excludedCauses":["preview"],"currencyPlaces":0}`)
	f.Add(strings.Replace(designJSON, `"24h0m0s"`, `"24h"`, 1))
	f.Add(strings.Replace(designJSON, `"currencyPlaces": 2`, `"currencyPlaces": 2, "measure": "user-minutes", "minimumPeriod": "5m", "minimumPayout": "25.00"`, 1))
	f.Add(strings.Replace(designJSON, `"creditCap": "100"`, `"creditCap": "1e-999999999"`, 1))
	f.Fuzz(func(t *testing.T, in string) {
		p, err := ParsePolicy(strings.NewReader(in))
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidPolicy)
			return
		}
		require.NoError(t, p.Validate())
		b, err := json.Marshal(p)
		require.NoError(t, err)
		q, err := ParsePolicy(strings.NewReader(string(b)))
		require.NoError(t, err)
		policiesEqual(t, p, q)
		b2, err := json.Marshal(q)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(b2))
	})
}
