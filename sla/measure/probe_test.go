package measure

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/sla"
)

// clock returns 10:mm:ss on 15 April 2024, UTC; minutes outside 0..59
// fall in other hours, so clock(-60, 0) is 09:00 and clock(60, 0) 11:00.
func clock(mm, ss int) time.Time { return time.Date(2024, time.April, 15, 10, mm, ss, 0, time.UTC) }

// probesEvery returns probes every step in [from, to), all OK.
func probesEvery(from, to time.Time, step time.Duration) []Probe {
	var out []Probe
	for t := from; t.Before(to); t = t.Add(step) {
		out = append(out, Probe{At: t, OK: true})
	}
	return out
}

// failBetween marks the probes in [from, to) failed.
func failBetween(ps []Probe, from, to time.Time) []Probe {
	for i := range ps {
		if !ps[i].At.Before(from) && ps[i].At.Before(to) {
			ps[i].OK = false
		}
	}
	return ps
}

// dropBetween removes the probes in [from, to): a hole in the data.
func dropBetween(ps []Probe, from, to time.Time) []Probe {
	return slices.DeleteFunc(ps, func(p Probe) bool { return !p.At.Before(from) && p.At.Before(to) })
}

// span returns [a, b).
func span(a, b time.Time) calendar.Span { return calendar.Span{Start: a, End: b} }

// outagesOf returns one outage of the service's own fault per span.
func outagesOf(spans ...calendar.Span) []sla.Outage {
	var out []sla.Outage
	for _, s := range spans {
		out = append(out, sla.Outage{Span: s})
	}
	return out
}

// assertOutages checks that got holds exactly the spans of want, in order,
// each of the service's own fault.
func assertOutages(t *testing.T, want, got []sla.Outage) {
	t.Helper()
	require.Len(t, got, len(want), "outages %v", got)
	for i := range want {
		assert.True(t, want[i].Span.Equal(got[i].Span), "outages[%d]: want %s got %s", i, want[i].Span, got[i].Span)
		assert.Equal(t, sla.Cause(""), got[i].Cause)
	}
}

// assertUnknown checks that got is the set of the spans of want.
func assertUnknown(t *testing.T, want []calendar.Span, got calendar.SpanSet) {
	t.Helper()
	w, err := calendar.NewSpanSet(want...)
	require.NoError(t, err)
	assert.True(t, w.Equal(got), "unknown: want %v got %v", w.Spans(), got.Spans())
}

// checkShape checks what every Result promises.
func checkShape(t testing.TB, m Result, within calendar.Span) {
	t.Helper()
	if got := m.Down + m.Up + m.UnknownTime; got != within.Duration() {
		t.Fatalf("down %s + up %s + unknown %s = %s, want %s", m.Down, m.Up, m.UnknownTime, got, within.Duration())
	}
	if m.Up < 0 || m.Down < 0 || m.UnknownTime < 0 {
		t.Fatalf("negative part: %+v", m)
	}
	if m.UnknownTime != m.Unknown.Duration() {
		t.Fatalf("UnknownTime %s, Unknown covers %s", m.UnknownTime, m.Unknown.Duration())
	}
	var down time.Duration
	for i, o := range m.Outages {
		if o.Span.IsEmpty() || o.Span.Start.Before(within.Start) || o.Span.End.After(within.End) {
			t.Fatalf("outages[%d] %s empty or outside %s", i, o.Span, within)
		}
		if i > 0 && !m.Outages[i-1].Span.End.Before(o.Span.Start) {
			t.Fatalf("outages[%d] %s touches or overlaps the one before %s", i, o.Span, m.Outages[i-1].Span)
		}
		set, _ := calendar.NewSpanSet(o.Span)
		if !m.Unknown.Intersect(set).IsEmpty() {
			t.Fatalf("outages[%d] %s overlaps unknown time", i, o.Span)
		}
		down += o.Span.Duration()
	}
	if down != m.Down {
		t.Fatalf("outages total %s, Down %s", down, m.Down)
	}
	if !m.Unknown.Clip(within).Equal(m.Unknown) {
		t.Fatalf("unknown time outside %s", within)
	}
}

// TestMeasureProbesHandWorked uses a monitor that probes every minute,
// MaxGap 5m, over the hour 10:00-11:00, with probes from 09:00 to 12:00 so
// that the edges are known unless a case says otherwise.
func TestMeasureProbesHandWorked(t *testing.T) {
	hour := span(clock(0, 0), clock(60, 0))
	base := func() []Probe { return probesEvery(clock(-60, 0), clock(120, 0), time.Minute) }
	opts := ProbeOptions{MaxGap: 5 * time.Minute}
	for _, tc := range []struct {
		name    string
		probes  []Probe
		opts    ProbeOptions
		outages []sla.Outage
		unknown []calendar.Span
	}{
		{"all up", base(), opts, nil, nil},
		// 15 failed probes 10:10..10:24, success at 10:25: down 10:10-10:25.
		{"an outage runs from the first failed probe to the next success",
			failBetween(base(), clock(10, 0), clock(25, 0)), opts,
			outagesOf(span(clock(10, 0), clock(25, 0))), nil},
		{"one failed probe is one probe interval down",
			failBetween(base(), clock(10, 0), clock(11, 0)), opts,
			outagesOf(span(clock(10, 0), clock(11, 0))), nil},
		{"two outages",
			failBetween(failBetween(base(), clock(10, 0), clock(12, 0)), clock(40, 0), clock(43, 0)), opts,
			outagesOf(span(clock(10, 0), clock(12, 0)), span(clock(40, 0), clock(43, 0))), nil},
		// No probes 10:21..10:29: 10:20 to 10:30 is 10m > 5m, unknown.
		{"a gap longer than MaxGap is unknown",
			dropBetween(base(), clock(21, 0), clock(30, 0)), opts,
			nil, []calendar.Span{span(clock(20, 0), clock(30, 0))}},
		// Probes at 10:20 and 10:25: exactly MaxGap apart, still trusted.
		{"a gap of exactly MaxGap is trusted",
			dropBetween(base(), clock(21, 0), clock(25, 0)), opts, nil, nil},
		{"a gap of MaxGap+1ns is unknown",
			append(dropBetween(base(), clock(21, 0), clock(26, 0)), Probe{At: clock(25, 0).Add(1), OK: true}), opts,
			nil, []calendar.Span{span(clock(20, 0), clock(25, 0).Add(1))}},
		// Failed 10:10, 10:11, 10:12; nothing until 10:30 (OK): the outage
		// ends at the last failed probe, where the unknown gap begins.
		{"failed probes followed by a gap: the outage ends where the gap begins",
			failBetween(dropBetween(base(), clock(13, 0), clock(30, 0)), clock(10, 0), clock(13, 0)), opts,
			outagesOf(span(clock(10, 0), clock(12, 0))), []calendar.Span{span(clock(12, 0), clock(30, 0))}},
		{"a single failed probe followed by a gap adds no down time",
			failBetween(dropBetween(base(), clock(11, 0), clock(30, 0)), clock(10, 0), clock(11, 0)), opts,
			nil, []calendar.Span{span(clock(10, 0), clock(30, 0))}},
		{"failed probes after a gap: down from the first probe after it",
			failBetween(dropBetween(base(), clock(11, 0), clock(30, 0)), clock(30, 0), clock(35, 0)), opts,
			outagesOf(span(clock(30, 0), clock(35, 0))), []calendar.Span{span(clock(10, 0), clock(30, 0))}},
		// An outage from 09:50 to 10:05 is clipped to the hour.
		{"an outage crossing the start is clipped",
			failBetween(base(), clock(-10, 0), clock(5, 0)), opts,
			outagesOf(span(clock(0, 0), clock(5, 0))), nil},
		{"an outage crossing the end is clipped",
			failBetween(base(), clock(55, 0), clock(70, 0)), opts,
			outagesOf(span(clock(55, 0), clock(60, 0))), nil},
		// The first probe is at 10:00:30: before it, nothing is known.
		{"no probe at or before the start: the head is unknown",
			dropBetween(base(), clock(-60, 0), clock(0, 30)), opts,
			nil, []calendar.Span{span(clock(0, 0), clock(1, 0))}},
		{"first probe 30s in",
			append([]Probe{{At: clock(0, 30), OK: true}}, dropBetween(base(), clock(-60, 0), clock(1, 0))...), opts,
			nil, []calendar.Span{span(clock(0, 0), clock(0, 30))}},
		// The last probe is at 10:59: from it on nothing is known.
		{"no probe after the end: the tail is unknown",
			dropBetween(base(), clock(60, 0), clock(120, 0)), opts,
			nil, []calendar.Span{span(clock(59, 0), clock(60, 0))}},
		{"a probe exactly at the end closes the last interval",
			dropBetween(base(), clock(61, 0), clock(120, 0)), opts, nil, nil},
		{"no probes at all", nil, opts, nil, []calendar.Span{hour}},
		{"only probes before the span", probesEvery(clock(-60, 0), clock(-30, 0), time.Minute), opts, nil, []calendar.Span{hour}},
		{"only probes after the span", probesEvery(clock(61, 0), clock(90, 0), time.Minute), opts, nil, []calendar.Span{hour}},
		// A failed and a successful probe at 10:10: the failure counts.
		{"probes at the same instant: failure wins",
			append(base(), Probe{At: clock(10, 0)}), opts,
			outagesOf(span(clock(10, 0), clock(11, 0))), nil},
		// MaxGap of 30s with minute probes: everything is unknown.
		{"probes sparser than MaxGap", base(), ProbeOptions{MaxGap: 30 * time.Second}, nil, []calendar.Span{hour}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Probes(tc.probes, hour, tc.opts)
			require.NoError(t, err)
			assertOutages(t, tc.outages, m.Outages)
			assertUnknown(t, tc.unknown, m.Unknown)
			var down time.Duration
			for _, o := range tc.outages {
				down += o.Span.Duration()
			}
			assert.Equal(t, down, m.Down)
			assert.Equal(t, m.Unknown.Duration(), m.UnknownTime)
			assert.Equal(t, time.Hour, m.Down+m.Up+m.UnknownTime)
			assert.True(t, m.Span.Equal(hour))

			// Any order gives the same result, and the input is not modified.
			shuffled := slices.Clone(tc.probes)
			rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			keep := slices.Clone(shuffled)
			m2, err := Probes(shuffled, hour, tc.opts)
			require.NoError(t, err)
			assert.Equal(t, keep, shuffled, "the caller's slice is not modified")
			assertOutages(t, tc.outages, m2.Outages)
			assert.True(t, m.Unknown.Equal(m2.Unknown))
		})
	}
}

// TestMeasureProbesMonth: a month of minute probes with one 45-minute
// outage, assessed under the Dynamics CRM Online policy. April 2024 has
// 30 × 1,440 = 43,200 minutes (wall calendar); 45 minutes down gives
// (43,200 − 45) / 43,200 = 99.8958 % (repeating, section A's formula),
// below 99.9 %: the 25 % tier of the published Dynamics CRM Online
// figures.
func TestMeasureProbesMonth(t *testing.T) {
	april := calendar.NewMonth(2024, time.April, nil)
	probes := probesEvery(april.Start().Add(-time.Minute), april.End().Add(time.Minute), time.Minute)
	probes = failBetween(probes, clock(0, 0), clock(45, 0))
	m, err := Probes(probes, april.Span(), ProbeOptions{MaxGap: 5 * time.Minute})
	require.NoError(t, err)
	assert.Equal(t, 45*time.Minute, m.Down)
	assert.Equal(t, time.Duration(0), m.UnknownTime)
	assert.Equal(t, 43200*time.Minute-45*time.Minute, m.Up)

	a, err := sla.DynamicsCRMOnline().Assess(sla.Period{Month: april, Outages: m.Outages})
	require.NoError(t, err)
	assert.Equal(t, 45*time.Minute, a.Downtime)
	assert.True(t, a.Credit.Equal(decimal.RequireFromString("25")), "credit %s", a.Credit)
}

// TestMeasurementUnknownAs: the caller decides what unknown time is. A
// 20-minute hole in the data counts as Downtime with UnknownAs(""), and is
// excluded under its cause's reason with UnknownAs(sla.CauseOutsideControl).
func TestMeasurementUnknownAs(t *testing.T) {
	april := calendar.NewMonth(2024, time.April, nil)
	probes := probesEvery(april.Start(), april.End().Add(time.Minute), time.Minute)
	probes = failBetween(probes, clock(0, 0), clock(15, 0))  // down 10:00-10:15
	probes = dropBetween(probes, clock(31, 0), clock(50, 0)) // unknown 10:30-10:50
	m, err := Probes(probes, april.Span(), ProbeOptions{MaxGap: 5 * time.Minute})
	require.NoError(t, err)
	require.Equal(t, 15*time.Minute, m.Down)
	require.Equal(t, 20*time.Minute, m.UnknownTime)

	all := m.UnknownAs("")
	require.Len(t, all, 2)
	assert.True(t, all[0].Span.Equal(span(clock(0, 0), clock(15, 0))))
	assert.True(t, all[1].Span.Equal(span(clock(30, 0), clock(50, 0))))
	a, err := sla.DynamicsCRMOnline().Assess(sla.Period{Month: april, Outages: all})
	require.NoError(t, err)
	// 15 and 20 minutes are two separate periods, each over 10 minutes.
	assert.Equal(t, 35*time.Minute, a.Downtime)

	a, err = sla.DynamicsCRMOnline().Assess(sla.Period{Month: april, Outages: m.UnknownAs(sla.CauseOutsideControl)})
	require.NoError(t, err)
	assert.Equal(t, 15*time.Minute, a.Downtime)
	assert.Equal(t, 20*time.Minute, a.Excluded[sla.CauseOutsideControl.Reason()])

	a, err = sla.DynamicsCRMOnline().Assess(sla.Period{Month: april, Outages: m.Outages})
	require.NoError(t, err)
	assert.Equal(t, 15*time.Minute, a.Downtime, "Outages alone: unknown time is assessed as up")
	assert.Len(t, m.Outages, 1, "UnknownAs does not change the measurement")
}

// TestMeasureProbesLocation: a month in New York is measured in real
// time, across the hour the clocks skip, and the results are in the
// month's location.
func TestMeasureProbesLocation(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	// March 2024 in New York is 44,580 minutes (the clocks skip an hour).
	march := calendar.NewMonth(2024, time.March, ny)
	probes := probesEvery(march.Start(), march.End().Add(time.Minute), time.Minute)
	probes = failBetween(probes, time.Date(2024, 3, 10, 1, 50, 0, 0, ny), time.Date(2024, 3, 10, 3, 10, 0, 0, ny))
	m, err := Probes(probes, march.Span(), ProbeOptions{MaxGap: 5 * time.Minute})
	require.NoError(t, err)
	// 01:50 EST to 03:10 EDT is 20 real minutes.
	assert.Equal(t, 20*time.Minute, m.Down)
	assert.Equal(t, 44580*time.Minute, m.Down+m.Up+m.UnknownTime)
	require.Len(t, m.Outages, 1)
	assert.Equal(t, ny, m.Outages[0].Span.Start.Location())
	assert.Equal(t, ny, m.Span.Start.Location())
}

// TestMeasureProbesMonotonicIgnored: instants carrying a monotonic clock
// reading compare as wall-clock instants.
func TestMeasureProbesMonotonicIgnored(t *testing.T) {
	// Instants carrying a monotonic reading compare as wall-clock instants.
	start := time.Now()
	ps := []Probe{{At: start, OK: false}, {At: start.Add(time.Minute), OK: true}}
	within := span(start.Round(0), start.Round(0).Add(time.Minute))
	m, err := Probes(ps, within, ProbeOptions{MaxGap: time.Hour})
	require.NoError(t, err)
	assert.Equal(t, time.Minute, m.Down)
}

// TestMeasureProbesErrors: a reversed or too long span and a MaxGap of 0
// or less are refused, every problem at once, wrapping ErrInvalidData; an
// empty span measures nothing.
func TestMeasureProbesErrors(t *testing.T) {
	a, b := clock(0, 0), clock(60, 0)
	_, err := Probes(nil, span(b, a), ProbeOptions{MaxGap: time.Minute})
	require.ErrorIs(t, err, ErrInvalidData)
	require.ErrorIs(t, err, calendar.ErrReversed)
	assert.Contains(t, err.Error(), "within")

	_, err = Probes(nil, span(a, b), ProbeOptions{})
	require.ErrorIs(t, err, ErrInvalidData)
	assert.Contains(t, err.Error(), "maxGap 0s must be above 0")

	_, err = Probes(nil, span(a, b), ProbeOptions{MaxGap: -time.Second})
	require.ErrorIs(t, err, ErrInvalidData)

	long := span(time.Date(1700, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	_, err = Probes(nil, long, ProbeOptions{MaxGap: time.Minute})
	require.ErrorIs(t, err, ErrInvalidData)
	assert.Contains(t, err.Error(), "longer than the largest time.Duration")

	_, err = Probes(nil, span(b, a), ProbeOptions{})
	assert.Contains(t, err.Error(), "within", "every problem at once")
	assert.Contains(t, err.Error(), "maxGap")

	m, err := Probes([]Probe{{At: a}}, span(a, a), ProbeOptions{MaxGap: time.Minute})
	require.NoError(t, err)
	assert.Equal(t, time.Duration(0), m.Down+m.Up+m.UnknownTime, "an empty span measures nothing")
	assert.Empty(t, m.Outages)
}

// bruteProbes classifies each whole second of [0, n) from probes at whole
// seconds (offsets from base) by Probes's rule, one second at a time:
// 'u' up, 'd' down, '?' unknown.
func bruteProbes(offsets []int, oks []bool, n, maxGap int) []byte {
	fail := map[int]bool{}
	seen := map[int]bool{}
	for i, o := range offsets {
		seen[o] = true
		if !oks[i] {
			fail[o] = true
		}
	}
	var instants []int
	for o := range seen {
		instants = append(instants, o)
	}
	slices.Sort(instants)
	out := make([]byte, n)
	for s := 0; s < n; s++ {
		out[s] = '?'
		// last observation at or before s, first after it
		k, _ := slices.BinarySearch(instants, s+1)
		if k == 0 || k == len(instants) {
			continue
		}
		a, b := instants[k-1], instants[k]
		if b-a > maxGap {
			continue
		}
		if fail[a] {
			out[s] = 'd'
		} else {
			out[s] = 'u'
		}
	}
	return out
}

// classify reads a measurement back as one byte per second from base.
func classify(m Result, base time.Time, n int) []byte {
	out := make([]byte, n)
	for s := 0; s < n; s++ {
		at := base.Add(time.Duration(s) * time.Second)
		switch {
		case m.Unknown.Contains(at):
			out[s] = '?'
		case slices.ContainsFunc(m.Outages, func(o sla.Outage) bool { return o.Span.Contains(at) }):
			out[s] = 'd'
		default:
			out[s] = 'u'
		}
	}
	return out
}

// TestMeasureProbesAgainstBruteForce: random probes at whole seconds
// around a 100-second span, classified second by second by Probes's rule
// (bruteProbes).
func TestMeasureProbesAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 2024))
	base := clock(0, 0)
	const n = 100
	within := span(base, base.Add(n*time.Second))
	for iter := range 3000 {
		count := rng.IntN(60)
		offsets := make([]int, count)
		oks := make([]bool, count)
		probes := make([]Probe, count)
		for i := range offsets {
			offsets[i] = rng.IntN(140) - 20
			oks[i] = rng.IntN(3) > 0
			probes[i] = Probe{At: base.Add(time.Duration(offsets[i]) * time.Second), OK: oks[i]}
		}
		maxGap := 1 + rng.IntN(10)
		m, err := Probes(probes, within, ProbeOptions{MaxGap: time.Duration(maxGap) * time.Second})
		require.NoError(t, err)
		checkShape(t, m, within)
		want := bruteProbes(offsets, oks, n, maxGap)
		got := classify(m, base, n)
		if string(want) != string(got) {
			t.Fatalf("iteration %d, maxGap %ds, probes %v %v:\nwant %s\ngot  %s", iter, maxGap, offsets, oks, want, got)
		}
	}
}

// TestMeasureProbesFarAway: probes centuries from the span (beyond what a
// time.Duration offset holds) still give unknown gaps, never a wrapped
// verdict.
func TestMeasureProbesFarAway(t *testing.T) {
	hour := span(clock(0, 0), clock(60, 0))
	past := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	future := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	century := 100 * 365 * 24 * time.Hour
	for _, tc := range []struct {
		name    string
		probes  []Probe
		maxGap  time.Duration
		down    time.Duration
		unknown time.Duration
	}{
		{"failed in year 1, OK in year 9999", []Probe{{At: past}, {At: future, OK: true}}, century, 0, time.Hour},
		{"failed in year 1, then probes inside", []Probe{{At: past}, {At: clock(30, 0)}, {At: clock(60, 0), OK: true}}, century, 30 * time.Minute, 30 * time.Minute},
		{"failed inside, next in year 9999", []Probe{{At: clock(0, 0)}, {At: clock(10, 0)}, {At: future, OK: true}}, century, 10 * time.Minute, 50 * time.Minute},
		{"unsorted, same", []Probe{{At: future, OK: true}, {At: clock(10, 0)}, {At: past}, {At: clock(0, 0)}}, century, 10 * time.Minute, 50 * time.Minute},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Probes(tc.probes, hour, ProbeOptions{MaxGap: tc.maxGap})
			require.NoError(t, err)
			assert.Equal(t, tc.down, m.Down)
			assert.Equal(t, tc.unknown, m.UnknownTime)
			checkShape(t, m, hour)
		})
	}

	_, err := Probes(nil, hour, ProbeOptions{MaxGap: maxDuration})
	require.ErrorIs(t, err, ErrInvalidData)
	assert.Contains(t, err.Error(), "plus the length of within 1h0m0s is longer than the largest time.Duration")
	_, err = Probes(nil, hour, ProbeOptions{MaxGap: maxDuration - time.Hour})
	require.NoError(t, err, "exactly the largest Duration in all is allowed")
}

// TestRunSweepOffsetIsSub: the fast offset agrees with time.Time.Sub,
// saturation included, for instants near and far, in several locations and
// with monotonic readings.
func TestRunSweepOffsetIsSub(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	starts := []time.Time{
		clock(0, 0), time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Unix(1<<62, 0), time.Unix(-(1 << 62), 5), time.Unix(1<<62-1, 0), time.Unix(1<<63-1, 999999999), time.Unix(-1<<63, 0),
	}
	extremes := []time.Time{
		time.Unix(1<<63-1, 999999999), time.Unix(-1<<63, 0), time.Unix(1<<62, 0), time.Unix(-(1 << 62), 0),
		time.Time{}, time.Now(), clock(0, 0).Add(9e9 * time.Second), clock(0, 0).Add(-9e9 * time.Second),
		clock(0, 0).Add(maxDuration), clock(0, 0).Add(-maxDuration),
	}
	zones := []*time.Location{time.UTC, time.FixedZone("x", 5*3600+1), time.FixedZone("y", -12*3600)}
	for _, start := range starts {
		r := newRunSweep(span(start, start))
		check := func(at time.Time) {
			if got, want := r.offset(at), at.Sub(r.start); got != want {
				t.Fatalf("offset(%v) from %v = %d, Sub gives %d", at, start, got, want)
			}
		}
		for _, at := range extremes {
			check(at)
		}
		for range 2000 {
			var at time.Time
			switch rng.IntN(3) {
			case 0:
				at = start.Add(time.Duration(rng.Int64()))
			case 1:
				at = start.Add(-time.Duration(rng.Int64()))
			default:
				at = time.Unix(rng.Int64()>>rng.IntN(40), rng.Int64N(1e9))
			}
			check(at.In(zones[rng.IntN(len(zones))]))
		}
	}
}

// runSweep.offset computes t.Sub(start) in 128-bit integers and must
// agree with time.Time.Sub everywhere, to the nanosecond, including where
// Sub saturates: at and just past 9,223,372,036 s either side (where
// seconds × 1e9 plus the nanoseconds first overflow a Duration), exactly at
// the largest and smallest Duration and one nanosecond past them, at Unix
// seconds of ±2^62 and at the far ends of time.Time's range.
func TestRunSweepOffsetMatchesSub(t *testing.T) {
	const near = 9_223_372_036 // seconds
	const sane = int64(1) << 62
	starts := []time.Time{
		time.Date(2024, time.March, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2024, time.March, 1, 0, 0, 0, 999_999_999, time.UTC),
		{}, // the zero time, year 1
		time.Date(9999, time.December, 31, 23, 59, 59, 1, time.UTC),
		time.Unix(sane-1, 500),
		time.Unix(sane, 0),
		time.Unix(-sane+1, 0),
		time.Unix(-sane, 7),
	}
	for _, start := range starts {
		r := newRunSweep(calendar.Span{Start: start, End: start.Add(time.Hour)})
		var instants []time.Time
		for _, sec := range []int64{0, 1, near - 1, near, near + 1} {
			for _, ns := range []int64{0, 1, 999_999_999} {
				instants = append(instants, start.Add(time.Duration(sec)*time.Second+time.Duration(ns)))
				instants = append(instants, time.Unix(start.Unix()+sec, ns), time.Unix(start.Unix()-sec, ns))
			}
		}
		for _, u := range []int64{sane - 1, sane, sane + 1, -sane - 1, -sane, -sane + 1, 0} {
			instants = append(instants, time.Unix(u, 0), time.Unix(u, 999_999_999))
		}
		instants = append(instants, time.Time{}, time.Date(9999, time.December, 31, 23, 59, 59, 999_999_999, time.UTC))
		// Exactly the largest and smallest Duration away, and 1 ns past.
		maxD, minD := time.Duration(math.MaxInt64), time.Duration(math.MinInt64)
		instants = append(instants, start.Add(maxD), start.Add(maxD).Add(1), start.Add(minD), start.Add(minD).Add(-1))
		for _, at := range instants {
			require.Equal(t, at.Sub(start), r.offset(at), "start %s (unix %d), at %s (unix %d)", start, start.Unix(), at, at.Unix())
		}
	}
}
