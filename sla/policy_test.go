package sla

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/internal/strictjson"

	"github.com/slapolicy/slapolicy/calendar"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestDynamicsCRMOnlineIsValid(t *testing.T) {
	p := DynamicsCRMOnline()
	require.NoError(t, p.Validate())
	// Seed 004 A.1: "The Service Level is 99.9%."
	assert.True(t, dec("99.9").Equal(p.Level), "level %s", p.Level)
	// Published Dynamics CRM Online tiers (the seed's chart lost them).
	want := [][2]string{{"99.9", "25"}, {"99", "50"}, {"95", "100"}}
	require.Len(t, p.Tiers, len(want))
	for i, w := range want {
		assert.True(t, dec(w[0]).Equal(p.Tiers[i].Below), "tier %d below %s", i, p.Tiers[i].Below)
		assert.True(t, dec(w[1]).Equal(p.Tiers[i].Credit), "tier %d credit %s", i, p.Tiers[i].Credit)
	}
	assert.Equal(t, 24*time.Hour, p.NoticeLead)          // definition 11: "at least 24-hours prior"
	assert.Equal(t, 10*time.Minute, p.IntermittentLimit) // D.1.b.vii: "ten minutes or less"
	assert.Equal(t, Causes(), p.ExcludedCauses)
	assert.Equal(t, time.Duration(0), p.Resolution)
	assert.False(t, p.WindowNeedsNotice)
	assert.True(t, hundred.Equal(p.CreditCap)) // B.3: never exceeds the monthly fee
	assert.Equal(t, 2, p.CurrencyPlaces)

	// Each call returns new slices.
	p.Tiers[0].Credit = dec("1")
	p.ExcludedCauses[0] = "x"
	q := DynamicsCRMOnline()
	assert.True(t, dec("25").Equal(q.Tiers[0].Credit))
	assert.Equal(t, CauseOutsideControl, q.ExcludedCauses[0])
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		modify func(p *Policy)
		want   []string // substrings, one per expected problem
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
		{"huge exponent", func(p *Policy) { p.Level = decimal.New(1, 1_000_000_000) }, []string{`level "1e1000000000" is out of range`}},
		{"tiny exponent", func(p *Policy) { p.CreditCap = decimal.New(1, -2_000_000_000) }, []string{`creditCap "1e-2000000000" has more than 18 decimal places`}},
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DynamicsCRMOnline()
			tt.modify(&p)
			err := p.Validate()
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidPolicy)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			var list calendar.ErrorList
			require.True(t, errors.As(err, &list))
			assert.Len(t, list, len(tt.want), "one error per problem:\n%v", err)
			for _, e := range list {
				assert.True(t, strings.HasPrefix(e.Error(), "sla: invalid policy: "), e.Error())
			}
		})
	}
}

func TestValidateAcceptsOtherShapes(t *testing.T) {
	p := Policy{
		Level:          dec("99.95"),
		Tiers:          []Tier{{Below: dec("99.95"), Credit: dec("10")}, {Below: dec("99"), Credit: dec("25")}, {Below: dec("95"), Credit: dec("100")}},
		ExcludedCauses: nil, // nothing excluded
		CreditCap:      dec("30"),
		CurrencyPlaces: 0,
	}
	assert.NoError(t, p.Validate())
	p.Level = dec("100") // level above the first tier is allowed
	assert.NoError(t, p.Validate())
	p.Tiers = []Tier{{Below: dec("100"), Credit: dec("0")}}
	assert.NoError(t, p.Validate(), "a single tier at 100 with credit 0")
}

func TestPlain(t *testing.T) {
	for in, want := range map[string]string{
		"99.9": "99.9", "99.900": "99.9", "100": "100", "0": "0", "0.00": "0",
		"-0.5": "-0.5", "0.000001": "0.000001", "1e2": "100", "-3": "-3",
	} {
		assert.Equal(t, want, strictjson.Decimal(dec(in)), in)
	}
	assert.Equal(t, "25", strictjson.Decimal(decimal.New(25, 0)))
	assert.Equal(t, "1e-100", strictjson.Decimal(decimal.New(1, -100)))
}
