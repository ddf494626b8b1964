package fleetrec

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUnits(t *testing.T) {
	for _, tc := range []struct {
		s      string
		places int32
		u      int64
		ok     bool
	}{
		{"0.00", 2, 0, true},
		{"250.00", 2, 25000, true},
		{"166.67", 2, 16667, true},
		{"9999999999999999.99", 2, 999999999999999999, true},
		{"99999999999999999.99", 2, 0, false}, // 19 digits
		{"250", 0, 250, true},
		{"250.0", 0, 0, false},
		{"1.5", 2, 0, false},
		{"1.500", 2, 0, false},
		{"-1.00", 2, 0, false},
		{"1,00", 2, 0, false},
		{"", 2, 0, false},
		{".00", 2, 0, false},
		{"0.125", 3, 125, true},
	} {
		u, ok := units(tc.s, tc.places)
		assert.Equal(t, tc.ok, ok, "%q", tc.s)
		if tc.ok {
			assert.Equal(t, tc.u, u, "%q", tc.s)
		}
	}
}

// TestSummarySums: the summary's sums in units and in decimals agree with
// plain decimal sums, past int64's range too.
func TestSummarySums(t *testing.T) {
	p := DefaultPolicy()
	s := NewSummary(&Config{Policy: p})
	want := decimal.Zero
	add := func(row int, credit string) {
		require.NoError(t, s.Add(Outcome{Row: row, Credit: credit}))
		want = want.Add(decimal.RequireFromString(credit))
	}
	for range 10 {
		add(RowTier0, "9999999999999999.99") // ten of them overflow an int64 of cents
	}
	add(RowTier0, "0.01")
	add(RowTier0+1, "12345678901234567890.12") // too long for units
	add(RowTier0+1, "166.67")
	require.NoError(t, s.AddRow(RowTier0+2, 2, decimal.RequireFromString("199.98")))
	want = want.Add(decimal.RequireFromString("199.98"))
	var b strings.Builder
	require.NoError(t, s.Write(&b))
	assert.Contains(t, b.String(), "99999999999999999.91")
	assert.Contains(t, b.String(), "12345678901234568056.79")
	assert.Contains(t, b.String(), "\ntotal ")
	assert.Contains(t, b.String(), " 15  "+want.StringFixed(2)+"\n")
}
