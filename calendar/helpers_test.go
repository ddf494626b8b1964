package calendar

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Helpers the package's tests share. Span and span-set constructors stand
// in spanset_test.go, the month-part checks in month_test.go and the
// business-day helpers in businessdays_test.go, beside the tests that use
// them most.

// utc returns y-m-d h:min in UTC.
func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

// mustLoad loads a zone of the tz database or fails the test.
func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

// day is midnight of y-m-d in loc (test input; not for DST-gap days).
func day(y int, m time.Month, d int, loc *time.Location) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// sameDate reports whether a and b fall on the same calendar date, each
// read in its own location.
func sameDate(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// randInstant returns a random instant in years [from, to).
func randInstant(r *rand.Rand, from, to int) time.Time {
	lo := time.Date(from, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(to, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	return time.Unix(lo+r.Int64N(hi-lo), r.Int64N(1e9))
}
