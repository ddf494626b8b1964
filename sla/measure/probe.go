package measure

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/sla"
)

// ErrInvalidData is wrapped by every error Probes and
// Rates report about their input: a span to measure that ends
// before it starts (also matching calendar.ErrReversed) or is too long, a
// MaxGap or threshold out of range, an interval with impossible counts,
// intervals that overlap. Test for it with errors.Is.
var ErrInvalidData = errors.New("measure: invalid data")

// Probe is the result of one log-in attempt by the availability monitor
// (the Microsoft Dynamics CRM Online SLA, section E, definition 8: "a
// third-party provider who makes frequent log-in attempts to the
// Service"): at instant At the attempt succeeded (OK) or failed. The zero
// Probe is a failed attempt at the zero time. Probe is a small value, safe
// for concurrent use.
type Probe struct {
	At time.Time // when the attempt was made; any location
	OK bool      // the log-in succeeded
}

// ProbeOptions sets how Probes reads probe data. The zero value is
// invalid: MaxGap must be set.
type ProbeOptions struct {
	// MaxGap is the longest interval between two consecutive probes over
	// which the earlier probe's result is taken to hold. Consecutive
	// probes exactly MaxGap apart are still trusted; further apart, the
	// time between them is unknown. It must be above 0. A monitor that
	// probes every minute might use 5m: up to four missed probes in a
	// row are tolerated.
	MaxGap time.Duration
}

// Result is what probe or error-rate data say about a span of time:
// when the service was down, when it was up, and when the data say
// nothing.
//
// Down + Up + UnknownTime = Span.Duration(), exactly. Unknown time is
// never counted as up, nor as down: Outages leave it out and Unknown
// lists it. A caller decides what it means for billing, explicitly: pass
// Outages to Period to assess unknown time as up, or UnknownAs("") to
// count it as Downtime, or UnknownAs with a cause the policy excludes to
// show it as excluded; and report UnknownTime on the statement either way.
//
// The zero Result measures an empty span. Result holds a slice;
// treat it as read-only, which makes it safe for concurrent use.
type Result struct {
	Span        calendar.Span    // the span measured, in its Start's location
	Outages     []sla.Outage     // down time: sorted, disjoint, not touching, inside Span, sla.Cause ""
	Unknown     calendar.SpanSet // time the data say nothing about, inside Span
	Down        time.Duration    // total of Outages
	Up          time.Duration    // Span.Duration() − Down − UnknownTime
	UnknownTime time.Duration    // total of Unknown
}

// UnknownAs returns the measured outages together with one sla.Outage per span
// of Unknown whose cause is c, sorted by start: the outages a caller gives
// Period.Outages when it has decided how unknown time counts. With c = ""
// unknown time counts as Downtime (the strict reading against the
// provider); with a cause the policy excludes it is reported under that
// cause's Reason. To count unknown time as up, use Outages as they are.
// The result is a new slice.
func (m Result) UnknownAs(c sla.Cause) []sla.Outage {
	out := make([]sla.Outage, 0, len(m.Outages)+m.Unknown.Len())
	out = append(out, m.Outages...)
	for s := range m.Unknown.All() {
		out = append(out, sla.Outage{Span: s, Cause: c})
	}
	slices.SortFunc(out, func(a, b sla.Outage) int { return a.Span.Start.Compare(b.Span.Start) })
	return out
}

// Probes turns log-in probe results into outages and unknown time
// within span within (half-open, [Start, End)).
//
// The rule, in full. Probes at the same instant are one observation,
// failed if any of them failed (a success elsewhere at the same instant
// does not disprove a failed log-in). Between two consecutive observations
// a and b (no observation in between):
//   - if b is more than opts.MaxGap after a, [a, b) is unknown;
//   - otherwise [a, b) is down when a failed and up when a succeeded.
//
// Time before the first observation, and from the last observation on, is
// unknown: there is no probe on one side of it. So an outage runs from a
// failed probe to the next successful probe; a gap longer than MaxGap
// after a failed probe ends the outage at that failed probe, and the gap
// from it to the next probe is unknown. A single failed probe followed by
// such a gap therefore adds no down time (the gap is unknown). Results are
// then clipped to within, and consecutive pieces of the same kind merged:
// each sla.Outage is a maximal run of down time inside within.
//
// Probes outside within count only for the intervals that cross its
// edges: pass the last probe at or before within.Start and the first at or
// after within.End, or the edges will be unknown.
//
// probes may come in any order and are not modified; the result does not
// depend on the order. Instants in any location are compared as instants
// (monotonic clock readings are ignored); results are in within.Start's
// location.
//
// It returns an error wrapping ErrInvalidData for a within that ends
// before it starts (also calendar.ErrReversed) or lasts longer than the
// largest time.Duration, and for a MaxGap of 0 or less. An empty within
// gives a zero Result of that span.
func Probes(probes []Probe, within calendar.Span, opts ProbeOptions) (Result, error) {
	var errs calendar.ErrorList
	withinErr := checkWithin(within)
	if withinErr != nil {
		errs.Add(withinErr)
	}
	switch {
	case opts.MaxGap <= 0:
		errs.Add(fmt.Errorf("%w: maxGap %s must be above 0", ErrInvalidData, opts.MaxGap))
	case withinErr == nil && opts.MaxGap > maxDuration-within.Duration():
		errs.Add(fmt.Errorf("%w: maxGap %s plus the length of within %s is longer than the largest time.Duration (about 292 years)",
			ErrInvalidData, opts.MaxGap, within.Duration()))
	}
	if err := errs.Err(); err != nil {
		return Result{}, err
	}
	runs := newRunSweep(within)
	if runs.length == 0 {
		return runs.measurement(), nil
	}
	// Sorted input (non-decreasing At) is read in one pass, in O(n); other
	// input is sorted in a copy first, in O(n log n).
	if m, ok := sweepProbes(runs, probes, opts.MaxGap); ok {
		return m, nil
	}
	// Not sorted: sort the instants (as offsets from within.Start) in a copy.
	keys := make([]probeKey, len(probes))
	for i, p := range probes {
		keys[i] = probeKey{off: runs.offset(p.At), ok: p.OK}
	}
	slices.SortFunc(keys, func(a, b probeKey) int { return cmp.Compare(a.off, b.off) })
	runs = newRunSweep(within)
	sweepKeys(runs, len(keys), func(i int) probeKey { return keys[i] }, opts.MaxGap) // sorted: cannot fail
	return runs.measurement(), nil
}

// maxDuration is the largest time.Duration.
const maxDuration = time.Duration(1<<63 - 1)

// probeKey is a probe as an offset from the start of the measured span.
// time.Time.Sub saturates, so a probe more than about 292 years away from
// it gets the smallest or largest Duration; Probes's MaxGap bound
// makes such a probe's interval unknown, as it is.
type probeKey struct {
	off time.Duration
	ok  bool
}

// sweepProbes sweeps probes in their given order and reports false, with
// no result, as soon as one comes before the one before it.
func sweepProbes(runs *runSweep, probes []Probe, maxGap time.Duration) (Result, bool) {
	ok := sweepKeys(runs, len(probes), func(i int) probeKey {
		return probeKey{off: runs.offset(probes[i].At), ok: probes[i].OK}
	}, maxGap)
	if !ok {
		return Result{}, false
	}
	return runs.measurement(), true
}

// sweepKeys applies Probes's rule to n probes, key(i) giving the
// ith, in one pass. It reports false as soon as a probe comes before the
// one before it (runs is then incomplete and must be dropped).
func sweepKeys(runs *runSweep, n int, key func(int) probeKey, maxGap time.Duration) bool {
	var prev probeKey // the previous observation
	havePrev := false
	for i := 0; i < n; {
		cur := key(i)
		if havePrev && cur.off < prev.off {
			return false
		}
		i++
		for i < n {
			next := key(i)
			if next.off != cur.off {
				break
			}
			cur.ok = cur.ok && next.ok
			i++
		}
		// cur.off >= prev.off, so the difference is exact in uint64 even
		// when the int64 subtraction overflows.
		switch {
		case !havePrev:
			runs.add(0, cur.off, kindUnknown)
		case uint64(cur.off)-uint64(prev.off) > uint64(maxGap):
			runs.add(prev.off, cur.off, kindUnknown)
		case prev.ok:
			runs.add(prev.off, cur.off, kindUp)
		default:
			runs.add(prev.off, cur.off, kindDown)
		}
		prev, havePrev = cur, true
	}
	if havePrev {
		runs.add(prev.off, runs.length, kindUnknown)
	} else {
		runs.add(0, runs.length, kindUnknown)
	}
	return true
}

// checkWithin validates the span a measurement covers.
func checkWithin(within calendar.Span) error {
	if err := within.Validate(); err != nil {
		return fmt.Errorf("%w: within: %w", ErrInvalidData, err)
	}
	if d := within.End.Sub(within.Start); !within.Start.Add(d).Equal(within.End) {
		return fmt.Errorf("%w: within %s is longer than the largest time.Duration (about 292 years)", ErrInvalidData, within)
	}
	return nil
}

// runKind is what the data say about a piece of time.
type runKind uint8

const (
	kindNone runKind = iota
	kindUp
	kindDown
	kindUnknown
)

// runSweep collects consecutive pieces of time, in order, as offsets from
// start clipped to [0, length), into maximal runs of one kind, and totals
// them.
type runSweep struct {
	start    time.Time // the span measured starts here; no monotonic reading
	startSec int64     // start.Unix()
	startNs  int64     // start.Nanosecond()
	loc      *time.Location
	length   time.Duration // the span's length
	kind     runKind       // the current run's kind; kindNone before the first
	runStart time.Duration
	runEnd   time.Duration
	outages  []sla.Outage
	unknown  []calendar.Span
	down     time.Duration
	unk      time.Duration
}

// newRunSweep starts a sweep over within, which must be valid.
func newRunSweep(within calendar.Span) *runSweep {
	start := within.Start.Round(0)
	return &runSweep{
		start: start, startSec: start.Unix(), startNs: int64(start.Nanosecond()),
		loc: within.Start.Location(), length: within.End.Sub(start),
	}
}

// secondsToUnix is the number of seconds from 0001-01-01 to 1970-01-01,
// UTC: 719,162 days.
const secondsToUnix = 719_162 * 86_400

// offset returns t.Sub(r.start), saturating exactly as time.Time.Sub
// does, without Sub's overflow check by Add and Equal: the difference in
// nanoseconds, (t.Unix() − start.Unix()) × 10^9 + the nanoseconds'
// difference, is computed exactly in 128 bits and then saturated to the
// Duration range.
func (r *runSweep) offset(t time.Time) time.Duration {
	// Seconds' difference, in 128 bits: below 2^64 in magnitude, so its
	// product with 10^9 stays below 2^94. The seconds
	// are counted from year 1, as time.Time counts them: t.Unix() plus
	// the seconds from year 1 to 1970, wrapping as Unix wrapped them.
	u, s0 := t.Unix()+secondsToUnix, r.startSec+secondsToUnix
	lo, borrow := bits.Sub64(uint64(u), uint64(s0), 0)
	hi, _ := bits.Sub64(uint64(u>>63), uint64(s0>>63), borrow)
	// × 10^9 modulo 2^128, which two's complement makes right for a
	// negative difference too, and exact: the product is below 2^94.
	phi, plo := bits.Mul64(lo, uint64(time.Second))
	phi += hi * uint64(time.Second)
	// Add the nanoseconds' difference, in (−10^9, 10^9), sign-extended.
	ns := int64(t.Nanosecond()) - r.startNs
	plo, carry := bits.Add64(plo, uint64(ns), 0)
	phi, _ = bits.Add64(phi, uint64(ns>>63), carry)
	switch {
	case phi == uint64(int64(plo)>>63): // fits an int64
		return time.Duration(int64(plo))
	case int64(phi) < 0:
		return time.Duration(math.MinInt64)
	default:
		return time.Duration(math.MaxInt64)
	}
}

// add records that offsets [a, b) are of kind k. Pieces must come in
// order.
func (r *runSweep) add(a, b time.Duration, k runKind) {
	a, b = max(a, 0), min(b, r.length)
	if a >= b {
		return
	}
	if r.kind == k && r.runEnd == a {
		r.runEnd = b
		return
	}
	r.flush()
	r.kind, r.runStart, r.runEnd = k, a, b
}

// flush closes the current run.
func (r *runSweep) flush() {
	switch r.kind {
	case kindDown:
		r.outages = append(r.outages, sla.Outage{Span: r.span(r.runStart, r.runEnd)})
		r.down += r.runEnd - r.runStart
	case kindUnknown:
		r.unknown = append(r.unknown, r.span(r.runStart, r.runEnd))
		r.unk += r.runEnd - r.runStart
	}
	r.kind = kindNone
}

// span returns offsets [a, b) as a Span in the measured span's location.
func (r *runSweep) span(a, b time.Duration) calendar.Span {
	return calendar.Span{Start: r.start.Add(a).In(r.loc), End: r.start.Add(b).In(r.loc)}
}

// measurement closes the last run and returns the totals. Up is the time
// not added as down or unknown.
func (r *runSweep) measurement() Result {
	r.flush()
	unknown, _ := calendar.NewSpanSet(r.unknown...) // sorted, disjoint, valid: cannot fail
	return Result{
		Span:        r.span(0, r.length),
		Outages:     r.outages,
		Unknown:     unknown,
		Down:        r.down,
		Up:          r.length - r.down - r.unk,
		UnknownTime: r.unk,
	}
}
