package calendar

import (
	"math/bits"
	"sync/atomic"
	"time"
)

// yearDays is one year of a BusinessDays: bit doy of words is set when the
// zero-based day doy of the year is a business day, and before[w] counts the
// business days in words[:w], so before[6] is the year's total. Rank and
// select are a popcount away, which is what lets Add and Between jump over
// whole years.
//
// zones lists the location's UTC offsets over the year (with two days'
// margin either side), taken from the time package once, so that finding a
// day's first instant or an instant's date needs no further zone lookups.
// A yearDays is immutable once published.
type yearDays struct {
	words  [6]uint64 // 384 bits ≥ 366 days
	before [7]uint16
	jan1   int64        // day number (from 1970-01-01) of 1 January
	zones  []zonePeriod // in time order; zones[0].from is the margin's start
}

// zonePeriod is a stretch of time with one UTC offset, from unix second
// from until the next period's from.
type zonePeriod struct {
	from int64 // unix seconds
	off  int64 // seconds east of UTC
}

// zoneMargin is how far beyond the year zones reaches: more than any UTC
// offset, so it covers every instant whose local date is in the year and
// every instant whose UTC date is.
const zoneMargin = 2 * 86400

// zonePeriodsOf returns the offsets of loc over year y ± zoneMargin. It
// asks time.Time.ZoneBounds where the zone holding an instant ends and
// jumps there: a zone is one offset from its start to its end, so nothing
// between is missed. The ends are not taken for changes of offset, because
// in the rule-based range after 2037 ZoneBounds reports spurious ends near
// the turn of the year: an end where the offset does not change is passed
// over. Where ZoneBounds fails to move forward, or gives no end although
// the zone changes, it falls back to sampling the offset once a day and
// bisecting to the second where it changes (no zone changes its offset
// twice within a day; in tzdata the closest changes are four days apart).
// A year costs a handful of zone lookups, not one per day.
func zonePeriodsOf(y int, loc *time.Location) []zonePeriod {
	lo := unixDays(y, 0)*86400 - zoneMargin
	hi := unixDays(y+1, 0)*86400 + zoneMargin
	offset := func(u int64) int64 {
		_, off := time.Unix(u, 0).In(loc).Zone()
		return int64(off)
	}
	ps := []zonePeriod{{from: lo, off: offset(lo)}}
	if loc == time.UTC {
		return ps
	}
	const step = 86400
	prev := ps[0].off
	for a := lo; a < hi; {
		_, endT := time.Unix(a, 0).In(loc).ZoneBounds()
		if endT.IsZero() {
			return ps // the offset never changes again
		}
		if e := endT.Unix(); e > a {
			if e >= hi {
				return ps
			}
			if off := offset(e); off != prev {
				prev = off
				ps = append(ps, zonePeriod{from: e, off: off})
			}
			a = e
			continue
		}
		// ZoneBounds did not move forward: sample a day on and bisect.
		b := min(a+step, hi)
		if offset(b) == prev {
			a = b
			continue
		}
		for b-a > 1 { // offset(a) == prev != offset(b)
			m := a + (b-a)/2
			if offset(m) == prev {
				a = m
			} else {
				b = m
			}
		}
		prev = offset(b)
		ps = append(ps, zonePeriod{from: b, off: prev})
		a = b
	}
	return ps
}

// offsetAt returns the UTC offset at unix second u, which must be within
// the year ± zoneMargin.
func (yd *yearDays) offsetAt(u int64) int64 {
	i := len(yd.zones) - 1
	for i > 0 && yd.zones[i].from > u {
		i--
	}
	return yd.zones[i].off
}

// start returns the unix second of the first instant of day doy (0..365)
// whose local time is on or after that day's midnight, and whether that
// instant is on that day. Usually it is midnight; where the clocks jump
// over midnight it is the first instant after the jump, where midnight
// happens twice it is the earlier one, and where the clocks skip the whole
// day (Pacific/Apia, 2011-12-30) it is the first instant of a later day
// and ok is false.
func (yd *yearDays) start(doy int) (u int64, ok bool) {
	midnight := (yd.jan1 + int64(doy)) * 86400 // local time, as seconds
	for i, p := range yd.zones {
		// The first instant of period i whose local time is ≥ midnight.
		s := max(p.from, midnight-p.off)
		if i+1 == len(yd.zones) || s < yd.zones[i+1].from {
			return s, s+p.off < midnight+86400
		}
	}
	return 0, false // unreachable: the last period always answers
}

func (yd *yearDays) total() int { return int(yd.before[6]) }

// isSet reports whether day doy (0..365) is a business day.
func (yd *yearDays) isSet(doy int) bool {
	return yd.words[doy>>6]&(1<<(doy&63)) != 0
}

// rank returns the number of business days before day doy, for doy in
// 0..366 (366 or daysIn(y) gives the year's total).
func (yd *yearDays) rank(doy int) int {
	w := doy >> 6 // at most 5: 366 >> 6; words has no bit set past day 365
	return int(yd.before[w]) + bits.OnesCount64(yd.words[w]&(1<<(doy&63)-1))
}

// nth returns the day of the year of the k-th business day of the year,
// for k in 1..total().
func (yd *yearDays) nth(k int) int {
	w := 0
	for int(yd.before[w+1]) < k {
		w++
	}
	k -= int(yd.before[w])
	x := yd.words[w]
	base := w << 6
	for {
		c := bits.OnesCount8(uint8(x))
		if k <= c {
			break
		}
		k -= c
		x >>= 8
		base += 8
	}
	for ; ; k-- {
		tz := bits.TrailingZeros64(x)
		if k == 1 {
			return base + tz
		}
		x &= x - 1
	}
}

// yearChunk is the number of years one lazily allocated cache block holds.
const yearChunk = 128

// yearCache holds the computed years of one BusinessDays. Reads are
// lock-free atomic loads; a missing year is computed under the
// BusinessDays' mutex and then published.
type yearCache struct {
	chunks [(maxYear + yearChunk) / yearChunk]atomic.Pointer[[yearChunk]atomic.Pointer[yearDays]]
}

func (c *yearCache) load(y int) *yearDays {
	ch := c.chunks[y/yearChunk].Load()
	if ch == nil {
		return nil
	}
	return ch[y%yearChunk].Load()
}

func (c *yearCache) store(y int, yd *yearDays) {
	slot := &c.chunks[y/yearChunk]
	ch := slot.Load()
	if ch == nil {
		ch = new([yearChunk]atomic.Pointer[yearDays])
		slot.Store(ch) // only ever called under the BusinessDays' mutex
	}
	ch[y%yearChunk].Store(yd)
}

// year returns the business days of year y (minYear..maxYear), computing
// and caching them on first use.
func (b *BusinessDays) year(y int) *yearDays {
	if yd := b.cache.load(y); yd != nil {
		return yd
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if yd := b.cache.load(y); yd != nil {
		return yd
	}
	yd := b.computeYear(y)
	b.cache.store(y, yd)
	return yd
}

// computeYear builds year y: every day that is not a weekend day, not a
// holiday and not skipped by the location's clocks.
func (b *BusinessDays) computeYear(y int) *yearDays {
	loc := b.location()
	yd := &yearDays{jan1: unixDays(y, 0), zones: zonePeriodsOf(y, loc)}
	n := daysIn(y)
	wd := int(time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC).Weekday())
	weekend := b.weekendMask()
	for doy := range n {
		if weekend&(1<<((wd+doy)%7)) != 0 {
			continue
		}
		if _, ok := yd.start(doy); ok {
			yd.words[doy>>6] |= 1 << (doy & 63)
		}
	}
	switch src := b.src.(type) {
	case nil:
	case *Holidays:
		src.holidaysIn(y, func(doy int) {
			if doy >= 0 && doy < n {
				yd.words[doy>>6] &^= 1 << (doy & 63)
			}
		})
	default:
		for doy := range n {
			if !yd.isSet(doy) {
				continue
			}
			u, _ := yd.start(doy)
			if src.IsHoliday(time.Unix(u, 0).In(loc)) {
				yd.words[doy>>6] &^= 1 << (doy & 63)
			}
		}
	}
	for w := range 6 {
		yd.before[w+1] = yd.before[w] + uint16(bits.OnesCount64(yd.words[w]))
	}
	return yd
}

// dayOf returns the year and zero-based day of the year of t's calendar
// date in b's location. Within years 1..9999 it reads the offset from the
// cached year instead of asking the time package.
func (b *BusinessDays) dayOf(t time.Time) (int, int) {
	if u := t.Unix(); u >= minUnix && u < maxUnix {
		y, _ := civil(floorDiv(u, 86400)) // t's year in UTC
		yd := b.year(y)
		doy := int(floorDiv(u+yd.offsetAt(u), 86400) - yd.jan1) // local date, within a day of UTC's
		switch {
		case doy < 0:
			y--
			doy += daysIn(y)
		case doy >= daysIn(y):
			doy -= daysIn(y)
			y++
		}
		return y, doy
	}
	return dateOf(t, b.location())
}

// minUnix and maxUnix bound the instants dayOf handles itself: UTC years
// 1..9999, where day numbers stay in civil's range.
var (
	minUnix = unixDays(minYear, 0)*86400 + zoneMargin
	maxUnix = unixDays(maxYear+1, 0)*86400 - zoneMargin
)

// startTime returns the first instant of day doy of year y (in range) in
// loc, as a time.Time in loc, and whether the day exists.
func (b *BusinessDays) startTime(y, doy int) (time.Time, bool) {
	u, ok := b.year(y).start(doy)
	return time.Unix(u, 0).In(b.location()), ok
}
