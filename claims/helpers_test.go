package claims

import (
	"errors"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// usUTC is the US federal holiday calendar read in UTC.
var usUTC = calendar.NewBusinessDays(time.UTC, us.Holidays...)

// newYork loads America/New_York or fails the test.
func newYork(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	return loc
}

// utc is time.Date in UTC.
func utc(y int, m time.Month, d, h, mi int) time.Time {
	return time.Date(y, m, d, h, mi, 0, 0, time.UTC)
}

// joined returns the errors errors.Join put together, or err alone.
func joined(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// sentinels are the errors every problem must match one of.
var sentinels = []error{ErrNoticeLate, ErrEvidenceLate, ErrIncomplete, ErrNotCompliant, ErrInvalid}

// kinds returns, for each joined problem in err, the one sentinel it
// matches; it fails the test when a problem matches none or several.
func kinds(t testing.TB, err error) []error {
	t.Helper()
	var out []error
	for _, e := range joined(err) {
		var match []error
		for _, s := range sentinels {
			if errors.Is(e, s) {
				match = append(match, s)
			}
		}
		require.Len(t, match, 1, "problem %q must match exactly one sentinel", e)
		out = append(out, match[0])
	}
	return out
}

// usHolidays returns the US federal holidays.
func usHolidays() []*cal.Holiday { return us.Holidays }
