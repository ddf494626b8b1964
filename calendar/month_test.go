package calendar

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

func TestMonthDuration(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	tests := []struct {
		name    string
		m       Month
		minutes int64
	}{
		// DESIGN.md: "February 2024 has 41,760 minutes" = 29 days × 1,440.
		{"leap February 2024", NewMonth(2024, time.February, nil), 41760},
		// DESIGN.md: "February 2023 40,320" = 28 × 1,440.
		{"February 2023", NewMonth(2023, time.February, nil), 40320},
		// 30 × 1,440
		{"April 2024", NewMonth(2024, time.April, nil), 43200},
		// 31 × 1,440
		{"January 2024", NewMonth(2024, time.January, nil), 44640},
		// DESIGN.md: March 2024 in New York loses an hour on 10 March: 44,640 − 60.
		{"March 2024 New York (spring forward)", NewMonth(2024, time.March, ny), 44580},
		// November 2024 in New York gains an hour on 3 November: 43,200 + 60.
		{"November 2024 New York (fall back)", NewMonth(2024, time.November, ny), 43260},
		// 1900 and 2100 are not leap years, 2000 is.
		{"February 1900", NewMonth(1900, time.February, nil), 40320},
		{"February 2000", NewMonth(2000, time.February, nil), 41760},
		{"February 2100", NewMonth(2100, time.February, nil), 40320},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, time.Duration(tc.minutes)*time.Minute, tc.m.Duration())
		})
	}
}

func TestMonthBasics(t *testing.T) {
	m := NewMonth(2024, time.December, nil)
	assert.Equal(t, time.UTC, m.Location())
	assert.Equal(t, "2024-12", m.String())
	assert.Equal(t, NewMonth(2025, time.January, nil), m.Next())
	assert.Equal(t, NewMonth(2024, time.November, nil), m.Prev())
	assert.Equal(t, m, m.Next().Prev())
	assert.Equal(t, NewMonth(2025, time.January, nil), NewMonth(2024, 13, nil), "normalised like time.Date")
	assert.Equal(t, utc(2024, 12, 1, 0, 0), m.Start())
	assert.Equal(t, utc(2025, 1, 1, 0, 0), m.End())
	assert.True(t, m.Contains(m.Start()))
	assert.False(t, m.Contains(m.End()))
	assert.True(t, m.Contains(m.End().Add(-1)))
	assert.True(t, m.Before(m.Next()))
	assert.False(t, m.Next().Before(m))

	ny := mustLoad(t, "America/New_York")
	// 2024-03-01 03:00 UTC is still 29 February in New York.
	got := MonthOf(time.Date(2024, 3, 1, 3, 0, 0, 0, time.UTC).In(ny))
	assert.Equal(t, NewMonth(2024, time.February, ny), got)
	assert.Equal(t, ny, got.Location())
	assert.Equal(t, NewMonth(2024, time.March, nil), MonthOf(time.Date(2024, 3, 1, 3, 0, 0, 0, time.UTC)))
	assert.Equal(t, ny, m.In(ny).Location())
	assert.Equal(t, time.Date(2024, 12, 1, 0, 0, 0, 0, ny), m.In(ny).Start())

	var z Month
	assert.True(t, z.IsZero())
	assert.False(t, m.IsZero())
	assert.Equal(t, time.UTC, z.Location())
	assert.Equal(t, time.January, z.Month())
	assert.Equal(t, "0000-01", z.String())
	assert.Equal(t, "10000-01", NewMonth(10000, 1, nil).String())
}

var parseMonthCases = []struct {
	name, in string
	want     Month
	wantErr  string
}{
	{"february", "2024-02", NewMonth(2024, time.February, nil), ""},
	{"first year", "0001-01", NewMonth(1, time.January, nil), ""},
	{"last year", "9999-12", NewMonth(9999, time.December, nil), ""},
	{"empty", "", Month{}, `want "YYYY-MM"`},
	{"no dash", "202402", Month{}, `want "YYYY-MM"`},
	{"one-digit month", "2024-2", Month{}, `want "YYYY-MM"`},
	{"slash", "2024/02", Month{}, `want "YYYY-MM"`},
	{"month 13", "2024-13", Month{}, "month is not in 01..12"},
	{"month 00", "2024-00", Month{}, "month is not in 01..12"},
	{"year 0", "0000-05", Month{}, "year 0000 is out of range"},
	{"letters in year", "20x4-02", Month{}, "year is not four digits"},
	{"sign in month", "2024-+2", Month{}, "month is not two digits"},
	{"trailing space", "2024-02 ", Month{}, `want "YYYY-MM"`},
	{"day given", "2024-02-01", Month{}, `want "YYYY-MM"`},
}

func TestParseMonth(t *testing.T) {
	for _, tc := range parseMonthCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseMonth(tc.in, nil)
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.True(t, errors.Is(err, ErrInvalidMonth))
				assert.Contains(t, err.Error(), tc.wantErr)
				assert.Contains(t, err.Error(), `"`+tc.in+`"`, "quotes the input")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.in, got.String())
		})
	}
	ny := mustLoad(t, "America/New_York")
	got, err := ParseMonth("2024-03", ny)
	require.NoError(t, err)
	assert.Equal(t, ny, got.Location())
}

func FuzzParseMonth(f *testing.F) {
	for _, tc := range parseMonthCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMonth(s, nil)
		if err != nil {
			if !errors.Is(err, ErrInvalidMonth) {
				t.Fatalf("error %v does not wrap ErrInvalidMonth", err)
			}
			return
		}
		if m.String() != s {
			t.Fatalf("ParseMonth(%q).String() = %q", s, m.String())
		}
		if d := m.Duration(); d < 28*24*time.Hour || d > 31*24*time.Hour {
			t.Fatalf("month %s lasts %s", m, d)
		}
	})
}

func TestMonthText(t *testing.T) {
	type cfg struct {
		Month Month `json:"month"`
	}
	var c cfg
	require.NoError(t, json.Unmarshal([]byte(`{"month":"2024-02"}`), &c))
	assert.Equal(t, NewMonth(2024, time.February, nil), c.Month)
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, `{"month":"2024-02"}`, string(b))

	err = json.Unmarshal([]byte(`{"month":"2024-14"}`), &c)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrInvalidMonth))

	ny := mustLoad(t, "America/New_York")
	m := NewMonth(2000, 1, ny)
	require.NoError(t, m.UnmarshalText([]byte("2024-03")))
	assert.Equal(t, NewMonth(2024, time.March, ny), m, "keeps the receiver's location")

	_, err = NewMonth(10000, 1, nil).MarshalText()
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrInvalidMonth))
}

func TestSplitByMonth(t *testing.T) {
	// 31 Jan 23:00 to 2 Mar 01:00 UTC touches January, February and March 2024.
	s := Span{utc(2024, 1, 31, 23, 0), utc(2024, 3, 2, 1, 0)}
	parts, err := SplitByMonth(s, nil)
	require.NoError(t, err)
	require.Len(t, parts, 3)
	assert.Equal(t, NewMonth(2024, 1, nil), parts[0].Month)
	assert.Equal(t, time.Hour, parts[0].Span.Duration())
	assert.Equal(t, NewMonth(2024, 2, nil), parts[1].Month)
	assert.Equal(t, 41760*time.Minute, parts[1].Span.Duration())
	assert.Equal(t, NewMonth(2024, 3, nil), parts[2].Month)
	assert.Equal(t, 25*time.Hour, parts[2].Span.Duration())

	// In New York (UTC−5 in winter) the same span starts on 31 Jan 18:00 local
	// and ends on 1 Mar 20:00 local: 6 h in January, all of February
	// (29 days), 20 h in March.
	ny := mustLoad(t, "America/New_York")
	parts, err = SplitByMonth(s, ny)
	require.NoError(t, err)
	require.Len(t, parts, 3)
	assert.Equal(t, NewMonth(2024, 1, ny), parts[0].Month)
	assert.Equal(t, 6*time.Hour, parts[0].Span.Duration())
	assert.Equal(t, 29*24*time.Hour, parts[1].Span.Duration())
	assert.Equal(t, 20*time.Hour, parts[2].Span.Duration())

	parts, err = SplitByMonth(Span{s.Start, s.Start}, nil)
	require.NoError(t, err)
	assert.Empty(t, parts)

	_, err = SplitByMonth(Span{s.End, s.Start}, nil)
	assert.True(t, errors.Is(err, ErrReversed))

	// A part ending exactly on a month boundary does not produce an empty part.
	parts, err = SplitByMonth(Span{utc(2024, 1, 15, 0, 0), utc(2024, 2, 1, 0, 0)}, nil)
	require.NoError(t, err)
	require.Len(t, parts, 1)
}
