package claims

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"
)

// MonthCredit is what the validated claims on one calendar month award
// together, with the figures that show why. All amounts are exact and
// unrounded, in the fee's currency; round to currency units yourself
// (e.g. Awarded.Round(2)) and keep this for the record.
//
// The zero MonthCredit awards nothing. It is a value, safe for concurrent
// use.
type MonthCredit struct {
	Claimed decimal.Decimal // sum of the claims' credits, before the cap
	Cap     decimal.Decimal // fee × capPercent / 100: the most one month may award
	Awarded decimal.Decimal // the smaller of Claimed and Cap
}

// Capped reports whether the cap cut the award: Claimed is above Cap.
func (m MonthCredit) Capped() bool { return m.Claimed.GreaterThan(m.Cap) }

// MaxExponent bounds the decimal exponent of the amounts SumCredits
// accepts (a value is coefficient × 10^exponent): amounts outside it are
// refused, so no sum ever works on numbers of thousands of digits and
// decimal's arithmetic cannot overflow its exponent (which panics).
const MaxExponent = 1000

// short writes d as coefficient "e" exponent, the coefficient cut at 40
// digits, for messages about decimals too large to write out.
func short(d decimal.Decimal) string {
	c := d.Coefficient().String()
	if len(c) > 40 {
		c = c[:40] + "..."
	}
	return fmt.Sprintf("%se%d", c, d.Exponent())
}

// SumCredits adds the credits (amounts in the fee's currency, e.g. each
// from sla.Assessment.CreditAmount) of the validated claims on one month
// and caps the sum at capPercent percent of that month's subscription fee:
// the seed's "a Service Credit awarded in any calendar month shall not,
// under any circumstance, exceed Customer's monthly Subscription Fee" is a
// capPercent of 100. No credits award zero.
//
// It reports every bad input at once (errors.Join), each wrapping
// ErrInvalid and naming it: a negative fee, a capPercent outside (0, 100],
// a negative credit (named by its index), an exponent outside
// ±MaxExponent. The arithmetic is exact (the
// division by 100 is a decimal shift) and ignores decimal.DivisionPrecision.
func SumCredits(fee, capPercent decimal.Decimal, credits ...decimal.Decimal) (MonthCredit, error) {
	var errs []error
	amount := func(field string, d decimal.Decimal) bool {
		switch {
		case d.Exponent() < -MaxExponent || d.Exponent() > MaxExponent:
			errs = append(errs, invalid(field, "%s has an exponent outside ±%d", short(d), MaxExponent))
		case d.IsNegative():
			errs = append(errs, invalid(field, "%s is negative", d))
		default:
			return true
		}
		return false
	}
	amount("fee", fee)
	if amount("capPercent", capPercent) && (capPercent.IsZero() || capPercent.GreaterThan(decimal.NewFromInt(100))) {
		errs = append(errs, invalid("capPercent", "%s is outside (0, 100]", capPercent))
	}
	sum := decimal.Zero
	for i, c := range credits {
		if amount(fmt.Sprintf("credits[%d]", i), c) {
			sum = sum.Add(c)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return MonthCredit{}, err
	}
	limit := fee.Mul(capPercent).Shift(-2)
	return MonthCredit{Claimed: sum, Cap: limit, Awarded: decimal.Min(sum, limit)}, nil
}

// TotalCredit is SumCredits(fee, capPercent, credits...).Awarded: the
// credit one month's validated claims award together, never above
// capPercent percent of the month's fee. Errors as SumCredits.
func TotalCredit(fee, capPercent decimal.Decimal, credits ...decimal.Decimal) (decimal.Decimal, error) {
	m, err := SumCredits(fee, capPercent, credits...)
	if err != nil {
		return decimal.Zero, err
	}
	return m.Awarded, nil
}
