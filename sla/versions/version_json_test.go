package versions

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/sla"
)

// versionsJSON holds two versions, listed out of order: the Dynamics CRM
// Online policy from 1 July 2019, and from 1 October 2020 a hypothetical
// stricter one (99.95 % with a 10 % tier, only outside-control excluded)
// whose durations are written short ("24h", "10m").
const versionsJSON = `{"versions":[
 {"name":"2020-10","effective":"2020-10-01T00:00:00Z","policy":{"level":"99.95","tiers":[{"below":"99.95","credit":"10"},{"below":"99.9","credit":"25"},{"below":"99","credit":"50"},{"below":"95","credit":"100"}],"noticeLead":"24h","intermittentLimit":"10m","excludedCauses":["outside-control"],"resolution":"0s","windowNeedsNotice":false,"creditCap":"100","currencyPlaces":2}},
 {"name":"2019-07","effective":"2019-07-01T00:00:00Z","policy":{"level":"99.9","tiers":[{"below":"99.9","credit":"25"},{"below":"99","credit":"50"},{"below":"95","credit":"100"}],"noticeLead":"24h0m0s","intermittentLimit":"10m0s","excludedCauses":["outside-control","add-on","customer-systems","customer-actions","ignored-advice","preview"],"resolution":"0s","windowNeedsNotice":false,"creditCap":"100","currencyPlaces":2}}
]}`

// dynamicsJSON is the JSON form of sla.DynamicsCRMOnline.
func dynamicsJSON(t testing.TB) string {
	b, err := json.Marshal(sla.DynamicsCRMOnline())
	require.NoError(t, err)
	return string(b)
}

// failingReader fails every read, for Parse's read errors.
type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

// TestVersionsJSON: Parse sorts versionsJSON by Effective, reads each
// policy, and MarshalJSON writes a document that reads back to the same
// bytes; the zero History is refused.
func TestVersionsJSON(t *testing.T) {
	vs, err := Parse(strings.NewReader(versionsJSON))
	require.NoError(t, err)
	require.Equal(t, 2, vs.Len())
	list := vs.List()
	assert.Equal(t, "2019-07", list[0].Name, "sorted by effective")
	assert.True(t, date(2020, time.October, 1).Equal(list[1].Effective))
	assert.True(t, decimal.RequireFromString("99.95").Equal(list[1].Policy.Level))
	assert.Equal(t, []sla.Cause{sla.CauseOutsideControl}, list[1].Policy.ExcludedCauses)

	b, err := json.Marshal(vs)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), `{"versions":[{"name":"2019-07","effective":"2019-07-01T00:00:00Z","policy":{"level":"99.9",`), "%s", b)
	var back History
	require.NoError(t, json.Unmarshal(b, &back))
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(b2), "round trip")

	_, err = json.Marshal(History{})
	require.ErrorIs(t, err, ErrInvalid)
}

// TestVersionsJSONErrors: every problem of a document is reported, naming
// its JSON path and wrapping ErrInvalid, by Parse and json.Unmarshal
// alike, and json.Unmarshal leaves its target unchanged.
func TestVersionsJSONErrors(t *testing.T) {
	good := `{"name":"a","effective":"2019-07-01T00:00:00Z","policy":` + dynamicsJSON(t) + `}`
	for _, tc := range []struct {
		name string
		doc  string
		want []string
		is   error
	}{
		{"not json", `{`, []string{"document is not a JSON object"}, nil},
		{"null", `null`, []string{"document is null"}, nil},
		{"unknown top key", `{"versions":[` + good + `],"Versions":[]}`, []string{`document has unknown key "Versions"`}, nil},
		{"no versions key", `{}`, []string{`versions is missing, want a list`}, nil},
		{"versions not a list", `{"versions":{}}`, []string{"versions {}: want a list"}, nil},
		{"empty list", `{"versions":[]}`, []string{"no versions"}, nil},
		{"item not an object", `{"versions":[1]}`, []string{"versions[0] 1 is not a JSON object"}, nil},
		{"unknown version key", `{"versions":[{"name":"a","effective":"2019-07-01T00:00:00Z","policy":{},"effectiveFrom":"x"}]}`,
			[]string{`versions[0] has unknown key "effectiveFrom"`}, nil},
		{"name not a string", `{"versions":[{"name":7,"effective":"2019-07-01T00:00:00Z","policy":` + dynamicsJSON(t) + `}]}`,
			[]string{"versions[0].name 7: want a string"}, nil},
		{"effective not RFC 3339", `{"versions":[{"name":"a","effective":"01/07/2019","policy":` + dynamicsJSON(t) + `}]}`,
			[]string{`versions[0].effective "01/07/2019": want an RFC 3339 instant`}, nil},
		{"effective a number", `{"versions":[{"name":"a","effective":2019,"policy":` + dynamicsJSON(t) + `}]}`,
			[]string{"versions[0].effective 2019: want an RFC 3339 instant"}, nil},
		{"missing effective", `{"versions":[{"name":"a","policy":` + dynamicsJSON(t) + `}]}`,
			[]string{`versions[0] "a": effective is the zero time`}, nil},
		{"missing policy", `{"versions":[` + good + `,{"name":"b","effective":"2020-07-01T00:00:00Z"}]}`,
			[]string{`versions[1] has no "policy"`}, nil},
		{"policy with unknown key", `{"versions":[{"name":"a","effective":"2019-07-01T00:00:00Z","policy":{"level":"99.9","levle":"99"}}]}`,
			[]string{`versions[0].policy: sla: invalid policy: policy has unknown key "levle"`}, sla.ErrInvalidPolicy},
		{"policy invalid", `{"versions":[{"name":"a","effective":"2019-07-01T00:00:00Z","policy":{"level":"99.9"}}]}`,
			[]string{"versions[0].policy: sla: invalid policy: tiers is empty", "versions[0].policy: sla: invalid policy: creditCap"}, sla.ErrInvalidPolicy},
		{"duplicate effective", `{"versions":[` + good + `,` + strings.Replace(good, `"a"`, `"b"`, 1) + `]}`,
			[]string{`versions[0] "a" and versions[1] "b" are both in force from`}, nil},
		{"trailing data", `{"versions":[` + good + `]} {}`, []string{"after top-level value"}, nil},
		// Unknown keys are quoted whole up to 60 bytes, and cut at 60
		// beyond, with the key's length.
		{"unknown key of 60 bytes quoted whole", `{"versions":[],"` + strings.Repeat("k", 60) + `":1}`,
			[]string{`unknown key "` + strings.Repeat("k", 60) + `"`}, nil},
		{"unknown key of 61 bytes cut at 60", `{"versions":[],"` + strings.Repeat("k", 61) + `":1}`,
			[]string{`unknown key "` + strings.Repeat("k", 60) + `"... (61 bytes)`}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.doc))
			require.ErrorIs(t, err, ErrInvalid)
			if tc.is != nil {
				require.ErrorIs(t, err, tc.is)
			}
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			var vs History
			require.Error(t, json.Unmarshal([]byte(tc.doc), &vs))
			assert.Equal(t, 0, vs.Len(), "left unchanged on error")
		})
	}

	_, err := Parse(strings.NewReader(`{"versions":[` + strings.Repeat(" ", maxBytes) + `]}`))
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "longer than")
	_, err = Parse(failingReader{})
	require.ErrorIs(t, err, ErrInvalid)
}

// TestVersionsJSONEffective: an offset that is not a whole minute is
// written in UTC so that it reads back as the same instant; a whole-minute
// offset is kept.
func TestVersionsJSONEffective(t *testing.T) {
	vs, err := New(
		Version{Name: "odd", Effective: time.Date(2020, 1, 1, 0, 0, 0, 0, time.FixedZone("LMT", 7201)), Policy: sla.DynamicsCRMOnline()},
		Version{Name: "ny", Effective: time.Date(2021, 1, 1, 0, 0, 0, 0, time.FixedZone("EST", -5*3600)), Policy: sla.DynamicsCRMOnline()},
	)
	require.NoError(t, err)
	b, err := json.Marshal(vs)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"effective":"2019-12-31T21:59:59Z"`)
	assert.Contains(t, string(b), `"effective":"2021-01-01T00:00:00-05:00"`)
	back, err := Parse(strings.NewReader(string(b)))
	require.NoError(t, err)
	for i, v := range back.List() {
		assert.True(t, v.Effective.Equal(vs.List()[i].Effective))
	}
}

// Parse reads documents of up to 8 MiB, that size included.
func TestParseSizeEdge(t *testing.T) {
	doc := `{"versions":[{"name":"a","effective":"2019-07-01T00:00:00Z","policy":` + dynamicsJSON(t) + `}]}`
	exact := doc + strings.Repeat(" ", maxBytes-len(doc))
	require.Len(t, exact, maxBytes)
	vs, err := Parse(strings.NewReader(exact))
	require.NoError(t, err)
	require.Equal(t, 1, vs.Len())
	_, err = Parse(strings.NewReader(exact + " "))
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "longer than")
}
