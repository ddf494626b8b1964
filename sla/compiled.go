package sla

import (
	"math/big"
	"slices"

	"github.com/shopspring/decimal"
)

// Compiled is a policy validated once, for assessing many months under
// it: Compile checks the policy (Policy.Validate) and keeps a copy of it,
// and Compiled.Assess gives the answers Policy.Assess gives for that
// policy, without validating it again.
//
// A *Compiled is immutable: it copies the policy's slices, so changing the
// Policy afterwards does not change it. It is safe for concurrent use by
// many goroutines. The zero Compiled is not usable; make one with Compile.
type Compiled struct {
	p Policy
	// codes[k] is the reason code of the outages of rank k: of
	// p.ExcludedCauses[k], and codeCounted for k == len(ExcludedCauses),
	// the rank of outages that count.
	codes [numCauses + 1]code
	money money // what assessments keep for their credit amounts
	// level and below are p.Level and each tier's Below prepared for
	// judging in integers (see prepare); the zero level and a nil below
	// (a Compiled that Policy.Assess makes for one call) are prepared as
	// they are needed.
	level scaled
	below []scaled
}

// Compile returns p validated and compiled, or nil and the problems
// Validate reports (a calendar.ErrorList whose entries wrap
// ErrInvalidPolicy).
func Compile(p Policy) (*Compiled, error) {
	p.Tiers = slices.Clone(p.Tiers)
	p.ExcludedCauses = slices.Clone(p.ExcludedCauses)
	c := new(Compiled)
	if err := c.init(p); err != nil {
		return nil, err
	}
	c.prepare()
	return c, nil
}

// init validates p and prepares c for it; c keeps p's slices as they are.
func (c *Compiled) init(p Policy) error {
	if err := p.Validate(); err != nil {
		return err
	}
	c.p = p
	for k, cause := range p.ExcludedCauses {
		c.codes[k], _ = causeCode(cause) // a valid policy excludes only known causes, each once
	}
	c.codes[len(p.ExcludedCauses)] = codeCounted
	c.money = p.money()
	return nil
}

// prepare keeps the policy's level and tiers prepared for judging in
// integers (judgeInt). Compile does it once; Policy.Assess, which compiles
// for one call, does not.
func (c *Compiled) prepare() {
	c.level = scaledOf(c.p.Level)
	c.below = make([]scaled, len(c.p.Tiers))
	for i, t := range c.p.Tiers {
		c.below[i] = scaledOf(t.Below)
	}
}

// judgeInt returns the uptime percentage, the credit and whether the level
// is met for down out of total, amounts that fit 64 bits with total above
// 0 and down <= total: uptimeInt, creditOf's tier and meetsOf's answer, in
// integers with the percentages prepare prepared, else as Policy's
// creditWith and meetsInt prepare them, falling back to decimals for a
// percentage they do not decide.
func (c *Compiled) judgeInt(total, down uint64) (uptime, credit decimal.Decimal, met bool) {
	if c.level.ok {
		met = !c.level.less(total-down, total)
	} else {
		met = c.p.meetsInt(total, down)
	}
	return uptimeInt(total, down), c.p.creditWith(c.below, total, down), met
}

// judge is judgeInt for exact amounts of time or user-time, total above
// 0 and 0 <= down <= total: in 64-bit integers when both amounts fit, and
// in decimals (uptimeOf, creditOf, meetsOf) otherwise.
func (c *Compiled) judge(total, down *big.Int) (uptime, credit decimal.Decimal, met bool) {
	if total.IsUint64() && down.IsUint64() {
		return c.judgeInt(total.Uint64(), down.Uint64())
	}
	tot, dn := decimal.NewFromBigInt(total, 0), decimal.NewFromBigInt(down, 0)
	return uptimeOf(tot, dn), c.p.creditOf(tot, dn), c.p.meetsOf(tot, dn)
}

// Policy returns the compiled policy, as a copy the caller may modify.
func (c *Compiled) Policy() Policy {
	p := c.p
	p.Tiers = slices.Clone(p.Tiers)
	p.ExcludedCauses = slices.Clone(p.ExcludedCauses)
	return p
}

// rank returns the position of cause in the policy's ExcludedCauses, and
// false when the policy does not exclude it (it counts).
func (c *Compiled) rank(cause Cause) (int, bool) {
	if cause == "" {
		return 0, false
	}
	for k, e := range c.p.ExcludedCauses {
		if e == cause {
			return k, true
		}
	}
	return 0, false
}
