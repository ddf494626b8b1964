package sla

import (
	"cmp"
	"errors"
	"math"
	"math/big"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

// Part is a piece of outage time inside the assessed span with the one
// Reason it is attributed to: ReasonCounted ("") for Downtime, otherwise
// why it did not count. Parts never overlap. The zero Part is an empty
// counted part, never produced by Assess. Part is a value type, safe for
// concurrent use.
type Part struct {
	Span   calendar.Span // [Start, End), in the month's location
	Reason Reason        // ReasonCounted for Downtime
}

// Assessment is one month's result: every nanosecond of the month (or of
// its subscribed part, see Period.Subscribed) accounted for, the Monthly
// Uptime Percentage and the credit.
//
// Total = Up + Downtime + the sum of Excluded, exactly. Excluded is a new
// map for every assessment, holding only reasons with time attributed to
// them; treat it as read-only (use ExcludedTotal and Parts for statements).
// An Assessment remembers its policy's credit cap and currency places for
// CreditAmount. The zero Assessment is an empty month with no credit;
// CreditAmount treats it as having a cap of 100 % and 2 currency places.
// Assessment is a value; when not modified it is safe for concurrent use.
type Assessment struct {
	Month    calendar.Month
	Total    time.Duration            // the whole month, or its subscribed part
	Downtime time.Duration            // what counts against the level, after Resolution
	Up       time.Duration            // no outage at all (less any Rounding)
	Excluded map[Reason]time.Duration // outage time that did not count, by reason; read-only
	Uptime   decimal.Decimal          // Monthly Uptime Percentage, see UptimePercent
	Credit   decimal.Decimal          // percent of the fee, 0 when the level is met

	// Met reports whether the uptime is at least the policy's Level,
	// exactly. A month can miss the level and earn no credit when the
	// level is above the first tier's Below.
	Met bool
	// Rounding is the time Resolution added to Downtime: each counted
	// period rounded up to a whole multiple of the policy's Resolution,
	// taken from Up and never more than Up, so that the accounting
	// identity holds exactly. 0 with exact resolution.
	Rounding time.Duration

	// Assessed is the span measured, in the month's location: the whole
	// month, or the part of it the customer was subscribed.
	Assessed calendar.Span
	// Users is the accounting in user-time when the policy measures
	// user-minutes, and nil when it measures minutes. Uptime, Credit and
	// Met then come from it; Total, Downtime, Up, Excluded, Parts and
	// Periods still account for elapsed time.
	Users *UserTime

	money money // the policy's cap and places, for CreditAmount

	// parts is every outage moment, compact: offsets from Assessed.Start
	// and a reason code, so that an assessment holds no pointers per part
	// (see Parts); periods is how many of them are counted downtime.
	parts   []compactPart
	periods int
}

// ExcludedTotal returns the sum of Excluded: all outage time that did not
// count.
func (a Assessment) ExcludedTotal() time.Duration {
	var sum time.Duration
	for _, d := range a.Excluded {
		sum += d
	}
	return sum
}

// Reasons returns the reasons under which p may exclude outage time, in the
// order a moment that several rules exclude is attributed: ReasonWindow,
// ReasonNotice, each excluded cause in the policy's order, then
// ReasonIntermittent. A statement can list Assessment.Excluded in this
// order.
func (p Policy) Reasons() []Reason {
	out := make([]Reason, 0, len(p.ExcludedCauses)+3)
	out = append(out, ReasonWindow, ReasonNotice)
	for _, c := range p.ExcludedCauses {
		out = append(out, c.Reason())
	}
	return append(out, ReasonIntermittent)
}

// Assess measures one month under p: which outage time counts as Downtime,
// the Monthly Uptime Percentage and the credit percentage.
//
// It first validates p and the period and reports every problem at once
// (errors.Join): p's errors wrap ErrInvalidPolicy; a zero Month, an outage
// or notice ending before it starts, a notice announced after its
// maintenance began, or an outage cause not in Causes wrap ErrInvalidPeriod
// and name the item ("outages[3]: ..."). Outages and notices outside the
// month are not errors; they are ignored. With Period.Subscribed set, only
// the subscribed part of the month is assessed, as if it were the whole
// month; a Subscribed span with no instant in the month is an error
// (wrapping ErrInvalidPeriod and ErrNotSubscribed).
//
// Then, within the month (half-open, in its location):
//  1. Outages are clipped to the month and merged: overlapping reports
//     count once.
//  2. Every moment of outage is attributed to exactly one reason, the
//     first that applies of: ReasonWindow (inside an occurrence of the
//     period's Window; with WindowNeedsNotice, only where a notice that
//     meets NoticeLead also covers it); ReasonNotice (inside the span of a
//     notice announced at least NoticeLead before it began; exactly
//     NoticeLead counts); each cause of ExcludedCauses in the policy's
//     order (inside an outage with that cause, even if an outage that
//     counts covers the same moment: excluded once, never counted twice).
//     Maintenance that runs past its window or notice leaves the overrun
//     to the rules after it.
//  3. Each contiguous period left is ReasonIntermittent when it lasts at
//     most IntermittentLimit (inclusive) or less than MinimumPeriod, and
//     Downtime otherwise. Periods
//     are cut at the month's edges, so an outage that crosses a month
//     boundary is measured in each month on its own.
//  4. With a Resolution above 0, each Downtime period is rounded up to a
//     whole multiple of it; the added time (Rounding) is taken from Up,
//     and never more than Up, so Total = Up + Downtime + Σ Excluded stays
//     exact.
//
// Uptime is UptimePercent(Total, Downtime); Credit is the exact tier
// choice of CreditPercent. For a policy that measures user-minutes each
// moment weighs the users it affects (see Outage.Users) and the uptime
// and credit come from Assessment.Users instead; every rule above is
// unchanged, and the added Rounding of a period weighs the most users
// affected in that period. Assess never reads the clock. It sorts the
// outages and the notices once and then sweeps them in one pass, finding
// window occurrences by arithmetic as it goes (they repeat every 24 hours
// of UTC): O(n log n) for n outages and notices, plus O(1) per occurrence
// touched, never a walk over minutes or days. A month with a few outages
// allocates little beyond its result: its parts (three words each, no
// pointers; Parts and Periods build the time values when asked), Excluded
// and the Uptime decimal.
func (p Policy) Assess(per Period) (Assessment, error) {
	if err := errors.Join(p.Validate(), per.validate(p.byUsers())); err != nil {
		return Assessment{}, err
	}
	month := per.assessed() // in the month's location
	total := month.Duration()

	// Clip the outages to the month and rank each by the policy: the
	// index of its cause in ExcludedCauses, or len(ExcludedCauses) when
	// it counts. Sorting them by start is the one O(n log n) step. The
	// sweep works on offsets from the month's start, exact integers that
	// sort and compare faster than times; month.Start.Add turns them back
	// into the very times clipping would give (in loc, no monotonic
	// reading).
	counts := len(p.ExcludedCauses)
	var itemBuf [16]ranked // a usual month's outages, without allocating
	items := slices.Grow(itemBuf[:0], len(per.Outages))
	for _, o := range per.Outages {
		start, end, ok := offsets(o.Span, month)
		if !ok {
			continue
		}
		rank := counts
		if o.Cause != "" {
			if k := p.excludes(o.Cause); k >= 0 {
				rank = k
			}
		}
		users := int64(o.Users)
		if users == 0 {
			users = int64(per.Users)
		}
		items = append(items, ranked{start: start, end: end, rank: rank, users: users})
	}
	sortByStart(items)

	var buf [8]offsetSpan // the announced notices of a usual month, without allocating
	announced := buf[:0]
	for _, n := range per.Notices {
		if !p.ScheduledDowntime.Announced(n) {
			continue
		}
		if start, end, ok := offsets(n.Span, month); ok {
			announced = append(announced, offsetSpan{start, end})
		}
	}

	base := month.Start
	// The notices' cursor stays out of the builder so that buf, which
	// it points to, can stay on the stack.
	notices := spanCursor{spans: mergeSpans(announced)}
	b := builder{
		policy: p,
		window: newWindowCursor(per.Window, base),
	}
	weighted := p.byUsers()
	if weighted {
		b.user = &userSums{excluded: make([]big.Int, counts+3)}
	}
	var active maxUsers // the outages that may cover t, most users first (weighted only)
	// Sweep the sorted outages. ends[k] is the latest end of the outages
	// of rank k seen so far; at instant t the outages of rank k cover t
	// exactly when ends[k] is after t, because every outage seen starts
	// at or before t. Between two events (an outage's start, the end of
	// the top rank) the top rank is constant, so each step hands the
	// builder one segment.
	// Every end is above 0 (an item ends after it starts, at or after
	// the month's start), so 0 stands for "no outage of that rank yet".
	var endsBuf [len(knownCauses) + 1]time.Duration // a valid policy excludes each known cause at most once
	ends := endsBuf[:counts+1]
	var t time.Duration
	for i := 0; ; {
		if top(ends, t) < 0 {
			if i == len(items) {
				break
			}
			t = items[i].start
		}
		for ; i < len(items) && items[i].start <= t; i++ {
			it := items[i]
			ends[it.rank] = max(ends[it.rank], it.end)
			if weighted {
				active.push(it.end, it.users)
			}
		}
		k := top(ends, t)
		next := ends[k]
		if i < len(items) {
			next = min(next, items[i].start)
		}
		var users int64
		if weighted {
			// The moment weighs the most users of the outages covering
			// it, until that outage ends or another starts.
			end, ok := active.top(t)
			users = active.users()
			if ok {
				next = min(next, end)
			}
		}
		b.segment(&notices, t, next, k, users)
		t = next
	}
	b.flush()

	up := total - b.outage
	rounding := min(b.rounding, up)
	downtime := b.down + rounding
	up -= rounding

	parts := b.result()
	excluded := make(map[Reason]time.Duration)
	for kind, d := range b.excluded[:counts+3] {
		if d > 0 {
			excluded[b.reason(kind)] = d
		}
	}
	// total is above 0: a month always is, and validate made sure that
	// a Subscribed span shares an instant with it.
	var users *UserTime
	var uptime, credit decimal.Decimal
	var met bool
	if weighted {
		users = b.userTime(per.Users, total)
		uptime, credit, met = p.judge(users.total, users.down)
	} else {
		t, d := uint64(total), uint64(downtime) // 0 <= downtime <= total
		uptime, credit, met = uptimeInt(t, d), p.creditInt(t, d), p.meetsInt(t, d)
	}
	return Assessment{
		Month:    per.Month,
		Total:    total,
		Downtime: downtime,
		Up:       up,
		Excluded: excluded,
		Uptime:   uptime,
		Credit:   credit,
		Met:      met,
		Users:    users,
		Rounding: rounding,
		Assessed: month,
		money:    p.money(),
		parts:    parts,
		periods:  b.periods,
	}, nil
}

// ranked is an outage clipped to the month, as offsets from the month's
// start, with its rank: the index of its cause in the policy's
// ExcludedCauses, or len(ExcludedCauses) when it counts. It holds no
// pointers, so sorting moves plain words.
type ranked struct {
	start, end time.Duration // [start, end) from the month's start, 0 <= start < end
	rank       int
	users      int64 // users affected, for user-minutes
}

// sortByStart sorts items by start. Items with equal starts may end up in
// any order; the sweep takes them together. (slices.SortFunc sorts a
// dozen items or fewer by insertion, so a usual month pays no more.)
func sortByStart(items []ranked) {
	slices.SortFunc(items, func(a, b ranked) int { return cmp.Compare(a.start, b.start) })
}

// offsets returns the part of s inside within as offsets from
// within.Start, and false when they share no instant: calendar.Span's
// Intersect, then the distance from within.Start.
func offsets(s, within calendar.Span) (start, end time.Duration, ok bool) {
	a, z := s.Start, s.End
	if within.Start.After(a) {
		a = within.Start
	}
	if within.End.Before(z) {
		z = within.End
	}
	if !z.After(a) {
		return 0, 0, false
	}
	return since(a, within.Start), since(z, within.Start), true
}

// since returns t − base by the wall clock, exactly when the difference
// fits a time.Duration (any two instants of one month do): t.Sub(base)
// without Sub's overflow check, which costs an Add and an Equal. Unix
// seconds may wrap for instants near the ends of time.Time's range, but
// their difference is still exact modulo 2^64, so the result is too.
func since(t, base time.Time) time.Duration {
	return time.Duration(t.Unix()-base.Unix())*time.Second + time.Duration(t.Nanosecond()-base.Nanosecond())
}

// top returns the smallest rank whose outages cover t, or -1.
func top(ends []time.Duration, t time.Duration) int {
	for k, e := range ends {
		if e > t {
			return k
		}
	}
	return -1
}

// builder turns the sweep's segments into parts, attributing each instant
// to the window, a notice, a cause, or the rest, and then applies the
// intermittent rule and the resolution to each contiguous run of the rest.
//
// A piece's kind is kindWindow, kindNotice, a cause's rank
// (0..len(ExcludedCauses)-1) or the rest (len(ExcludedCauses)).
//
// It works on offsets from the month's start throughout; the Assessment
// keeps the parts that way too (see compactPart).
type builder struct {
	policy Policy
	window windowCursor

	pending     offsetSpan // the piece being extended, when pendingSet
	pendingKind int
	pendingSet  bool

	// excluded holds excluded time by slot: the causes' ranks, then
	// intermittent, window and notice (see reason and slot). A valid
	// policy has at most len(knownCauses) causes.
	excluded [len(knownCauses) + 3]time.Duration
	outage   time.Duration // all outage time in the month
	down     time.Duration // counted downtime, exact
	periods  int           // how many parts are counted downtime
	rounding time.Duration // what Resolution adds, before the cap at Up
	user     *userSums     // user-time, for user-minutes; nil otherwise

	// The parts: the first ones in small, kept in the builder (on the
	// stack) so that a usual month allocates them once at their exact
	// length; beyond that in parts, which then holds them all.
	small  [16]compactPart
	nsmall int
	parts  []compactPart

	// causeCode[k] is the reasonCode of ExcludedCauses[k] plus one, 0
	// until it is first needed.
	causeCode [len(knownCauses)]reasonCode
}

// Piece kinds besides the cause ranks 0..len(ExcludedCauses)-1.
const (
	kindWindow = -2
	kindNotice = -1
)

// kindRest is the rank of outages that count, and the kind of pieces that
// are left after the window, the notices and the causes.
func (b *builder) kindRest() int { return len(b.policy.ExcludedCauses) }

// reason returns the Reason of slot i of b.excluded: the causes in the
// policy's order, then intermittent, window and notice.
func (b *builder) reason(i int) Reason { return b.code(i).reason() }

// code returns the reasonCode of slot i of b.excluded (see reason).
func (b *builder) code(i int) reasonCode {
	n := len(b.policy.ExcludedCauses)
	switch {
	case i < n:
		if b.causeCode[i] == 0 {
			b.causeCode[i] = codeOf(b.policy.ExcludedCauses[i].Reason()) + 1
		}
		return b.causeCode[i] - 1
	case i == n:
		return codeIntermittent
	case i == n+1:
		return codeWindow
	default:
		return codeNotice
	}
}

// slot returns the slot of b.excluded for an excluded piece kind; the
// rest's kind is the intermittent slot.
func (b *builder) slot(kind int) int {
	switch kind {
	case kindWindow:
		return len(b.policy.ExcludedCauses) + 1
	case kindNotice:
		return len(b.policy.ExcludedCauses) + 2
	}
	return kind
}

// segment takes [a, end), covered by outages whose top rank is rank, and
// splits it where the window or a notice (of the announced notices'
// cursor) starts or ends.
func (b *builder) segment(notices *spanCursor, a, end time.Duration, rank int, users int64) {
	for a < end {
		stop := end
		inW, nextW, okW := b.window.at(a)
		if okW {
			stop = min(stop, nextW)
		}
		inN, nextN, okN := notices.at(a)
		if okN {
			stop = min(stop, nextN)
		}
		kind := rank
		switch b.policy.ScheduledDowntime.By(inW, inN) {
		case maintenance.ByWindow:
			kind = kindWindow
		case maintenance.ByNotice:
			kind = kindNotice
		}
		b.piece(offsetSpan{a, stop}, kind, users)
		a = stop
	}
}

// piece adds s, not empty, of kind, joining it to the pending piece when
// they touch and share a kind.
func (b *builder) piece(s offsetSpan, kind int, users int64) {
	d := s.end - s.start
	b.outage += d
	join := b.pendingSet && b.pendingKind == kind && b.pending.end == s.start
	if join {
		b.pending.end = s.end
	} else {
		b.flush()
		b.pending, b.pendingKind, b.pendingSet = s, kind, true
	}
	if b.user != nil {
		b.user.piece(d, users, join)
	}
}

// flush records the pending piece: excluded time by reason, or for the
// rest, intermittent or counted by its length.
func (b *builder) flush() {
	if !b.pendingSet {
		return
	}
	b.pendingSet = false
	s, kind := b.pending, b.pendingKind
	d := s.end - s.start
	if kind == b.kindRest() {
		if d <= b.policy.IntermittentLimit || d < b.policy.MinimumPeriod {
			b.excluded[b.slot(kind)] += d // the intermittent slot
			b.part(s, codeIntermittent)
			b.user.flush(b.slot(kind), 0)
			return
		}
		b.down += d
		b.periods++
		var extra time.Duration
		if res := b.policy.Resolution; res > 0 {
			extra = roundUp(d, res) - d
			b.rounding = addSat(b.rounding, extra)
		}
		b.part(s, codeCounted)
		b.user.flush(-1, extra)
		return
	}
	i := b.slot(kind)
	b.excluded[i] += d
	b.part(s, b.code(i))
	b.user.flush(i, 0)
}

// part records s as a part with reason code c.
func (b *builder) part(s offsetSpan, c reasonCode) {
	cp := compactPart{start: s.start, end: s.end, code: c}
	if b.parts == nil {
		if b.nsmall < len(b.small) {
			b.small[b.nsmall] = cp
			b.nsmall++
			return
		}
		b.parts = slices.Clone(b.small[:]) // small is full: append grows the copy
	}
	b.parts = append(b.parts, cp)
}

// result returns the parts, in a new slice that is never nil.
func (b *builder) result() []compactPart {
	if b.parts == nil {
		return append(make([]compactPart, 0, b.nsmall), b.small[:b.nsmall]...)
	}
	return b.parts
}

// offsetSpan is a span [start, end) as offsets from the month's start.
type offsetSpan struct{ start, end time.Duration }

// mergeSpans sorts spans by start in place and merges those that overlap
// or touch, returning the merged prefix: sorted, disjoint, non-empty
// spans, as calendar.NewSpanSet would hold them. The spans must be
// non-empty.
func mergeSpans(spans []offsetSpan) []offsetSpan {
	if len(spans) == 0 {
		return nil
	}
	slices.SortFunc(spans, func(a, b offsetSpan) int { return cmp.Compare(a.start, b.start) })
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.start <= last.end { // overlaps or touches
			last.end = max(last.end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// day is the period of a maintenance window's occurrences.
const day = 24 * time.Hour

// windowCursor answers, for non-decreasing offsets from the month's
// start, whether an instant is inside an occurrence of a window and when
// that changes, in O(1) each. A Window opens at the same time of every
// UTC day for the same Duration, under a day (maintenance.Window's Start
// and Duration), and a UTC day is exactly 24 hours in package time, so
// its occurrences are the one Window.Next(month's start) would return
// shifted by whole days, all found by arithmetic. The zero windowCursor
// has no window.
type windowCursor struct {
	set        bool          // there is a window
	first      time.Duration // where an occurrence opens, before the month's start
	length     time.Duration // each occurrence's Duration, under a day
	start, end time.Duration // the occurrence containing or following the last offset; 0, 0 before the first
}

// newWindowCursor returns the cursor for w over offsets from base, or the
// zero cursor for the zero Window. Its first occurrence is the one opening
// on the UTC day before base's: it opens before base (a window opens less
// than a day after its UTC midnight), which is all at needs. The cursor
// starts with no current occurrence (start = end = 0), so the first call
// to at finds the one containing or following its offset, as Window.Next
// would. TestWindowCursorMatchesNext checks it against Next.
func newWindowCursor(w maintenance.Window, base time.Time) windowCursor {
	if w.IsZero() {
		return windowCursor{}
	}
	const secondsADay = int64(day / time.Second)
	// Seconds since base's UTC midnight, in 0..86399 also before 1970,
	// where Go's % leaves a negative remainder.
	tod := (base.Unix()%secondsADay + secondsADay) % secondsADay
	midnight := -(time.Duration(tod)*time.Second + time.Duration(base.Nanosecond())) // base's UTC midnight, as an offset: at most 0
	return windowCursor{set: true, first: midnight - day + w.Start(), length: w.Duration()}
}

// at reports whether offset t (0 or more, and not before the last one) is
// inside an occurrence and the next offset at which that changes; ok is
// false when it never changes (no window).
func (c *windowCursor) at(t time.Duration) (in bool, next time.Duration, ok bool) {
	if !c.set {
		return false, 0, false
	}
	if t >= c.end {
		// t is past the current occurrence (or there is none yet) and
		// after first: the occurrence opening at or before t is whole
		// days j after first, and when t is past its end the next one, a
		// day later, follows t.
		j := (t - c.first) / day
		c.start = c.first + j*day
		c.end = c.start + c.length
		if t >= c.end {
			c.start += day
			c.end += day
		}
	}
	if c.start > t {
		return false, c.start, true
	}
	return true, c.end, true
}

// spanCursor is windowCursor for sorted, disjoint spans.
type spanCursor struct {
	spans []offsetSpan
	i     int
}

// at reports whether t is inside one of the spans and the next offset at
// which that changes; ok is false when it never changes again.
func (c *spanCursor) at(t time.Duration) (in bool, next time.Duration, ok bool) {
	for c.i < len(c.spans) && c.spans[c.i].end <= t {
		c.i++
	}
	if c.i == len(c.spans) {
		return false, 0, false
	}
	if s := c.spans[c.i]; s.start > t {
		return false, s.start, true
	}
	return true, c.spans[c.i].end, true
}

// addSat returns a+b for non-negative durations, saturating at the largest
// time.Duration.
func addSat(a, b time.Duration) time.Duration {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

// roundUp returns d rounded up to a whole multiple of res, both above 0,
// for d no longer than a month; the result minus d is below res, so it
// never overflows.
func roundUp(d, res time.Duration) time.Duration {
	if r := d % res; r != 0 {
		return d - r + res
	}
	return d
}
