package fleetrec

import (
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// plainFeeCases are fees parseFee reads; plainFee takes those marked.
var plainFeeCases = []struct {
	fee   string
	plain bool
}{
	{"1250.00", true}, {"0", true}, {"0.00", true}, {"007.50", true}, {"99", true},
	{"123456789012345678", true}, {"1234567890.12345678", true}, {"0.00000000000000001", true}, {"0.000000000000000001", false},
	{"1234567890123456789", false}, // 19 digits
	{".5", false}, {"5.", false}, {"1.2.3", false}, {"-1.00", false}, {"+1.00", false},
	{"1e3", false}, {"1 000", false}, {"", false}, {".", false},
}

// TestPlainFee: plainFee gives exactly what decimal.NewFromString gives,
// and the fees it takes are ones sla.Assessment.Payout accepts, so that
// skipping checkFee for them changes nothing.
func TestPlainFee(t *testing.T) {
	for _, c := range plainFeeCases {
		t.Run(c.fee, func(t *testing.T) {
			got, ok := plainFee(c.fee)
			require.Equal(t, c.plain, ok)
			if ok {
				checkPlainFee(t, c.fee, got)
			}
		})
	}
}

func checkPlainFee(t *testing.T, s string, got decimal.Decimal) {
	t.Helper()
	want, err := decimal.NewFromString(s)
	require.NoError(t, err)
	assert.True(t, reflect.DeepEqual(want, got), "plainFee(%q) = %#v, NewFromString %#v", s, got, want)
	assert.NoError(t, checkFee(got))
}

func FuzzPlainFee(f *testing.F) {
	for _, c := range plainFeeCases {
		f.Add(c.fee)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := plainFee(s); ok {
			checkPlainFee(t, s, got)
		}
	})
}
