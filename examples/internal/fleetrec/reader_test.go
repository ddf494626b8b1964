package fleetrec

import (
	"bytes"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLineReader(t *testing.T) {
	long := strings.Repeat("x", MaxLine+1)
	exact := strings.Repeat("y", MaxLine)
	for _, tc := range []struct {
		name    string
		in      string
		lines   []string // "TOO LONG" for a line over MaxLine
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
			lr := NewLineReader(strings.NewReader(tc.in))
			var lines []string
			var numbers []int
			for {
				line, n, tooLong, err := lr.Next()
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

// problemRE is the shape of every problem line: file, line, message.
var problemRE = regexp.MustCompile(`^f:([0-9]+): [^\n]+$`)

// checkErrors fails unless every problem of o is in input "f" at a line
// from 1 to lines, written on one line.
func checkErrors(t *testing.T, o Outcome, lines int) {
	t.Helper()
	for _, e := range o.Errs {
		m := problemRE.FindStringSubmatch(e.String())
		require.NotNil(t, m, "%q", e.String())
		n, _ := strconv.Atoi(m[1])
		assert.True(t, n >= 1 && n <= lines, "line %d of %d: %s", n, lines, e)
		assert.Equal(t, n, e.At.Line)
		assert.Equal(t, "f", e.At.File)
	}
}

// fuzzConfig is the configuration the fuzz targets assess with.
var fuzzConfig = Config{Policy: DefaultPolicy(), Loc: time.UTC}

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
	addLines(f, "../../fleet/testdata/showcase.jsonl", "../../fleet/testdata/bad.jsonl")
	f.Add([]byte("\uFEFF{}\r\n\n[1,2]\nnull\n\"x\"\n{\"fee\":\"1e99\"}\n{\"fee\":\"1e-70\"}"))
	f.Add([]byte(`{"subscription":"s","region":"ind","month":"9999-12","fee":"0","outages":[{"start":"9999-12-31T23:59:59.999999999Z","end":"9999-12-31T23:59:59.999999999Z"}]}`))
	f.Add([]byte(`{"subscription":"s","region":"NAM","month":"0001-01","fee":"1","outages":[{"start":"0001-01-01T00:00:00Z","end":"9999-12-31T00:00:00+14:00"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		src := NewJSONLSource("f", bytes.NewReader(data))
		for {
			r, err := src.Next()
			if err == io.EOF {
				return
			}
			require.NoError(t, err)
			checkErrors(t, Assess(r, &fuzzConfig), lines)
		}
	})
}

// FuzzCSVReader does the same for the CSV reader, grouper and decoder. A
// bad header is the one fatal problem; it too names its line.
func FuzzCSVReader(f *testing.F) {
	addLines(f, "../../fleet/testdata/showcase.csv", "../../fleet/testdata/bad.csv")
	f.Add([]byte("subscription,region,month,fee,start,end\n\"a\nb\",NAM,2024-03,1,,\n\"unterminated"))
	f.Add([]byte("subscription,region,month,fee,start,end\nx,NAM,2024-03,1,,\nbroken\"row\ny,NAM,2024-03,1,,\nx,NAM,2024-03,1,,"))
	f.Add([]byte("\uFEFF#c\r\nSTART,end,Fee,month,region,subscription,kind,cause,announced\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		src := NewCSVSource("f", bytes.NewReader(data))
		for {
			r, err := src.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				assert.Regexp(t, `^f:[0-9]+: header: `, err.Error())
				return
			}
			o := Assess(r, &fuzzConfig)
			checkErrors(t, o, lines)
			if len(o.Errs) == 0 {
				assert.NotEmpty(t, r.Rows)
			}
		}
	})
}
