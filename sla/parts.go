package sla

import (
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

// Parts returns every outage moment inside the assessed span, sorted by
// Start, disjoint, each attributed to one Reason, in the month's location.
// Parts that touch never share a Reason: each is as long as possible.
// Drawing each part colored by its Reason shows the whole assessment.
//
// The slice is new on every call and never nil (empty for a month without
// outages, and for the zero Assessment); changing it changes nothing in a.
func (a Assessment) Parts() []Part {
	out := make([]Part, len(a.parts))
	base := a.Assessed.Start
	for i, cp := range a.parts {
		out[i] = Part{Span: cp.span(base), Reason: cp.code.reason()}
	}
	return out
}

// Periods returns the counted downtime periods, exact (before
// Resolution), sorted, disjoint, in the month's location: the spans of the
// Parts whose Reason is ReasonCounted. It returns nil when there is no
// counted downtime; otherwise a new slice on every call.
func (a Assessment) Periods() []calendar.Span {
	if a.periods == 0 {
		return nil
	}
	out := make([]calendar.Span, 0, a.periods)
	base := a.Assessed.Start
	for _, cp := range a.parts {
		if cp.code == codeCounted {
			out = append(out, cp.span(base))
		}
	}
	return out
}

// compactPart is a Part as offsets from the assessed span's start and a
// code: three words and no pointers, so that an Assessment's parts cost
// one small allocation the garbage collector never scans, and Parts builds
// the time values only for a caller that asks for them.
type compactPart struct {
	start, end time.Duration // [start, end) from Assessment.Assessed.Start
	code       code
}

// span returns the part's span from base, the assessed span's start (in
// the month's location).
func (cp compactPart) span(base time.Time) calendar.Span {
	return calendar.Span{Start: base.Add(cp.start), End: base.Add(cp.end)}
}
