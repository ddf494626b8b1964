package maintenance

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// dynamicsRule is the Scheduled Downtime rule of the Microsoft Dynamics
// CRM Online Service Level Agreement (section E, definition 11): notices
// "at least 24-hours prior to the commencement", windows on their own.
var dynamicsRule = ScheduledDowntime{NoticeLead: 24 * time.Hour}

func TestScheduledDowntimeValidate(t *testing.T) {
	tests := []struct {
		name string
		rule ScheduledDowntime
		err  string // "" when valid
	}{
		{"the zero rule", ScheduledDowntime{}, ""},
		{"24 hours", dynamicsRule, ""},
		{"24 hours, window needs notice", ScheduledDowntime{NoticeLead: 24 * time.Hour, WindowNeedsNotice: true}, ""},
		{"the largest lead", ScheduledDowntime{NoticeLead: 1<<63 - 1}, ""},
		{"one nanosecond negative", ScheduledDowntime{NoticeLead: -1},
			`maintenance: invalid scheduled downtime rule: noticeLead "-1ns" is negative`},
		{"a day negative", ScheduledDowntime{NoticeLead: -24 * time.Hour, WindowNeedsNotice: true},
			`maintenance: invalid scheduled downtime rule: noticeLead "-24h0m0s" is negative`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.rule.Validate()
			if tc.err == "" {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrInvalidScheduledDowntime)
			assert.EqualError(t, err, tc.err)
		})
	}
}

// TestScheduledDowntimeAnnounced: a notice makes its span Scheduled
// Downtime when it is valid and was announced at least NoticeLead before
// its maintenance began; exactly 24 hours counts, a nanosecond less does
// not.
func TestScheduledDowntimeAnnounced(t *testing.T) {
	work := spanOf(utc(2024, 4, 10, 18, 0), utc(2024, 4, 10, 22, 0))
	tests := []struct {
		name      string
		rule      ScheduledDowntime
		n         Notice
		announced bool
	}{
		{"exactly 24 hours ahead", dynamicsRule, Notice{Span: work, Announced: work.Start.Add(-24 * time.Hour)}, true},
		{"1 ns short of 24 hours", dynamicsRule, Notice{Span: work, Announced: work.Start.Add(-24*time.Hour + 1)}, false},
		{"a week ahead", dynamicsRule, Notice{Span: work, Announced: work.Start.AddDate(0, 0, -7)}, true},
		{"announced at the start", dynamicsRule, Notice{Span: work, Announced: work.Start}, false},
		{"an empty maintenance announced in time", dynamicsRule, Notice{Span: spanOf(work.Start, work.Start), Announced: work.Start.Add(-25 * time.Hour)}, true},
		// Announced is judged as an instant, whatever its location.
		{"exactly 24 hours ahead, in Amsterdam", dynamicsRule,
			Notice{Span: work, Announced: work.Start.Add(-24 * time.Hour).In(mustLoad(t, "Europe/Amsterdam"))}, true},
		{"lead 0: announced at the start", ScheduledDowntime{}, Notice{Span: work, Announced: work.Start}, true},
		{"lead 0: 1 ns after the start", ScheduledDowntime{}, Notice{Span: work, Announced: work.Start.Add(1)}, false},
		{"lead 0: a reversed span", ScheduledDowntime{}, Notice{Span: spanOf(work.End, work.Start), Announced: work.Start.AddDate(0, 0, -7)}, false},
		{"lead 0: the zero notice", ScheduledDowntime{}, Notice{}, false},
		{"WindowNeedsNotice does not change Announced", ScheduledDowntime{NoticeLead: 24 * time.Hour, WindowNeedsNotice: true},
			Notice{Span: work, Announced: work.Start.Add(-24 * time.Hour)}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.announced, tc.rule.Announced(tc.n))
			assert.Equal(t, tc.n.Meets(tc.rule.NoticeLead), tc.rule.Announced(tc.n))
		})
	}
}

func TestScheduledDowntimeBy(t *testing.T) {
	tests := []struct {
		name                                   string
		windowNeedsNotice, inWindow, announced bool
		want                                   ScheduledBy
	}{
		{"neither", false, false, false, NotScheduled},
		{"window only", false, true, false, ByWindow},
		{"notice only", false, false, true, ByNotice},
		{"both: the window", false, true, true, ByWindow},
		{"needs notice: neither", true, false, false, NotScheduled},
		{"needs notice: the window alone is not enough", true, true, false, NotScheduled},
		{"needs notice: notice only", true, false, true, ByNotice},
		{"needs notice: both, the window", true, true, true, ByWindow},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ScheduledDowntime{NoticeLead: 24 * time.Hour, WindowNeedsNotice: tc.windowNeedsNotice}
			assert.Equal(t, tc.want, r.By(tc.inWindow, tc.announced))
		})
	}
	assert.Equal(t, NotScheduled, ScheduledBy(0), "the zero ScheduledBy")
	for b, s := range map[ScheduledBy]string{NotScheduled: "not scheduled", ByWindow: "window", ByNotice: "notice", 7: "ScheduledBy(7)"} {
		assert.Equal(t, s, b.String())
	}
}

// TestScheduledDowntimeSplit works out, by hand, how EUR's window (6 PM to
// 3 AM UTC, "Maintenance timeline") and four notices split three outages
// in April 2024:
//
//	outage 10 April 16:00–20:00: 16–18 before the window, 18–20 in it
//	outage 11 April 02:00–06:00: 02–03 in the window that opened on the
//	  10th, 03–06 after it
//	outage 12 April 10:00–12:00: outside every window
//	notice for 10 April 19:00–21:00, announced 1 April: accepted
//	notice for 11 April 03:00–05:00, announced exactly 24 h before: accepted
//	notice for 12 April 09:00–11:00, announced 24 h − 1 ns before: ignored
//	notice for 12 April 10:00–12:00, announced 10:30, after it began: ignored
//
// The outages last 4 + 4 + 2 = 10 hours; each reading splits all of them.
func TestScheduledDowntimeSplit(t *testing.T) {
	eur := mustWindow(t, "6 PM to 3 AM")
	outages := setOf(t,
		spanOf(utc(2024, 4, 10, 16, 0), utc(2024, 4, 10, 20, 0)),
		spanOf(utc(2024, 4, 11, 2, 0), utc(2024, 4, 11, 6, 0)),
		spanOf(utc(2024, 4, 12, 10, 0), utc(2024, 4, 12, 12, 0)),
	)
	notices := []Notice{
		{Span: spanOf(utc(2024, 4, 10, 19, 0), utc(2024, 4, 10, 21, 0)), Announced: utc(2024, 4, 1, 0, 0)},
		{Span: spanOf(utc(2024, 4, 11, 3, 0), utc(2024, 4, 11, 5, 0)), Announced: utc(2024, 4, 10, 3, 0)},
		{Span: spanOf(utc(2024, 4, 12, 9, 0), utc(2024, 4, 12, 11, 0)), Announced: utc(2024, 4, 11, 9, 0).Add(1)},
		{Span: spanOf(utc(2024, 4, 12, 10, 0), utc(2024, 4, 12, 12, 0)), Announced: utc(2024, 4, 12, 10, 30)},
	}
	tests := []struct {
		name                 string
		rule                 ScheduledDowntime
		window, notice, rest []calendar.Span
		windowD, noticeD     time.Duration
	}{
		// Every moment of the window counts: 18–20 and 02–03 (3 h); the
		// notice adds 03–05 on the 11th (its 19–20 on the 10th is window
		// time already); the rest is 16–18, 05–06 and 10–12 (5 h).
		{"window on its own", dynamicsRule,
			[]calendar.Span{spanOf(utc(2024, 4, 10, 18, 0), utc(2024, 4, 10, 20, 0)), spanOf(utc(2024, 4, 11, 2, 0), utc(2024, 4, 11, 3, 0))},
			[]calendar.Span{spanOf(utc(2024, 4, 11, 3, 0), utc(2024, 4, 11, 5, 0))},
			[]calendar.Span{spanOf(utc(2024, 4, 10, 16, 0), utc(2024, 4, 10, 18, 0)), spanOf(utc(2024, 4, 11, 5, 0), utc(2024, 4, 11, 6, 0)), spanOf(utc(2024, 4, 12, 10, 0), utc(2024, 4, 12, 12, 0))},
			3 * time.Hour, 2 * time.Hour},
		// Window time counts only under an accepted notice: 19–20 on the
		// 10th (1 h); the notice still adds 03–05 (2 h); the rest is
		// 16–19, 02–03, 05–06 and 10–12 (7 h).
		{"window needs notice", ScheduledDowntime{NoticeLead: 24 * time.Hour, WindowNeedsNotice: true},
			[]calendar.Span{spanOf(utc(2024, 4, 10, 19, 0), utc(2024, 4, 10, 20, 0))},
			[]calendar.Span{spanOf(utc(2024, 4, 11, 3, 0), utc(2024, 4, 11, 5, 0))},
			[]calendar.Span{spanOf(utc(2024, 4, 10, 16, 0), utc(2024, 4, 10, 19, 0)), spanOf(utc(2024, 4, 11, 2, 0), utc(2024, 4, 11, 3, 0)), spanOf(utc(2024, 4, 11, 5, 0), utc(2024, 4, 11, 6, 0)), spanOf(utc(2024, 4, 12, 10, 0), utc(2024, 4, 12, 12, 0))},
			time.Hour, 2 * time.Hour},
		// With a lead of 0 the notice announced 1 ns less than a day ahead
		// counts too: 10–11 on the 12th moves from the rest to notice.
		{"lead 0", ScheduledDowntime{},
			[]calendar.Span{spanOf(utc(2024, 4, 10, 18, 0), utc(2024, 4, 10, 20, 0)), spanOf(utc(2024, 4, 11, 2, 0), utc(2024, 4, 11, 3, 0))},
			[]calendar.Span{spanOf(utc(2024, 4, 11, 3, 0), utc(2024, 4, 11, 5, 0)), spanOf(utc(2024, 4, 12, 10, 0), utc(2024, 4, 12, 11, 0))},
			[]calendar.Span{spanOf(utc(2024, 4, 10, 16, 0), utc(2024, 4, 10, 18, 0)), spanOf(utc(2024, 4, 11, 5, 0), utc(2024, 4, 11, 6, 0)), spanOf(utc(2024, 4, 12, 11, 0), utc(2024, 4, 12, 12, 0))},
			3 * time.Hour, 3 * time.Hour},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			window, notice, rest := tc.rule.Split(eur, notices, outages)
			assert.True(t, setOf(t, tc.window...).Equal(window), "window %s", window)
			assert.True(t, setOf(t, tc.notice...).Equal(notice), "notice %s", notice)
			assert.True(t, setOf(t, tc.rest...).Equal(rest), "rest %s", rest)
			assert.Equal(t, tc.windowD, window.Duration())
			assert.Equal(t, tc.noticeD, notice.Duration())
			assert.Equal(t, 10*time.Hour-tc.windowD-tc.noticeD, rest.Duration())
			assert.True(t, window.Union(notice).Union(rest).Equal(outages), "the three parts make the outages")
		})
	}
}

// TestScheduledDowntimeSplitEdges: no window, no notices, no outages, and
// a notice that covers window time only.
func TestScheduledDowntimeSplitEdges(t *testing.T) {
	eur := mustWindow(t, "6 PM to 3 AM")
	outage := setOf(t, spanOf(utc(2024, 4, 10, 17, 0), utc(2024, 4, 10, 19, 0))) // 17–18 outside, 18–19 inside
	inTime := Notice{Span: spanOf(utc(2024, 4, 10, 17, 30), utc(2024, 4, 10, 18, 30)), Announced: utc(2024, 4, 9, 17, 30)}

	// The zero Window: only notices schedule anything, even with
	// WindowNeedsNotice.
	for _, rule := range []ScheduledDowntime{dynamicsRule, {NoticeLead: 24 * time.Hour, WindowNeedsNotice: true}} {
		window, notice, rest := rule.Split(Window{}, []Notice{inTime}, outage)
		assert.True(t, window.IsEmpty())
		assert.True(t, setOf(t, inTime.Span).Equal(notice), "%s", notice)
		assert.Equal(t, time.Hour, rest.Duration())
	}
	// No notices: the window alone, or nothing with WindowNeedsNotice.
	window, notice, rest := dynamicsRule.Split(eur, nil, outage)
	assert.True(t, setOf(t, spanOf(utc(2024, 4, 10, 18, 0), utc(2024, 4, 10, 19, 0))).Equal(window), "%s", window)
	assert.True(t, notice.IsEmpty())
	assert.True(t, setOf(t, spanOf(utc(2024, 4, 10, 17, 0), utc(2024, 4, 10, 18, 0))).Equal(rest), "%s", rest)
	window, notice, rest = ScheduledDowntime{NoticeLead: 24 * time.Hour, WindowNeedsNotice: true}.Split(eur, nil, outage)
	assert.True(t, window.IsEmpty())
	assert.True(t, notice.IsEmpty())
	assert.True(t, outage.Equal(rest))
	// A notice across the window's opening: 17:30–18:00 is notice time,
	// 18:00–18:30 window time (both cover it), 18:30–19:00 window time
	// again without notice, or the rest under WindowNeedsNotice.
	window, notice, rest = dynamicsRule.Split(eur, []Notice{inTime}, outage)
	assert.Equal(t, time.Hour, window.Duration())
	assert.True(t, setOf(t, spanOf(utc(2024, 4, 10, 17, 30), utc(2024, 4, 10, 18, 0))).Equal(notice), "%s", notice)
	assert.True(t, setOf(t, spanOf(utc(2024, 4, 10, 17, 0), utc(2024, 4, 10, 17, 30))).Equal(rest), "%s", rest)
	window, notice, rest = ScheduledDowntime{NoticeLead: 24 * time.Hour, WindowNeedsNotice: true}.Split(eur, []Notice{inTime}, outage)
	assert.True(t, setOf(t, spanOf(utc(2024, 4, 10, 18, 0), utc(2024, 4, 10, 18, 30))).Equal(window), "%s", window)
	assert.True(t, setOf(t, spanOf(utc(2024, 4, 10, 17, 30), utc(2024, 4, 10, 18, 0))).Equal(notice), "%s", notice)
	assert.True(t, setOf(t, spanOf(utc(2024, 4, 10, 17, 0), utc(2024, 4, 10, 17, 30)), spanOf(utc(2024, 4, 10, 18, 30), utc(2024, 4, 10, 19, 0))).Equal(rest), "%s", rest)
	// No outages: nothing anywhere.
	window, notice, rest = dynamicsRule.Split(eur, []Notice{inTime}, calendar.SpanSet{})
	assert.True(t, window.IsEmpty())
	assert.True(t, notice.IsEmpty())
	assert.True(t, rest.IsEmpty())
	// The caller's notices are not changed.
	notices := []Notice{inTime}
	dynamicsRule.Split(eur, notices, outage)
	assert.Equal(t, []Notice{inTime}, notices)
}
