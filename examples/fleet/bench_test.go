package main

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"testing"
	"time"
)

// benchMonths and benchOutages are the benchmark's fleet: 100,000
// subscription-months with 20 outages each.
const (
	benchMonths  = 100_000
	benchOutages = 20
)

// BenchmarkFleet measures the whole program on an in-memory input of
// benchMonths generated months with benchOutages outages each: reading and
// parsing the input, assessing every month, and the summary (run, with
// standard input from memory and the output discarded). The input is
// generated once, outside the timed loop. workers=1 is the baseline of
// workers=2 in the same run; months/s is the throughput, cpu-us/month the
// CPU time (user and system, all goroutines, garbage collector included)
// spent per month.
func BenchmarkFleet(b *testing.B) {
	for _, format := range []string{"jsonl", "csv"} {
		var in bytes.Buffer
		cfg := genConfig{n: benchMonths, seed: 1, outages: benchOutages}
		write := writeJSONL
		if format == "csv" {
			write = writeCSV
		}
		if err := write(&in, cfg); err != nil {
			b.Fatal(err)
		}
		data := in.Bytes()
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/workers=%d", format, workers), func(b *testing.B) {
				args := []string{"-workers", strconv.Itoa(workers), "-progress", "0", "-format", format, "-"}
				b.SetBytes(int64(len(data)))
				b.ResetTimer()
				cpu := cpuTime()
				for range b.N {
					if code := run(args, bytes.NewReader(data), io.Discard, io.Discard); code != 0 {
						b.Fatalf("exit status %d", code)
					}
				}
				months := float64(benchMonths) * float64(b.N)
				b.ReportMetric(months/b.Elapsed().Seconds(), "months/s")
				b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/months, "cpu-us/month")
			})
		}
	}
}

// BenchmarkRecord splits one month of the fleet benchmark (benchOutages
// outages) into the work a worker does: decoding its JSON line or its CSV
// rows, and assessing it with sla.Policy.Assess and Payout. The three run
// side by side, so the share of parsing in BenchmarkFleet can be read off.
func BenchmarkRecord(b *testing.B) {
	cfg := genConfig{n: 1, seed: 1, outages: benchOutages}
	var jl, cs bytes.Buffer
	if err := writeJSONL(&jl, cfg); err != nil {
		b.Fatal(err)
	}
	if err := writeCSV(&cs, cfg); err != nil {
		b.Fatal(err)
	}
	line := bytes.TrimSuffix(jl.Bytes(), []byte("\n"))
	g, err := newCSVSource("bench", bytes.NewReader(cs.Bytes())).next()
	if err != nil {
		b.Fatal(err)
	}
	rec, _, errs := decodeJSON(line, pos{"bench", 1}, fuzzConfig.loc)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	b.Run("decode-jsonl", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b, cpuTime())
		for range b.N {
			if _, _, errs := decodeJSON(line, pos{"bench", 1}, fuzzConfig.loc); len(errs) > 0 {
				b.Fatal(errs)
			}
		}
	})
	b.Run("decode-csv", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b, cpuTime())
		for range b.N {
			if _, _, errs := decodeCSV(g.rows, fuzzConfig.loc); len(errs) > 0 {
				b.Fatal(errs)
			}
		}
	})
	b.Run("assess", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b, cpuTime())
		for range b.N {
			a, err := fuzzConfig.policy.Assess(rec.period())
			if err != nil {
				b.Fatal(err)
			}
			if _, err := a.Payout(rec.fee); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// reportCPU reports the CPU time per operation since start, in ns, as
// cpu-ns/op: on a busy machine ns/op counts the time other processes held
// the CPU, cpu-ns/op does not.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
}
