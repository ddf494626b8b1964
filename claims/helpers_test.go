package claims

import (
	"errors"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/us"
	"github.com/shopspring/decimal"
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

// joined returns the problems of err: the entries of its
// calendar.ErrorList, or err alone.
func joined(err error) []error {
	if err == nil {
		return nil
	}
	var list calendar.ErrorList
	if errors.As(err, &list) {
		return list
	}
	return []error{err}
}

// noticeFor returns the notice deadline of an incident spanning span, as
// Check and Deadlines compute it (without judging the rules, so that
// out-of-range periods show their clamping).
func noticeFor(r Rules, span calendar.Span) (time.Time, error) {
	if err := checkIncident("incident.span", span); err != nil {
		return time.Time{}, err
	}
	return r.businessDeadline(r.noticeFrom(span), r.NoticeBusinessDays)
}

// totalCredit is SumCredits' Awarded, or zero and its error.
func totalCredit(fee, capPercent decimal.Decimal, credits ...decimal.Decimal) (decimal.Decimal, error) {
	m, err := SumCredits(fee, capPercent, credits...)
	return m.Awarded, err
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
