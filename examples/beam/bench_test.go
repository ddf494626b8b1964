package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/slapolicy/slapolicy/examples/internal/fleetrec"
)

// asLoop, set in a test binary's environment, makes the binary run
// plainLoop on its arguments (inputs..., output prefix) instead of the
// tests.
const asLoop = "SLAPOLICY_BEAM_AS_LOOP"

// plainLoop is the baseline of BenchmarkPipeline: the pipeline's work in
// one goroutine, one record after the other, with the same outputs (result
// lines in input order, problem lines, the summary table).
func plainLoop(inputs []string, prefix string) error {
	policy := fleetrec.DefaultPolicy()
	cfg := fleetrec.Config{Policy: policy, Loc: time.UTC, Results: true}
	files := map[string]*bufio.Writer{}
	for _, suffix := range outputSuffixes {
		f, err := os.Create(prefix + suffix)
		if err != nil {
			return err
		}
		defer f.Close()
		files[suffix] = bufio.NewWriterSize(f, 64<<10)
	}
	sum := fleetrec.NewSummary(&cfg)
	seen := map[string]fleetrec.Pos{}
	for _, name := range inputs {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		src := fleetrec.NewSource(name, f, "auto")
		for {
			r, err := src.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				f.Close()
				return err
			}
			o := fleetrec.Assess(r, &cfg)
			if o.Key != "" {
				if first, dup := seen[o.Key]; dup {
					o.Errs = append(o.Errs, fleetrec.DuplicateProblem(o, first))
				} else {
					seen[o.Key] = o.At
				}
			}
			for _, e := range o.Errs {
				fmt.Fprintln(files[".bad.txt"], e)
			}
			if len(o.Errs) == 0 {
				fmt.Fprintln(files[".results.jsonl"], o.Result)
			}
			if err := sum.Add(o); err != nil {
				return err
			}
		}
		f.Close()
	}
	if err := sum.Write(files[".summary.txt"]); err != nil {
		return err
	}
	for _, w := range files {
		if err := w.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// runLoopMain is asLoop's entry point.
func runLoopMain() {
	args := os.Args[1:]
	if err := plainLoop(args[:len(args)-1], args[len(args)-1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// BenchmarkPipeline runs the pipeline on Prism (the program, in a process
// of its own, as `go run .` does) beside the plain loop (plainLoop, also
// in a process of its own) over the same generated months, 10k, 100k and
// 1M, and checks that both write the same summary. Each run is a process,
// so its CPU time and its peak memory are its own: records/s (wall
// clock), cpu-s (user and system CPU time of the process, all its
// threads), maxrss-MB (peak resident memory). Run it with -benchtime 1x;
// the 1M input is about 200 MB.
func BenchmarkPipeline(b *testing.B) {
	dir := b.TempDir()
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		input := filepath.Join(dir, fmt.Sprintf("months-%d.jsonl", n))
		f, err := os.Create(input)
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriterSize(f, 1<<20)
		if err := fleetrec.WriteJSONL(w, fleetrec.GenConfig{N: n, Seed: 1, Outages: -1}); err != nil {
			b.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
		f.Close()
		summaries := map[string]string{}
		for _, kind := range []string{"loop", "prism"} {
			b.Run(fmt.Sprintf("records=%d/%s", n, kind), func(b *testing.B) {
				prefix := filepath.Join(dir, fmt.Sprintf("out-%d-%s", n, kind))
				var cpu time.Duration
				var rss int64
				for range b.N {
					var cmd *exec.Cmd
					if kind == "loop" {
						cmd = exec.Command(os.Args[0], input, prefix)
						cmd.Env = append(os.Environ(), asLoop+"=1")
					} else {
						cmd = exec.Command(os.Args[0], "--input", input, "--output", prefix)
						cmd.Env = append(os.Environ(), asMain+"=1")
					}
					var errOut strings.Builder
					cmd.Stderr = &errOut
					if err := cmd.Run(); err != nil {
						b.Fatalf("%s: %v\n%s", kind, err, tail(errOut.String()))
					}
					ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
					cpu += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
					rss = max(rss, ru.Maxrss) // KiB on Linux
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
				b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s")
				b.ReportMetric(float64(rss)/1024, "maxrss-MB")
				s, err := os.ReadFile(prefix + ".summary.txt")
				if err != nil {
					b.Fatal(err)
				}
				summaries[kind] = string(s)
			})
		}
		if len(summaries) == 2 && summaries["loop"] != summaries["prism"] {
			b.Fatalf("records=%d: the summaries differ:\n%s\n%s", n, summaries["loop"], summaries["prism"])
		}
	}
}

// tail returns the last lines of a log.
func tail(s string) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[max(0, len(lines)-20):], "\n")
}
