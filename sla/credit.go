package sla

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/internal/strictjson"
)

// ErrInvalidFee is wrapped by the error Payout returns for a fee it cannot
// credit: a negative fee, or one with more than 64 decimal places or an
// exponent above 64.
var ErrInvalidFee = errors.New("sla: invalid fee")

// maxFeeExponent bounds a fee's decimal exponent, so that rounding never
// works on huge numbers.
const maxFeeExponent = 64

// money is what an Assessment keeps of its policy for credit amounts.
type money struct {
	set       bool            // false for an Assessment not made by Assess
	cap       decimal.Decimal // percent of the fee
	places    int
	minPayout decimal.Decimal // in the fee's currency; 0: none
}

func (p Policy) money() money {
	return money{set: true, cap: p.CreditCap, places: p.CurrencyPlaces, minPayout: p.MinimumPayout}
}

// capPercent and currencyPlaces give the defaults for an Assessment not
// made by Assess: 100 % and 2 places.
func (m money) capPercent() decimal.Decimal {
	if !m.set {
		return hundred
	}
	return m.cap
}

func (m money) currencyPlaces() int32 {
	if !m.set {
		return 2
	}
	return int32(m.places)
}

// CreditAmount returns the credit for a month whose fee is fee, in the
// fee's currency: fee × Credit / 100, capped at the policy's CreditCap
// percent of fee (section B.3 of the Dynamics CRM Online agreement: a
// month's credit never exceeds its fee), unrounded and exact. It returns 0 when Credit is 0, when the policy has a
// MinimumPayout that the rounded amount is below and, since it has no
// error to report, for a negative fee or one Payout refuses; use Payout to
// have those reported, and for the amount rounded to currency units.
func (a Assessment) CreditAmount(fee decimal.Decimal) decimal.Decimal {
	pay, err := a.Payout(fee)
	if err != nil {
		return zero
	}
	return pay.Unrounded
}

// Payout is the credit for one month's fee, with the figures an invoice
// line shows. The zero Payout is no credit on a zero fee. It is a value
// type, safe for concurrent use.
type Payout struct {
	Fee         decimal.Decimal // the fee, as given
	ProratedFee decimal.Decimal // the fee of the assessed span: Fee, or PayoutIn's share of it
	Percent     decimal.Decimal // the tier's credit, in percent of the fee
	Unrounded   decimal.Decimal // ProratedFee × Percent / 100, capped; 0 when BelowMinimum
	Amount      decimal.Decimal // the credit rounded once to the currency's minor unit, half away from zero
	Currency    Currency        // PayoutIn's currency; zero for Payout (the policy's CurrencyPlaces)
	Capped      bool            // the policy's CreditCap lowered the amount
	// Exact reports that ProratedFee and Unrounded are exact. A prorated
	// fee whose decimal does not end (a share of a 31-day month) is
	// truncated at 20 places in them; Amount is rounded from the exact
	// fraction all the same.
	Exact bool
	// BelowMinimum reports that a credit was earned but its rounded
	// amount is below the policy's MinimumPayout, so none is issued.
	BelowMinimum bool
}

// Payout returns the credit for fee, unrounded (as CreditAmount computes
// it) and rounded to the policy's CurrencyPlaces, half away from zero
// (12.345 → 12.35 with 2 places), with the policy's MinimumPayout applied.
// It returns an error wrapping ErrInvalidFee, quoting the fee, for a
// negative fee or one whose decimal exponent is outside ±64; it never
// panics.
func (a Assessment) Payout(fee decimal.Decimal) (Payout, error) {
	amount, capped, err := a.amount(fee)
	if err != nil {
		return Payout{}, err
	}
	rounded := amount.Round(a.money.currencyPlaces())
	below := amount.Sign() > 0 && rounded.Cmp(a.money.minPayout) < 0
	if below {
		amount, rounded = zero, zero
	}
	return Payout{
		Fee:          fee,
		Percent:      a.Credit,
		Unrounded:    amount,
		Amount:       rounded,
		Capped:       capped,
		BelowMinimum: below,
	}, nil
}

// amount computes the capped, unrounded credit for fee.
func (a Assessment) amount(fee decimal.Decimal) (decimal.Decimal, bool, error) {
	if e := fee.Exponent(); e < -maxFeeExponent || e > maxFeeExponent {
		return zero, false, fmt.Errorf("%w: fee %s has an exponent outside ±%d", ErrInvalidFee, strictjson.QuoteDecimal(fee), maxFeeExponent)
	}
	if fee.Sign() < 0 {
		return zero, false, fmt.Errorf("%w: fee %q is negative", ErrInvalidFee, strictjson.Decimal(fee))
	}
	credit := a.Credit
	if e := credit.Exponent(); e < -maxFeeExponent || e > maxFeeExponent || credit.Sign() <= 0 {
		return zero, false, nil
	}
	amount := fee.Mul(credit).Shift(-2)
	limit := fee.Mul(a.money.capPercent()).Shift(-2)
	if amount.Cmp(limit) > 0 {
		return limit, true, nil
	}
	return amount, false, nil
}
