package sla

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// TestAssessUsersZeroOneProblem: a policy that measures user-minutes with
// a period of 0 users reports that once; it does not also call every
// outage's users "more than the period's 0 users".
func TestAssessUsersZeroOneProblem(t *testing.T) {
	p := DynamicsCRMOnline()
	p.Measure = MeasureUserMinutes
	_, err := p.Assess(Period{
		Month:   calendar.NewMonth(2024, time.April, nil),
		Outages: []Outage{{Span: span(at(3, 0, 0), at(3, 1, 0)), Users: 5}},
	})
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrInvalidPeriod))
	assert.Len(t, strings.Split(err.Error(), "\n"), 1, "one problem: %v", err)
	assert.Contains(t, err.Error(), "users is 0")
	// With 3 users, the outage's 5 are too many.
	_, err = p.Assess(Period{
		Month:   calendar.NewMonth(2024, time.April, nil),
		Users:   3,
		Outages: []Outage{{Span: span(at(3, 0, 0), at(3, 1, 0)), Users: 5}},
	})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "outages[0]: users 5 is more than the period's 3 users")
}
