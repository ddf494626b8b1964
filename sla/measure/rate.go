package measure

import (
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/strictjson"
)

// IntervalRate is a monitor's error count for one interval of time: of
// Total requests (or log-in attempts) in Span, Errors failed. Span is
// half-open, [Start, End). A provider that reports a rate rather than
// counts passes it as counts: 5.25 % is Errors 525 of Total 10000. The
// zero IntervalRate is an empty interval with no requests. IntervalRate is
// a value, safe for concurrent use.
type IntervalRate struct {
	Span   calendar.Span // the interval, [Start, End)
	Errors int64         // failed requests, in 0..Total
	Total  int64         // all requests, 0 or more; 0 means no data
}

// RateOptions sets how Rates reads error rates. The zero value is
// invalid: Threshold must be set.
type RateOptions struct {
	// Threshold is the error rate, in percent, at or above which an
	// interval is down: Errors / Total × 100 >= Threshold, decided
	// exactly as Errors × 100 >= Threshold × Total in integers, with no
	// division and no rounding. It must be in (0, 100] with at most 18
	// decimal places; 100 means "down only when every request failed".
	Threshold decimal.Decimal
}

// Rates turns per-interval error rates into outages and unknown
// time within span within (half-open), with the same Result as
// Probes.
//
// Each interval is down when its error rate is at or above
// opts.Threshold (an interval exactly at the threshold is down), up when
// it is below, and unknown when its Total is 0 (no requests, no
// evidence). Time that no interval covers is unknown. Consecutive down
// intervals that touch (one's End is the next's Start) merge into one
// sla.Outage; an up or unknown stretch between them separates them. Intervals
// are clipped to within; those outside it are ignored (but must still be
// valid).
//
// rates may come in any order and are not modified; the result does not
// depend on the order. Results are in within.Start's location.
//
// It reports every problem at once, as a calendar.ErrorList whose entries each wrap
// ErrInvalidData: a within as Probes rejects it; a Threshold
// outside (0, 100] or with more than 18 decimal places; an interval
// ("rates[3]") whose span ends before it starts, whose Errors or Total is
// negative, or whose Errors exceeds Total; two intervals that overlap
// (share an instant), named by their indexes in rates. Empty intervals are
// allowed and add nothing.
func Rates(rates []IntervalRate, within calendar.Span, opts RateOptions) (Result, error) {
	var errs calendar.ErrorList
	if err := checkWithin(within); err != nil {
		errs.Add(err)
	}
	num, den, err := thresholdFraction(opts.Threshold)
	if err != nil {
		errs.Add(err)
	}
	for i, r := range rates {
		if r.Span.End.Before(r.Span.Start) {
			errs.Add(fmt.Errorf("%w: rates[%d]: %w", ErrInvalidData, i, r.Span.Validate()))
		}
		switch {
		case r.Errors < 0 || r.Total < 0:
			errs.Add(fmt.Errorf("%w: rates[%d]: errors %d and total %d must not be negative", ErrInvalidData, i, r.Errors, r.Total))
		case r.Errors > r.Total:
			errs.Add(fmt.Errorf("%w: rates[%d]: errors %d exceed total %d", ErrInvalidData, i, r.Errors, r.Total))
		}
	}
	if err := errs.Err(); err != nil {
		return Result{}, err
	}

	// Sorted input (non-decreasing Span.Start) is read in one pass; other
	// input is sorted, as indexes, first.
	order := make([]int, 0, len(rates)) // indexes of non-empty intervals, by Start
	sorted := true
	for i, r := range rates {
		if r.Span.IsEmpty() {
			continue
		}
		if n := len(order); n > 0 && r.Span.Start.Round(0).Before(rates[order[n-1]].Span.Start.Round(0)) {
			sorted = false
		}
		order = append(order, i)
	}
	if !sorted {
		slices.SortStableFunc(order, func(a, b int) int {
			return rates[a].Span.Start.Round(0).Compare(rates[b].Span.Start.Round(0))
		})
	}
	for k := 1; k < len(order); k++ {
		a, b := rates[order[k-1]], rates[order[k]]
		if b.Span.Start.Round(0).Before(a.Span.End.Round(0)) {
			errs.Add(fmt.Errorf("%w: rates[%d] %s and rates[%d] %s overlap",
				ErrInvalidData, min(order[k-1], order[k]), rates[min(order[k-1], order[k])].Span,
				max(order[k-1], order[k]), rates[max(order[k-1], order[k])].Span))
		}
	}
	if err := errs.Err(); err != nil {
		return Result{}, err
	}

	runs := newRunSweep(within)
	if runs.length == 0 {
		return runs.measurement(), nil
	}
	var lhs, rhs big.Int
	var covered time.Duration // offsets before this have been added
	for _, i := range order {
		r := rates[i]
		start, end := runs.offset(r.Span.Start), runs.offset(r.Span.End) // saturating; clipped by add
		if end <= 0 {
			continue
		}
		if start >= runs.length {
			break
		}
		runs.add(covered, start, kindUnknown) // a gap no interval covers
		runs.add(start, end, rateKind(r, num, den, &lhs, &rhs))
		covered = end
	}
	runs.add(covered, runs.length, kindUnknown)
	return runs.measurement(), nil
}

// thresholdPlaces is the most decimal places a threshold may have.
const thresholdPlaces = 18

// thresholdFraction validates a threshold percentage and returns it as
// num / (100 × den) with den a power of ten: the returned den is 100 × den,
// so that a rate errors/total is at or above the threshold exactly when
// errors × den >= num × total.
func thresholdFraction(t decimal.Decimal) (num, den *big.Int, err error) {
	switch {
	case t.Exponent() < -thresholdPlaces:
		return nil, nil, fmt.Errorf("%w: threshold %s has more than %d decimal places", ErrInvalidData, strictjson.QuoteDecimal(t), thresholdPlaces)
	case t.Exponent() > thresholdPlaces:
		return nil, nil, fmt.Errorf("%w: threshold %s is outside (0, 100]", ErrInvalidData, strictjson.QuoteDecimal(t))
	case t.Sign() <= 0 || t.Cmp(decimal.New(100, 0)) > 0:
		return nil, nil, fmt.Errorf("%w: threshold %q is outside (0, 100]", ErrInvalidData, t.String())
	}
	num = t.Coefficient()
	den = big.NewInt(100)
	if e := t.Exponent(); e >= 0 {
		num.Mul(num, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil))
	} else {
		den.Mul(den, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-e)), nil))
	}
	return num, den, nil
}

// rateKind classifies one interval: unknown without requests, down when
// Errors × den >= num × Total (the rate is at or above the threshold
// num/den, as thresholdFraction returns them), up otherwise. lhs and rhs
// are scratch space.
func rateKind(r IntervalRate, num, den *big.Int, lhs, rhs *big.Int) runKind {
	if r.Total == 0 {
		return kindUnknown
	}
	lhs.SetInt64(r.Errors)
	lhs.Mul(lhs, den)
	rhs.SetInt64(r.Total)
	rhs.Mul(rhs, num)
	if lhs.Cmp(rhs) >= 0 {
		return kindDown
	}
	return kindUp
}
