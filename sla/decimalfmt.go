package sla

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// plain writes d as a plain decimal ("99.9", "100", "-0.5") with no
// trailing zeros after the point and never in scientific notation,
// whatever decimal's package-level formatting settings say. d's exponent
// must be within ±maxPlaces (validated decimals are); others are written by
// shortDecimal.
func plain(d decimal.Decimal) string {
	exp := d.Exponent()
	if exp < -maxPlaces-64 || exp > maxPlaces {
		return shortDecimal(d)
	}
	v := d.Coefficient()
	neg := v.Sign() < 0
	digits := v.Abs(v).String()
	if exp >= 0 {
		if digits == "0" {
			return "0"
		}
		digits += strings.Repeat("0", int(exp))
	} else {
		places := int(-exp)
		if len(digits) <= places {
			digits = strings.Repeat("0", places-len(digits)+1) + digits
		}
		intPart, frac := digits[:len(digits)-places], strings.TrimRight(digits[len(digits)-places:], "0")
		digits = intPart
		if frac != "" {
			digits += "." + frac
		}
	}
	if neg && digits != "0" {
		return "-" + digits
	}
	return digits
}

// shortDecimal writes d as coefficient "e" exponent, with a coefficient of
// more than 40 digits cut short, for error messages about decimals too
// large or too precise to write out.
func shortDecimal(d decimal.Decimal) string {
	c := d.Coefficient().String()
	if len(c) > 40 {
		c = c[:40] + "..."
	}
	return fmt.Sprintf("%se%d", c, d.Exponent())
}
