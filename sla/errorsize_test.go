package sla

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// maxErrorBytes is the most an error from a document within the loaders'
// size limits may hold: 64 KiB. Quoted values are clipped to 60 bytes and
// their length; an ErrorList writes at most 20 problems and "and N more".
const maxErrorBytes = 64 << 10

// hostilePolicies are documents of up to 1 MiB (ParsePolicy's limit) made
// to give the longest errors: one huge value, many bad items, many unknown
// keys.
func hostilePolicies() map[string]string {
	huge := strings.Repeat("x", maxPolicyBytes-200)
	causes := make([]string, 0, 8000)
	for i := range cap(causes) {
		causes = append(causes, fmt.Sprintf("%q", fmt.Sprintf("cause-%d-%s", i, strings.Repeat("c", 100))))
	}
	tiers := make([]string, 0, 10000)
	for range cap(tiers) {
		tiers = append(tiers, `{"below":"200","credit":"-5"}`)
	}
	keys := make([]string, 0, 10000)
	for i := range cap(keys) {
		keys = append(keys, fmt.Sprintf("%q:1", fmt.Sprintf("key%d%s", i, strings.Repeat("k", 80))))
	}
	return map[string]string{
		"a megabyte level":           `{"level":"` + huge + `"}`,
		"a megabyte key":             `{"` + huge + `":1}`,
		"a megabyte cause":           `{"excludedCauses":["` + huge + `"]}`,
		"8,000 long unknown causes":  `{"excludedCauses":[` + strings.Join(causes, ",") + `]}`,
		"10,000 bad tiers":           `{"tiers":[` + strings.Join(tiers, ",") + `]}`,
		"10,000 long unknown keys":   `{` + strings.Join(keys, ",") + `}`,
		"a megabyte unquoted number": `{"creditCap":` + strings.Repeat("9", maxPolicyBytes-200) + `}`,
	}
}

// TestParsePolicyErrorSize: no error from a policy document within 1 MiB
// is larger than 64 KiB (before clipping a 1 MiB policy gave a 20.7 MB
// error).
func TestParsePolicyErrorSize(t *testing.T) {
	for name, doc := range hostilePolicies() {
		t.Run(name, func(t *testing.T) {
			require.LessOrEqual(t, len(doc), maxPolicyBytes)
			_, err := ParsePolicy(strings.NewReader(doc))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidPolicy)
			assert.LessOrEqual(t, len(err.Error()), maxErrorBytes, "error of %d bytes", len(err.Error()))
		})
	}
}

// TestAssessErrorSize: 1,000 outages sharing a 100 KB unknown cause give
// an error listing 20 of them, each cause clipped, and how many more (a
// 100 MB error before).
func TestAssessErrorSize(t *testing.T) {
	cause := Cause(strings.Repeat("z", 100_000))
	month := calendar.NewMonth(2024, 4, nil)
	outages := make([]Outage, 1000)
	for i := range outages {
		outages[i] = Outage{Span: month.Span(), Cause: cause}
	}
	_, err := DynamicsCRMOnline().Assess(Period{Month: month, Outages: outages})
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalidPeriod)
	assert.LessOrEqual(t, len(err.Error()), maxErrorBytes, "error of %d bytes", len(err.Error()))
	assert.Contains(t, err.Error(), "(100000 bytes)")
	assert.Contains(t, err.Error(), "and 980 more")
}
