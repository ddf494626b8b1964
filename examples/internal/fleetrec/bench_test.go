package fleetrec

import (
	"bytes"
	"testing"
	"time"
)

// benchOutages is the number of outages of the benchmarks' month, as in
// examples/fleet's BenchmarkFleet.
const benchOutages = 20

// BenchmarkRecord splits one month of benchOutages outages into the work
// Assess does, side by side: decoding its JSON line (decodeFast, and
// encoding/json and checkJSON as before it), decoding its CSV rows, the assessment
// (sla.Policy.Assess and Payout, the baseline), and the whole of Assess
// on the JSON line and on the CSV rows. cpu-ns/op is the CPU time per
// operation, which other processes on a busy machine disturb less than
// ns/op.
func BenchmarkRecord(b *testing.B) {
	cfg := GenConfig{N: 1, Seed: 1, Outages: benchOutages}
	var jl, cs bytes.Buffer
	if err := WriteJSONL(&jl, cfg); err != nil {
		b.Fatal(err)
	}
	if err := WriteCSV(&cs, cfg); err != nil {
		b.Fatal(err)
	}
	line := bytes.TrimSuffix(jl.Bytes(), []byte("\n"))
	g, err := NewCSVSource("bench", bytes.NewReader(cs.Bytes())).Next()
	if err != nil {
		b.Fatal(err)
	}
	at := Pos{"bench", 1}
	rec, _, errs := DecodeJSON(line, at, time.UTC)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	if _, _, ok := decodeFast(line, time.UTC); !ok {
		b.Fatal("decodeFast does not take the generator's line")
	}
	policy := DefaultPolicy()
	run := func(name string, f func() bool) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			defer reportCPU(b, cpuTime())
			for range b.N {
				if !f() {
					b.Fatal("failed")
				}
			}
		})
	}
	run("assess+payout", func() bool {
		_, err := assessRecord(&policy, nil, &rec, Currency{})
		return err == nil
	})
	run("decode-jsonl", func() bool {
		_, _, errs := DecodeJSON(line, at, time.UTC)
		return len(errs) == 0
	})
	run("decode-jsonl-encoding-json", func() bool {
		jr, err := decodeStd(line)
		if err != nil {
			return false
		}
		_, _, errs := checkJSON(&jr, at, time.UTC)
		return len(errs) == 0
	})
	run("decode-csv", func() bool {
		_, _, errs := DecodeCSV(g.Rows, time.UTC)
		return len(errs) == 0
	})
	c := Config{Policy: policy, Loc: time.UTC}
	run("Assess-jsonl", func() bool { return len(Assess(Raw{At: at, JSON: line}, &c).Errs) == 0 })
	run("Assess-csv", func() bool { return len(Assess(g, &c).Errs) == 0 })
	c.Results = true
	run("Assess-jsonl-with-result-line", func() bool { return len(Assess(Raw{At: at, JSON: line}, &c).Errs) == 0 })
}

// reportCPU reports the CPU time per operation since start, in ns, as
// cpu-ns/op: on a busy machine ns/op counts the time other processes held
// the CPU, cpu-ns/op does not.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
}
