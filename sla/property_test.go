package sla

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

// scenario is a random month at minute granularity: every outage and
// notice starts and ends on a whole minute counted from the month's start.
type scenario struct {
	policy  Policy
	month   calendar.Month
	window  maintenance.Window
	outages []minuteOutage
	notices []minuteNotice
	sub     *[2]int // subscribed minutes [from, to) from the month's start; nil: whole month
	users   int     // licensed users
}

// minuteOutage is an outage of a scenario, in whole minutes.
type minuteOutage struct {
	start, end int // minutes from the month's start; may fall outside it
	cause      Cause
	users      int
}

// minuteNotice is a notice of a scenario, in whole minutes.
type minuteNotice struct {
	start, end int
	lead       time.Duration // announced this long before start
}

// testMonths are months of every length, in UTC.
var testMonths = []calendar.Month{
	calendar.NewMonth(2023, time.February, nil), // 28 days
	calendar.NewMonth(2024, time.February, nil), // 29 days
	calendar.NewMonth(2024, time.April, nil),    // 30 days
	calendar.NewMonth(2024, time.January, nil),  // 31 days
}

// randomScenario returns a random month under a random variant of
// DynamicsCRMOnline (excluded causes in any order, intermittent limit,
// resolution, WindowNeedsNotice, minimum period, measure), in a random
// region's window or none, sometimes subscribed in part, with up to
// maxOutages outages clustered so that they overlap, and up to three
// notices announced 0, 24h − 1m, 24h, 24h + 1m or 300h ahead.
func randomScenario(rng *rand.Rand, maxOutages int) scenario {
	sc := scenario{policy: DynamicsCRMOnline(), month: testMonths[rng.IntN(len(testMonths))]}
	p := &sc.policy
	causes := Causes()
	rng.Shuffle(len(causes), func(i, j int) { causes[i], causes[j] = causes[j], causes[i] })
	p.ExcludedCauses = causes[:rng.IntN(len(causes)+1)]
	p.IntermittentLimit = []time.Duration{0, 3 * time.Minute, 10 * time.Minute, time.Hour}[rng.IntN(4)]
	p.Resolution = []time.Duration{0, 0, time.Minute, 7 * time.Minute, 24 * time.Hour}[rng.IntN(5)]
	p.WindowNeedsNotice = rng.IntN(3) == 0
	p.MinimumPeriod = []time.Duration{0, 0, 5 * time.Minute, 10 * time.Minute, time.Hour}[rng.IntN(5)]
	sc.users = 1 + rng.IntN(1000)
	if rng.IntN(2) == 0 {
		p.Measure = MeasureUserMinutes
	} else if p.Resolution > 0 && rng.IntN(3) == 0 {
		p.ResolutionRounding = RoundDown // partial units not counted (minutes only)
	}
	if r := maintenance.Regions(); rng.IntN(4) > 0 {
		sc.window = r[rng.IntN(len(r))].Window
	}
	minutes := int(sc.month.Duration() / time.Minute)
	if rng.IntN(4) == 0 {
		from := rng.IntN(minutes) - 100
		sc.sub = &[2]int{from, from + 1 + rng.IntN(minutes)}
		if sc.sub[1] <= 0 {
			sc.sub[1] = 1
		}
	}
	// Outages cluster around a few hot spots so that they overlap.
	hot := make([]int, 1+rng.IntN(5))
	for i := range hot {
		hot[i] = rng.IntN(minutes+1200) - 600
		if rng.IntN(3) == 0 { // right at an edge of the month, where a period crosses it
			hot[i] = []int{0, minutes}[rng.IntN(2)]
		}
	}
	n := rng.IntN(maxOutages + 1)
	for range n {
		start := hot[rng.IntN(len(hot))] + rng.IntN(240) - 120
		length := []int{1, 1 + rng.IntN(15), 1 + rng.IntN(180), 1 + rng.IntN(3000)}[rng.IntN(4)]
		if rng.IntN(4) == 0 { // a short outage across an edge of the month
			start = hot[rng.IntN(len(hot))] - rng.IntN(12)
			length = 1 + rng.IntN(24)
		}
		if rng.IntN(20) == 0 {
			length = 0 // empty outage
		}
		var cause Cause
		if rng.IntN(2) == 0 {
			cause = Causes()[rng.IntN(len(Causes()))]
		}
		users := 0
		if rng.IntN(3) > 0 {
			users = rng.IntN(sc.users + 1)
		}
		sc.outages = append(sc.outages, minuteOutage{start, start + length, cause, users})
	}
	for range rng.IntN(4) {
		start := hot[rng.IntN(len(hot))] + rng.IntN(240) - 120
		lead := []time.Duration{24*time.Hour - time.Minute, 24 * time.Hour, 24*time.Hour + time.Minute, 0, 300 * time.Hour}[rng.IntN(5)]
		sc.notices = append(sc.notices, minuteNotice{start, start + rng.IntN(300), lead})
	}
	return sc
}

// minute returns the instant m minutes after the month's start.
func (sc scenario) minute(m int) time.Time {
	return sc.month.Start().Add(time.Duration(m) * time.Minute)
}

// period returns sc as the Period Assess takes.
func (sc scenario) period() Period {
	per := Period{Month: sc.month, Window: sc.window, Users: sc.users}
	if sc.sub != nil {
		per.Subscribed = span(sc.minute(sc.sub[0]), sc.minute(sc.sub[1]))
	}
	for _, o := range sc.outages {
		per.Outages = append(per.Outages, Outage{Span: span(sc.minute(o.start), sc.minute(o.end)), Cause: o.cause, Users: o.users})
	}
	for _, n := range sc.notices {
		per.Notices = append(per.Notices, maintenance.Notice{Span: span(sc.minute(n.start), sc.minute(n.end)), Announced: sc.minute(n.start).Add(-n.lead)})
	}
	return per
}

// userFigures are the brute force's user-time sums, in user-nanoseconds.
type userFigures struct {
	total, down, up int64
	excluded        map[Reason]int64
}

// bruteForce is the minute model: it assesses sc minute by minute,
// straight from the rules as Assess states them. It sees past the month's
// edges, as the intermittent rule does: every minute within the rules'
// reach of an edge of the month is attributed too, so that a period that
// crosses the edge is judged by its whole length, while only the minutes
// of the assessed span are accounted.
func bruteForce(sc scenario) (excluded map[Reason]time.Duration, downtime, up, rounding time.Duration, uf userFigures) {
	p := sc.policy
	minutes := int(sc.month.Duration() / time.Minute)
	excluded = map[Reason]time.Duration{}
	uf.excluded = map[Reason]int64{}
	from, to := 0, minutes
	if sc.sub != nil {
		from, to = max(from, sc.sub[0]), min(to, sc.sub[1])
	}
	reach := int(max(p.IntermittentLimit, p.MinimumPeriod) / time.Minute) // the limits are whole minutes
	lo, hi := from, to
	if from == 0 {
		lo -= reach
	}
	if to == minutes {
		hi += reach
	}
	left := make([]bool, hi-lo) // counted unless intermittent, by minute m at left[m-lo]
	weight := make([]int64, hi-lo)
	inside := func(m int) bool { return from <= m && m < to }
	for m := lo; m < hi; m++ {
		var down, noticed bool
		for _, o := range sc.outages {
			if o.start <= m && m < o.end {
				down = true
				w := int64(o.users)
				if w == 0 {
					w = int64(sc.users)
				}
				weight[m-lo] = max(weight[m-lo], w)
			}
		}
		if inside(m) {
			uf.total += int64(sc.users) * int64(time.Minute)
		}
		if !down {
			if inside(m) {
				up += time.Minute
			}
			continue
		}
		for _, n := range sc.notices {
			noticed = noticed || (n.lead >= p.NoticeLead && n.start <= m && m < n.end)
		}
		win := sc.window.Contains(sc.minute(m))
		if p.WindowNeedsNotice {
			win = win && noticed
		}
		reason := ReasonCounted
		switch {
		case win:
			reason = ReasonWindow
		case noticed:
			reason = ReasonNotice
		default:
		causes:
			for _, c := range p.ExcludedCauses {
				for _, o := range sc.outages {
					if o.cause == c && o.start <= m && m < o.end {
						reason = c.Reason()
						break causes
					}
				}
			}
		}
		switch {
		case reason == ReasonCounted:
			left[m-lo] = true
		case inside(m):
			excluded[reason] += time.Minute
			uf.excluded[reason] += weight[m-lo] * int64(time.Minute)
		}
	}
	var userRounding, userOutage int64
	for m := from; m < to; m++ {
		userOutage += weight[m-lo] * int64(time.Minute)
	}
	for m := lo; m < hi; {
		if !left[m-lo] {
			m++
			continue
		}
		run, in := 0, 0 // the period's minutes, and those inside the assessed span
		var runUsers, runMax int64
		for m < hi && left[m-lo] {
			run++
			if inside(m) {
				in++
				runUsers += weight[m-lo] * int64(time.Minute)
				runMax = max(runMax, weight[m-lo])
			}
			m++
		}
		if in == 0 {
			continue
		}
		whole, d := time.Duration(run)*time.Minute, time.Duration(in)*time.Minute
		if whole <= p.IntermittentLimit || whole < p.MinimumPeriod {
			excluded[ReasonIntermittent] += d
			uf.excluded[ReasonIntermittent] += runUsers
			continue
		}
		downtime += d
		uf.down += runUsers
		switch {
		case p.Resolution > 0 && p.ResolutionRounding == RoundDown:
			rounding -= d % p.Resolution
		case p.Resolution > 0 && d%p.Resolution != 0:
			rounding += p.Resolution - d%p.Resolution
			userRounding += runMax * int64(p.Resolution-d%p.Resolution)
		}
	}
	rounding = min(rounding, up)
	uf.up = uf.total - userOutage
	r := min(userRounding, uf.up)
	uf.down += r
	uf.up -= r
	return excluded, downtime + rounding, up - rounding, rounding, uf
}

// randomTiers returns a valid random policy: 1 to 5 tiers with Below
// strictly decreasing and Credit strictly increasing, at up to 3 decimal
// places, a level at or above the first Below, and a cap.
func randomTiers(rng *rand.Rand) Policy {
	p := DynamicsCRMOnline()
	n := 1 + rng.IntN(5)
	belows := map[int64]bool{}
	for len(belows) < n {
		belows[1+rng.Int64N(100_000)] = true // thousandths of a percent, (0, 100]
	}
	credits := map[int64]bool{}
	for len(credits) < n {
		credits[rng.Int64N(100_001)] = true // [0, 100]
	}
	bs, cs := mapKeys(belows), mapKeys(credits)
	slices.Sort(bs)
	slices.Reverse(bs) // decreasing
	slices.Sort(cs)    // increasing
	p.Tiers = make([]Tier, n)
	for i := range n {
		p.Tiers[i] = Tier{Below: decimal.New(bs[i], -3), Credit: decimal.New(cs[i], -3)}
	}
	p.Level = decimal.New(bs[0]+rng.Int64N(100_001-bs[0]), -3)
	p.CreditCap = decimal.New(1+rng.Int64N(100_000), -3)
	return p
}

// mapKeys returns the keys of m, in no order.
func mapKeys(m map[int64]bool) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// randomPrecisePolicy returns a valid policy whose tiers and level have
// up to 18 decimal places and up to 20 significant digits, so that some
// comparisons fit 64-bit integers and some do not.
func randomPrecisePolicy(rng *rand.Rand) Policy {
	p := DynamicsCRMOnline()
	n := 1 + rng.IntN(4)
	places := rng.IntN(19)
	pick := func() decimal.Decimal {
		b := []byte(strconv.Itoa(rng.IntN(100)))
		if places > 0 {
			b = append(b, '.')
			for range places {
				b = append(b, byte('0'+rng.IntN(10)))
			}
		}
		d := decimal.RequireFromString(string(b))
		if d.Sign() == 0 {
			return decimal.New(1, -int32(places))
		}
		return d
	}
	var belows []decimal.Decimal
	for len(belows) < n {
		d := pick()
		if !slices.ContainsFunc(belows, d.Equal) {
			belows = append(belows, d)
		}
	}
	slices.SortFunc(belows, func(a, b decimal.Decimal) int { return b.Cmp(a) }) // decreasing
	p.Tiers = make([]Tier, n)
	for i, b := range belows {
		p.Tiers[i] = Tier{Below: b, Credit: decimal.NewFromInt(int64(10 * (i + 1)))}
	}
	p.Level = p.Tiers[0].Below
	if rng.IntN(2) == 0 {
		p.Level = decimal.NewFromInt(100)
	}
	return p
}

// randomPercent returns a percentage in (0, 100] as c × 10^e with e in
// -18..2, most of them with at most 18 significant digits and some with
// 19 or 20 (which take the decimal fallback).
func randomPercent(rng *rand.Rand) decimal.Decimal {
	e := int32(-rng.IntN(21)) + 2
	// The largest coefficient with c × 10^e <= 100.
	limit := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(2-e)), nil)
	c := new(big.Int).SetUint64(rng.Uint64())
	c.Lsh(c, 64).Or(c, new(big.Int).SetUint64(rng.Uint64()))
	c.Mod(c, limit)         // in [0, 10^(2−e))
	c.Add(c, big.NewInt(1)) // in [1, 10^(2−e)]
	if rng.IntN(3) > 0 && c.BitLen() > 40 {
		c.Rsh(c, uint(rng.IntN(c.BitLen()))) // shorter coefficients too
		if c.Sign() == 0 {
			c.SetInt64(1)
		}
	}
	return decimal.NewFromBigInt(c, e)
}

// randomPolicy returns a valid policy of 1 to 4 tiers with random
// percentages, Below strictly decreasing and Level at least the first
// Below.
func randomPolicy(rng *rand.Rand) Policy {
	p := DynamicsCRMOnline()
	n := 1 + rng.IntN(4)
	belows := make([]decimal.Decimal, 0, n+1)
	for len(belows) < n+1 {
		belows = append(belows, randomPercent(rng))
	}
	// Sort descending and drop repeats by value.
	for i := range belows {
		for j := i + 1; j < len(belows); j++ {
			if belows[j].Cmp(belows[i]) > 0 {
				belows[i], belows[j] = belows[j], belows[i]
			}
		}
	}
	uniq := belows[:1]
	for _, b := range belows[1:] {
		if !b.Equal(uniq[len(uniq)-1]) {
			uniq = append(uniq, b)
		}
	}
	p.Level = uniq[0]
	tiers := uniq[min(1, len(uniq)-1):]
	if rng.IntN(4) == 0 {
		tiers = uniq // Level equal to the first Below
	}
	p.Tiers = p.Tiers[:0]
	for i, b := range tiers {
		p.Tiers = append(p.Tiers, Tier{Below: b, Credit: decimal.New(int64(10*(i+1)), 0)})
	}
	return p
}

// TestAssessAgainstBruteForce: Assess agrees with the minute-by-minute
// brute force (bruteForce) on random scenarios (randomScenario): the sums
// by reason, the downtime, the time up and the rounding, and for a policy
// that measures user-minutes the same sums in user-time.
func TestAssessAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 150 {
		sc := randomScenario(rng, 25)
		a, err := sc.policy.Assess(sc.period())
		require.NoError(t, err)
		excl, down, up, rounding, uf := bruteForce(sc)
		require.Equal(t, excl, a.Excluded, "case %d", i)
		require.Equal(t, down, a.Downtime, "case %d", i)
		require.Equal(t, up, a.Up, "case %d", i)
		require.Equal(t, rounding, a.Rounding, "case %d", i)
		checkInvariants(t, sc.policy, a)
		if sc.policy.Measure != MeasureUserMinutes {
			require.Nil(t, a.Users)
			continue
		}
		require.NotNil(t, a.Users)
		ns := func(v int64) decimal.Decimal { return decimal.New(v, -9) }
		require.True(t, ns(uf.total).Equal(a.Users.Total), "case %d total: want %d got %s", i, uf.total, a.Users.Total)
		require.True(t, ns(uf.down).Equal(a.Users.Downtime), "case %d downtime: want %d got %s", i, uf.down, a.Users.Downtime)
		require.True(t, ns(uf.up).Equal(a.Users.Up), "case %d up: want %d got %s", i, uf.up, a.Users.Up)
		require.Equal(t, len(uf.excluded), len(a.Users.Excluded), "case %d", i)
		for r, v := range uf.excluded {
			require.True(t, ns(v).Equal(a.Users.Excluded[r]), "case %d %q: want %d got %s", i, r, v, a.Users.Excluded[r])
		}
	}
}

// Adding an outage of the service's own fault never lowers Downtime or the
// credit, with exact resolution. (With a Resolution above 0 it can: two
// counted periods of 10m1ns round to 22m, but joined by a 1ns outage
// they are one period of 20m3ns, rounded to 21m. And an outage with an
// excluded cause can exclude time that counted before.)
func TestAssessAddingAnOutageNeverHelps(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 300 {
		sc := randomScenario(rng, 12)
		sc.policy.Resolution = 0
		before, err := sc.policy.Assess(sc.period())
		require.NoError(t, err)
		extra := randomScenario(rng, 3)
		for _, o := range extra.outages {
			o.cause = ""
			o.users = min(o.users, sc.users)
			sc.outages = append(sc.outages, o)
		}
		after, err := sc.policy.Assess(sc.period())
		require.NoError(t, err)
		require.GreaterOrEqual(t, after.Downtime, before.Downtime, "case %d", i)
		require.True(t, after.Credit.GreaterThanOrEqual(before.Credit), "case %d", i)
		if before.Users != nil {
			require.True(t, after.Users.Downtime.GreaterThanOrEqual(before.Users.Downtime), "case %d", i)
		}
	}
}

// A published window is the same as a notice, announced long before, for
// each of its occurrences: the same downtime and credit, with the window's
// time reported under "notice" instead.
func TestAssessWindowEqualsNotices(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 200 {
		sc := randomScenario(rng, 20)
		sc.policy.WindowNeedsNotice = false
		if sc.window.IsZero() {
			sc.window = maintenance.Regions()[i%len(maintenance.Regions())].Window
		}
		withWindow, err := sc.policy.Assess(sc.period())
		require.NoError(t, err)

		per := sc.period()
		per.Window = maintenance.Window{}
		// Every occurrence the assessment can see: the month's, and those
		// within the intermittent rule's reach past its edges.
		seen := calendar.Span{Start: sc.month.Start().Add(-24 * time.Hour), End: sc.month.End().Add(24 * time.Hour)}
		for occ := range sc.window.Occurrences(seen) {
			per.Notices = append(per.Notices, maintenance.Notice{Span: occ, Announced: occ.Start.Add(-365 * 24 * time.Hour)})
		}
		withNotices, err := sc.policy.Assess(per)
		require.NoError(t, err)

		assert.Equal(t, withWindow.Downtime, withNotices.Downtime, "case %d", i)
		assert.Equal(t, withWindow.Up, withNotices.Up, "case %d", i)
		assert.True(t, withWindow.Credit.Equal(withNotices.Credit), "case %d", i)
		assert.Equal(t, withWindow.Excluded[ReasonWindow]+withWindow.Excluded[ReasonNotice], withNotices.Excluded[ReasonNotice], "case %d", i)
		assert.Zero(t, withNotices.Excluded[ReasonWindow])
		for _, r := range sc.policy.Reasons()[2:] {
			assert.Equal(t, withWindow.Excluded[r], withNotices.Excluded[r], "case %d reason %q", i, r)
		}
	}
}

// breakPeriod makes per invalid in one of the ways Assess refuses a period,
// and says which.
func breakPeriod(rng *rand.Rand, per *Period) string {
	s := per.Month.Start().Add(time.Duration(rng.Int64N(int64(per.Month.Duration()))))
	switch rng.IntN(6) {
	case 0:
		per.Outages = append(per.Outages, Outage{Span: span(s, s.Add(-1-time.Duration(rng.Int64N(int64(time.Hour)))))})
		return "a reversed outage"
	case 1:
		per.Outages = append(per.Outages, Outage{Span: span(s, s.Add(time.Hour)), Cause: "act-of-god"})
		return "an unknown cause"
	case 2:
		per.Notices = append(per.Notices, maintenance.Notice{Span: span(s, s.Add(time.Hour)), Announced: s.Add(1)})
		return "a notice announced after it began"
	case 3:
		per.Users = -1 - rng.IntN(10)
		return "negative users"
	case 4:
		per.Subscribed = span(per.Month.End(), per.Month.End().Add(time.Hour))
		return "subscribed after the month"
	default:
		per.Month = calendar.Month{}
		return "the zero Month"
	}
}

// TestCompiledAssessMatchesPolicyAssess: for random valid policies and
// periods (randomScenario), a quarter of them made invalid (breakPeriod),
// Compiled.Assess gives exactly what Policy.Assess gives: the same
// Assessment field by field, with the same Parts and Periods, or the same
// calendar.ErrorList of the period's problems.
func TestCompiledAssessMatchesPolicyAssess(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for i := range 300 {
		sc := randomScenario(rng, 25)
		c, err := Compile(sc.policy)
		require.NoError(t, err, "case %d", i)
		per := sc.period()
		broken := ""
		if rng.IntN(4) == 0 {
			broken = breakPeriod(rng, &per)
		}
		want, wantErr := sc.policy.Assess(per)
		got, gotErr := c.Assess(per)
		if broken != "" {
			var wantList, gotList calendar.ErrorList
			require.ErrorAs(t, wantErr, &wantList, "case %d: %s", i, broken)
			require.ErrorAs(t, gotErr, &gotList, "case %d: %s", i, broken)
			require.ErrorIs(t, gotErr, ErrInvalidPeriod, "case %d: %s", i, broken)
			require.Equal(t, wantErr.Error(), gotErr.Error(), "case %d: %s", i, broken)
			require.Len(t, gotList, len(wantList), "case %d: %s", i, broken)
			require.Equal(t, Assessment{}, got, "case %d: %s", i, broken)
			continue
		}
		require.NoError(t, wantErr, "case %d", i)
		require.NoError(t, gotErr, "case %d", i)
		require.Equal(t, want, got, "case %d", i)
		require.Equal(t, want.Parts(), got.Parts(), "case %d", i)
		require.Equal(t, want.Periods(), got.Periods(), "case %d", i)
	}
}
