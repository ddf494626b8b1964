package sla

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

// at returns the UTC instant of April 2024 day d at hh:mm.
func at(d, hh, mm int) time.Time { return time.Date(2024, time.April, d, hh, mm, 0, 0, time.UTC) }

func span(a, b time.Time) calendar.Span { return calendar.Span{Start: a, End: b} }

// everyExclusion is April 2024 (30 days = 43,200 minutes, UTC) in region
// NAM, whose published window is 2 AM to 11 AM UTC every day (seed 000's
// table), with one outage for each rule. The comments give each outage's
// attribution; TestAssessEveryExclusion checks the sums.
func everyExclusion(t testing.TB) Period {
	nam, ok := maintenance.Lookup("NAM")
	require.True(t, ok)
	return Period{
		Month:  calendar.NewMonth(2024, time.April, nil),
		Window: nam.Window,
		Notices: []maintenance.Notice{
			// #3: announced exactly 24h ahead (exactly 24h counts): 12:00-12:45 scheduled.
			{Span: span(at(5, 12, 0), at(5, 12, 45)), Announced: at(4, 12, 0)},
			// #4: announced 23h59m59s ahead: does not meet the lead.
			{Span: span(at(8, 12, 0), at(8, 12, 30)), Announced: at(7, 12, 0).Add(time.Second)},
			// #11: announced weeks ahead, covers 00:00-02:30 on the 22nd.
			{Span: span(at(22, 0, 0), at(22, 2, 30)), Announced: at(1, 9, 0)},
			// A notice in May is ignored.
			{Span: span(at(30, 0, 0).Add(48*time.Hour), at(30, 0, 0).Add(50*time.Hour)), Announced: at(1, 0, 0)},
		},
		Outages: []Outage{
			// #1: from 22:00 on 31 March to 03:00 on 1 April: April has
			// 00:00-02:00 counted (2h) and 02:00-03:00 in the window (1h).
			{Span: span(at(1, 0, 0).Add(-2*time.Hour), at(1, 3, 0))},
			// #2: 10:30-11:20: window until 11:00 (30m), overrun 11:00-11:20 counted (20m).
			{Span: span(at(3, 10, 30), at(3, 11, 20))},
			// #3: 12:00-13:00: notice 12:00-12:45 (45m), overrun 12:45-13:00 counted (15m).
			{Span: span(at(5, 12, 0), at(5, 13, 0))},
			// #4: 12:00-12:30 under a late notice: counted (30m).
			{Span: span(at(8, 12, 0), at(8, 12, 30))},
			// #5: add-on 14:00-16:00 overlapped by the service's own 15:00-17:00:
			// add-on 14:00-16:00 (2h, excluded once), counted 16:00-17:00 (1h).
			{Span: span(at(10, 14, 0), at(10, 16, 0)), Cause: CauseAddOn},
			{Span: span(at(10, 15, 0), at(10, 17, 0))},
			// #6: exactly 10 minutes: intermittent (10m).
			{Span: span(at(12, 20, 0), at(12, 20, 10))},
			// #7: 10 minutes and 1ns: counted whole (10m1ns).
			{Span: span(at(12, 21, 0), at(12, 21, 10).Add(1))},
			// #8: customer-actions 12:00-14:00 and outside-control 13:00-15:00;
			// the policy lists outside-control first: outside-control
			// 13:00-15:00 (2h), customer-actions 12:00-13:00 (1h).
			{Span: span(at(15, 12, 0), at(15, 14, 0)), Cause: CauseCustomerActions},
			{Span: span(at(15, 13, 0), at(15, 15, 0)), Cause: CauseOutsideControl},
			// #9: preview 12:00-12:05 (5m).
			{Span: span(at(20, 12, 0), at(20, 12, 5)), Cause: CausePreview},
			// #10: 23:00 on 30 April to 01:00 on 1 May: April has 23:00-24:00 counted (1h).
			{Span: span(at(30, 23, 0), at(30, 23, 0).Add(2*time.Hour))},
			// #11: 01:00-03:00 on the 22nd: window 02:00-03:00 (1h, the window
			// comes first), notice 01:00-02:00 (1h).
			{Span: span(at(22, 1, 0), at(22, 3, 0))},
			// #12: in March: ignored.
			{Span: span(at(1, 0, 0).Add(-20*24*time.Hour), at(1, 0, 0).Add(-19*24*time.Hour))},
			// #13: the service's own 12:00-12:08 then add-on 12:08-12:30:
			// add-on 22m; the 8 minutes left are intermittent.
			{Span: span(at(25, 12, 0), at(25, 12, 8))},
			{Span: span(at(25, 12, 8), at(25, 12, 30)), Cause: CauseAddOn},
		},
	}
}

func TestAssessEveryExclusion(t *testing.T) {
	a, err := DynamicsCRMOnline().Assess(everyExclusion(t))
	require.NoError(t, err)

	// window:           #1 1h + #2 30m + #11 1h          = 2h30m
	// notice:           #3 45m + #11 1h                  = 1h45m
	// outside-control:  #8 2h
	// add-on:           #5 2h + #13 22m                  = 2h22m
	// customer-actions: #8 1h
	// preview:          #9 5m
	// intermittent:     #6 10m + #13 8m                  = 18m
	// counted: #1 2h + #2 20m + #3 15m + #4 30m + #5 1h + #7 10m1ns + #10 1h = 5h15m0.000000001s
	// outage time: 2h30m+1h45m+2h+2h22m+1h+5m+18m+5h15m1ns = 15h15m1ns
	// up: 720h − 15h15m1ns = 704h44m59.999999999s
	// uptime: (43,200 − 315 − 1ns/1m) / 43,200 × 100 = 99.2708333… − ε: below 99.9, not below 99 → 25 %.
	want := map[Reason]time.Duration{
		ReasonWindow:       2*time.Hour + 30*time.Minute,
		ReasonNotice:       time.Hour + 45*time.Minute,
		ReasonCounted:      0, // never a key
		"outside-control":  2 * time.Hour,
		"add-on":           2*time.Hour + 22*time.Minute,
		"customer-actions": time.Hour,
		"preview":          5 * time.Minute,
		ReasonIntermittent: 18 * time.Minute,
	}
	delete(want, ReasonCounted)
	assert.Equal(t, want, a.Excluded)
	assert.Equal(t, 720*time.Hour, a.Total)
	assert.Equal(t, 5*time.Hour+15*time.Minute+1, a.Downtime)
	assert.Equal(t, 704*time.Hour+45*time.Minute-1, a.Up)
	assert.Equal(t, a.Total, a.Up+a.Downtime+a.ExcludedTotal())
	assert.Equal(t, time.Duration(0), a.Rounding)
	assert.True(t, dec("25").Equal(a.Credit), "credit %s", a.Credit)
	assert.False(t, a.Met)
	// (2,592,000,000,000,000 − 18,900,000,000,001) / 2,592,000,000,000,000 × 100
	// = 99.27083333333329475308641…, truncated at 20 places (checked with exact fractions).
	assert.Equal(t, "99.27083333333329475308", a.Uptime.String())

	wantPeriods := []calendar.Span{
		span(at(1, 0, 0), at(1, 2, 0)),
		span(at(3, 11, 0), at(3, 11, 20)),
		span(at(5, 12, 45), at(5, 13, 0)),
		span(at(8, 12, 0), at(8, 12, 30)),
		span(at(10, 16, 0), at(10, 17, 0)),
		span(at(12, 21, 0), at(12, 21, 10).Add(1)),
		span(at(30, 23, 0), at(30, 23, 0).Add(time.Hour)),
	}
	require.Len(t, a.Periods(), len(wantPeriods))
	for i, w := range wantPeriods {
		assert.True(t, w.Equal(a.Periods()[i]), "periods[%d]: want %s got %s", i, w, a.Periods()[i])
	}

	wantParts := []Part{
		{span(at(1, 0, 0), at(1, 2, 0)), ReasonCounted},
		{span(at(1, 2, 0), at(1, 3, 0)), ReasonWindow},
		{span(at(3, 10, 30), at(3, 11, 0)), ReasonWindow},
		{span(at(3, 11, 0), at(3, 11, 20)), ReasonCounted},
		{span(at(5, 12, 0), at(5, 12, 45)), ReasonNotice},
		{span(at(5, 12, 45), at(5, 13, 0)), ReasonCounted},
		{span(at(8, 12, 0), at(8, 12, 30)), ReasonCounted},
		{span(at(10, 14, 0), at(10, 16, 0)), "add-on"},
		{span(at(10, 16, 0), at(10, 17, 0)), ReasonCounted},
		{span(at(12, 20, 0), at(12, 20, 10)), ReasonIntermittent},
		{span(at(12, 21, 0), at(12, 21, 10).Add(1)), ReasonCounted},
		{span(at(15, 12, 0), at(15, 13, 0)), "customer-actions"},
		{span(at(15, 13, 0), at(15, 15, 0)), "outside-control"},
		{span(at(20, 12, 0), at(20, 12, 5)), "preview"},
		{span(at(22, 1, 0), at(22, 2, 0)), ReasonNotice},
		{span(at(22, 2, 0), at(22, 3, 0)), ReasonWindow},
		{span(at(25, 12, 0), at(25, 12, 8)), ReasonIntermittent},
		{span(at(25, 12, 8), at(25, 12, 30)), "add-on"},
		{span(at(30, 23, 0), at(30, 23, 0).Add(time.Hour)), ReasonCounted},
	}
	require.Len(t, a.Parts(), len(wantParts), "%v", a.Parts())
	for i, w := range wantParts {
		assert.True(t, w.Span.Equal(a.Parts()[i].Span) && w.Reason == a.Parts()[i].Reason,
			"parts[%d]: want %s %q got %s %q", i, w.Span, w.Reason, a.Parts()[i].Span, a.Parts()[i].Reason)
	}
}

// With WindowNeedsNotice the window only counts where a notice covers it:
// #1's 02:00-03:00 joins its counted 00:00-02:00 (3h); #2 counts whole
// (50m); on the 22nd only 02:00-02:30 is both window and notice (30m), the
// notice still covers 01:00-02:00 (1h) and 02:30-03:00 counts (30m).
// Downtime: 5h15m1ns + 1h + 30m + 30m = 7h15m1ns.
func TestAssessWindowNeedsNotice(t *testing.T) {
	p := DynamicsCRMOnline()
	p.WindowNeedsNotice = true
	a, err := p.Assess(everyExclusion(t))
	require.NoError(t, err)
	assert.Equal(t, 30*time.Minute, a.Excluded[ReasonWindow])
	assert.Equal(t, time.Hour+45*time.Minute, a.Excluded[ReasonNotice])
	assert.Equal(t, 7*time.Hour+15*time.Minute+1, a.Downtime)
	assert.Equal(t, a.Total, a.Up+a.Downtime+a.ExcludedTotal())
	assert.True(t, a.Periods()[0].Equal(span(at(1, 0, 0), at(1, 3, 0))), "%s", a.Periods()[0])
}

// With a resolution of one minute each counted period is rounded up: only
// #7 (10m1ns) is not whole minutes and becomes 11m, adding 1m − 1ns.
func TestAssessResolution(t *testing.T) {
	p := DynamicsCRMOnline()
	p.Resolution = time.Minute
	a, err := p.Assess(everyExclusion(t))
	require.NoError(t, err)
	assert.Equal(t, time.Minute-1, a.Rounding)
	assert.Equal(t, 5*time.Hour+16*time.Minute, a.Downtime)
	assert.Equal(t, 704*time.Hour+44*time.Minute, a.Up)
	assert.Equal(t, a.Total, a.Up+a.Downtime+a.ExcludedTotal())

	// Rounding never takes more than Up: a month down all but 30s, one
	// counted period rounded to an hour.
	p.Resolution = time.Hour
	p.IntermittentLimit = 0
	month := calendar.NewMonth(2024, time.April, nil)
	a, err = p.Assess(Period{Month: month, Outages: []Outage{{Span: span(month.Start().Add(30*time.Second), month.End())}}})
	require.NoError(t, err)
	assert.Equal(t, 30*time.Second, a.Rounding)
	assert.Equal(t, time.Duration(0), a.Up)
	assert.Equal(t, a.Total, a.Downtime)
}

func TestAssessEmptyMonth(t *testing.T) {
	for _, loc := range []string{"UTC", "America/New_York"} {
		l, err := time.LoadLocation(loc)
		require.NoError(t, err)
		m := calendar.NewMonth(2024, time.March, l)
		a, err := DynamicsCRMOnline().Assess(Period{Month: m})
		require.NoError(t, err)
		assert.Equal(t, m.Duration(), a.Total)
		assert.Equal(t, a.Total, a.Up)
		assert.Empty(t, a.Excluded)
		assert.NotNil(t, a.Excluded)
		assert.True(t, hundred.Equal(a.Uptime))
		assert.True(t, a.Credit.IsZero())
		assert.True(t, a.Met)
	}
}

// In America/New_York, March 2024 is 44,580 minutes (the clocks skip an
// hour on the 10th), and the month starts at 05:00 UTC on 1 March. An
// outage from 04:00 to 06:00 UTC on 1 March has one hour in the month.
func TestAssessLocation(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	m := calendar.NewMonth(2024, time.March, ny)
	start := time.Date(2024, time.March, 1, 4, 0, 0, 0, time.UTC)
	a, err := DynamicsCRMOnline().Assess(Period{Month: m, Outages: []Outage{{Span: span(start, start.Add(2*time.Hour))}}})
	require.NoError(t, err)
	assert.Equal(t, 44580*time.Minute, a.Total)
	assert.Equal(t, time.Hour, a.Downtime)
	require.Len(t, a.Parts(), 1)
	assert.Equal(t, ny, a.Parts()[0].Span.Start.Location(), "parts are in the month's location")
	assert.Equal(t, "2024-03-01T00:00:00-05:00", a.Parts()[0].Span.Start.Format(time.RFC3339))
}

func TestAssessErrors(t *testing.T) {
	month := calendar.NewMonth(2024, time.April, nil)
	badPolicy := DynamicsCRMOnline()
	badPolicy.CreditCap = dec("0")
	per := Period{
		Month: month,
		Outages: []Outage{
			{Span: span(at(2, 1, 0), at(2, 2, 0))},
			{Span: span(at(2, 3, 0), at(2, 2, 0))},                // reversed
			{Span: span(at(5, 1, 0), at(5, 2, 0)), Cause: "typo"}, // unknown cause
			{Span: span(at(5, 1, 0), at(5, 2, 0)), Cause: "window"},
		},
		Notices: []maintenance.Notice{
			{Span: span(at(3, 1, 0), at(3, 2, 0)), Announced: at(3, 1, 30)}, // announced after start
			{Span: span(at(4, 1, 0), at(4, 2, 0)), Announced: at(1, 0, 0)},
			{Span: span(at(4, 1, 0), at(4, 2, 0))}, // zero Announced
		},
	}
	_, err := badPolicy.Assess(per)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalidPolicy)
	assert.ErrorIs(t, err, ErrInvalidPeriod)
	assert.ErrorIs(t, err, calendar.ErrReversed)
	assert.ErrorIs(t, err, maintenance.ErrAnnouncedLate)
	for _, w := range []string{`creditCap "0"`, "outages[1]: calendar: span ends before it starts", `outages[2]: cause "typo" is not a known cause`,
		`outages[3]: cause "window"`, "notices[0]:", "notices[2]:"} {
		assert.Contains(t, err.Error(), w)
	}
	assert.NotContains(t, err.Error(), "outages[0]")
	assert.NotContains(t, err.Error(), "notices[1]")

	_, err = DynamicsCRMOnline().Assess(Period{})
	require.ErrorIs(t, err, ErrInvalidPeriod)
	assert.Contains(t, err.Error(), "zero Month")
	assert.False(t, errors.Is(err, ErrInvalidPolicy))
}

// A cause the policy does not exclude counts like the service's own fault.
func TestAssessCauseNotExcluded(t *testing.T) {
	p := DynamicsCRMOnline()
	p.ExcludedCauses = []Cause{CauseOutsideControl}
	month := calendar.NewMonth(2024, time.April, nil)
	a, err := p.Assess(Period{Month: month, Outages: []Outage{
		{Span: span(at(2, 12, 0), at(2, 13, 0)), Cause: CausePreview},
		{Span: span(at(3, 12, 0), at(3, 13, 0)), Cause: CauseOutsideControl},
	}})
	require.NoError(t, err)
	assert.Equal(t, time.Hour, a.Downtime)
	assert.Equal(t, map[Reason]time.Duration{"outside-control": time.Hour}, a.Excluded)
}

// Assess returns a new Excluded map each time.
func TestAssessFreshMap(t *testing.T) {
	per := everyExclusion(t)
	a, err := DynamicsCRMOnline().Assess(per)
	require.NoError(t, err)
	a.Excluded[ReasonWindow] = 0
	b, err := DynamicsCRMOnline().Assess(per)
	require.NoError(t, err)
	assert.Equal(t, 2*time.Hour+30*time.Minute, b.Excluded[ReasonWindow])
}

func TestReasons(t *testing.T) {
	assert.Equal(t, []Reason{"window", "notice", "outside-control", "add-on", "customer-systems", "customer-actions", "ignored-advice", "preview", "intermittent"},
		DynamicsCRMOnline().Reasons())
}
