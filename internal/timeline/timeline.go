// Package timeline holds the two pieces of time arithmetic that several
// packages of this module stand on and that are implementation details:
// saturating addition of durations, and the one cursor over the
// occurrences of something that recurs every 24 hours of UTC (a
// maintenance window), which maintenance.Window's occurrences and the SLA
// assessment both walk.
package timeline

import (
	"math"
	"time"
)

// Day is the period of a daily occurrence. A UTC day is exactly 24 hours
// in package time (there are no leap seconds), so occurrences repeat by
// adding Day.
const Day = 24 * time.Hour

// MaxDuration is the largest time.Duration; sums saturate at it.
const MaxDuration = time.Duration(math.MaxInt64)

// AddSat returns a+b for non-negative durations, saturating at
// MaxDuration instead of overflowing.
func AddSat(a, b time.Duration) time.Duration {
	if a > MaxDuration-b {
		return MaxDuration
	}
	return a + b
}

// Daily walks, forward, the occurrences of something that opens Open
// after every UTC midnight and lasts Length, half-open [open, open +
// Length), as offsets from a base instant: the occurrence that opens on
// the UTC day of some instant is found by arithmetic on that instant's
// Unix seconds, and every later one is a whole number of days after it.
// Offsets are time.Durations, so a cursor serves about 292 years after its
// base; callers walking longer spans start a new cursor.
//
// The zero Daily has no occurrences (Set reports false). A Daily is a
// small value; its methods on a pointer advance it, so it is not safe for
// concurrent use.
type Daily struct {
	set        bool          // there are occurrences
	first      time.Duration // the opening of the occurrence that opens on the UTC day before base's: at most 0
	length     time.Duration // each occurrence's length, in (0, Day)
	start, end time.Duration // the occurrence found last; 0, 0 before the first call
}

// NewDaily returns the cursor of the occurrences opening open after each
// UTC midnight (0 <= open < Day) and lasting length (0 < length < Day),
// as offsets from base. A length outside that range gives the zero Daily.
func NewDaily(base time.Time, open, length time.Duration) Daily {
	if length <= 0 || length >= Day || open < 0 || open >= Day {
		return Daily{}
	}
	const secondsADay = int64(Day / time.Second)
	// Seconds since base's UTC midnight, in 0..86399 also before 1970,
	// where Go's % leaves a negative remainder.
	tod := (base.Unix()%secondsADay + secondsADay) % secondsADay
	midnight := -(time.Duration(tod)*time.Second + time.Duration(base.Nanosecond())) // base's UTC midnight, as an offset: at most 0
	return Daily{set: true, first: midnight - Day + open, length: length}
}

// Set reports whether d has occurrences.
func (d *Daily) Set() bool { return d.set }

// Next returns the occurrence that contains offset t, or else the first
// that opens after t, as offsets [start, end). t must not be before
// the offset of the cursor's last call, and not before the first
// occurrence that opens on the UTC day before base's (any t >= 0 is). The
// occurrence containing offset 0 may start before 0.
func (d *Daily) Next(t time.Duration) (start, end time.Duration) {
	if t >= d.end {
		// t is past the current occurrence (or there is none yet) and
		// after first: the occurrence opening at or before t is whole
		// days j after first, and when t is past its end the next one, a
		// day later, follows t.
		j := (t - d.first) / Day
		d.start = d.first + j*Day
		d.end = d.start + d.length
		if t >= d.end {
			d.start += Day
			d.end += Day
		}
	}
	return d.start, d.end
}

// At reports whether offset t is inside an occurrence and the next offset
// at which that changes, under the same rule for t as Next. It is false,
// 0 for the zero Daily, which never changes.
func (d *Daily) At(t time.Duration) (in bool, next time.Duration) {
	if !d.set {
		return false, 0
	}
	start, end := d.Next(t)
	if start > t {
		return false, start
	}
	return true, end
}
