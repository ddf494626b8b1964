package versions

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
