package timeline

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// occurrenceAt is the model: the occurrence that opens open after the UTC
// midnight of the calendar day (y, m, d), found with time.Date.
func occurrenceAt(y int, m time.Month, d int, open, length time.Duration) (time.Time, time.Time) {
	start := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Add(open)
	return start, start.Add(length)
}

// modelNext is Daily.Next computed by the model: of the occurrences that
// open on the UTC days before, of and after t's, the first that ends after
// t.
func modelNext(t time.Time, open, length time.Duration) (time.Time, time.Time) {
	y, m, d := t.UTC().Date()
	for k := -1; ; k++ {
		start, end := occurrenceAt(y, m, d+k, open, length)
		if end.After(t) {
			return start, end
		}
	}
}

// TestDailyAgainstTimeDate checks the cursor's arithmetic against
// occurrences found with time.Date at every step: random windows (one
// minute to 23h59m, crossing midnight or not), bases in years 1 to 9999 in
// locations east and west of UTC, and non-decreasing offsets that land
// inside, at the edges of and between occurrences.
func TestDailyAgainstTimeDate(t *testing.T) {
	rng := rand.New(rand.NewPCG(24, 60))
	locs := []*time.Location{time.UTC, time.FixedZone("east", 10*3600+36*60+20), time.FixedZone("west", -(9*3600 + 30*60)), time.FixedZone("odd", 7)}
	for i := range 400 {
		open := time.Duration(rng.IntN(1440)) * time.Minute
		length := time.Duration(1+rng.IntN(1439)) * time.Minute
		year := []int{1, 1969, 1970, 2024, 9999, 1 + rng.IntN(9999)}[rng.IntN(6)]
		base := time.Date(year, time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), 0, rng.IntN(1e9), locs[rng.IntN(len(locs))])
		c := NewDaily(base, open, length)
		require.True(t, c.Set())
		for off := time.Duration(0); off < 40*Day; {
			at := base.Add(off)
			wantStart, wantEnd := modelNext(at, open, length)
			in, next := c.At(off)
			if !wantStart.After(at) {
				require.True(t, in, "case %d at %s", i, at)
				require.True(t, wantEnd.Equal(base.Add(next)), "case %d at %s: end %s, cursor %s", i, at, wantEnd, base.Add(next))
			} else {
				require.False(t, in, "case %d at %s", i, at)
				require.True(t, wantStart.Equal(base.Add(next)), "case %d at %s: start %s, cursor %s", i, at, wantStart, base.Add(next))
			}
			start, end := c.Next(off)
			require.True(t, wantStart.Equal(base.Add(start)) && wantEnd.Equal(base.Add(end)), "case %d at %s", i, at)
			switch rng.IntN(4) {
			case 0:
				off = next // exactly the edge
			case 1:
				if next-1 > off {
					off = next - 1 // a nanosecond before it
				} else {
					off = next
				}
			case 2:
				off += time.Duration(rng.Int64N(int64(3 * Day))) // skip days at a time
			default:
				off += time.Duration(rng.Int64N(int64(time.Hour)))
			}
		}
	}
}

// TestDailyZero: the zero Daily, and one made of an impossible window, has
// no occurrences.
func TestDailyZero(t *testing.T) {
	var none Daily
	in, next := none.At(0)
	assert.False(t, in)
	assert.Zero(t, next)
	assert.False(t, none.Set())
	for _, w := range [][2]time.Duration{{0, 0}, {0, Day}, {-1, time.Hour}, {Day, time.Hour}} {
		d := NewDaily(time.Unix(0, 0), w[0], w[1])
		assert.False(t, d.Set(), "open %s length %s", w[0], w[1])
	}
}

// TestAddSat: sums saturate at the largest Duration instead of wrapping.
func TestAddSat(t *testing.T) {
	assert.Equal(t, 3*time.Second, AddSat(time.Second, 2*time.Second))
	assert.Equal(t, MaxDuration, AddSat(MaxDuration, 1))
	assert.Equal(t, MaxDuration, AddSat(MaxDuration-1, 1))
	assert.Equal(t, MaxDuration-1, AddSat(MaxDuration-2, 1))
	assert.Equal(t, MaxDuration, AddSat(MaxDuration/2+1, MaxDuration/2+1))
}
