package maintenance

import (
	"errors"
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

// ErrInvalidScheduledDowntime is wrapped by the error
// ScheduledDowntime.Validate reports.
var ErrInvalidScheduledDowntime = errors.New("maintenance: invalid scheduled downtime rule")

// ScheduledDowntime is the SLA's Scheduled Downtime rule as data: which
// outage time the provider planned for, and so does not count as
// Downtime. The Microsoft Dynamics CRM Online Service Level Agreement
// (section E, definition 11) makes it "published maintenance windows or
// times where Microsoft notifies Customer of periods of Downtime ... at
// least 24-hours prior to the commencement of such Downtime":
//
//   - time inside an occurrence of the region's published Window is
//     scheduled (ByWindow); with WindowNeedsNotice, only while an
//     announced notice also covers it;
//   - time inside a Notice announced at least NoticeLead before it began
//     is scheduled (ByNotice); exactly NoticeLead counts;
//   - a moment both rules cover is attributed to the window.
//
// Maintenance that runs past its window or its notice leaves the overrun
// unscheduled. This one value is the rule for both the monthly assessment
// (package sla holds it in its Policy) and the communication checks of
// package maintenance/comms, which take it as a parameter, so the two can
// never read Scheduled Downtime differently.
//
// The zero ScheduledDowntime counts window time and every notice
// announced before its maintenance began (a lead of 0). It is a small
// comparable value, safe for concurrent use.
type ScheduledDowntime struct {
	// NoticeLead is the least time between a notice's announcement and
	// the start of its maintenance that makes the announced time
	// Scheduled Downtime (24h for Dynamics CRM Online). It must not be
	// negative.
	NoticeLead time.Duration
	// WindowNeedsNotice, when true, makes window time scheduled only
	// where a notice that meets NoticeLead also covers it: the stricter
	// reading. False is the definition's literal reading: every moment of
	// a published window is scheduled.
	WindowNeedsNotice bool
}

// ScheduledBy says which half of the Scheduled Downtime rule covers a
// moment. Its zero value is NotScheduled.
type ScheduledBy uint8

const (
	// NotScheduled: neither the window nor a notice makes the moment
	// scheduled.
	NotScheduled ScheduledBy = iota
	// ByWindow: the moment is inside the published window (and, with
	// WindowNeedsNotice, inside an announced notice too).
	ByWindow
	// ByNotice: the moment is inside a notice announced at least
	// NoticeLead ahead, and not attributed to the window.
	ByNotice
)

// String returns "not scheduled", "window" or "notice".
func (b ScheduledBy) String() string {
	switch b {
	case NotScheduled:
		return "not scheduled"
	case ByWindow:
		return "window"
	case ByNotice:
		return "notice"
	}
	return fmt.Sprintf("ScheduledBy(%d)", uint8(b))
}

// Validate reports an error wrapping ErrInvalidScheduledDowntime, naming
// the field and its value, for a negative NoticeLead; nil otherwise.
func (r ScheduledDowntime) Validate() error {
	if r.NoticeLead < 0 {
		return fmt.Errorf("%w: noticeLead %q is negative", ErrInvalidScheduledDowntime, r.NoticeLead.String())
	}
	return nil
}

// Announced reports whether n makes its span Scheduled Downtime: n is
// valid and was announced at least NoticeLead before its maintenance
// began (Notice.Meets).
func (r ScheduledDowntime) Announced(n Notice) bool { return n.Meets(r.NoticeLead) }

// By attributes one moment: inWindow says it lies inside an occurrence of
// the published window, announced that it lies inside a notice that
// Announced accepts. A moment both cover is ByWindow; with
// WindowNeedsNotice a moment only the window covers is NotScheduled.
func (r ScheduledDowntime) By(inWindow, announced bool) ScheduledBy {
	switch {
	case inWindow && (announced || !r.WindowNeedsNotice):
		return ByWindow
	case announced:
		return ByNotice
	}
	return NotScheduled
}

// Split partitions set by the rule, as By attributes each of its
// moments: the part scheduled by window w, the part scheduled by the
// notices that Announced accepts (others are ignored), and the rest,
// which is Downtime unless another rule of the SLA excludes it. The three
// sets share no instant and their union is set. An end a notice cuts is
// in the notice's location, any other keeps the location of the set span
// it comes from (compare the instants with calendar.Span.Equal). It costs
// O(spans of set + occurrences touched + notices log notices).
func (r ScheduledDowntime) Split(w Window, notices []Notice, set calendar.SpanSet) (window, notice, rest calendar.SpanSet) {
	var spans []calendar.Span
	for _, n := range notices {
		if r.Announced(n) {
			spans = append(spans, n.Span)
		}
	}
	announced, _ := calendar.NewSpanSet(spans...) // accepted notices are valid, so never reversed
	window = w.Intersect(set)
	if r.WindowNeedsNotice {
		window = window.Intersect(announced)
	}
	notice = set.Intersect(announced).Subtract(window)
	rest = set.Subtract(window).Subtract(notice)
	return window, notice, rest
}
