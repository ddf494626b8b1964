package sla

// iso4217 holds the minor unit of each active ISO 4217 code; -1 for an
// entry without one ("N.A.": funds and precious metals).
var iso4217 = map[string]int8{
	"USD": 2, "EUR": 2, "JPY": 0, "KRW": 0, "BHD": 3, "KWD": 3, "TND": 3, "CLF": 4, "INR": 2, "XAU": -1,
}
