package sla

import (
	"errors"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/calendar"
)

// Part is a piece of outage time inside the assessed month with the one
// Reason it is attributed to: ReasonCounted ("") for Downtime, otherwise
// why it did not count. Parts never overlap. Part is a value type, safe for
// concurrent use.
type Part struct {
	Span   calendar.Span // [Start, End), in the month's location
	Reason Reason        // ReasonCounted for Downtime
}

// Assessment is one month's result: every nanosecond of the month
// accounted for, the Monthly Uptime Percentage and the credit.
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
	Total    time.Duration            // the whole month
	Downtime time.Duration            // what counts against the level, after Resolution
	Up       time.Duration            // no outage at all (less any Rounding)
	Excluded map[Reason]time.Duration // outage time that did not count, by reason; read-only
	Uptime   decimal.Decimal          // Monthly Uptime Percentage, see UptimePercent
	Credit   decimal.Decimal          // percent of the fee, 0 when the level is met

	// Met reports whether the uptime is at least the policy's Level,
	// exactly. A month can miss the level and earn no credit when the
	// level is above the first tier's Below.
	Met bool
	// Periods are the counted downtime periods, exact (before Resolution),
	// sorted, disjoint, in the month's location. They are the Parts whose
	// Reason is ReasonCounted.
	Periods []calendar.Span
	// Parts is every outage moment inside the month, sorted by Start, each
	// attributed to one Reason; adjacent parts may share a Reason when
	// different rules made them (for example two causes' parts in a row
	// never merge). Drawing each part colored by its Reason shows the
	// whole assessment.
	Parts []Part
	// Rounding is the time Resolution added to Downtime: each counted
	// period rounded up to a whole multiple of the policy's Resolution,
	// taken from Up and never more than Up, so that the accounting
	// identity holds exactly. 0 with exact resolution.
	Rounding time.Duration

	money money // the policy's cap and places, for CreditAmount
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
// month are not errors; they are ignored.
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
//     most IntermittentLimit (inclusive), and Downtime otherwise. Periods
//     are cut at the month's edges, so an outage that crosses a month
//     boundary is measured in each month on its own.
//  4. With a Resolution above 0, each Downtime period is rounded up to a
//     whole multiple of it; the added time (Rounding) is taken from Up,
//     and never more than Up, so Total = Up + Downtime + Σ Excluded stays
//     exact.
//
// Uptime is UptimePercent(Total, Downtime); Credit is the exact tier
// choice of CreditPercent. Assess never reads the clock. It costs
// O(n log n) in outages and notices plus O(days in the month) for the
// window.
func (p Policy) Assess(per Period) (Assessment, error) {
	if err := errors.Join(p.Validate(), per.validate()); err != nil {
		return Assessment{}, err
	}
	loc := per.Month.Location()
	month := per.Month.Span().In(loc)
	total := month.Duration()

	// Clip the outages to the month; group the excluded causes' outages.
	all := make([]calendar.Span, 0, len(per.Outages))
	groups := make([][]calendar.Span, len(p.ExcludedCauses))
	for _, o := range per.Outages {
		s, ok := clip(o.Span, month, loc)
		if !ok {
			continue
		}
		all = append(all, s)
		if o.Cause != "" {
			if k := p.excludes(o.Cause); k >= 0 {
				groups[k] = append(groups[k], s)
			}
		}
	}
	// Spans are valid and clipped, so these constructors cannot fail.
	outages, _ := calendar.NewSpanSet(all...)

	// Scheduled Downtime: the window's occurrences and the notices that
	// meet the lead, inside the month.
	var occs []calendar.Span
	for occ := range per.Window.Occurrences(month) {
		if s, ok := clip(occ, month, loc); ok {
			occs = append(occs, s)
		}
	}
	window, _ := calendar.NewSpanSet(occs...)
	var announced []calendar.Span
	for _, n := range per.Notices {
		if !n.Meets(p.NoticeLead) {
			continue
		}
		if s, ok := clip(n.Span, month, loc); ok {
			announced = append(announced, s)
		}
	}
	notices, _ := calendar.NewSpanSet(announced...)

	var inWindow, inNotice calendar.SpanSet
	if p.WindowNeedsNotice {
		scheduled := outages.Intersect(notices)
		inWindow = scheduled.Intersect(window)
		inNotice = scheduled.Subtract(window)
	} else {
		inWindow = outages.Intersect(window)
		inNotice = outages.Subtract(window).Intersect(notices)
	}
	rest := outages.Subtract(inWindow.Union(inNotice))

	excluded := make(map[Reason]time.Duration)
	addExcluded := func(r Reason, d time.Duration) {
		if d > 0 {
			excluded[r] += d
		}
	}
	addExcluded(ReasonWindow, inWindow.Duration())
	addExcluded(ReasonNotice, inNotice.Duration())

	parts := make([]Part, 0, outages.Len()+inWindow.Len()+inNotice.Len())
	appendParts := func(set calendar.SpanSet, r Reason) {
		for s := range set.All() {
			parts = append(parts, Part{Span: s, Reason: r})
		}
	}
	appendParts(inWindow, ReasonWindow)
	appendParts(inNotice, ReasonNotice)

	for k, c := range p.ExcludedCauses {
		if len(groups[k]) == 0 || rest.IsEmpty() {
			continue
		}
		set, _ := calendar.NewSpanSet(groups[k]...)
		byCause := rest.Intersect(set)
		if byCause.IsEmpty() {
			continue
		}
		rest = rest.Subtract(byCause)
		addExcluded(c.Reason(), byCause.Duration())
		appendParts(byCause, c.Reason())
	}

	// The intermittent rule, then resolution, on what is left.
	up := total - outages.Duration()
	var periods []calendar.Span
	var downtime, rounding time.Duration
	for s := range rest.All() {
		d := s.Duration()
		if d <= p.IntermittentLimit {
			addExcluded(ReasonIntermittent, d)
			parts = append(parts, Part{Span: s, Reason: ReasonIntermittent})
			continue
		}
		periods = append(periods, s)
		parts = append(parts, Part{Span: s, Reason: ReasonCounted})
		downtime += d
		if p.Resolution > 0 {
			rounding += min(roundUp(d, p.Resolution)-d, up-rounding)
		}
	}
	downtime += rounding
	up -= rounding

	slices.SortFunc(parts, func(a, b Part) int { return a.Span.Start.Compare(b.Span.Start) })

	return Assessment{
		Month:    per.Month,
		Total:    total,
		Downtime: downtime,
		Up:       up,
		Excluded: excluded,
		Uptime:   UptimePercent(total, downtime),
		Credit:   p.creditPercent(total, downtime),
		Met:      p.meets(total, downtime),
		Periods:  periods,
		Parts:    parts,
		Rounding: rounding,
		money:    p.money(),
	}, nil
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
