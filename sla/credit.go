package sla

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/internal/strictjson"
)

// ErrInvalidFee is wrapped by the error Payout and PayoutIn return for a
// fee they cannot credit: a negative fee, a fee of 10^65 or more, or one
// with more than 64 decimal places.
var ErrInvalidFee = errors.New("sla: invalid fee")

// maxFeeExponent bounds the exponent of a credit percentage a payout
// takes from an assessment; beyond it (an Assessment not made by Assess)
// no credit is paid.
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

// Payout returns the credit for fee, the fee of the assessed span (the
// whole month, or for a partial month the fee for its subscribed part;
// PayoutIn prorates a month's fee itself), unrounded (as CreditAmount
// computes it) and rounded to the policy's CurrencyPlaces, half away from
// zero (12.345 → 12.35 with 2 places), with the policy's MinimumPayout
// applied. CurrencyPlaces is the fallback for callers that name no
// currency; PayoutIn rounds to an ISO 4217 currency's minor unit instead.
// It returns an error wrapping ErrInvalidFee, quoting the fee, for a
// negative fee, a fee of 10^65 or more, or one with more than 64 decimal
// places (judged by its value, however the decimal is written); it never
// panics.
func (a Assessment) Payout(fee decimal.Decimal) (Payout, error) {
	return a.payout(fee, 1, 1, a.money.currencyPlaces())
}

// Fee bounds: a fee's value is below 10^(maxFeeDigits) and has at most
// maxFeePlaces decimal places, so that no credit computation works on
// huge numbers.
const (
	maxFeeDigits = 65
	maxFeePlaces = 64
)

// checkFee reports a fee Payout refuses, judging its value: 10×10^64 is
// refused as 1×10^65 is, and 5000×10^-66 (0.000…05, 63 places) accepted.
func checkFee(fee decimal.Decimal) error {
	switch fee.Sign() {
	case 0:
		return nil
	case -1:
		return fmt.Errorf("%w: fee %s is negative", ErrInvalidFee, quoteAmount(fee))
	}
	if e := int64(fee.Exponent()); e <= 0 && e >= -maxFeePlaces && int64(fee.NumDigits())+e <= maxFeeDigits {
		return nil // as written within the bounds, so in lowest terms too
	}
	c := fee.Coefficient().String()
	zeros := len(c) - len(strings.TrimRight(c, "0"))
	exp := int64(fee.Exponent()) + int64(zeros) // fee = d × 10^exp, d without trailing zeros
	digits := int64(len(c) - zeros)
	switch {
	case exp < -maxFeePlaces:
		return fmt.Errorf("%w: fee %s has more than %d decimal places", ErrInvalidFee, quoteAmount(fee), maxFeePlaces)
	case digits+exp > maxFeeDigits:
		return fmt.Errorf("%w: fee %s is 10^%d or more", ErrInvalidFee, quoteAmount(fee), maxFeeDigits)
	}
	return nil
}

// quoteAmount writes d for an error message: plainly when it is short,
// else as coefficient and exponent, clipped.
func quoteAmount(d decimal.Decimal) string {
	if e := d.Exponent(); e >= -maxFeePlaces && e <= 0 && d.NumDigits() <= 40 {
		return strconv.Quote(strictjson.Decimal(d))
	}
	return strictjson.QuoteDecimal(d)
}
