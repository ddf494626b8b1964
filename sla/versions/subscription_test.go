package versions

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// TestNewSubscription: each term's end is counted from the start, clamped
// to the target month's last day, at the start's wall-clock time; bad
// arguments wrap ErrInvalidSubscription.
func TestNewSubscription(t *testing.T) {
	// One-month terms from 31 January 2024: each end counted from the start,
	// clamped to the month's last day (29 February 2024 is a leap day).
	sub, err := NewSubscription(time.Date(2024, time.January, 31, 9, 30, 0, 0, time.UTC), 1, 4)
	require.NoError(t, err)
	want := []time.Time{
		time.Date(2024, time.January, 31, 9, 30, 0, 0, time.UTC),
		time.Date(2024, time.February, 29, 9, 30, 0, 0, time.UTC),
		time.Date(2024, time.March, 31, 9, 30, 0, 0, time.UTC),
		time.Date(2024, time.April, 30, 9, 30, 0, 0, time.UTC),
		time.Date(2024, time.May, 31, 9, 30, 0, 0, time.UTC),
	}
	require.Len(t, sub.Terms, 4)
	for i, term := range sub.Terms {
		assert.True(t, term.Start.Equal(want[i]), "terms[%d].Start %s", i, term.Start)
		assert.True(t, term.End.Equal(want[i+1]), "terms[%d].End %s", i, term.End)
	}
	require.NoError(t, sub.Validate())

	// Yearly terms in New York keep the local wall-clock time across DST.
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	sub, err = NewSubscription(time.Date(2023, time.July, 1, 0, 0, 0, 0, ny), 12, 2)
	require.NoError(t, err)
	assert.Equal(t, time.Date(2025, time.July, 1, 0, 0, 0, 0, ny), sub.Terms[1].End)

	for _, tc := range []struct {
		name         string
		start        time.Time
		months, n    int
		wantContains string
	}{
		{"zero start", time.Time{}, 12, 1, "start is the zero time"},
		{"zero months", date(2020, 1, 1), 0, 1, "termMonths 0"},
		{"too many months", date(2020, 1, 1), 1201, 1, "termMonths 1201"},
		{"no terms", date(2020, 1, 1), 12, 0, "terms 0"},
		{"too many terms", date(2020, 1, 1), 12, 1201, "terms 1201"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewSubscription(tc.start, tc.months, tc.n)
			require.ErrorIs(t, err, ErrInvalidSubscription)
			assert.Contains(t, err.Error(), tc.wantContains)
		})
	}
}

// TestSubscriptionValidate: no terms, a reversed or empty term and
// overlapping terms are refused, and Governing refuses such a
// subscription too.
func TestSubscriptionValidate(t *testing.T) {
	a, b, c := date(2020, 1, 1), date(2021, 1, 1), date(2022, 1, 1)
	for _, tc := range []struct {
		name string
		sub  Subscription
		want string
		is   error
	}{
		{"no terms", Subscription{}, "terms is empty", nil},
		{"reversed", Subscription{Terms: []calendar.Span{{Start: b, End: a}}}, "terms[0]", calendar.ErrReversed},
		{"empty", Subscription{Terms: []calendar.Span{{Start: a, End: a}}}, "terms[0]", nil},
		{"overlapping", Subscription{Terms: []calendar.Span{{Start: a, End: c}, {Start: b, End: c}}}, "terms[1] starts at 2021-01-01T00:00:00Z, before terms[0] ends at 2022-01-01T00:00:00Z", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.sub.Validate()
			require.ErrorIs(t, err, ErrInvalidSubscription)
			if tc.is != nil {
				require.ErrorIs(t, err, tc.is)
			}
			assert.Contains(t, err.Error(), tc.want)
			vs, _ := fixture(t)
			_, err = governing(vs, tc.sub, calendar.NewMonth(2021, 6, nil))
			require.ErrorIs(t, err, ErrInvalidSubscription, "Governing validates the subscription")
		})
	}
	require.NoError(t, Subscription{Terms: []calendar.Span{{Start: a, End: b}, {Start: b, End: c}}}.Validate())
}

// NewSubscription takes 1..1200 terms of 1..1200 months, both ends
// inclusive: 1,200 one-month terms or one term of 1,200 months (100 years).
func TestNewSubscriptionCountEdges(t *testing.T) {
	start := time.Date(2024, time.January, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		months, terms int
		ok            bool
	}{
		{1, 1, true}, {1200, 1, true}, {1, 1200, true},
		{0, 1, false}, {1201, 1, false}, {1, 0, false}, {1, 1201, false},
	} {
		sub, err := NewSubscription(start, tc.months, tc.terms)
		if !tc.ok {
			require.ErrorIs(t, err, ErrInvalidSubscription, "%d months × %d terms", tc.months, tc.terms)
			continue
		}
		require.NoError(t, err, "%d months × %d terms", tc.months, tc.terms)
		require.Len(t, sub.Terms, tc.terms)
		// The last term ends months × terms calendar months after the start.
		assert.Equal(t, start.AddDate(0, tc.months*tc.terms, 0), sub.Terms[tc.terms-1].End)
	}
}
