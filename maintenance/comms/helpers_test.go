package comms

import (
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

// The Scheduled Downtime rule of the Microsoft Dynamics CRM Online SLA
// (section E, definition 11: window time, and time announced at least 24
// hours ahead), and its stricter reading, in which window time needs the
// notice too.
var (
	dynamics = maintenance.ScheduledDowntime{NoticeLead: 24 * time.Hour}
	strict   = maintenance.ScheduledDowntime{NoticeLead: 24 * time.Hour, WindowNeedsNotice: true}
)

// region returns the built-in region with code; the codes the tests use
// are all in the published table ("Maintenance timeline"), which
// maintenance's own tests pin.
func region(code string) maintenance.Region {
	r, ok := maintenance.Lookup(code)
	if !ok {
		panic("comms tests: no built-in region " + code)
	}
	return r
}

// at returns the UTC instant y-m-d h:min.
func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func span(a, b time.Time) calendar.Span { return calendar.Span{Start: a, End: b} }

func spans(set calendar.SpanSet) []calendar.Span { return set.Spans() }
