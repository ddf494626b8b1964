package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/slapolicy/slapolicy/examples/internal/fleetrec"
	"github.com/slapolicy/slapolicy/sla"
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
// generated once, outside the timed loop.
//
// Its baseline, assess+payout, is the assessment alone of the same months,
// decoded beforehand: sla.Policy.Assess and Assessment.Payout, one month
// after the other; compiled+payout is the same with the policy compiled
// once (sla.Compile), as the fleet assesses. Each baseline decodes the
// months before its timer starts and drops them when it ends (decodeAll).
// workers=1 is in turn the
// baseline of workers=2.
// months/s is the throughput; cpu-us/month the CPU time (user and system,
// all goroutines, garbage collector included) spent per month, which is
// what the whole program's cost per record is compared on: at workers=1
// the reader and the collector run beside the worker.
func BenchmarkFleet(b *testing.B) {
	data := map[string][]byte{}
	for _, format := range []string{"jsonl", "csv"} {
		var in bytes.Buffer
		cfg := fleetrec.GenConfig{N: benchMonths, Seed: 1, Outages: benchOutages}
		write := fleetrec.WriteJSONL
		if format == "csv" {
			write = fleetrec.WriteCSV
		}
		if err := write(&in, cfg); err != nil {
			b.Fatal(err)
		}
		data[format] = in.Bytes()
	}
	policy := sla.DynamicsCRMOnline()
	compiled, err := sla.Compile(policy)
	if err != nil {
		b.Fatal(err)
	}
	for _, base := range []struct {
		name   string
		assess func(sla.Period) (sla.Assessment, error)
	}{{"assess+payout", policy.Assess}, {"compiled+payout", compiled.Assess}} {
		b.Run(base.name, func(b *testing.B) {
			recs := decodeAll(b, data["jsonl"])
			runtime.GC() // the decoding's garbage is not the baseline's
			b.ResetTimer()
			cpu := cpuTime()
			for range b.N {
				for _, rec := range recs {
					a, err := base.assess(rec.Period())
					if err != nil {
						b.Fatal(err)
					}
					if _, err := a.Payout(rec.Fee()); err != nil {
						b.Fatal(err)
					}
				}
			}
			reportMonths(b, cpu)
		})
	}
	for _, format := range []string{"jsonl", "csv"} {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/workers=%d", format, workers), func(b *testing.B) {
				args := []string{"-workers", strconv.Itoa(workers), "-progress", "0", "-format", format, "-"}
				b.SetBytes(int64(len(data[format])))
				runtime.GC() // the garbage of the benchmarks before is not the fleet's
				b.ResetTimer()
				cpu := cpuTime()
				for range b.N {
					if code := run(args, bytes.NewReader(data[format]), io.Discard, io.Discard); code != 0 {
						b.Fatalf("exit status %d", code)
					}
				}
				reportMonths(b, cpu)
			})
		}
	}
}

// decodeAll decodes every record of a JSON-lines input, for the
// baselines. Only they hold the decoded records: the fleet's own runs
// start with them gone, so that the garbage collector does not scan a
// heap of records the program never has.
func decodeAll(b *testing.B, data []byte) []fleetrec.Record {
	var recs []fleetrec.Record
	lr := fleetrec.NewLineReader(bytes.NewReader(data))
	for {
		line, n, _, err := lr.Next()
		if err == io.EOF {
			break
		}
		rec, _, errs := fleetrec.DecodeJSON(line, fleetrec.Pos{File: "bench", Line: n}, time.UTC)
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		recs = append(recs, rec)
	}
	return recs
}

// reportMonths reports months/s and cpu-us/month of a benchmark whose
// every iteration handles benchMonths months, CPU time counted from cpu.
func reportMonths(b *testing.B, cpu time.Duration) {
	months := float64(benchMonths) * float64(b.N)
	b.ReportMetric(months/b.Elapsed().Seconds(), "months/s")
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/months, "cpu-us/month")
}
