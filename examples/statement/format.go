package main

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/sla"
)

// minutes writes d as a number of minutes: exactly ("260", "12.5") when
// that decimal ends, which for n nanoseconds is when n is a multiple of 3
// (a minute is 60e9 ns = 3 × 2^11 × 5^10); otherwise rounded to 6 places
// with "≈" in front ("≈0.333333" for 20 s), and the h:mm:ss column printed
// beside it is the exact figure.
func minutes(d time.Duration) string {
	n := int64(d)
	if n%3 == 0 {
		// (n/3) / 2e10 has at most 11 decimal places: 2e10 = 2^11 × 5^10.
		return decimal.NewFromInt(n/3).DivRound(decimal.NewFromInt(2e10), 11).String()
	}
	return "≈" + decimal.NewFromInt(n).DivRound(decimal.NewFromInt(int64(time.Minute)), 6).String()
}

// hms writes d as hours:minutes:seconds, exactly, with the fraction of a
// second only when there is one: "733:00:00", "0:10:00", "0:00:20.5".
func hms(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	h, m := d/time.Hour, d%time.Hour/time.Minute
	s, ns := d%time.Minute/time.Second, d%time.Second
	out := fmt.Sprintf("%s%d:%02d:%02d", sign, h, m, s)
	if ns != 0 {
		out += strings.TrimRight(fmt.Sprintf(".%09d", ns), "0")
	}
	return out
}

// when writes an instant in loc with its weekday and zone, to the minute,
// and to the second or nanosecond only when those are not zero:
// "Thu 2024-03-07 11:50 UTC".
func when(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	layout := "Mon 2006-01-02 15:04"
	if t.Second() != 0 || t.Nanosecond() != 0 {
		layout += ":05.999999999"
	}
	return t.Format(layout + " MST")
}

// amount writes an amount in cur as cur.Format does ("1,250.00 USD"), but
// with all of its own decimal places when it has more than cur's minor
// unit, never rounding a fee ("10.005 USD").
func amount(cur sla.Currency, d decimal.Decimal) string {
	if d.Exponent() < -int32(cur.Places()) {
		return d.String() + " " + cur.Code()
	}
	return cur.Format(d)
}

// percent writes a decimal percentage plainly: "99.9", "25".
func percent(d decimal.Decimal) string {
	return d.String()
}

// table is a plain-text table: the first row is the heading; right lists
// the columns aligned to the right (numbers).
type table struct {
	rows   [][]string
	right  map[int]bool
	indent string // before every line; "" means two spaces
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// write writes the table, indented, with two spaces between columns.
func (t *table) write(w io.Writer) {
	indent := t.indent
	if indent == "" {
		indent = "  "
	}
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range t.rows {
		var b strings.Builder
		b.WriteString(indent)
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if t.right[i] {
				b.WriteString(pad + c)
			} else {
				b.WriteString(c + pad)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
