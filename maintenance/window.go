package maintenance

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrInvalidWindow is wrapped by every error that reports a window that cannot be
// parsed or built: a bad spelling, an hour or minute out of range, an end
// equal to the start. Test for it with errors.Is.
var ErrInvalidWindow = errors.New("maintenance: invalid window")

const (
	day         = 24 * time.Hour
	minutesADay = 24 * 60
)

// Window is a maintenance window that recurs every day at the same UTC
// wall-clock times, with minute precision, as the region table of
// "Policies and Communications for Dynamics 365 for Customer Engagement"
// ("Maintenance timeline") publishes it ("7:30PM to 1AM", all UTC).
//
// Each occurrence is the half-open span [start, end) in UTC. A window whose
// end is before its start crosses midnight: "6 PM to 3 AM" runs from 18:00
// on one UTC day to 03:00 on the next, and that occurrence belongs to the
// day it starts on. An occurrence lasts at least one minute and less than 24
// hours; a window whose end equals its start is an error, never 24 hours.
//
// The zero Window means "no window": IsZero is true, Contains is false,
// Duration and Overlap are 0, Occurrences is empty, Next returns the zero
// Span and String returns "".
//
// Window is a small comparable value (== compares windows); its methods
// never modify it, so it is safe for concurrent use.
type Window struct {
	start  uint16 // minute of the UTC day the window opens, 0..1439
	length uint16 // minutes the window lasts, 1..1439; 0: the zero Window
}

// NewWindow returns the daily window that opens start after UTC midnight
// and closes end after UTC midnight. Both must be whole minutes from 0 to
// 24h inclusive; 24h means midnight, the same as 0. An end before the start
// gives a window that crosses midnight. It returns an error wrapping
// ErrInvalidWindow when an offset is negative, over 24h or not a whole minute,
// or when end equals start (modulo 24h).
func NewWindow(start, end time.Duration) (Window, error) {
	s, err := minuteOfDay("start", start)
	if err != nil {
		return Window{}, err
	}
	e, err := minuteOfDay("end", end)
	if err != nil {
		return Window{}, err
	}
	return windowFromMinutes(s, e, fmt.Sprintf("from %s to %s", start, end))
}

// minuteOfDay checks that d is a whole number of minutes in [0, 24h] and
// returns it as a minute of the day in [0, 1440), 24h becoming 0.
func minuteOfDay(field string, d time.Duration) (int, error) {
	if d < 0 || d > day {
		return 0, fmt.Errorf("%w: %s %s is outside 0s to 24h0m0s", ErrInvalidWindow, field, d)
	}
	if d%time.Minute != 0 {
		return 0, fmt.Errorf("%w: %s %s is not a whole number of minutes", ErrInvalidWindow, field, d)
	}
	return int(d/time.Minute) % minutesADay, nil
}

// windowFromMinutes builds the window from minute-of-day start to minute-of-
// day end, both in [0, 1440). what describes the input for the error.
func windowFromMinutes(start, end int, what string) (Window, error) {
	if start == end {
		return Window{}, fmt.Errorf("%w %s: end equals start (a window is never 24 hours)", ErrInvalidWindow, what)
	}
	length := (end - start + minutesADay) % minutesADay
	return Window{start: uint16(start), length: uint16(length)}, nil
}

// IsZero reports whether w is the zero Window, meaning no window.
func (w Window) IsZero() bool { return w.length == 0 }

// Start returns how long after UTC midnight each occurrence opens, a whole
// number of minutes in [0, 24h). It returns 0 for the zero Window.
func (w Window) Start() time.Duration { return time.Duration(w.start) * time.Minute }

// End returns how long after UTC midnight each occurrence closes, a whole
// number of minutes in [0, 24h): 0 means midnight. For a window that crosses
// midnight End is less than Start. It returns 0 for the zero Window.
func (w Window) End() time.Duration {
	return time.Duration((int(w.start)+int(w.length))%minutesADay) * time.Minute
}

// Duration returns how long one occurrence lasts: from one minute to 23h59m,
// or 0 for the zero Window.
func (w Window) Duration() time.Duration { return time.Duration(w.length) * time.Minute }

// CrossesMidnight reports whether each occurrence runs past the end of the
// UTC day it starts on (its end is before its start, as in "6 PM to 3 AM").
// A window that ends exactly at midnight ("3 PM to 12 AM") does not cross
// it. The zero Window does not cross midnight.
func (w Window) CrossesMidnight() bool { return int(w.start)+int(w.length) > minutesADay }

// String returns w in the canonical 12-hour form "7:30 PM to 1 AM": hour
// without leading zero, ":MM" only when the minutes are not zero, a space,
// "AM" or "PM", and " to " between the ends. Midnight is "12 AM" and noon
// "12 PM". The zero Window gives "". ParseWindow reads the result back to an
// equal Window.
func (w Window) String() string {
	if w.IsZero() {
		return ""
	}
	return clock12(int(w.start)) + " to " + clock12((int(w.start)+int(w.length))%minutesADay)
}

// clock12 formats a minute of the day as "7:30 PM", "12 AM", "1 PM".
func clock12(m int) string {
	h, min := m/60, m%60
	suffix := "AM"
	if h >= 12 {
		suffix = "PM"
	}
	h %= 12
	if h == 0 {
		h = 12
	}
	s := strconv.Itoa(h)
	if min != 0 {
		s += ":" + strconv.Itoa(min/10) + strconv.Itoa(min%10)
	}
	return s + " " + suffix
}

// MarshalText implements encoding.TextMarshaler: it returns String's form,
// which is empty for the zero Window.
func (w Window) MarshalText() ([]byte, error) {
	return []byte(w.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseWindow's rules,
// except that empty text (or only white space) gives the zero Window, so
// that MarshalText and UnmarshalText round-trip every Window. On error w is
// left unchanged.
func (w *Window) UnmarshalText(text []byte) error {
	if strings.TrimSpace(string(text)) == "" {
		*w = Window{}
		return nil
	}
	v, err := ParseWindow(string(text))
	if err != nil {
		return err
	}
	*w = v
	return nil
}
