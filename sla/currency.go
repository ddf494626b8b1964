package sla

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/internal/strictjson"
)

// ErrUnknownCurrency is wrapped by the error ParseCurrency returns for a
// code that is not an active ISO 4217 currency with a minor unit.
var ErrUnknownCurrency = errors.New("sla: unknown currency")

// Currency is an active ISO 4217 currency: its alphabetic code and the
// number of decimal places of its minor unit, as ISO 4217's List One
// publishes them (see iso4217.go for the list and its date): USD and EUR
// 2, JPY and KRW 0, BHD, KWD and TND 3, CLF 4. Amounts in a currency are
// rounded to its minor unit, half away from zero.
//
// The zero Currency is no currency: Code is "", and Payout falls back on
// the policy's CurrencyPlaces. Currency is a small comparable value, safe
// for concurrent use; get one from ParseCurrency.
type Currency struct {
	code   string
	places int8
}

// ParseCurrency returns the active ISO 4217 currency whose alphabetic code
// is code, ignoring letter case and surrounding white space ("eur" is
// EUR). It returns an error wrapping ErrUnknownCurrency, quoting the code,
// for a code List One does not hold and for an entry without a minor unit
// (funds and precious metals such as XAU or XDR, for which ISO 4217 gives
// "N.A."): a billing system must never fall back on a silent 2 places.
func ParseCurrency(code string) (Currency, error) {
	c := strings.ToUpper(strings.TrimSpace(code))
	places, ok := iso4217[c]
	switch {
	case !ok:
		return Currency{}, fmt.Errorf("%w: %s is not an active ISO 4217 currency code", ErrUnknownCurrency, strictjson.Quote(code))
	case places < 0:
		return Currency{}, fmt.Errorf("%w: %s has no minor unit in ISO 4217 (a fund or precious metal)", ErrUnknownCurrency, strictjson.Quote(code))
	}
	return Currency{code: c, places: places}, nil
}

// Code returns the alphabetic code, upper case ("EUR"); "" for the zero
// Currency.
func (c Currency) Code() string { return c.code }

// Places returns the number of decimal places of the minor unit: 2 for
// EUR, 0 for JPY, 3 for KWD.
func (c Currency) Places() int { return int(c.places) }

// IsZero reports whether c is the zero Currency.
func (c Currency) IsZero() bool { return c.code == "" }

// String returns the code.
func (c Currency) String() string { return c.code }

// Round returns d rounded to c's minor unit, half away from zero: 12.345
// EUR → 12.35, 149,999.5 JPY → 150,000.
func (c Currency) Round(d decimal.Decimal) decimal.Decimal { return d.Round(int32(c.places)) }

// Format writes d rounded to c's minor unit (Round) with exactly that many
// decimal places, a comma between thousands, a point before the decimals
// and the code after a space: "1,050.00 EUR", "150,000 JPY",
// "12.345 KWD", "-0.50 USD". The zero Currency writes the amount as it is,
// without a code.
func (c Currency) Format(d decimal.Decimal) string {
	if c.IsZero() {
		return strictjson.Decimal(d)
	}
	s := c.Round(d).StringFixed(int32(c.places))
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	b.WriteByte(' ')
	b.WriteString(c.code)
	return b.String()
}

// MarshalText implements encoding.TextMarshaler: the code.
func (c Currency) MarshalText() ([]byte, error) { return []byte(c.code), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseCurrency;
// empty text gives the zero Currency. On error c is left unchanged.
func (c *Currency) UnmarshalText(text []byte) error {
	if strings.TrimSpace(string(text)) == "" {
		*c = Currency{}
		return nil
	}
	v, err := ParseCurrency(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
