package claims

import (
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// fuzzCalendars are the calendars FuzzCheck picks from.
func fuzzCalendars(t testing.TB) []*calendar.BusinessDays {
	return []*calendar.BusinessDays{nil, usUTC, calendar.NewBusinessDays(newYork(t), usHolidays()...)}
}

// FuzzCheck builds a claim and rules from arbitrary numbers and checks
// that Check never panics, is deterministic, and that every problem it
// reports is true of the input (and each true lateness is reported).
func FuzzCheck(f *testing.F) {
	type row struct {
		year, month                          int
		start, dur, notice, evidence, submit int64
		users                                int
		desc                                 string
		cal, from                            uint8
		noticeDays                           int
		accept                               bool
	}
	jan15 := utc(2024, 1, 15, 9, 0).Unix()
	for _, r := range []row{
		{2024, 1, jan15, 9000, jan15 + 5*86400, jan15 + 26*86400, jan15 + 5*86400, 120, "sign-in failed", 1, 0, 5, true}, // goodClaim
		{2024, 1, jan15, 9000, jan15 + 8*86400, jan15 + 50*86400, jan15, 1, "x", 1, 0, 5, true},                          // both late
		{2024, 2, jan15, -60, 0, 0, 0, -1, "", 2, 1, -1, false},                                                          // everything wrong
		{9999, 12, utc(9999, 12, 31, 1, 0).Unix(), 60, utc(9999, 12, 31, 3, 0).Unix(), 0, 0, 1, "far", 0, 0, 5, true},
		{0, 0, 0, 0, 0, 0, 0, 0, "", 0, 0, 0, false},
	} {
		f.Add(r.year, r.month, r.start, r.dur, r.notice, r.evidence, r.submit, r.users, r.desc, r.cal, r.from, r.noticeDays, r.accept)
	}
	cals := fuzzCalendars(f)
	at := func(sec int64) time.Time {
		if sec == 0 {
			return time.Time{}
		}
		return time.Unix(sec, 0).UTC()
	}
	f.Fuzz(func(t *testing.T, year, month int, start, dur, notice, evidence, submit int64, users int,
		desc string, calIdx, from uint8, noticeDays int, accept bool) {
		r := DynamicsCRMOnline(cals[int(calIdx)%len(cals)])
		r.NoticeFrom = NoticeFrom(from % 3)
		r.NoticeBusinessDays = noticeDays
		var m calendar.Month
		if month != 0 {
			m = calendar.NewMonth(year, time.Month(month), nil)
		}
		s := at(start)
		c := Claim{
			Month:              m,
			Incident:           calendar.Span{Start: s, End: s.Add(time.Duration(dur) * time.Second)},
			Description:        desc,
			AffectedUsers:      users,
			UserLocations:      []string{desc},
			ResolutionAttempts: []string{desc},
			NoticeGiven:        at(notice),
			EvidenceSupplied:   at(evidence),
			Submitted:          at(submit),
			AcceptableUse:      accept,
		}
		err := r.Check(c)
		err2 := r.Check(c)
		require.Equal(t, errors.Is(err, ErrNoticeLate), errors.Is(err2, ErrNoticeLate), "deterministic")
		require.Len(t, joined(err2), len(joined(err)), "deterministic")
		kinds(t, err) // every problem matches exactly one sentinel

		require.Equal(t, !accept, errors.Is(err, ErrNotCompliant))
		if isBlank(desc) {
			require.ErrorIs(t, err, ErrIncomplete)
		}
		if users < 0 {
			require.ErrorIs(t, err, ErrInvalid)
		}
		rulesOK := r.Validate() == nil
		if !rulesOK {
			require.ErrorIs(t, err, ErrInvalid)
		}

		// Every lateness reported is true, and every true one is reported.
		var lates []*LateError
		for _, e := range joined(err) {
			var late *LateError
			if errors.As(e, &late) {
				require.False(t, late.Got.Before(late.Deadline), "%v", late)
				lates = append(lates, late)
			}
		}
		noticeLate := false
		if deadline, derr := noticeFor(r, c.Incident); derr == nil && rulesOK &&
			!c.NoticeGiven.IsZero() && !c.NoticeGiven.Before(c.Incident.Start) {
			noticeLate = !c.NoticeGiven.Before(deadline)
		}
		require.Equal(t, noticeLate, errors.Is(err, ErrNoticeLate), "notice %s, err %v", c.NoticeGiven, err)
		// A month whose evidence deadline falls outside years 1 to 10000
		// has none: that is ErrInvalid, never lateness.
		evidenceDue := r.EvidenceDeadline(m)
		if rulesOK && !m.IsZero() && evidenceDue.IsZero() {
			require.ErrorIs(t, err, ErrInvalid, "month %s has no evidence deadline", m)
		}
		evidenceLate := rulesOK && !m.IsZero() && !evidenceDue.IsZero() && !c.EvidenceSupplied.IsZero() &&
			!c.EvidenceSupplied.Before(evidenceDue)
		require.Equal(t, evidenceLate, errors.Is(err, ErrEvidenceLate))
		want := 0
		if noticeLate {
			want++
		}
		if evidenceLate {
			want++
		}
		require.Len(t, lates, want)

		// A claim Check accepts has every detail.
		if err == nil {
			require.False(t, m.IsZero() || c.Incident.IsEmpty() || isBlank(desc) || users < 1 ||
				c.NoticeGiven.IsZero() || c.EvidenceSupplied.IsZero() || c.Submitted.IsZero() || !accept)
		}

		// The other entry points never panic on the same input either.
		_ = r.ProcessingDeadline(c.Submitted)
		_ = r.NoticeDeadline(c.Incident.End)
		_ = r.PostIncidentReportDue(c.Incident.End)
	})
}

// FuzzSumCredits parses arbitrary decimals and checks that SumCredits
// never panics and, when it accepts them, awards neither a negative amount
// nor more than the cap or the sum.
func FuzzSumCredits(f *testing.F) {
	f.Add("1000.00", "100", "500.00", "1000.00")
	f.Add("99.99", "50", "33.333", "0")
	f.Add("-1", "0", "-5", "1e-2147483648")
	f.Add("1e2147483647", "1e-2147483648", "1e1000", "1e-1000")
	f.Fuzz(func(t *testing.T, feeS, capS, c1S, c2S string) {
		parse := func(s string) decimal.Decimal {
			d, err := decimal.NewFromString(s)
			if err != nil {
				return decimal.Zero
			}
			return d
		}
		fee, capPercent := parse(feeS), parse(capS)
		got, err := SumCredits(fee, capPercent, parse(c1S), parse(c2S))
		if err != nil {
			kinds(t, err)
			require.True(t, got.Awarded.IsZero())
			return
		}
		require.False(t, got.Awarded.IsNegative())
		require.True(t, got.Awarded.LessThanOrEqual(got.Cap))
		require.True(t, got.Awarded.LessThanOrEqual(got.Claimed))
		require.True(t, got.Cap.LessThanOrEqual(fee))
	})
}
