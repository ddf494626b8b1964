package sla

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// TestPayoutCreditExponentEdges: Credit is an exported field, so a caller
// may build an Assessment by hand. A credit written with an exponent from
// −64 to 64 pays fee × credit / 100, capped at the cap (100 % for a
// hand-built Assessment); beyond that it pays nothing, never panics.
func TestPayoutCreditExponentEdges(t *testing.T) {
	fee := decimal.NewFromInt(10)
	tests := []struct {
		name   string
		credit decimal.Decimal
		want   string
		capped bool
	}{
		// 10 × 1e-64 / 100 = 1e-65.
		{"exponent -64", decimal.New(1, -64), "1e-65", false},
		{"exponent -65", decimal.New(1, -65), "0", false},
		// 1e64 % of the fee is capped at 100 %: the fee.
		{"exponent 64", decimal.New(1, 64), "10", true},
		{"exponent 65", decimal.New(1, 65), "0", false},
		{"zero", decimal.Decimal{}, "0", false},
		{"negative", decimal.New(-25, 0), "0", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Assessment{Credit: tc.credit}
			pay, err := a.Payout(fee)
			require.NoError(t, err)
			want := decimal.RequireFromString(tc.want)
			assert.True(t, want.Equal(pay.Unrounded), "want %s got %s", want, pay.Unrounded)
			assert.Equal(t, tc.capped, pay.Capped)
		})
	}
}

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
