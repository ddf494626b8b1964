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
// whole years. A yearDays is immutable once published.
type yearDays struct {
	words  [6]uint64 // 384 bits ≥ 366 days
	before [7]uint16
}

func (yd *yearDays) total() int { return int(yd.before[6]) }

// isSet reports whether day doy (0..365) is a business day.
func (yd *yearDays) isSet(doy int) bool {
	return yd.words[doy>>6]&(1<<(doy&63)) != 0
}

// rank returns the number of business days before day doy, for doy in
// 0..366 (366 or daysIn(y) gives the year's total).
func (yd *yearDays) rank(doy int) int {
	w := doy >> 6
	if w >= 6 {
		return yd.total()
	}
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
	yd := new(yearDays)
	n := daysIn(y)
	wd := int(time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC).Weekday())
	weekend := b.weekendMask()
	for doy := range n {
		if weekend&(1<<((wd+doy)%7)) == 0 {
			yd.words[doy>>6] |= 1 << (doy & 63)
		}
	}
	off := func(doy int) {
		if doy >= 0 && doy < n {
			yd.words[doy>>6] &^= 1 << (doy & 63)
		}
	}
	loc := b.location()
	switch src := b.src.(type) {
	case nil:
	case *calHolidays:
		src.holidaysIn(y, off)
	default:
		for doy := range n {
			if !yd.isSet(doy) {
				continue
			}
			if start, ok := yearDayStart(y, doy, loc); ok && src.IsHoliday(start) {
				off(doy)
			}
		}
	}
	skippedDays(y, loc, off)
	for w := range 6 {
		yd.before[w+1] = yd.before[w] + uint16(bits.OnesCount64(yd.words[w]))
	}
	return yd
}
