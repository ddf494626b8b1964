package claims

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/strictjson"
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
// accepts, inclusive (a value is coefficient × 10^exponent): amounts with
// an exponent outside ±MaxExponent are refused, so that decimal's
// arithmetic cannot overflow its exponent (which panics).
const MaxExponent = 1000

// SumCredits adds the credits (amounts in the fee's currency, each from
// sla.Assessment.CreditAmount or Payout's Unrounded) of the validated
// claims on one month and caps the sum at capPercent percent of that
// month's subscription fee: Awarded is the smaller of the sum and fee ×
// capPercent / 100, so a sum exactly at the cap is not Capped. The
// Microsoft Dynamics CRM Online Service Level Agreement's "a Service
// Credit awarded in any calendar month shall not, under any circumstance,
// exceed Customer's monthly Subscription Fee" (section B.3) is a
// capPercent of 100. No credits award zero.
//
// It reports every bad input at once, as a calendar.ErrorList whose
// entries wrap ErrInvalid and name the input: a negative fee, a capPercent
// outside (0, 100], a negative credit (named by its index), an exponent
// outside ±MaxExponent; the MonthCredit is then zero. The arithmetic is
// exact (the division by 100 is a decimal shift) and ignores
// decimal.DivisionPrecision.
func SumCredits(fee, capPercent decimal.Decimal, credits ...decimal.Decimal) (MonthCredit, error) {
	var errs calendar.ErrorList
	amount := func(field string, d decimal.Decimal) bool {
		switch {
		case d.Exponent() < -MaxExponent || d.Exponent() > MaxExponent:
			errs.Add(invalid(field, "%s has an exponent outside ±%d", strictjson.QuoteDecimal(d), MaxExponent))
		case d.IsNegative():
			errs.Add(invalid(field, "%s is negative", d))
		default:
			return true
		}
		return false
	}
	amount("fee", fee)
	if amount("capPercent", capPercent) && (capPercent.IsZero() || capPercent.GreaterThan(decimal.NewFromInt(100))) {
		errs.Add(invalid("capPercent", "%s is outside (0, 100]", capPercent))
	}
	sum := decimal.Zero
	for i, c := range credits {
		if amount(fmt.Sprintf("credits[%d]", i), c) {
			sum = sum.Add(c)
		}
	}
	if err := errs.Err(); err != nil {
		return MonthCredit{}, err
	}
	limit := fee.Mul(capPercent).Shift(-2)
	return MonthCredit{Claimed: sum, Cap: limit, Awarded: decimal.Min(sum, limit)}, nil
}
