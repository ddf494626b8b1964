package maintenance

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/internal/clip"
)

// hugeSpace is a megabyte of white space to wrap a window in.
var hugeSpace = strings.Repeat(" \t\n", 300_000)

var parseGood = []struct {
	name       string
	in         string
	start, end time.Duration
	dur        time.Duration
	str        string
}{
	// The region table of "Policies and Communications for Dynamics 365
	// for Customer Engagement" ("Maintenance timeline"), exactly as written.
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
	// Untidy or malicious spellings that still read as a window.
	{"valid inside a megabyte of white space", hugeSpace + "7:30PM to 1AM" + hugeSpace, hm(19, 30), hm(1, 0), hm(5, 30), "7:30 PM to 1 AM"},
	{"midnight to noon", "12 AM to 12 PM", 0, hm(12, 0), 12 * time.Hour, "12 AM to 12 PM"},
	{"last minute of the day", "11:59 PM to 12 AM", hm(23, 59), 0, time.Minute, "11:59 PM to 12 AM"},
	{"upper-case TO and tabs", "\t6\tPM\tTO\t3\tAM\t", hm(18, 0), hm(3, 0), 9 * time.Hour, "6 PM to 3 AM"},
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
	// Untidy or malicious spellings.
	{"a megabyte of digits", strings.Repeat("9", 1<<20), "start hour has more than 2 digits"},
	{"a megabyte of junk after a window", "2 AM to 11 AM" + strings.Repeat("x", 1<<20), "after the end time"},
	{"NUL before the separator", "2 AM\x00to 11 AM", `expected "to" or "-" before "\x00to 11 am"`},
	{"no-break space before AM", "2\u00a0AM to 11 AM", "start time 2 has neither AM/PM nor :MM"},
	{"full-width digits", "２ AM to 11 AM", "missing start hour"},
	{"minus sign is not a dash", "18:00 − 03:00", `expected "to" or "-"`},
	{"double hyphen", "01:00--02:00", `missing end hour before "-02:00"`},
	{"negative hour", "-1:00-02:00", "missing start hour"},
	{"three ends", "1 AM to 2 AM to 3 AM", `unexpected "to 3 am" after the end time`},
	{"invalid UTF-8", "\xff AM to 1 AM", "missing start hour"},
	{"equal written two ways", "12:00 AM to 00:00", "mixes 12-hour"},
	{"24:00 as both ends", "24:00-24:00", "start hour 24 over 23"},
	{"three-digit minutes", "1:000 AM to 2 AM", "start minutes has more than 2 digits"},
	{"AM without an hour", "AM to PM", "missing start hour"},
	{"separator only", "to", "missing start hour"},
	{"hour 99 in 24-hour form", "99:00-01:00", "start hour 99 over 23"},
	// Input that ends right after an hour's digits.
	{"a lone hour", "2", "start time 2 has neither AM/PM nor :MM"},
	{"end hour at the very end", "2 AM to 11", "end time 11 has neither AM/PM nor :MM"},
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
			var u Window
			require.NoError(t, u.UnmarshalText([]byte(tc.in)))
			assert.Equal(t, w, u, "UnmarshalText reads it alike")
		})
	}
}

func TestParseWindowErrors(t *testing.T) {
	for _, tc := range parseBad {
		t.Run(tc.name, func(t *testing.T) {
			w, err := ParseWindow(tc.in)
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrInvalidWindow), "wraps ErrInvalidWindow: %v", err)
			assert.Contains(t, err.Error(), clip.Quote(tc.in), "quotes the input, clipped to 60 bytes")
			assert.Less(t, len(err.Error()), 400, "never repeats a long input whole")
			assert.Contains(t, err.Error(), tc.why)
			assert.True(t, w.IsZero())
		})
	}
}
