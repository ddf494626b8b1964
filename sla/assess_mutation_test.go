package sla

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

// Tests written for mutants gremlins found alive: each pins a documented
// behaviour no other test reached.

// TestAssessSubscribedNanoseconds: a subscribed part that starts at a
// nanosecond inside a second; every part keeps the outages' exact
// instants. April 2024, subscribed from 10 April 00:00:00.0000005 to the
// end of the month: 21 days less 500 ns. Outage A, 9 April 23:00 to 10
// April 01:00:00.00000025, is clipped to the subscription: 1h − 250 ns.
// Outage B, 12 April 12:00:00.0000001 to 12:30:00.0000009: 30m + 800 ns.
// Both count (over 10 minutes).
func TestAssessSubscribedNanoseconds(t *testing.T) {
	april := calendar.NewMonth(2024, time.April, nil)
	subStart := at(10, 0, 0).Add(500)
	aEnd := at(10, 1, 0).Add(250)
	bStart, bEnd := at(12, 12, 0).Add(100), at(12, 12, 30).Add(900)
	p := DynamicsCRMOnline()
	a, err := p.Assess(Period{
		Month:      april,
		Subscribed: span(subStart, at(30, 0, 0).Add(48*time.Hour)),
		Outages: []Outage{
			{Span: span(bStart, bEnd)},
			{Span: span(at(9, 23, 0), aEnd)},
		},
	})
	require.NoError(t, err)
	checkInvariants(t, p, a)
	assert.Equal(t, 21*24*time.Hour-500, a.Total)
	assert.True(t, a.Assessed.Start.Equal(subStart))
	assert.Equal(t, time.Hour-250+30*time.Minute+800, a.Downtime)
	require.Len(t, a.Parts(), 2)
	assert.True(t, a.Parts()[0].Span.Equal(span(subStart, aEnd)), "part 0 %s", a.Parts()[0].Span)
	assert.True(t, a.Parts()[1].Span.Equal(span(bStart, bEnd)), "part 1 %s", a.Parts()[1].Span)
	require.Len(t, a.Periods(), 2)
	assert.True(t, a.Periods()[0].Equal(span(subStart, aEnd)))
	assert.True(t, a.Periods()[1].Equal(span(bStart, bEnd)))
}

// TestAssessSubscribedNanosecondsWindow: the window's occurrences stay on
// whole UTC minutes when the assessed span starts inside a second. NAM's
// window is 02:00-11:00 UTC; subscribed from 10 April 00:00:00.0000005,
// an outage from 01:00 to 03:00 is 1h counted and 1h in the window, split
// exactly at 02:00.
func TestAssessSubscribedNanosecondsWindow(t *testing.T) {
	nam, ok := maintenance.Lookup("NAM")
	require.True(t, ok)
	p := DynamicsCRMOnline()
	a, err := p.Assess(Period{
		Month:      calendar.NewMonth(2024, time.April, nil),
		Window:     nam.Window,
		Subscribed: span(at(10, 0, 0).Add(500), at(30, 0, 0).Add(48*time.Hour)),
		Outages:    []Outage{{Span: span(at(10, 1, 0), at(10, 3, 0))}},
	})
	require.NoError(t, err)
	checkInvariants(t, p, a)
	require.Len(t, a.Parts(), 2)
	assert.True(t, a.Parts()[0].Span.Equal(span(at(10, 1, 0), at(10, 2, 0))), "part 0 %s", a.Parts()[0].Span)
	assert.Equal(t, ReasonCounted, a.Parts()[0].Reason)
	assert.True(t, a.Parts()[1].Span.Equal(span(at(10, 2, 0), at(10, 3, 0))), "part 1 %s", a.Parts()[1].Span)
	assert.Equal(t, ReasonWindow, a.Parts()[1].Reason)
	assert.Equal(t, time.Hour, a.Downtime)
	assert.Equal(t, map[Reason]time.Duration{ReasonWindow: time.Hour}, a.Excluded)
}
