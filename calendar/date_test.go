package calendar

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parseDateCases are ParseDate's hand-worked inputs: month lengths from the
// Gregorian rule (29 February only in leap years: 2024 and 2000, not 1900
// or 2023), the first and last years, and text that is not a date.
// FuzzParseDate starts from them too.
var parseDateCases = []struct {
	name, in string
	want     Date
	wantErr  string
}{
	{"state funeral", "2022-09-19", Date{2022, time.September, 19}, ""},
	{"first day", "0001-01-01", Date{1, time.January, 1}, ""},
	{"last day", "9999-12-31", Date{9999, time.December, 31}, ""},
	{"leap day 2024", "2024-02-29", Date{2024, time.February, 29}, ""},
	{"leap day 2000", "2000-02-29", Date{2000, time.February, 29}, ""},
	{"no leap day 1900", "1900-02-29", Date{}, "day is not in 01..28, the days of February 1900"},
	{"no leap day 2023", "2023-02-29", Date{}, "day is not in 01..28"},
	{"30 February", "2024-02-30", Date{}, "day is not in 01..29"},
	{"31 April", "2024-04-31", Date{}, "day is not in 01..30"},
	{"day 00", "2024-01-00", Date{}, "day is not in 01..31"},
	{"day 32", "2024-01-32", Date{}, "day is not in 01..31"},
	{"month 13", "2024-13-01", Date{}, "month is not in 01..12"},
	{"month 00", "2024-00-10", Date{}, "month is not in 01..12"},
	{"year 0", "0000-01-01", Date{}, "year 0000 is out of range"},
	{"empty", "", Date{}, `want "YYYY-MM-DD"`},
	{"month only", "2024-02", Date{}, `want "YYYY-MM-DD"`},
	{"one-digit day", "2024-02-1", Date{}, `want "YYYY-MM-DD"`},
	{"slashes", "2024/02/01", Date{}, `want "YYYY-MM-DD"`},
	{"time of day", "2024-02-01T00:00:00Z", Date{}, `want "YYYY-MM-DD"`},
	{"trailing space", "2024-02-01 ", Date{}, `want "YYYY-MM-DD"`},
	{"five-digit year", "10000-01-01", Date{}, `want "YYYY-MM-DD"`},
	{"sign in year", "+024-01-01", Date{}, "year is not four digits"},
	{"letters in month", "2024-Ja-01", Date{}, "month is not two digits"},
	{"sign in day", "2024-01-+1", Date{}, "day is not two digits"},
	{"NUL byte", "2024-01-0\x00", Date{}, "day is not two digits"},
	{"full-width digits", "２０２４-01-01", Date{}, `want "YYYY-MM-DD"`},
	{"invalid UTF-8", "\xff\xfe24-01-01", Date{}, "year is not four digits"},
}

func TestParseDate(t *testing.T) {
	for _, tc := range parseDateCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseDate(tc.in)
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.True(t, errors.Is(err, ErrInvalidDate))
				assert.Contains(t, err.Error(), tc.wantErr)
				assert.Contains(t, err.Error(), strconv.Quote(tc.in), "quotes the input")
				assert.Equal(t, Date{}, got, "the zero Date on error")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.in, got.String())
			assert.NoError(t, got.Validate())
		})
	}
}

func TestParseDateClipsLongInput(t *testing.T) {
	_, err := ParseDate(strings.Repeat("9", 1<<20))
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 200, "a megabyte of input makes a short message")
}

func TestDateValidate(t *testing.T) {
	tests := []struct {
		name    string
		d       Date
		wantErr string
	}{
		{"ordinary", Date{2017, time.October, 31}, ""},
		{"leap day", Date{2024, time.February, 29}, ""},
		{"zero", Date{}, "year 0 is outside 1 to 9999"},
		{"year 10000", Date{10000, time.January, 1}, "year 10000 is outside 1 to 9999"},
		{"negative year", Date{-1, time.January, 1}, "year -1 is outside"},
		{"month 0", Date{2024, 0, 1}, "month 0 is outside 1 to 12"},
		{"month 13", Date{2024, 13, 1}, "month 13 is outside 1 to 12"},
		{"day 0", Date{2024, time.March, 0}, "day 0 is outside 1 to 31, the days of March 2024"},
		{"29 February 2023", Date{2023, time.February, 29}, "day 29 is outside 1 to 28, the days of February 2023"},
		{"31 June", Date{2024, time.June, 31}, "day 31 is outside 1 to 30"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.d.Validate()
			if tc.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrInvalidDate))
			assert.Contains(t, err.Error(), tc.wantErr)
		})
	}
}

func TestDateOf(t *testing.T) {
	// 2022-01-02T03:00Z is still Saturday 1 January in New York (UTC−5).
	ny := mustLoad(t, "America/New_York")
	at := time.Date(2022, 1, 2, 3, 0, 0, 0, time.UTC)
	assert.Equal(t, Date{2022, time.January, 2}, DateOf(at))
	assert.Equal(t, Date{2022, time.January, 1}, DateOf(at.In(ny)))
	assert.True(t, Date{}.IsZero())
	assert.False(t, DateOf(at).IsZero())
	assert.Equal(t, "0000-00-00", Date{}.String())
	assert.Equal(t, "10000-01-01", Date{10000, time.January, 1}.String())
}
