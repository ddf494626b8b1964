package sla

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

// benchPeriod is January 2024 in region NAM with n outages of up to two
// hours at random instants (some crossing into February), a third of them
// with an excluded cause, and n/100 + 1 notices.
func benchPeriod(n int) Period {
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	month := calendar.NewMonth(2024, time.January, nil)
	nam, _ := maintenance.Lookup("NAM")
	per := Period{Month: month, Window: nam.Window}
	span := int64(month.Duration())
	for range n {
		start := month.Start().Add(time.Duration(rng.Int64N(span)))
		var cause Cause
		if rng.IntN(3) == 0 {
			cause = Causes()[rng.IntN(len(Causes()))]
		}
		per.Outages = append(per.Outages, Outage{Span: calendar.Span{Start: start, End: start.Add(time.Duration(rng.Int64N(int64(2 * time.Hour))))}, Cause: cause})
	}
	for range n/100 + 1 {
		start := month.Start().Add(time.Duration(rng.Int64N(span)))
		per.Notices = append(per.Notices, maintenance.Notice{Span: calendar.Span{Start: start, End: start.Add(3 * time.Hour)}, Announced: start.Add(-48 * time.Hour)})
	}
	return per
}

// BenchmarkAssess measures Compiled.Assess (compiled: the policy is
// validated once, as a caller who assesses many months does) and
// Policy.Assess (assess: validated on every call) beside their baseline:
// copying and sorting the same outage spans by start with
// slices.SortFunc. The targets (BENCHMARKS.md) are 3× the sort at 10
// outages and 1.5× at 1,000 and 100,000. Every loop does only its own
// work: the period and the policy are built before the timer starts, the
// baseline copies the spans because Assess must not reorder the caller's
// outages either, and none reuses memory across iterations.
func BenchmarkAssess(b *testing.B) {
	p := DynamicsCRMOnline()
	c, err := Compile(p)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{10, 1000, 100000} {
		per := benchPeriod(n)
		b.Run(fmt.Sprintf("n=%d/compiled", n), func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if _, err := c.Assess(per); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("n=%d/assess", n), func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if _, err := p.Assess(per); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("n=%d/sort", n), func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				spans := make([]calendar.Span, len(per.Outages))
				for i, o := range per.Outages {
					spans[i] = o.Span
				}
				slices.SortFunc(spans, func(a, b calendar.Span) int { return a.Start.Compare(b.Start) })
			}
		})
	}
}

// BenchmarkPayoutIn measures the money side of a month's credit beside its
// baseline, in the same run: "payout" (Payout on a whole month's fee, the
// call before currencies and proration), "payoutin-eur" (PayoutIn of a
// partial month of a 30-day month, whose share is exact),
// "payoutin-inr-31" (a share of a 31-day month, whose decimal does not
// end), "format" (Currency.Format of the credit), "decimal" (the
// dependency's own arithmetic for the same figure: fee × share × percent /
// 100 with decimal.Div's 16 places, rounded with decimal.Round: not exact,
// shown for scale) and "ratio-inr-31" (the first, big-fraction way of
// computing payoutin-inr-31's figures, payoutByRatio). The claim
// (BENCHMARKS.md): proration and currency rounding cost under a
// microsecond.
func BenchmarkPayoutIn(b *testing.B) {
	p := DynamicsCRMOnline()
	april := calendar.NewMonth(2024, time.April, nil)
	march := calendar.NewMonth(2024, time.March, nil)
	down := time.Date(2024, time.March, 20, 4, 0, 0, 0, time.UTC)
	outage := []Outage{{Span: calendar.Span{Start: down, End: down.Add(45 * time.Minute)}}}
	whole, err := p.Assess(Period{Month: march, Outages: outage})
	if err != nil {
		b.Fatal(err)
	}
	eurPart, err := p.Assess(Period{Month: april, Subscribed: calendar.Span{Start: time.Date(2024, 4, 16, 0, 0, 0, 0, time.UTC), End: april.End()},
		Outages: []Outage{{Span: calendar.Span{Start: time.Date(2024, 4, 18, 9, 0, 0, 0, time.UTC), End: time.Date(2024, 4, 18, 10, 0, 0, 0, time.UTC)}}}})
	if err != nil {
		b.Fatal(err)
	}
	inrPart, err := p.Assess(Period{Month: march, Subscribed: calendar.Span{Start: time.Date(2024, 3, 11, 0, 0, 0, 0, time.UTC), End: march.End()}, Outages: outage})
	if err != nil {
		b.Fatal(err)
	}
	eur, err := ParseCurrency("EUR")
	if err != nil {
		b.Fatal(err)
	}
	inr, err := ParseCurrency("INR")
	if err != nil {
		b.Fatal(err)
	}
	fee := decimal.RequireFromString("36000.00")
	share := decimal.NewFromInt(21).Div(decimal.NewFromInt(31))
	pct, hundred := decimal.NewFromInt(25), decimal.NewFromInt(100)
	pay, err := inrPart.PayoutIn(fee, inr)
	if err != nil || pay.Amount.String() != "6096.77" {
		b.Fatalf("PayoutIn: %s, %v", pay.Amount, err)
	}
	b.Run("payout", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, err := whole.Payout(fee); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("payoutin-eur", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, err := eurPart.PayoutIn(fee, eur); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("payoutin-inr-31", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, err := inrPart.PayoutIn(fee, inr); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("format", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			benchSinkString = inr.Format(pay.Amount)
		}
	})
	b.Run("decimal", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			benchSinkDecimal = fee.Mul(share).Mul(pct).Div(hundred).Round(2)
		}
	})
	b.Run("ratio-inr-31", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			_, _, benchSinkDecimal, _ = payoutByRatio(fee, pct, inrPart.Assessed.Duration(), march.Duration(), 2)
		}
	})
}

var (
	benchSinkString  string
	benchSinkDecimal decimal.Decimal
)
