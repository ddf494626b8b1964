package maintenance

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// Helpers the package's tests share.

// utc returns y-m-d h:min in UTC.
func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

// hm returns h hours and m minutes as a duration.
func hm(h, m int) time.Duration { return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute }

// spanOf returns the span [a, b), unchecked.
func spanOf(a, b time.Time) calendar.Span { return calendar.Span{Start: a, End: b} }

// setOf returns the span set of spans or fails the test.
func setOf(t testing.TB, spans ...calendar.Span) calendar.SpanSet {
	t.Helper()
	s, err := calendar.NewSpanSet(spans...)
	require.NoError(t, err)
	return s
}

// mustWindow parses s or fails the test.
func mustWindow(t testing.TB, s string) Window {
	t.Helper()
	w, err := ParseWindow(s)
	require.NoError(t, err, s)
	return w
}

// mustLoad loads a zone of the tz database or fails the test.
func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

// utcDate returns midnight UTC starting y-m-d.
func utcDate(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
