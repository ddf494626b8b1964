package sla

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/internal/strictjson"
	"github.com/slapolicy/slapolicy/internal/testkit"
	"github.com/slapolicy/slapolicy/maintenance"

	"github.com/slapolicy/slapolicy/calendar"
)

// DynamicsCRMOnline is valid and holds the agreement's figures.
func TestDynamicsCRMOnlineIsValid(t *testing.T) {
	p := DynamicsCRMOnline()
	require.NoError(t, p.Validate())
	// Section A: "The Service Level is 99.9%."
	assert.True(t, dec("99.9").Equal(p.Level), "level %s", p.Level)
	// Section B's chart lost its percentages in the agreement's copy:
	// these are the published Dynamics CRM Online figures.
	want := [][2]string{{"99.9", "25"}, {"99", "50"}, {"95", "100"}}
	require.Len(t, p.Tiers, len(want))
	for i, w := range want {
		assert.True(t, dec(w[0]).Equal(p.Tiers[i].Below), "tier %d below %s", i, p.Tiers[i].Below)
		assert.True(t, dec(w[1]).Equal(p.Tiers[i].Credit), "tier %d credit %s", i, p.Tiers[i].Credit)
	}
	assert.Equal(t, 24*time.Hour, p.NoticeLead)          // section E, definition 11: "at least 24-hours prior"
	assert.Equal(t, 10*time.Minute, p.IntermittentLimit) // section D.1.b.vii: "ten minutes or less"
	assert.Equal(t, Causes(), p.ExcludedCauses)
	assert.Equal(t, time.Duration(0), p.Resolution)
	assert.False(t, p.WindowNeedsNotice)
	assert.True(t, hundred.Equal(p.CreditCap)) // section B.3: never exceeds the monthly fee
	assert.Equal(t, 2, p.CurrencyPlaces)

	// Each call returns new slices.
	p.Tiers[0].Credit = dec("1")
	p.ExcludedCauses[0] = "x"
	q := DynamicsCRMOnline()
	assert.True(t, dec("25").Equal(q.Tiers[0].Credit))
	assert.Equal(t, CauseOutsideControl, q.ExcludedCauses[0])
}

// TestValidate changes DynamicsCRMOnline one way per row and lists the
// problems Validate must report, one substring per problem; a row with no
// problems is a valid policy.
func TestValidate(t *testing.T) {
	// otherShape is another provider's policy: 99.95 %, credits of 10, 25
	// and 100 %, nothing excluded, a 30 % cap, whole currency units.
	otherShape := func() Policy {
		return Policy{
			Level:          dec("99.95"),
			Tiers:          []Tier{{Below: dec("99.95"), Credit: dec("10")}, {Below: dec("99"), Credit: dec("25")}, {Below: dec("95"), Credit: dec("100")}},
			ExcludedCauses: nil, // nothing excluded
			CreditCap:      dec("30"),
			CurrencyPlaces: 0,
		}
	}
	tests := []struct {
		name   string
		modify func(p *Policy)
		want   []string // substrings, one per expected problem; nil: valid
	}{
		{"zero level", func(p *Policy) { p.Level = decimal.Decimal{} }, []string{`level "0" is outside (0, 100]`}},
		{"level over 100", func(p *Policy) { p.Level = dec("100.5") }, []string{`level "100.5" is outside (0, 100]`}},
		{"negative level", func(p *Policy) { p.Level = dec("-1") }, []string{`level "-1" is outside (0, 100]`}},
		{"level below first tier", func(p *Policy) { p.Level = dec("99.5") }, []string{`level "99.5" is below tiers[0].below "99.9"`}},
		{"no tiers", func(p *Policy) { p.Tiers = nil }, []string{"tiers is empty"}},
		{"tiers not descending", func(p *Policy) { p.Tiers[1].Below = dec("99.9") }, []string{`tiers[1].below "99.9" is not below tiers[0].below "99.9"`}},
		{"credits not increasing", func(p *Policy) { p.Tiers[2].Credit = dec("50") }, []string{`tiers[2].credit "50" is not above tiers[1].credit "50"`}},
		{"below zero", func(p *Policy) { p.Tiers[2].Below = dec("0") }, []string{`tiers[2].below "0" is outside (0, 100]`}},
		{"credit over 100", func(p *Policy) { p.Tiers[2].Credit = dec("101") }, []string{`tiers[2].credit "101" is outside [0, 100]`}},
		{"negative credit", func(p *Policy) { p.Tiers[0].Credit = dec("-25") }, []string{`tiers[0].credit "-25" is outside [0, 100]`}},
		{"too many places", func(p *Policy) { p.Tiers[0].Below = decimal.New(1, -19) }, []string{`tiers[0].below "1e-19" has more than 18 decimal places`}},
		{"huge exponent", func(p *Policy) { p.Level = decimal.New(1, 1e9) }, []string{`level "1e1000000000" is out of range`}},
		{"tiny exponent", func(p *Policy) { p.CreditCap = decimal.New(1, -2e9) }, []string{`creditCap "1e-2000000000" has more than 18 decimal places`}},
		{"negative lead", func(p *Policy) { p.NoticeLead = -time.Hour }, []string{`noticeLead "-1h0m0s" is negative`}},
		{"negative limit", func(p *Policy) { p.IntermittentLimit = -1 }, []string{`intermittentLimit "-1ns" is negative`}},
		{"negative resolution", func(p *Policy) { p.Resolution = -time.Minute }, []string{`resolution "-1m0s" is negative`}},
		{"zero cap", func(p *Policy) { p.CreditCap = decimal.Decimal{} }, []string{`creditCap "0" is outside (0, 100]`}},
		{"cap over 100", func(p *Policy) { p.CreditCap = dec("150") }, []string{`creditCap "150" is outside (0, 100]`}},
		{"negative places", func(p *Policy) { p.CurrencyPlaces = -1 }, []string{"currencyPlaces -1 is outside 0..18"}},
		{"too many currency places", func(p *Policy) { p.CurrencyPlaces = 19 }, []string{"currencyPlaces 19 is outside 0..18"}},
		{"unknown cause", func(p *Policy) { p.ExcludedCauses[1] = "add-0n" }, []string{`excludedCauses[1] "add-0n" is not a known cause`}},
		{"cause named window", func(p *Policy) { p.ExcludedCauses = []Cause{"window"} }, []string{`excludedCauses[0] "window" is the name of a reason`}},
		{"cause named notice", func(p *Policy) { p.ExcludedCauses = []Cause{"notice"} }, []string{`excludedCauses[0] "notice" is the name of a reason`}},
		{"cause named intermittent", func(p *Policy) { p.ExcludedCauses = []Cause{"intermittent"} }, []string{`excludedCauses[0] "intermittent" is the name of a reason`}},
		{"empty cause", func(p *Policy) { p.ExcludedCauses = []Cause{""} }, []string{"excludedCauses[0] is empty"}},
		{"repeated cause", func(p *Policy) { p.ExcludedCauses = []Cause{CauseAddOn, CausePreview, CauseAddOn} }, []string{`excludedCauses[2] "add-on" repeats excludedCauses[0]`}},
		{"several at once", func(p *Policy) {
			p.Level = decimal.Decimal{}
			p.NoticeLead = -1
			p.CurrencyPlaces = -2
			p.ExcludedCauses = []Cause{"typo"}
		}, []string{`level "0"`, "noticeLead", "currencyPlaces -2", `"typo"`}},
		{"zero policy", func(p *Policy) { *p = Policy{} }, []string{"level", "tiers is empty", "creditCap"}},

		// A percentage has at most 18 decimal places and an exponent of
		// at most 18: written with exponent 18, 1e18 % is outside
		// (0, 100], not out of range; exponent 19 is out of range.
		{"level at exponent 18", func(p *Policy) { p.Level = decimal.New(1, 18) }, []string{`level "1000000000000000000" is outside (0, 100]`}},
		{"level at exponent 19", func(p *Policy) { p.Level = decimal.New(1, 19) }, []string{`level "1e19" is out of range`}},
		{"level with 18 places", func(p *Policy) { p.Level = decimal.New(999, -1).Add(decimal.New(1, -18)) }, nil}, // 99.900000000000000001
		// currencyPlaces runs from 0 to 18, both ends valid (-1 and 19 are
		// rows above).
		{"currency places 0", func(p *Policy) { p.CurrencyPlaces = 0 }, nil},
		{"currency places 18", func(p *Policy) { p.CurrencyPlaces = 18 }, nil},
		{"negative minimum period and payout", func(p *Policy) {
			p.MinimumPeriod = -time.Minute
			p.MinimumPayout = dec("-1")
		}, []string{`minimumPeriod "-1m0s" is negative`, `minimumPayout "-1" is negative`}},
		// minimumPayout has a percentage's limits on places and exponent;
		// 0, its default, issues every credit.
		{"minimum payout 0", func(p *Policy) { p.MinimumPayout = decimal.Decimal{} }, nil},
		{"minimum payout with 18 places", func(p *Policy) { p.MinimumPayout = decimal.New(1, -18) }, nil},
		{"minimum payout with 19 places", func(p *Policy) { p.MinimumPayout = decimal.New(1, -19) }, []string{`minimumPayout "1e-19" has more than 18 decimal places`}},
		{"minimum payout at exponent 18", func(p *Policy) { p.MinimumPayout = decimal.New(1, 18) }, nil},
		{"minimum payout at exponent 19", func(p *Policy) { p.MinimumPayout = decimal.New(1, 19) }, []string{`minimumPayout "1e19" is out of range`}},
		{"minimum payout one cent below zero", func(p *Policy) { p.MinimumPayout = decimal.New(-1, -2) }, []string{`minimumPayout "-0.01" is negative`}},
		// Other providers' shapes are valid too.
		{"another provider's shape", func(p *Policy) { *p = otherShape() }, nil},
		{"level above the first tier", func(p *Policy) { *p = otherShape(); p.Level = dec("100") }, nil},
		{"a single tier at 100 with credit 0", func(p *Policy) {
			*p = otherShape()
			p.Level = dec("100")
			p.Tiers = []Tier{{Below: dec("100"), Credit: dec("0")}}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DynamicsCRMOnline()
			tt.modify(&p)
			err := p.Validate()
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidPolicy)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			var list calendar.ErrorList
			require.True(t, errors.As(err, &list))
			assert.Len(t, list, len(tt.want), "one error per problem:\n%v", err)
			assert.Len(t, strings.Split(err.Error(), "\n"), len(tt.want), "one line per problem:\n%v", err)
			for _, e := range list {
				assert.True(t, strings.HasPrefix(e.Error(), "sla: invalid policy: "), e.Error())
			}
		})
	}
}

// TestShortDecimalCutsLongCoefficients: a value an error quotes keeps its
// coefficient whole up to 40 digits and is cut at 40 beyond, in
// strictjson.QuoteDecimal and so in Validate's messages.
func TestShortDecimalCutsLongCoefficients(t *testing.T) {
	forty := strings.Repeat("1234567890", 4)
	d40, err := decimal.NewFromString(forty)
	require.NoError(t, err)
	assert.Equal(t, forty+"e0", strictjson.QuoteDecimal(d40), "40 digits are written whole")
	d41, err := decimal.NewFromString(forty + "7")
	require.NoError(t, err)
	assert.Equal(t, forty+"...e0", strictjson.QuoteDecimal(d41), "41 digits are cut to 40")
	assert.Equal(t, "-5e-3", strictjson.QuoteDecimal(decimal.New(-5, -3)))

	// In a Validate message: a level with 41 digits at exponent -19.
	p := DynamicsCRMOnline()
	p.Level = d41.Shift(-19 - 40)
	err = p.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), `level "`+forty+`...e-59" has more than 18 decimal places`)
}

// TestPolicyConcurrent shares one Policy and its Compiled form (and,
// through the periods, the region table's windows and the same outage
// slices) among many goroutines under -race: every assessment, payout and
// policy read back from JSON must equal the answer computed first on one
// goroutine (testkit.Agree), and the shared policy is unchanged after.
func TestPolicyConcurrent(t *testing.T) {
	shared := DynamicsCRMOnline()
	shared.Resolution = time.Minute
	compiled, err := Compile(shared)
	require.NoError(t, err)
	ny := location(t, "America/New_York")
	rng := rand.New(rand.NewPCG(8, 1))
	periods := make([]Period, 60)
	for i := range periods {
		sc := randomScenario(rng, 30)
		per := sc.period()
		if i%3 == 0 {
			// Some months in New York, with the same outages.
			per.Month = calendar.NewMonth(2024, time.Month(1+i%12), ny)
			per.Subscribed = calendar.Span{}
		}
		per.Window = maintenance.Regions()[i%len(maintenance.Regions())].Window
		periods[i] = per
	}
	policyJSON, err := shared.MarshalJSON()
	require.NoError(t, err)
	fee := decimal.RequireFromString("1234.565")

	testkit.Agree(t, len(periods), func(i int) string {
		a, err := shared.Assess(periods[i])
		if err != nil {
			return err.Error()
		}
		c, cerr := compiled.Assess(periods[i])
		pay, err := a.Payout(fee)
		p, perr := ParsePolicy(bytes.NewReader(policyJSON))
		return fmt.Sprint(a.Total, a.Downtime, a.Up, a.Rounding, a.Excluded, a.Uptime.String(), a.Credit.String(), a.Met,
			a.Parts(), a.Periods(), pay.Amount.String(), pay.Unrounded.String(), err,
			shared.CreditPercent(a.Total, a.Downtime).String(), UptimePercent(a.Total, a.Downtime).String(),
			p.Validate(), perr, len(p.Tiers),
			c.Downtime, c.Excluded, c.Credit.String(), c.Parts(), cerr)
	})
	// The shared policy is unchanged.
	again, err := shared.MarshalJSON()
	require.NoError(t, err)
	require.Equal(t, string(policyJSON), string(again))
}

// TestValidateHappyPathAllocatesNothing keeps Validate cheap enough for
// Assess to call on every month: no formatting and no decimal arithmetic
// unless there is an error, for percentages of at most 18 significant
// digits (more take decimal's Cmp, which may allocate).
func TestValidateHappyPathAllocatesNothing(t *testing.T) {
	for name, p := range map[string]Policy{
		"dynamics":       DynamicsCRMOnline(),
		"18 digits":      func() Policy { p := DynamicsCRMOnline(); p.Level = dec("99.9999999999999999"); return p }(),
		"18 places":      func() Policy { p := DynamicsCRMOnline(); p.Tiers[2].Below = dec("0.000000000000000001"); return p }(),
		"minimum payout": func() Policy { p := DynamicsCRMOnline(); p.MinimumPayout = dec("0.01"); return p }(),
	} {
		require.NoError(t, p.Validate(), name)
		assert.Zero(t, testing.AllocsPerRun(100, func() { _ = p.Validate() }), name)
	}
}
