package claims

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/us"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/testkit"
)

// iterations returns n, or a fifth of it where the largest inputs scale
// down (testkit.Small: under the race detector and in mutation runs).
func iterations(n int) int {
	if testkit.Small {
		return n / 5
	}
	return n
}

// date is a civil date, the brute-force oracle's unit.
type date struct {
	y int
	m time.Month
	d int
}

func (d date) next() date {
	t := time.Date(d.y, d.m, d.d+1, 12, 0, 0, 0, time.UTC)
	return date{t.Year(), t.Month(), t.Day()}
}

func (d date) weekday() time.Weekday {
	return time.Date(d.y, d.m, d.d, 12, 0, 0, 0, time.UTC).Weekday()
}

// holidayDates lists every actual and observed date of hs, in any year
// from..to, straight from rickar/cal's Calc.
func holidayDates(hs []*cal.Holiday, from, to int) map[date]bool {
	out := map[date]bool{}
	for _, h := range hs {
		for y := from; y <= to; y++ {
			act, obs := h.Calc(y)
			for _, t := range []time.Time{act, obs} {
				if !t.IsZero() {
					out[date{t.Year(), t.Month(), t.Day()}] = true
				}
			}
		}
	}
	return out
}

// TestNoticeDeadlineBruteForce compares NoticeDeadline with a walk over
// civil dates, one day at a time, in several locations (none of which
// moves its clocks at midnight, so midnight is the first instant of a
// day), with US, UK and no holidays, and 0 to 25 business days.
func TestNoticeDeadlineBruteForce(t *testing.T) {
	locs := []*time.Location{time.UTC, newYork(t)}
	for _, name := range []string{"Asia/Tokyo", "Australia/Sydney", "Europe/London", "Asia/Kolkata"} {
		loc, err := time.LoadLocation(name)
		require.NoError(t, err)
		locs = append(locs, loc)
	}
	sets := map[string][]*cal.Holiday{"none": nil, "us": us.Holidays, "gb": gb.Holidays}
	holidays := map[string]map[date]bool{}
	for name, hs := range sets {
		holidays[name] = holidayDates(hs, 1999, 2041)
	}

	rng := rand.New(rand.NewPCG(6, 2024))
	lo := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	for _, loc := range locs {
		for name, hs := range sets {
			days := calendar.NewBusinessDays(loc, hs...)
			for range iterations(150) {
				restored := time.Unix(lo+rng.Int64N(hi-lo), rng.Int64N(1e9))
				n := rng.IntN(26)
				r := Rules{Calendar: days, NoticeBusinessDays: n, ReportBusinessDays: n}

				// The oracle: walk civil dates in loc from restored's date.
				ly, lm, ld := restored.In(loc).Date()
				d := date{ly, lm, ld}
				business := func(d date) bool {
					wd := d.weekday()
					return wd != time.Saturday && wd != time.Sunday && !holidays[name][d]
				}
				if n == 0 && !business(d) {
					n = 1 // "that day if a business day, else the next"
				}
				for k := 0; k < n; {
					d = d.next()
					if business(d) {
						k++
					}
				}
				after := d.next()
				want := time.Date(after.y, after.m, after.d, 0, 0, 0, 0, loc)

				got := r.NoticeDeadline(restored)
				require.True(t, want.Equal(got), "%s %s restored %s n=%d: want %s got %s",
					loc, name, restored, r.NoticeBusinessDays, want, got)
				require.True(t, got.Equal(r.PostIncidentReportDue(restored)))
				// The last on-time day is a business day, and the count of
				// business days from restored's day up to the deadline is n,
				// plus restored's own day when it is one.
				require.True(t, days.IsBusinessDay(got.Add(-1)))
				wantCount := 1 // n == 0: the one day counted
				if r.NoticeBusinessDays > 0 {
					wantCount = r.NoticeBusinessDays
					if days.IsBusinessDay(restored) {
						wantCount++
					}
				}
				require.Equal(t, wantCount, days.Between(restored, got))
			}
		}
	}
}

// TestEvidenceDeadlineProperties checks, for random months, periods and
// locations, that the evidence deadline is a midnight in the calendar's
// location exactly EvidenceDays calendar days after the end of the
// EvidenceMonths-th month after the claimed one.
func TestEvidenceDeadlineProperties(t *testing.T) {
	ny := newYork(t)
	rng := rand.New(rand.NewPCG(4, 28))
	for range iterations(2000) {
		loc := time.UTC
		if rng.IntN(2) == 0 {
			loc = ny
		}
		r := Rules{Calendar: calendar.NewBusinessDays(loc), EvidenceMonths: rng.IntN(25), EvidenceDays: rng.IntN(400)}
		m := calendar.NewMonth(1990+rng.IntN(60), time.Month(1+rng.IntN(12)), nil)
		got := r.EvidenceDeadline(m)

		// The month the period ends with, counted by stepping Next.
		end := m.In(loc)
		for range r.EvidenceMonths {
			end = end.Next()
		}
		require.Equal(t, loc, got.Location())
		h, mi, s := got.Clock()
		require.Equal(t, [4]int{0, 0, 0, 0}, [4]int{h, mi, s, got.Nanosecond()}, "midnight: %s", got)
		ey, em, ed := end.End().Date()
		gy, gm, gd := got.Date()
		calendarDays := int(time.Date(gy, gm, gd, 0, 0, 0, 0, time.UTC).Sub(time.Date(ey, em, ed, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour))
		require.Equal(t, r.EvidenceDays, calendarDays, "month %s rules %+v: got %s", m, r, got)
	}
}

// TestSumCreditsProperties checks, for random fees, caps and credits, that
// the award is the sum when the sum is within the cap, the cap otherwise,
// never negative and never above the fee × cap.
func TestSumCreditsProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(100, 3))
	for range iterations(2000) {
		fee := decimal.New(rng.Int64N(1e9), -int32(rng.IntN(4)))
		capPercent := decimal.New(1+rng.Int64N(10000), -2) // 0.01 .. 100.00
		var credits []decimal.Decimal
		sum := decimal.Zero
		for range rng.IntN(5) {
			c := decimal.New(rng.Int64N(1e9), -int32(rng.IntN(6)))
			credits = append(credits, c)
			sum = sum.Add(c)
		}
		got, err := SumCredits(fee, capPercent, credits...)
		require.NoError(t, err)
		limit := fee.Mul(capPercent).DivRound(decimal.NewFromInt(100), 40)
		assert.True(t, limit.Equal(got.Cap), "cap: want %s got %s", limit, got.Cap)
		assert.True(t, sum.Equal(got.Claimed))
		if sum.LessThanOrEqual(limit) {
			assert.True(t, sum.Equal(got.Awarded))
		} else {
			assert.True(t, limit.Equal(got.Awarded))
		}
		assert.False(t, got.Awarded.IsNegative())
		assert.True(t, got.Awarded.LessThanOrEqual(fee))
	}
}
