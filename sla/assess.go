package sla

import (
	"cmp"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/calendar"
	timelinepkg "github.com/slapolicy/slapolicy/internal/timeline"
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
	// Rounding is the time Resolution changed Downtime by: each counted
	// period rounded to a whole multiple of the policy's Resolution. Up
	// (the default) it is positive, taken from Up and never more than Up;
	// down (ResolutionRounding RoundDown) it is negative, the partial
	// units given back to Up. Either way the accounting identity holds
	// exactly. 0 with exact resolution.
	Rounding time.Duration

	// Assessed is the span measured, in the month's location: the whole
	// month, or the part of it the customer was subscribed.
	Assessed calendar.Span
	// Outside counts the period's outages and notices that lie wholly
	// outside Assessed. They count for nothing here (an outage just past
	// the month's edge only lengthens the period it belongs to), and are
	// not an error: a caller may pass a quarter's outages to each month.
	// A caller who expected them to count, having passed another month's
	// data, finds out here.
	Outside Outside
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
// It first validates p and the period and reports every problem at once,
// as a calendar.ErrorList: p's problems wrap ErrInvalidPolicy; a zero
// Month, an outage or notice ending before it starts, a notice announced
// after its maintenance began, or an outage cause not in Causes wrap
// ErrInvalidPeriod and name the item ("outages[3]: ..."). Outages and
// notices outside the month are not errors; they are ignored. With
// Period.Subscribed set, only the subscribed part of the month is
// assessed, as if it were the whole month; a Subscribed span with no
// instant in the month is an error (wrapping ErrInvalidPeriod and
// ErrNotSubscribed).
//
// Then, within the month (half-open, in its location):
//  1. Outages are clipped to the month and merged: overlapping reports
//     count once.
//  2. Every moment of outage is attributed to exactly one reason, the
//     first that applies of: ReasonWindow and ReasonNotice, as the
//     policy's ScheduledDowntime rule attributes the moment (inside an
//     occurrence of the period's Window; inside the span of a notice
//     announced at least NoticeLead before it began, exactly NoticeLead
//     counting; a moment both cover is the window's, and with
//     WindowNeedsNotice window time needs the notice too); then each cause
//     of ExcludedCauses in the policy's order (inside an outage with that
//     cause, even if an outage that counts covers the same moment:
//     excluded once, never counted twice). Maintenance that runs past its
//     window or notice leaves the overrun to the rules after it.
//  3. Each contiguous period left is ReasonIntermittent when it lasts at
//     most IntermittentLimit (inclusive) or less than MinimumPeriod, and
//     Downtime otherwise. A period is judged on the whole timeline, not
//     cut at the month's edges: an outage from 23:55 on the month's last
//     day to 00:30 on the next month's first is one 35-minute period, so
//     this month counts its 5 minutes and the next its 30; one from 23:58
//     to 00:05 is a 7-minute period, intermittent in both. (So pass
//     outages as they happened: a caller who clips them to the month
//     first loses this.) A subscription's own start or end (Subscribed)
//     does cut a period: time outside it is not the customer's. Each month
//     accounts only for its own part.
//  4. With a Resolution above 0, each Downtime period is rounded to a
//     whole multiple of it, up (the default: the added time, Rounding, is
//     taken from Up, and never more than Up) or down (RoundDown: the
//     partial unit is given back to Up), so Total = Up + Downtime + Σ
//     Excluded stays exact.
//
// Uptime is UptimePercent(Total, Downtime); Credit is the exact tier
// choice of CreditPercent. For a policy that measures user-minutes each
// moment weighs the users it affects (see Outage.Users) and the uptime
// and credit come from Assessment.Users instead; every rule above is
// unchanged, and the added Rounding of a period weighs the most users
// affected in that period. Assess never reads the clock.
//
// Assess validates p on every call; to assess many months under one
// policy, Compile it once and call Compiled.Assess, which gives the same
// answers.
func (p Policy) Assess(per Period) (Assessment, error) {
	var c Compiled
	var errs calendar.ErrorList
	errs.Add(c.init(p))
	errs.Add(per.validate(p.byUsers()))
	if err := errs.Err(); err != nil {
		return Assessment{}, err
	}
	return c.assess(&per), nil
}

// Assess is Policy.Assess for the compiled policy: the same validation of
// the period, the same rules and the same answers, without validating the
// policy again. It is safe to call from many goroutines at once.
func (c *Compiled) Assess(per Period) (Assessment, error) {
	if err := per.validate(c.p.byUsers()); err != nil {
		return Assessment{}, err
	}
	return c.assess(&per), nil
}

// assess measures a valid period under the compiled policy.
//
// It sorts the outages once and then sweeps them in one pass, finding
// window occurrences by arithmetic as it goes (timeline.Daily):
// O(n log n) for n outages and notices, plus O(1) per occurrence touched,
// never a walk over minutes or days.
func (c *Compiled) assess(per *Period) Assessment {
	p := &c.p
	whole := per.Month.Span() // in the month's location
	month := per.assessedOf(whole)
	total := month.Duration()

	// The intermittent rule judges each period on the whole timeline, not
	// cut at the month's edges: an outage from 23:55 on the last day to
	// 00:30 on the first of the next month is one 35-minute period in
	// both. Only its length up to the rule's limits matters, so the sweep
	// reaches that far past each edge of the assessed span that is an
	// edge of the month (a subscription's own start or end cuts periods:
	// time outside it is not the customer's). A period that reaches
	// further is longer than both limits whatever it holds beyond.
	reach := max(p.IntermittentLimit, p.MinimumPeriod)
	timeline := month
	if month.Start.Equal(whole.Start) {
		timeline.Start = month.Start.Add(-reach)
	}
	if month.End.Equal(whole.End) {
		timeline.End = month.End.Add(reach)
	}
	base := timeline.Start

	// Clip the outages to the timeline and rank each by the policy: the
	// index of its cause in ExcludedCauses, or len(ExcludedCauses) when
	// it counts. Sorting them by start is the one O(n log n) step. The
	// sweep works on offsets from the timeline's start, exact integers
	// that sort and compare faster than times; base.Add turns them back
	// into the very times clipping would give (in loc, no monotonic
	// reading).
	counts := len(p.ExcludedCauses)
	var itemBuf [smallMonth]ranked // a usual month's outages, without allocating
	items := slices.Grow(itemBuf[:0], len(per.Outages))
	var outside Outside
	from, to := since(month.Start, base), since(month.End, base)
	for i := range per.Outages {
		o := &per.Outages[i]
		in, ok := o.Span.Intersect(timeline)
		if !ok {
			if !o.Span.Start.Before(month.End) || !o.Span.End.After(month.Start) {
				outside.Outages++ // an empty outage inside the month is not outside it
			}
			continue
		}
		start, end := since(in.Start, base), since(in.End, base)
		if start >= to || end <= from {
			// The timeline holds the month, so this is the outage
			// starting at or after the month's end or ending at or
			// before its start.
			outside.Outages++
		}
		rank := counts
		if k, ok := c.rank(o.Cause); ok {
			rank = k
		}
		users := int64(o.Users)
		if users == 0 {
			users = int64(per.Users)
		}
		items = append(items, ranked{start: start, end: end, rank: rank, users: users})
	}
	sortRanked(items)

	// The announced notices, merged (calendar.Merge, the merge of span
	// sets) and clipped to the timeline, as offsets.
	var spanBuf [8]calendar.Span
	spans := spanBuf[:0]
	for _, n := range per.Notices {
		if !n.Span.Start.Before(month.End) || !n.Span.End.After(month.Start) {
			outside.Notices++
		}
		if p.ScheduledDowntime.Announced(n) {
			spans = append(spans, n.Span)
		}
	}
	var buf [8]offsetSpan
	announced := buf[:0]
	for _, s := range calendar.Merge(spans) {
		if in, ok := s.Intersect(timeline); ok {
			announced = append(announced, offsetSpan{since(in.Start, base), since(in.End, base)})
		}
	}
	// The notices' cursor stays out of the builder so that buf, which it
	// points to, can stay on the stack.
	notices := spanCursor{spans: announced}
	b := builder{
		c:      c,
		window: timelinepkg.NewDaily(base, per.Window.Start(), per.Window.Duration()),
		from:   from,
		to:     to,
	}
	weighted := p.byUsers()
	if weighted {
		b.user = &userSums{}
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
	var endsBuf [numCauses + 1]time.Duration // a valid policy excludes each known cause at most once
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
		b.segment(&notices, t, next, c.codes[k], users)
		t = next
	}
	b.flush()

	up := total - b.outage
	rounding := min(b.rounding, up)
	downtime := b.down + rounding
	up -= rounding

	excluded := make(map[Reason]time.Duration)
	for kind, d := range b.excluded {
		if d > 0 {
			excluded[code(kind).reason()] = d
		}
	}
	// total is above 0: a month always is, and validate made sure that
	// a Subscribed span shares an instant with it.
	var users *UserTime
	var uptime, credit decimal.Decimal
	var met bool
	if weighted {
		users = b.userTime(per.Users, total)
		uptime, credit, met = c.judge(users.total, users.down)
	} else {
		t, d := uint64(total), uint64(downtime) // 0 <= downtime <= total
		uptime, credit, met = c.judgeInt(t, d)
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
		money:    c.money,
		Outside:  outside,
		parts:    b.result(),
		periods:  b.periods,
	}
}

// Outside counts inputs of a Period that lie wholly outside the assessed
// span. The zero Outside is none. It is a small comparable value, safe for
// concurrent use.
type Outside struct {
	Outages int // outages that share no instant with the assessed span (empty ones at its edges too)
	Notices int // notices whose announced span shares no instant with it
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

// smallMonth is how many outages a usual month has at most: assess keeps
// that many on the stack and sorts them by insertion.
const smallMonth = 32

// sortRanked sorts items by start. A usual month's few outages are sorted
// by insertion, comparing offsets in place; more by slices.SortFunc. The
// order of outages that start together does not matter: the sweep takes
// every outage that starts at an instant before it looks at that instant.
func sortRanked(items []ranked) {
	if len(items) > smallMonth {
		slices.SortFunc(items, func(a, b ranked) int { return cmp.Compare(a.start, b.start) })
		return
	}
	for i := 1; i < len(items); i++ {
		it := items[i]
		j := i
		for ; j > 0 && items[j-1].start > it.start; j-- {
			items[j] = items[j-1]
		}
		items[j] = it
	}
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
// to the window, a notice, a cause, or the rest (codeCounted), and then
// applies the intermittent rule and the resolution to each contiguous run
// of the rest. It works on offsets from the month's start throughout; the
// Assessment keeps the parts that way too (see compactPart).
type builder struct {
	c      *Compiled
	window timelinepkg.Daily
	// from and to are the assessed span, [from, to), as offsets: the
	// sweep reaches past it to judge periods on the whole timeline, and
	// accounts only for what lies inside.
	from, to time.Duration

	pending     offsetSpan // the piece being extended, when pendingSet
	pendingCode code
	pendingSet  bool
	pendingIn   bool // some of the pending piece lies inside [from, to)

	excluded [numCodes]time.Duration // excluded time by code; codeCounted stays 0
	outage   time.Duration           // all outage time in the month
	down     time.Duration           // counted downtime, exact
	periods  int                     // how many parts are counted downtime
	rounding time.Duration           // what Resolution adds, before the cap at Up
	user     *userSums               // user-time, for user-minutes; nil otherwise

	// The parts: the first ones in small, kept in the builder (on the
	// stack) so that a usual month allocates them once at their exact
	// length; beyond that in parts, which then holds them all.
	small  [smallMonth]compactPart
	nsmall int
	parts  []compactPart
}

// segment takes [a, end), covered by outages whose top rank has code k
// (codeCounted when they count), and splits it where the window or a
// notice (of the announced notices' cursor) starts or ends, and at the
// assessed span's edges; the Scheduled Downtime rule attributes each
// piece.
func (b *builder) segment(notices *spanCursor, a, end time.Duration, k code, users int64) {
	for a < end {
		stop := end
		inW, nextW := b.window.At(a)
		if b.window.Set() {
			stop = min(stop, nextW)
		}
		inN, nextN, okN := notices.at(a)
		if okN {
			stop = min(stop, nextN)
		}
		switch {
		case a < b.from:
			stop = min(stop, b.from)
		case a < b.to:
			stop = min(stop, b.to)
		}
		kind := k
		switch b.c.p.ScheduledDowntime.By(inW, inN) {
		case maintenance.ByWindow:
			kind = codeWindow
		case maintenance.ByNotice:
			kind = codeNotice
		}
		b.piece(offsetSpan{a, stop}, kind, users)
		a = stop
	}
}

// piece adds s, not empty and inside or outside the assessed span as a
// whole, of kind, joining it to the pending piece when they touch and
// share a kind. Only what lies inside the assessed span is accounted.
func (b *builder) piece(s offsetSpan, kind code, users int64) {
	join := b.pendingSet && b.pendingCode == kind && b.pending.end == s.start
	if join {
		b.pending.end = s.end
	} else {
		b.flush()
		b.pending, b.pendingCode, b.pendingSet, b.pendingIn = s, kind, true, false
	}
	if s.start < b.from || s.start >= b.to {
		return // outside: it only lengthens the period it belongs to
	}
	d := s.end - s.start
	b.outage += d
	if b.user != nil {
		b.user.piece(d, users, b.pendingIn)
	}
	b.pendingIn = true
}

// flush records the pending piece's part inside the assessed span:
// excluded time by reason, or for the rest, intermittent or counted by the
// length of the whole piece, on the timeline.
func (b *builder) flush() {
	if !b.pendingSet {
		return
	}
	b.pendingSet = false
	if !b.pendingIn {
		return // wholly outside the assessed span
	}
	kind := b.pendingCode
	whole := b.pending.end - b.pending.start
	s := offsetSpan{max(b.pending.start, b.from), min(b.pending.end, b.to)}
	d := s.end - s.start
	p := &b.c.p
	if kind == codeCounted {
		if whole <= p.IntermittentLimit || whole < p.MinimumPeriod {
			kind = codeIntermittent
		} else {
			b.down += d
			b.periods++
			var extra time.Duration
			if res := p.Resolution; res > 0 && p.roundsDown() {
				extra = -(d % res) // never more than d: the period's own time
				b.rounding += extra
			} else if res > 0 {
				extra = roundUp(d, res) - d
				b.rounding = timelinepkg.AddSat(b.rounding, extra)
			}
			b.part(s, codeCounted)
			b.user.flush(codeCounted, extra)
			return
		}
	}
	b.excluded[kind] += d
	b.part(s, kind)
	b.user.flush(kind, 0)
}

// part records s, inside the assessed span, as a part with reason code c,
// as offsets from the assessed span's start.
func (b *builder) part(s offsetSpan, c code) {
	cp := compactPart{start: s.start - b.from, end: s.end - b.from, code: c}
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

// spanCursor answers, for non-decreasing offsets, whether an instant is
// inside one of sorted, disjoint spans and when that changes.
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

// roundUp returns d rounded up to a whole multiple of res, both above 0,
// for d no longer than a month; the result minus d is below res, so it
// never overflows.
func roundUp(d, res time.Duration) time.Duration {
	if r := d % res; r != 0 {
		return d - r + res
	}
	return d
}
