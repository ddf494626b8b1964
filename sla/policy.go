package sla

import (
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/clip"
	"github.com/slapolicy/slapolicy/internal/strictjson"
	"github.com/slapolicy/slapolicy/maintenance"
)

// ErrInvalidPolicy is wrapped by every error that reports a bad Policy:
// each problem Validate finds, and each problem UnmarshalJSON and
// ParsePolicy find in a policy's JSON form. Test for it with errors.Is.
var ErrInvalidPolicy = errors.New("sla: invalid policy")

// Tier is one row of a credit table: a month whose uptime percentage is
// below Below (strictly: an uptime of exactly Below does not match) earns
// Credit percent of that month's fee. Both are percentages, so 99.9 means
// 99.9 %. The zero Tier is invalid (Below must be above 0). Tier is a value
// type, safe for concurrent use.
type Tier struct {
	Below  decimal.Decimal // uptime % strictly below this matches, in (0, 100]
	Credit decimal.Decimal // percent of the month's fee, in [0, 100]
}

// Policy is an SLA held as data: the service level, the credit tiers and
// every rule that decides which outage time counts as Downtime. Other
// providers' SLAs, or other versions of this one, are other Policy values
// (see DynamicsCRMOnline for the Microsoft Dynamics CRM Online Service
// Level Agreement, and the JSON form written by MarshalJSON for
// configuration files).
//
// The fields are exported so that a policy is plain data. Treat a Policy as
// read-only once it is shared: its slices are not copied by the methods,
// and a Policy that is not modified is safe for concurrent use. The zero
// Policy is invalid (no level, no tiers, no credit cap); every method that
// computes with a policy validates it first or documents what it does with
// an invalid one.
type Policy struct {
	// Level is the service level in percent, in (0, 100]: 99.9 for
	// DynamicsCRMOnline. A month meets it when its uptime percentage is at
	// least Level.
	Level decimal.Decimal
	// Tiers is the credit table, ordered with Below strictly decreasing and
	// Credit strictly increasing. Of the tiers a month's uptime is below,
	// the one with the smallest Below (the last matching one) applies.
	Tiers []Tier
	// ScheduledDowntime is the Scheduled Downtime rule (section E,
	// definition 11):
	// time inside the region's published window, and time announced at
	// least NoticeLead ahead (24h for Dynamics CRM Online; exactly the
	// lead counts), never counts; WindowNeedsNotice is the stricter
	// reading. The communication checks of package maintenance/comms take
	// this same value, so the two never read the rule differently.
	maintenance.ScheduledDowntime
	// IntermittentLimit is the longest contiguous period of otherwise
	// counted downtime that is excluded as intermittent. The limit is
	// inclusive: a period of exactly IntermittentLimit is excluded, one a
	// nanosecond longer counts whole (10m for DynamicsCRMOnline, section
	// D.1.b.vii). 0 turns the rule off.
	IntermittentLimit time.Duration
	// ExcludedCauses lists the outage causes that never count, in the
	// order used to attribute a moment that several of them cover. Every
	// entry must be one of Causes, at most once.
	ExcludedCauses []Cause
	// Resolution, when above 0, rounds each counted downtime period to a
	// whole multiple of it (1m: whole minutes, as section A's formula
	// counts minutes), up or down as ResolutionRounding says. 0, the
	// default, measures downtime exactly to the nanosecond.
	Resolution time.Duration
	// ResolutionRounding is which way Resolution rounds each counted
	// period: RoundUp (the zero value "" means the same) or RoundDown, for
	// SLAs in which "partial minutes are not counted": with a 1m
	// resolution a 5m30s period counts 5m. RoundDown is for policies that
	// measure minutes; Validate refuses it with user-minutes.
	ResolutionRounding Rounding
	// CreditCap is the most a month's credit can be, in percent of that
	// month's fee, in (0, 100]: 100 for DynamicsCRMOnline (section B.3,
	// "shall not ... exceed Customer's monthly Subscription Fee").
	CreditCap decimal.Decimal
	// CurrencyPlaces is the number of decimal places a credit amount is
	// rounded to, half away from zero, in 0..18 (2 for DynamicsCRMOnline).
	CurrencyPlaces int
	// Measure is what the uptime percentage counts: MeasureMinutes (the
	// zero value "" means the same) or MeasureUserMinutes.
	Measure Measure
	// MinimumPeriod, when above 0, counts a contiguous period of otherwise
	// counted downtime only when it lasts at least MinimumPeriod; shorter
	// periods are excluded as ReasonIntermittent. It is the form other
	// SLAs use ("a Downtime Period is at least 5 consecutive minutes"),
	// and its edge is the other way round from IntermittentLimit's: a
	// period of exactly MinimumPeriod counts, while a period of exactly
	// IntermittentLimit is excluded. When both are set a period is
	// excluded if either rule excludes it. 0, the default, turns it off.
	MinimumPeriod time.Duration
	// MinimumPayout, when above 0, is the smallest credit issued, in the
	// fee's currency: a credit whose amount rounded to CurrencyPlaces is
	// below it is not issued (CreditAmount and Payout give 0). At most 18
	// decimal places. 0, the default, issues every credit.
	MinimumPayout decimal.Decimal
}

// Measure is what a policy's uptime percentage counts. Its zero value ""
// is MeasureMinutes. It is a string, safe for concurrent use.
type Measure string

// The measures.
const (
	// MeasureMinutes counts elapsed time, as section A's formula does: a
	// moment is down or up, whoever it affects.
	MeasureMinutes Measure = "minutes"
	// MeasureUserMinutes counts user-time: each moment weighs the number
	// of users it affects (Outage.Users, out of Period.Users licensed), so
	// an outage of 10 of 1,000 users for an hour costs 600 user-minutes
	// of 1,000 × the month's minutes. The rules that decide whether a
	// period counts (IntermittentLimit, MinimumPeriod) still judge its
	// elapsed length, not its user-time: a 10-minute outage of 200 users
	// is intermittent.
	MeasureUserMinutes Measure = "user-minutes"
)

// Rounding is which way a policy's Resolution rounds a counted period. Its
// zero value "" is RoundUp. It is a string, safe for concurrent use.
type Rounding string

// The roundings.
const (
	// RoundUp rounds each counted period up to a whole multiple of the
	// resolution: a started minute counts whole.
	RoundUp Rounding = "up"
	// RoundDown rounds each counted period down to a whole multiple of
	// the resolution: partial minutes are not counted.
	RoundDown Rounding = "down"
)

// roundsDown reports whether p rounds counted periods down.
func (p Policy) roundsDown() bool { return p.ResolutionRounding == RoundDown }

// byUsers reports whether p measures user-minutes.
func (p Policy) byUsers() bool { return p.Measure == MeasureUserMinutes }

// Limits on a policy's numbers. Decimals with more places than maxPlaces are
// refused so that no comparison or rounding ever works on huge numbers.
const (
	maxPlaces         = 18
	maxCurrencyPlaces = 18
)

var (
	hundred = decimal.New(100, 0)
	zero    = decimal.Decimal{}
)

// Validate reports every problem with p at once, as a calendar.ErrorList
// whose entries wrap ErrInvalidPolicy and name the field and its value, or
// nil for a valid policy. A valid policy has:
//   - a Level in (0, 100];
//   - at least one tier; each Below in (0, 100] and each Credit in
//     [0, 100]; Below strictly decreasing and Credit strictly increasing
//     from one tier to the next; Level at least the first tier's Below;
//   - decimals with at most 18 decimal places;
//   - NoticeLead, IntermittentLimit, Resolution and MinimumPeriod not
//     negative, and MinimumPayout not negative;
//   - a CreditCap in (0, 100], so that a configuration file that leaves it
//     out fails instead of crediting nothing;
//   - CurrencyPlaces in 0..18;
//   - ExcludedCauses naming only Causes, each at most once; a name such as
//     "window", "notice" or "intermittent" is refused with its own
//     message, so a typo never silently turns an exclusion off;
//   - a Measure that is "", "minutes" or "user-minutes".
func (p Policy) Validate() error {
	var errs calendar.ErrorList
	bad := func(format string, args ...any) {
		errs.Add(fmt.Errorf("%w: "+format, append([]any{ErrInvalidPolicy}, args...)...))
	}
	// percent checks d for field; zeroOK allows 0. It reports whether d is
	// valid, so that comparisons with other fields are only made (and only
	// reported) between valid values.
	//
	// The happy path neither formats nor allocates: field is turned into
	// an interface only for a message, and aboveHundred compares d with
	// 100 written at d's own exponent, coefficient against coefficient.
	percent := func(field tierFieldName, d decimal.Decimal, zeroOK bool) bool {
		if d.Exponent() < -maxPlaces {
			bad("%s %q has more than %d decimal places", field, strictjson.QuoteDecimal(d), maxPlaces)
			return false
		}
		if d.Exponent() > maxPlaces {
			bad("%s %q is out of range", field, strictjson.QuoteDecimal(d))
			return false
		}
		lowOK := d.Sign() > 0 || (zeroOK && d.Sign() == 0)
		if !lowOK || aboveHundred(d) {
			if zeroOK {
				bad("%s %q is outside [0, 100]", field, strictjson.Decimal(d))
			} else {
				bad("%s %q is outside (0, 100]", field, strictjson.Decimal(d))
			}
			return false
		}
		return true
	}

	levelOK := percent(fieldName("level"), p.Level, false)
	if len(p.Tiers) == 0 {
		bad("tiers is empty (a policy needs at least one credit tier)")
	}
	prevOK := false
	for i, t := range p.Tiers {
		belowOK := percent(tierField(i, "below"), t.Below, false)
		creditOK := percent(tierField(i, "credit"), t.Credit, true)
		if i == 0 && belowOK && levelOK && cmpDecimal(p.Level, t.Below) < 0 {
			bad("level %q is below tiers[0].below %q", strictjson.Decimal(p.Level), strictjson.Decimal(t.Below))
		}
		if prevOK && belowOK && creditOK { // prevOK: there is a valid tier before this one
			prev := p.Tiers[i-1]
			if cmpDecimal(t.Below, prev.Below) >= 0 {
				bad("tiers[%d].below %q is not below tiers[%d].below %q (tiers must be strictly decreasing in below)",
					i, strictjson.Decimal(t.Below), i-1, strictjson.Decimal(prev.Below))
			}
			if cmpDecimal(t.Credit, prev.Credit) <= 0 {
				bad("tiers[%d].credit %q is not above tiers[%d].credit %q (credits must be strictly increasing)",
					i, strictjson.Decimal(t.Credit), i-1, strictjson.Decimal(prev.Credit))
			}
		}
		prevOK = belowOK && creditOK
	}
	for _, d := range []struct {
		field string
		v     time.Duration
	}{{"noticeLead", p.NoticeLead}, {"intermittentLimit", p.IntermittentLimit}, {"resolution", p.Resolution}, {"minimumPeriod", p.MinimumPeriod}} {
		if d.v < 0 {
			bad("%s %q is negative", d.field, d.v.String())
		}
	}
	percent(fieldName("creditCap"), p.CreditCap, false)
	switch e := p.MinimumPayout.Exponent(); {
	case e < -maxPlaces:
		bad("minimumPayout %q has more than %d decimal places", strictjson.QuoteDecimal(p.MinimumPayout), maxPlaces)
	case e > maxPlaces:
		bad("minimumPayout %q is out of range", strictjson.QuoteDecimal(p.MinimumPayout))
	case p.MinimumPayout.Sign() < 0:
		bad("minimumPayout %q is negative", strictjson.Decimal(p.MinimumPayout))
	}
	if p.CurrencyPlaces < 0 || p.CurrencyPlaces > maxCurrencyPlaces {
		bad("currencyPlaces %d is outside 0..%d", p.CurrencyPlaces, maxCurrencyPlaces)
	}
	switch p.Measure {
	case "", MeasureMinutes, MeasureUserMinutes:
	default:
		bad("measure %s is not %q or %q", strictjson.Quote(string(p.Measure)), string(MeasureMinutes), string(MeasureUserMinutes))
	}
	switch p.ResolutionRounding {
	case "", RoundUp:
	case RoundDown:
		if p.byUsers() {
			bad("resolutionRounding %q is not defined for measure %q (the users of a period's dropped part are not known)", string(RoundDown), string(MeasureUserMinutes))
		}
	default:
		bad("resolutionRounding %s is not %q or %q", strictjson.Quote(string(p.ResolutionRounding)), string(RoundUp), string(RoundDown))
	}
	var seen [numCodes]int // 1 + the index where each known cause was first seen
	for i, c := range p.ExcludedCauses {
		k, known := causeCode(c)
		switch {
		case known && seen[k] > 0:
			bad("excludedCauses[%d] %s repeats excludedCauses[%d]", i, clip.Quote(string(c)), seen[k]-1)
		case known:
			seen[k] = i + 1
		case c == "":
			bad("excludedCauses[%d] is empty (the service's own fault cannot be excluded)", i)
		case reserved(c):
			bad("excludedCauses[%d] %s is the name of a reason, not a cause", i, clip.Quote(string(c)))
		default:
			bad("excludedCauses[%d] %s is not a known cause (known: %s)", i, clip.Quote(string(c)), knownList())
		}
	}
	return errs.Err()
}

// tierFieldName names a field of the policy, or field of tiers[i], in an
// error message, formatted only when an error is reported.
type tierFieldName struct {
	i     int // the tier's index, or -1 for a field of the policy
	field string
}

// tierField returns the name of field of tiers[i].
func tierField(i int, field string) tierFieldName { return tierFieldName{i, field} }

// fieldName returns the name of a field of the policy itself.
func fieldName(field string) tierFieldName { return tierFieldName{-1, field} }

// Format writes "tiers[i].field", or "field" for a field of the policy,
// for %s and %v.
func (n tierFieldName) Format(f fmt.State, _ rune) {
	if n.i < 0 {
		fmt.Fprint(f, n.field)
		return
	}
	fmt.Fprintf(f, "tiers[%d].%s", n.i, n.field)
}
