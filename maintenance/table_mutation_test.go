package maintenance

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNewTableEffectiveYears: an edition may take effect in any year from
// 0000 to 9999 (UTC), both included, but not at the zero time.
func TestNewTableEffectiveYears(t *testing.T) {
	regions := []Region{{Code: "X", Host: "x.example", Window: mustWindow(t, "1 AM to 2 AM")}}
	tests := []struct {
		name      string
		effective time.Time
		err       string
	}{
		{"year 0", time.Date(0, 6, 1, 0, 0, 0, 0, time.UTC), ""},
		{"year 9999", time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), ""},
		{"year 10000", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "outside years 0000 to 9999"},
		{"year -1", time.Date(-1, 12, 31, 0, 0, 0, 0, time.UTC), "outside years 0000 to 9999"},
		// 9999-12-31 20:00 in New York is already year 10000 in UTC.
		{"year 10000 in UTC", time.Date(9999, 12, 31, 20, 0, 0, 0, time.FixedZone("UTC-5", -5*3600)), "outside years 0000 to 9999"},
		{"zero time", time.Time{}, "effective is the zero time"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := NewTable(Edition{Effective: tc.effective, Regions: regions})
			if tc.err == "" {
				require.NoError(t, err)
				r, ok := tab.Lookup("x", tc.effective)
				assert.True(t, ok)
				assert.Equal(t, "X", r.Code)
				return
			}
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrInvalidTable))
			assert.Contains(t, err.Error(), tc.err)
		})
	}
}

// TestParseTableSizeLimit: a document of exactly the limit (4 MiB) is
// read; one byte more is refused before it is decoded.
func TestParseTableSizeLimit(t *testing.T) {
	doc, err := json.Marshal(Dynamics())
	require.NoError(t, err)
	pad := maxTableBytes - len(doc)
	require.Positive(t, pad)
	exact := string(doc) + strings.Repeat(" ", pad)
	require.Len(t, exact, maxTableBytes)
	tab, err := ParseTable(strings.NewReader(exact))
	require.NoError(t, err)
	assert.Equal(t, Dynamics().Editions(), tab.Editions())

	_, err = ParseTable(strings.NewReader(exact + " "))
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrInvalidTable))
	assert.Contains(t, err.Error(), "document is longer than 4194304 bytes")
}

// TestTableErrorsQuoteShort: a bad value is quoted whole up to 60 bytes
// and cut to 60 bytes, "..." and its length beyond.
func TestTableErrorsQuoteShort(t *testing.T) {
	sixty := strings.Repeat("0123456789", 6)
	doc := `{"editions":[{"effective":"` + sixty + `x","regions":[{"code":"X","host":"h","window":"1 AM to 2 AM"}]}]}`
	_, err := ParseTable(strings.NewReader(doc))
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrInvalidTable))
	assert.Contains(t, err.Error(), `editions[0].effective "`+sixty+`"... (61 bytes): want an RFC 3339 instant`)
}
