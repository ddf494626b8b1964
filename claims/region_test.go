package claims

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestForRegion(t *testing.T) {
	ny := newYork(t)
	restored := utc(2021, 12, 28, 15, 0) // Tuesday
	tests := []struct {
		name string
		code string
		loc  *time.Location
		want time.Time
	}{
		// US holidays: Friday 2021-12-31 is the observed New Year's Day.
		{"NAM", "NAM", nil, utc(2022, 1, 6, 0, 0)},
		{"lower case, spaces", " nam ", nil, utc(2022, 1, 6, 0, 0)},
		{"GCC in New York", "GCC", ny, time.Date(2022, 1, 6, 0, 0, 0, 0, ny)},
		// IND has no holiday calendar: weekends only, so Friday 31 counts.
		{"IND", "IND", nil, utc(2022, 1, 5, 0, 0)},
		// The UK observes Christmas (Sat 25) on Mon 27, Boxing Day (Sun
		// 26) on Tue 28, and New Year (Sat 1) on Mon 2022-01-03: from
		// Tue 28: Wed 29, Thu 30, Fri 31, Tue 4, Wed 5.
		{"GBR", "GBR", nil, utc(2022, 1, 6, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ForRegion(tt.code, tt.loc)
			require.NoError(t, err)
			assert.Equal(t, 5, r.NoticeBusinessDays, "the seed's rules")
			got := r.NoticeDeadline(restored)
			assert.True(t, tt.want.Equal(got), "want %s got %s", tt.want, got)
		})
	}

	_, err := ForRegion("XYZ", nil)
	assert.ErrorIs(t, err, ErrUnknownRegion)
	assert.EqualError(t, err, `unknown region "XYZ"`)
	_, err = ForRegion("", nil)
	assert.ErrorIs(t, err, ErrUnknownRegion)
}
