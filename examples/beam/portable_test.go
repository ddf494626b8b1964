package main

import (
	"bytes"
	"net"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// freePort returns a TCP port on localhost that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startJobServer starts Beam's standalone Prism job server (the module's
// tool github.com/apache/beam/sdks/v2/go/cmd/prism) on a free port of
// localhost, waits until it accepts connections, and stops it when the
// test ends. It returns the endpoint, "localhost:PORT".
func startJobServer(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	prism := buildTool(t, dir, "github.com/apache/beam/sdks/v2/go/cmd/prism", "prism")
	port := freePort(t)
	var log bytes.Buffer
	srv := exec.Command(prism, "--job_port", strconv.Itoa(port), "--serve_http=false", "--idle_shutdown_timeout=10m")
	srv.Stdout, srv.Stderr = &log, &log
	require.NoError(t, srv.Start())
	exited := make(chan error, 1)
	go func() { exited <- srv.Wait() }()
	t.Cleanup(func() {
		_ = srv.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = srv.Process.Kill()
			<-exited
		}
		if t.Failed() {
			t.Logf("job server log:\n%s", log.String())
		}
	})
	endpoint := "localhost:" + strconv.Itoa(port)
	deadline := time.Now().Add(60 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", endpoint, time.Second)
		if err == nil {
			c.Close()
			return endpoint
		}
		select {
		case err := <-exited:
			t.Fatalf("the job server stopped: %v\n%s", err, log.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the job server does not listen on %s: %v\n%s", endpoint, err, log.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestPortableJobServer submits the pipeline through the Job API to a
// standalone job server, as to Flink's or Spark's: --runner=universal
// --endpoint=localhost:PORT --environment_type=LOOPBACK (the workers run
// in the submitting process, which the job server calls back).
func TestPortableJobServer(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts a job server")
	}
	endpoint := startJobServer(t)
	prefix := filepath.Join(t.TempDir(), "out")
	code, _, errOut := runAsMain(t, "--runner=universal", "--endpoint="+endpoint, "--environment_type=LOOPBACK",
		"--job_name=slapolicy-portable-test",
		"--input", fleetData+"showcase.jsonl,"+fleetData+"bad.jsonl", "--output", prefix)
	require.Equal(t, 2, code, "bad.jsonl has bad records\n%s", errOut)
	assert.Contains(t, errOut, "beam: 19 records read, 11 assessed, 8 rejected")
	out := readOutputs(t, prefix, counters{})
	assert.Contains(t, out.summary, "\nbad records: 8\n")
	// Of bad.jsonl's two good months, sub-g is down an hour: 25.00 more.
	assert.Contains(t, out.summary, "\ntotal                             11   821.66\n")
	assert.Len(t, out.results, 11)
	assert.Contains(t, strings.Join(out.bad, "\n"), `bad.jsonl:4: unknown field "outage"`)
}
