package maintenance

import (
	"encoding/json"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hm returns h hours and m minutes as a duration.
func hm(h, m int) time.Duration { return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute }

// mustWindow parses s or fails the test.
func mustWindow(t testing.TB, s string) Window {
	t.Helper()
	w, err := ParseWindow(s)
	require.NoError(t, err, s)
	return w
}

var parseGood = []struct {
	name       string
	in         string
	start, end time.Duration
	dur        time.Duration
	str        string
}{
	// The seed's region table (000_*, "Maintenance timeline"), exactly as written.
	{"NAM/GCC", "2 AM to 11 AM", hm(2, 0), hm(11, 0), 9 * time.Hour, "2 AM to 11 AM"},
	{"DEU crosses midnight", "5 PM to 2 AM", hm(17, 0), hm(2, 0), 9 * time.Hour, "5 PM to 2 AM"},
	{"SAM from midnight", "12 AM to 10 AM", 0, hm(10, 0), 10 * time.Hour, "12 AM to 10 AM"},
	{"CAN", "1 AM to 10 AM", hm(1, 0), hm(10, 0), 9 * time.Hour, "1 AM to 10 AM"},
	{"EUR/FRA/GBR", "6 PM to 3 AM", hm(18, 0), hm(3, 0), 9 * time.Hour, "6 PM to 3 AM"},
	{"APJ", "3 PM to 8 PM", hm(15, 0), hm(20, 0), 5 * time.Hour, "3 PM to 8 PM"},
	{"OCE no spaces", "11AM to 9PM", hm(11, 0), hm(21, 0), 10 * time.Hour, "11 AM to 9 PM"},
	{"JPN", "10 AM to 7 PM", hm(10, 0), hm(19, 0), 9 * time.Hour, "10 AM to 7 PM"},
	{"IND half hour", "7:30PM to 1AM", hm(19, 30), hm(1, 0), hm(5, 30), "7:30 PM to 1 AM"},
	// 24-hour and untidy spellings.
	{"24-hour IND", "19:30-01:00", hm(19, 30), hm(1, 0), hm(5, 30), "7:30 PM to 1 AM"},
	{"24-hour spaced to", " 18:00 to 03:00 ", hm(18, 0), hm(3, 0), 9 * time.Hour, "6 PM to 3 AM"},
	{"24-hour en dash", "18:00 – 03:00", hm(18, 0), hm(3, 0), 9 * time.Hour, "6 PM to 3 AM"},
	{"24:00 end is midnight", "15:00-24:00", hm(15, 0), 0, 9 * time.Hour, "3 PM to 12 AM"},
	{"single digit 24-hour", "2:00-11:00", hm(2, 0), hm(11, 0), 9 * time.Hour, "2 AM to 11 AM"},
	{"lower case and white space", "\t 7:30pm TO 1am \n", hm(19, 30), hm(1, 0), hm(5, 30), "7:30 PM to 1 AM"},
	{"mixed case", "2 Am tO 11 aM", hm(2, 0), hm(11, 0), 9 * time.Hour, "2 AM to 11 AM"},
	{"leading zero hour", "02 AM to 11 AM", hm(2, 0), hm(11, 0), 9 * time.Hour, "2 AM to 11 AM"},
	{"12 AM end is midnight", "3 PM to 12 AM", hm(15, 0), 0, 9 * time.Hour, "3 PM to 12 AM"},
	{"noon", "12 PM to 1 PM", hm(12, 0), hm(13, 0), time.Hour, "12 PM to 1 PM"},
	{"12:30 AM", "12:30 AM to 1 AM", hm(0, 30), hm(1, 0), 30 * time.Minute, "12:30 AM to 1 AM"},
	{"hyphen 12-hour", "6 PM - 3 AM", hm(18, 0), hm(3, 0), 9 * time.Hour, "6 PM to 3 AM"},
	{"one minute", "23:59-00:00", hm(23, 59), 0, time.Minute, "11:59 PM to 12 AM"},
	{"longest", "00:01-00:00", hm(0, 1), 0, hm(23, 59), "12:01 AM to 12 AM"},
}

var parseBad = []struct {
	name, in, why string
}{
	{"empty", "", "empty window"},
	{"blank", "   ", "empty window"},
	{"hour over 12 with PM", "13 PM to 2 AM", "start hour 13 over 12 with AM/PM"},
	{"end hour over 12", "2 AM to 13 AM", "end hour 13 over 12 with AM/PM"},
	{"hour 0 with AM", "0 AM to 3 AM", "start hour 0 with AM/PM"},
	{"minutes over 59", "7:60 PM to 1 AM", "start minutes 60 over 59"},
	{"24-hour minutes over 59", "19:30-01:75", "end minutes 75 over 59"},
	{"one-digit minutes", "7:5 PM to 1 AM", "start minutes must be 2 digits"},
	{"three-digit hour", "123 AM to 1 PM", "start hour has more than 2 digits"},
	{"end equals start", "2 AM to 2 AM", "end equals start"},
	{"24-hour end equals start", "00:00-24:00", "end equals start"},
	{"equal via noon", "12 PM to 12:00 PM", "end equals start"},
	{"missing separator and end", "2 AM", `missing "to" and end time`},
	{"missing end", "2 AM to", "missing end time"},
	{"missing start", "to 11 AM", "missing start hour"},
	{"trailing junk", "2 AM to 11 AM daily", `unexpected "daily" after the end time`},
	{"trailing junk no space", "2 AM to 11 AMX", `unexpected "x" after the end time`},
	{"no AM/PM", "2 to 11", "start time 2 has neither AM/PM nor :MM"},
	{"mixed forms", "2 AM to 11:00", "mixes 12-hour"},
	{"24:00 start", "24:00-03:00", "start hour 24 over 23"},
	{"hour over 23", "25:00-03:00", "start hour 25 over 23"},
	{"24:30 end", "01:00-24:30", "end hour 24 over 23"},
	{"bad separator", "2 AM until 11 AM", `expected "to" or "-" before "until 11 am"`},
}

func TestParseWindow(t *testing.T) {
	for _, tc := range parseGood {
		t.Run(tc.name, func(t *testing.T) {
			w, err := ParseWindow(tc.in)
			require.NoError(t, err)
			assert.False(t, w.IsZero())
			assert.Equal(t, tc.start, w.Start(), "start")
			assert.Equal(t, tc.end, w.End(), "end")
			assert.Equal(t, tc.dur, w.Duration(), "duration")
			assert.Equal(t, tc.str, w.String(), "canonical string")
			back, err := ParseWindow(w.String())
			require.NoError(t, err)
			assert.Equal(t, w, back, "String round-trips")
		})
	}
}

func TestParseWindowErrors(t *testing.T) {
	for _, tc := range parseBad {
		t.Run(tc.name, func(t *testing.T) {
			w, err := ParseWindow(tc.in)
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrInvalidWindow), "wraps ErrInvalidWindow: %v", err)
			assert.Contains(t, err.Error(), strconv.Quote(tc.in), "quotes the input")
			assert.Contains(t, err.Error(), tc.why)
			assert.True(t, w.IsZero())
		})
	}
}

func TestNewWindow(t *testing.T) {
	w, err := NewWindow(hm(19, 30), hm(1, 0))
	require.NoError(t, err)
	assert.Equal(t, mustWindow(t, "7:30PM to 1AM"), w)

	w, err = NewWindow(hm(15, 0), 24*time.Hour)
	require.NoError(t, err)
	assert.Equal(t, mustWindow(t, "3 PM to 12 AM"), w, "24h end is midnight")

	bad := []struct {
		name       string
		start, end time.Duration
		why        string
	}{
		{"negative start", -time.Minute, time.Hour, "start -1m0s is outside"},
		{"end over a day", 0, 25 * time.Hour, "end 25h0m0s is outside"},
		{"not whole minute", 30 * time.Second, time.Hour, "start 30s is not a whole number of minutes"},
		{"equal", time.Hour, time.Hour, "end equals start"},
		{"0 and 24h equal", 0, 24 * time.Hour, "end equals start"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewWindow(tc.start, tc.end)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidWindow)
			assert.Contains(t, err.Error(), tc.why)
		})
	}
}

func TestZeroWindow(t *testing.T) {
	var w Window
	at := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	assert.True(t, w.IsZero())
	assert.Equal(t, "", w.String())
	assert.False(t, w.Contains(at))
	assert.Zero(t, w.Duration())
	assert.False(t, w.CrossesMidnight())
	assert.True(t, w.Next(at).IsZero())
	span := spanOf(at, at.AddDate(1, 0, 0))
	assert.Zero(t, w.Overlap(span))
	n := 0
	for range w.Occurrences(span) {
		n++
	}
	assert.Zero(t, n)
	text, err := w.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, text)
}

func TestCrossesMidnight(t *testing.T) {
	assert.True(t, mustWindow(t, "5 PM to 2 AM").CrossesMidnight(), "DEU")
	assert.True(t, mustWindow(t, "7:30PM to 1AM").CrossesMidnight(), "IND")
	assert.False(t, mustWindow(t, "3 PM to 12 AM").CrossesMidnight(), "ends at midnight")
	assert.False(t, mustWindow(t, "12 AM to 10 AM").CrossesMidnight(), "SAM")
}

func TestWindowText(t *testing.T) {
	type config struct {
		Window Window `json:"window"`
	}
	var c config
	require.NoError(t, json.Unmarshal([]byte(`{"window":" 7:30PM to 1AM "}`), &c))
	assert.Equal(t, mustWindow(t, "19:30-01:00"), c.Window)
	out, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, `{"window":"7:30 PM to 1 AM"}`, string(out))

	require.NoError(t, json.Unmarshal([]byte(`{"window":""}`), &c))
	assert.True(t, c.Window.IsZero(), "empty text is the zero Window")
	out, err = json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, `{"window":""}`, string(out))

	c.Window = mustWindow(t, "2 AM to 11 AM")
	err = json.Unmarshal([]byte(`{"window":"2 AM to 2 AM"}`), &c)
	assert.ErrorIs(t, err, ErrInvalidWindow)
	assert.Equal(t, mustWindow(t, "2 AM to 11 AM"), c.Window, "unchanged on error")
}

func FuzzParseWindow(f *testing.F) {
	for _, tc := range parseGood {
		f.Add(tc.in)
	}
	for _, tc := range parseBad {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseWindow(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidWindow) {
				t.Fatalf("error %v does not wrap ErrInvalidWindow", err)
			}
			if !w.IsZero() {
				t.Fatalf("error with non-zero window %v", w)
			}
			return
		}
		if w.IsZero() || w.Duration() <= 0 || w.Duration() >= 24*time.Hour {
			t.Fatalf("ParseWindow(%q) = bad window %#v", s, w)
		}
		back, err := ParseWindow(w.String())
		if err != nil || back != w {
			t.Fatalf("ParseWindow(%q).String() = %q does not round-trip: %v %v", s, w.String(), back, err)
		}
	})
}
