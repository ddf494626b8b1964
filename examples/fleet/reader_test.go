package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/sla"
)

func TestLineReader(t *testing.T) {
	long := strings.Repeat("x", maxLine+1)
	exact := strings.Repeat("y", maxLine)
	for _, tc := range []struct {
		name    string
		in      string
		lines   []string // "TOO LONG" for a line over maxLine
		numbers []int
	}{
		{"empty", "", nil, nil},
		{"no final newline", "a\nb", []string{"a", "b"}, []int{1, 2}},
		{"final newline", "a\nb\n", []string{"a", "b"}, []int{1, 2}},
		{"CRLF", "a\r\nb\r\n", []string{"a", "b"}, []int{1, 2}},
		{"byte order mark", "\uFEFFa\n", []string{"a"}, []int{1}},
		{"blank lines count", "\n\na\n", []string{"", "", "a"}, []int{1, 2, 3}},
		{"too long, then more", long + "\nz\n", []string{"TOO LONG", "z"}, []int{1, 2}},
		{"too long at the end", "z\n" + long, []string{"z", "TOO LONG"}, []int{1, 2}},
		{"exactly the limit", exact + "\r\n", []string{exact}, []int{1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lr := newLineReader(strings.NewReader(tc.in))
			var lines []string
			var numbers []int
			for {
				line, n, tooLong, err := lr.next()
				if err == io.EOF {
					break
				}
				require.NoError(t, err)
				if tooLong {
					assert.Nil(t, line)
					lines = append(lines, "TOO LONG")
				} else {
					lines = append(lines, string(line))
				}
				numbers = append(numbers, n)
			}
			assert.Equal(t, tc.lines, lines)
			assert.Equal(t, tc.numbers, numbers)
		})
	}
}

// failingReader returns its data, then an error that is not io.EOF.
type failingReader struct{ data io.Reader }

func (f failingReader) Read(p []byte) (int, error) {
	n, err := f.data.Read(p)
	if err == io.EOF {
		return n, errors.New("disk on fire")
	}
	return n, err
}

func TestReadErrorIsFatal(t *testing.T) {
	for _, format := range []string{"jsonl", "csv"} {
		t.Run(format, func(t *testing.T) {
			data := mustRead(t, "testdata/showcase."+format)
			var out, errOut bytes.Buffer
			code := run([]string{"-format", format, "-"}, failingReader{strings.NewReader(data)}, &out, &errOut)
			assert.Equal(t, 1, code)
			assert.Empty(t, out.String(), "no summary for an input not read to its end")
			assert.Contains(t, errOut.String(), "fleet: disk on fire (no summary")
		})
	}
}

// lineErrorRE is the shape of every problem line: file, line, message.
var lineErrorRE = regexp.MustCompile(`^f:([0-9]+): [^\n]+$`)

// checkErrors fails unless every error of o is a *lineError in input "f"
// at a line from 1 to lines, written on one line.
func checkErrors(t *testing.T, o outcome, lines int) {
	t.Helper()
	for _, e := range o.errs {
		var le *lineError
		require.True(t, errors.As(e, &le), "%T %v", e, e)
		m := lineErrorRE.FindStringSubmatch(e.Error())
		require.NotNil(t, m, "%q", e.Error())
		n, _ := strconv.Atoi(m[1])
		assert.True(t, n >= 1 && n <= lines, "line %d of %d: %s", n, lines, e)
		assert.Equal(t, n, le.at.line)
	}
}

// fuzzConfig is the configuration the fuzz targets assess with.
var fuzzConfig = config{policy: sla.DynamicsCRMOnline(), loc: time.UTC, workers: 1}

// addLines seeds f with each file's whole content and with each of its lines.
func addLines(f *testing.F, files ...string) {
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		for _, line := range bytes.Split(b, []byte("\n")) {
			f.Add(line)
		}
	}
}

// FuzzJSONLReader feeds arbitrary bytes to the JSON-lines reader and
// decoder: they never panic, never fail on a readable input, and every
// problem names a line of the input.
func FuzzJSONLReader(f *testing.F) {
	addLines(f, "testdata/showcase.jsonl", "testdata/bad.jsonl")
	f.Add([]byte("\uFEFF{}\r\n\n[1,2]\nnull\n\"x\"\n{\"fee\":\"1e99\"}\n{\"fee\":\"1e-70\"}"))
	f.Add([]byte(`{"subscription":"s","region":"ind","month":"9999-12","fee":"0","outages":[{"start":"9999-12-31T23:59:59.999999999Z","end":"9999-12-31T23:59:59.999999999Z"}]}`))
	f.Add([]byte(`{"subscription":"s","region":"NAM","month":"0001-01","fee":"1","outages":[{"start":"0001-01-01T00:00:00Z","end":"9999-12-31T00:00:00+14:00"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		src := newJSONLSource("f", bytes.NewReader(data))
		for {
			r, err := src.next()
			if err == io.EOF {
				return
			}
			require.NoError(t, err)
			checkErrors(t, assess(r, &fuzzConfig), lines)
		}
	})
}

// FuzzCSVReader does the same for the CSV reader, grouper and decoder. A
// bad header is the one fatal problem; it too names its line.
func FuzzCSVReader(f *testing.F) {
	addLines(f, "testdata/showcase.csv", "testdata/bad.csv")
	f.Add([]byte("subscription,region,month,fee,start,end\n\"a\nb\",NAM,2024-03,1,,\n\"unterminated"))
	f.Add([]byte("subscription,region,month,fee,start,end\nx,NAM,2024-03,1,,\nbroken\"row\ny,NAM,2024-03,1,,\nx,NAM,2024-03,1,,"))
	f.Add([]byte("\uFEFF#c\r\nSTART,end,Fee,month,region,subscription,kind,cause,announced\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		src := newCSVSource("f", bytes.NewReader(data))
		for {
			r, err := src.next()
			if err == io.EOF {
				return
			}
			if err != nil {
				assert.Regexp(t, `^f:[0-9]+: header: `, err.Error())
				return
			}
			o := assess(r, &fuzzConfig)
			checkErrors(t, o, lines)
			if len(o.errs) == 0 {
				assert.NotEmpty(t, r.rows)
			}
		}
	})
}
