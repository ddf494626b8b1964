package sla

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// Parts and Periods return new slices: changing one changes nothing in the
// assessment, and the next call gives the same parts again.
func TestPartsAreCopies(t *testing.T) {
	a, err := DynamicsCRMOnline().Assess(everyExclusion(t))
	require.NoError(t, err)
	parts, periods := a.Parts(), a.Periods()
	require.NotEmpty(t, parts)
	require.NotEmpty(t, periods)
	first, firstPeriod := parts[0], periods[0]

	parts[0] = Part{Reason: "changed"}
	periods[0] = calendar.Span{}
	assert.Equal(t, first, a.Parts()[0])
	assert.Equal(t, firstPeriod, a.Periods()[0])
}

// Periods is nil without counted downtime (so encoding/json writes null);
// Parts is never nil, only empty, not even for the zero Assessment.
func TestPartsNilness(t *testing.T) {
	var zero Assessment
	assert.NotNil(t, zero.Parts())
	assert.Empty(t, zero.Parts())
	assert.Nil(t, zero.Periods())

	april := calendar.NewMonth(2024, time.April, nil)
	a, err := DynamicsCRMOnline().Assess(Period{Month: april})
	require.NoError(t, err)
	assert.NotNil(t, a.Parts())
	assert.Empty(t, a.Parts())
	assert.Nil(t, a.Periods())

	// 5 minutes: intermittent, so one part and still no period.
	start := april.Start().Add(time.Hour)
	a, err = DynamicsCRMOnline().Assess(Period{Month: april, Outages: []Outage{{Span: span(start, start.Add(5*time.Minute))}}})
	require.NoError(t, err)
	require.Len(t, a.Parts(), 1)
	assert.Equal(t, ReasonIntermittent, a.Parts()[0].Reason)
	assert.Equal(t, []Part{{Span: span(start, start.Add(5*time.Minute)), Reason: ReasonIntermittent}}, a.Parts())
	assert.Nil(t, a.Periods())
}

// A policy that excludes causes in another order than section D.1.b's
// still labels each part with its own cause.
func TestPartsCauseOrder(t *testing.T) {
	p := DynamicsCRMOnline()
	p.ExcludedCauses = []Cause{CausePreview, CauseOutsideControl}
	april := calendar.NewMonth(2024, time.April, nil)
	s1 := april.Start().Add(24 * time.Hour)
	s2 := s1.Add(2 * time.Hour)
	a, err := p.Assess(Period{Month: april, Outages: []Outage{
		{Span: span(s1, s1.Add(time.Hour)), Cause: CauseOutsideControl},
		{Span: span(s2, s2.Add(time.Hour)), Cause: CausePreview},
	}})
	require.NoError(t, err)
	assert.Equal(t, []Part{
		{Span: span(s1, s1.Add(time.Hour)), Reason: CauseOutsideControl.Reason()},
		{Span: span(s2, s2.Add(time.Hour)), Reason: CausePreview.Reason()},
	}, a.Parts())
}
