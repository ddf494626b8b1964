package sla

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
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
	require.Len(t, a.Parts, 2)
	assert.True(t, a.Parts[0].Span.Equal(span(subStart, aEnd)), "part 0 %s", a.Parts[0].Span)
	assert.True(t, a.Parts[1].Span.Equal(span(bStart, bEnd)), "part 1 %s", a.Parts[1].Span)
	require.Len(t, a.Periods, 2)
	assert.True(t, a.Periods[0].Equal(span(subStart, aEnd)))
	assert.True(t, a.Periods[1].Equal(span(bStart, bEnd)))
}
