package measure

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/sla"
)

// FuzzMeasureProbes: for any probes and span, the parts add up to the
// span, outages are disjoint, inside it and apart from unknown time, and
// the order of the probes does not matter.
func FuzzMeasureProbes(f *testing.F) {
	f.Add([]byte{0, 10, 1, 5, 20, 0, 9, 30, 1}, int16(0), uint16(100), uint16(5))
	f.Add([]byte{}, int16(-5), uint16(10), uint16(1))
	f.Add([]byte{3, 3, 0, 3, 3, 1, 200, 200, 0}, int16(10), uint16(500), uint16(60))
	f.Fuzz(func(t *testing.T, data []byte, start int16, length uint16, gap uint16) {
		base := clock(0, 0)
		var probes []Probe
		for i := 0; i+2 < len(data) && len(probes) < 5000; i += 3 {
			off := time.Duration(int16(data[i])<<8|int16(data[i+1])) * time.Millisecond * 37
			probes = append(probes, Probe{At: base.Add(off), OK: data[i+2]&1 == 1})
		}
		within := span(base.Add(time.Duration(start)*time.Second), base.Add(time.Duration(start)*time.Second+time.Duration(length)*time.Second))
		opts := ProbeOptions{MaxGap: time.Duration(gap) * time.Millisecond * 91}
		m, err := Probes(probes, within, opts)
		if gap == 0 {
			if err == nil {
				t.Fatal("MaxGap 0 accepted")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		checkShape(t, m, within)
		slices.Reverse(probes)
		m2, err := Probes(probes, within, opts)
		if err != nil {
			t.Fatal(err)
		}
		if m2.Down != m.Down || m2.UnknownTime != m.UnknownTime || len(m2.Outages) != len(m.Outages) || !m2.Unknown.Equal(m.Unknown) {
			t.Fatalf("order changed the result: %+v vs %+v", m, m2)
		}
	})
}

// FuzzMeasureRates: any input either is refused with ErrInvalidData or
// gives a measurement whose parts add up, and each interval's verdict
// agrees with big.Rat.
func FuzzMeasureRates(f *testing.F) {
	f.Add([]byte{0, 5, 5, 100, 5, 10, 4, 100}, "5")
	f.Add([]byte{0, 5, 1, 3}, "33.333333333333333333")
	f.Add([]byte{10, 5, 1, 1}, "100")
	f.Add([]byte{}, "0")
	f.Fuzz(func(t *testing.T, data []byte, threshold string) {
		thr, err := decimal.NewFromString(threshold)
		if err != nil || len(threshold) > 40 {
			return
		}
		base := clock(0, 0)
		var rates []IntervalRate
		for i := 0; i+3 < len(data) && len(rates) < 500; i += 4 {
			start := base.Add(time.Duration(int8(data[i])) * time.Minute)
			rates = append(rates, IntervalRate{
				Span:   span(start, start.Add(time.Duration(int8(data[i+1]))*time.Minute)),
				Errors: int64(int8(data[i+2])), Total: int64(data[i+3]),
			})
		}
		within := span(base, base.Add(60*time.Minute))
		m, err := Rates(rates, within, RateOptions{Threshold: thr})
		if err != nil {
			if !errors.Is(err, ErrInvalidData) {
				t.Fatalf("error does not wrap ErrInvalidData: %v", err)
			}
			return
		}
		checkShape(t, m, within)
		want := bruteRates(rates, base, 60, thr)
		for k := range want {
			at := base.Add(time.Duration(k) * time.Minute)
			down := slices.ContainsFunc(m.Outages, func(o sla.Outage) bool { return o.Span.Contains(at) })
			if down != (want[k] == 'd') || m.Unknown.Contains(at) != (want[k] == '?') {
				t.Fatalf("minute %d: want %c, down %v unknown %v", k, want[k], down, m.Unknown.Contains(at))
			}
		}
	})
}
