package sla

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// A subscription that starts at noon on 16 April 2024 has 14.5 days of
// April: 348h = 20,880 minutes. 0.1 % of that is 20.88 minutes = 20m52.8s,
// so 20m52.8s of downtime is exactly 99.9 % (no credit) and 1ns more earns
// 25 %; in the whole month the same downtime would be 99.95 %.
func TestAssessSubscribedPart(t *testing.T) {
	p := DynamicsCRMOnline()
	month := calendar.NewMonth(2024, time.April, nil)
	sub := span(at(16, 12, 0), at(16, 12, 0).Add(365*24*time.Hour))
	edge := 20*time.Minute + 52800*time.Millisecond
	outages := func(d time.Duration) []Outage {
		return []Outage{
			{Span: span(at(16, 11, 0), at(16, 11, 59))},           // before the subscription: ignored
			{Span: span(at(20, 15, 0), at(20, 15, 0).Add(d))},     // counted
			{Span: span(at(21, 15, 0), at(21, 15, 5)), Cause: ""}, // intermittent
		}
	}
	a, err := p.Assess(Period{Month: month, Subscribed: sub, Outages: outages(edge)})
	require.NoError(t, err)
	assert.Equal(t, 348*time.Hour, a.Total)
	assert.True(t, a.Assessed.Equal(span(at(16, 12, 0), month.End())), "%s", a.Assessed)
	assert.Equal(t, edge, a.Downtime)
	assert.Equal(t, map[Reason]time.Duration{ReasonIntermittent: 5 * time.Minute}, a.Excluded)
	assert.Equal(t, a.Total, a.Up+a.Downtime+a.ExcludedTotal())
	assert.True(t, dec("99.9").Equal(a.Uptime), "uptime %s", a.Uptime)
	assert.True(t, a.Credit.IsZero())

	a, err = p.Assess(Period{Month: month, Subscribed: sub, Outages: outages(edge + 1)})
	require.NoError(t, err)
	assert.True(t, dec("25").Equal(a.Credit), "credit %s", a.Credit)

	whole, err := p.Assess(Period{Month: month, Outages: outages(edge + 1)[1:]})
	require.NoError(t, err)
	assert.True(t, whole.Credit.IsZero(), "the whole month is above 99.9 %%: %s", whole.Uptime)

	// A subscription that ends mid-month: 1 April to 10 April 06:00 is
	// 9.25 days = 222h; an outage across the end counts only up to it.
	a, err = p.Assess(Period{Month: month, Subscribed: span(at(1, 0, 0).Add(-time.Hour), at(10, 6, 0)),
		Outages: []Outage{{Span: span(at(10, 5, 0), at(10, 8, 0))}}})
	require.NoError(t, err)
	assert.Equal(t, 222*time.Hour, a.Total)
	assert.Equal(t, time.Hour, a.Downtime)
}

func TestAssessSubscribedErrors(t *testing.T) {
	month := calendar.NewMonth(2024, time.April, nil)
	for name, sub := range map[string]calendar.Span{
		"before the month": span(at(1, 0, 0).Add(-48*time.Hour), at(1, 0, 0)),
		"after the month":  span(month.End(), month.End().Add(time.Hour)),
		"empty inside":     span(at(5, 0, 0), at(5, 0, 0)),
		"reversed":         span(at(5, 0, 0), at(4, 0, 0)),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := DynamicsCRMOnline().Assess(Period{Month: month, Subscribed: sub})
			require.ErrorIs(t, err, ErrInvalidPeriod)
			assert.Contains(t, err.Error(), "subscribed")
			if name == "reversed" {
				assert.ErrorIs(t, err, calendar.ErrReversed)
			} else {
				assert.ErrorIs(t, err, ErrNotSubscribed)
			}
		})
	}
}
