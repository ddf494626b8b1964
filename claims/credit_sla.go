package claims

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/sla"
)

// SumAssessed is SumCredits over the credit amounts of sla assessments of
// one month: each assessment's CreditAmount(fee) (already capped on its
// own by its policy) is added, and the sum is capped at capPercent percent
// of fee. Pass the assessments behind the validated claims on the month.
//
// It reports every problem at once (errors.Join), each wrapping ErrInvalid:
// what SumCredits reports of fee and capPercent, an assessment of another
// month than the first (named by index), and a fee sla refuses (also
// wrapping sla.ErrBadFee).
func SumAssessed(fee, capPercent decimal.Decimal, assessments ...sla.Assessment) (MonthCredit, error) {
	var errs []error
	_, err := SumCredits(fee, capPercent)
	amountsOK := addAll(&errs, err)
	credits := make([]decimal.Decimal, 0, len(assessments))
	for i, a := range assessments {
		first := assessments[0].Month
		if !a.Month.Start().Equal(first.Start()) || !a.Month.End().Equal(first.End()) {
			errs = append(errs, invalid(fmt.Sprintf("assessments[%d]", i),
				"month %s (%s) is not the month of assessments[0], %s (%s)",
				a.Month, a.Month.Span(), first, first.Span()))
			continue
		}
		if !amountsOK {
			continue
		}
		p, err := a.Payout(fee)
		if err != nil {
			errs = append(errs, fmt.Errorf("%w: field assessments[%d]: %w", ErrInvalid, i, err))
			continue
		}
		credits = append(credits, p.Unrounded)
	}
	if len(errs) > 0 {
		return MonthCredit{}, errors.Join(errs...)
	}
	return SumCredits(fee, capPercent, credits...)
}
