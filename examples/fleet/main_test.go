package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/examples/internal/fleetrec"
	"github.com/slapolicy/slapolicy/sla"
)

// runFleet runs the program with args and stdin, and returns its exit
// status, standard output and standard error.
func runFleet(t testing.TB, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// showcaseSummary is the summary of the nine showcase months (generate.go),
// worked by hand from the comments there under sla.DynamicsCRMOnline:
//   - level met: sub-000001 (no outage), -002 (exactly 99.9 %), -005
//     (window and intermittent), -007 (notice 48 h ahead, customer's
//     systems) = 4 months;
//   - below 99.9 → 25 %: -003 (250.00 of 1000.00) and -009 (30.00 of
//     120.00) = 280.00;
//   - below 99 → 50 %: -004 (166.665 of 333.33, rounded to 166.67) and
//     -008 (250.00 of 500.00) = 416.67;
//   - below 95 → 100 %: -006, 99.99;
//   - total 9 months, 280.00 + 416.67 + 99.99 = 796.66.
const showcaseSummary = `subscription-months by credit tier (each month's credit rounded to 2 places, then summed)
uptime                credit  months  credits
level met (>= 99.9%)      0%       4     0.00
below 99.9%              25%       2   280.00
below 99%                50%       2   416.67
below 95%               100%       1    99.99
total                              9   796.66
bad records: 0
`

func TestShowcaseHandWorked(t *testing.T) {
	jsonl, err := os.ReadFile(filepath.Join("testdata", "showcase.jsonl"))
	require.NoError(t, err)
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
	}{
		{"generated", "", []string{"-generate", "9"}},
		{"jsonl file", "", []string{"testdata/showcase.jsonl"}},
		{"csv file", "", []string{"testdata/showcase.csv"}},
		{"jsonl on stdin, sniffed", string(jsonl), []string{"-"}},
		{"one worker", "", []string{"-workers", "1", "testdata/showcase.csv"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runFleet(t, tc.stdin, tc.args...)
			assert.Equal(t, 0, code, errOut)
			assert.Equal(t, showcaseSummary, out)
			assert.Empty(t, errOut)
		})
	}
}

// TestStrictPolicy reads a policy file whose level (99.95) is above its
// first tier (99.9), so a month can miss the level and earn nothing:
// sub-000002 at exactly 99.9 %. Tiers 10/25/100 %: below 99.9 -003
// (100.00) and -009 (12.00) = 112.00; below 99 -004 (83.3325 → 83.33) and
// -008 (125.00) = 208.33; below 95 -006 99.99; total 420.32.
func TestStrictPolicy(t *testing.T) {
	code, out, errOut := runFleet(t, "", "-policy", "testdata/policy-strict.json", "testdata/showcase.jsonl")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, `subscription-months by credit tier (each month's credit rounded to 2 places, then summed)
uptime                 credit  months  credits
level met (>= 99.95%)      0%       3     0.00
level missed, no tier      0%       1     0.00
below 99.9%               10%       2   112.00
below 99%                 25%       2   208.33
below 95%                100%       1    99.99
total                               9   420.32
bad records: 0
`, out)
}

// TestNoArguments runs the program as a newcomer does and checks its
// summary against the same months assessed one by one, without the
// pipeline: decoded from the generator's JSON-lines, assessed with
// sla.Policy.Assess, each credit rounded with Payout and summed.
func TestNoArguments(t *testing.T) {
	code, out, errOut := runFleet(t, "")
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, errOut)

	var in bytes.Buffer
	require.NoError(t, fleetrec.WriteJSONL(&in, fleetrec.GenConfig{N: defaultGenerate, Seed: 1, Outages: -1}))
	p := sla.DynamicsCRMOnline()
	months := make(map[string]int) // by credit percent
	credits := make(map[string]decimal.Decimal)
	total := decimal.Zero
	lines := strings.Split(strings.TrimSuffix(in.String(), "\n"), "\n")
	require.Len(t, lines, defaultGenerate)
	for i, line := range lines {
		rec, _, errs := fleetrec.DecodeJSON([]byte(line), fleetrec.Pos{File: "generated", Line: i + 1}, time.UTC)
		require.Empty(t, errs)
		a, err := p.Assess(rec.Period())
		require.NoError(t, err)
		c := a.Credit.String()
		months[c]++
		payout, err := a.Payout(rec.Fee())
		require.NoError(t, err)
		credits[c] = credits[c].Add(payout.Amount)
		total = total.Add(payout.Amount)
	}
	// Every tier is reached by the default sample, so the table shows
	// something worth reading.
	for _, c := range []string{"0", "25", "50", "100"} {
		assert.Positive(t, months[c], "no month earns %s%%", c)
		row := rowWith(t, out, c+"%")
		assert.Equal(t, strconv.Itoa(months[c]), row[len(row)-2], "months earning %s%%", c)
		assert.Equal(t, credits[c].StringFixed(2), row[len(row)-1], "credits at %s%%", c)
	}
	row := rowWith(t, out, "total")
	assert.Equal(t, strconv.Itoa(defaultGenerate), row[1])
	assert.Equal(t, total.StringFixed(2), row[2])
	assert.Contains(t, out, "\nbad records: 0\n")

	// The default sample starts with the hand-worked showcase.
	assert.Equal(t, mustRead(t, "testdata/showcase.jsonl"), strings.Join(lines[:len(fleetrec.Showcase)], "\n")+"\n")
}

// rowWith returns the fields of the summary line whose credit column (or
// label, for "total") is name.
func rowWith(t *testing.T, out, name string) []string {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) >= 3 && (f[len(f)-3] == name || f[0] == name) {
			return f
		}
	}
	t.Fatalf("no row %q in\n%s", name, out)
	return nil
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(b)
}

// TestDeterministicAcrossWorkers checks that the output, problems and
// progress lines included, does not depend on the number of workers.
func TestDeterministicAcrossWorkers(t *testing.T) {
	for _, args := range [][]string{
		{"-generate", "3000", "-seed", "7", "-progress", "500"},
		{"-generate", "300", "-outages", "20", "-progress", "0"},
		{"testdata/bad.jsonl", "testdata/bad.csv", "testdata/showcase.csv"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code1, out1, err1 := runFleet(t, "", append([]string{"-workers", "1"}, args...)...)
			for _, w := range []string{"2", "4", "7"} {
				code, out, errOut := runFleet(t, "", append([]string{"-workers", w}, args...)...)
				assert.Equal(t, code1, code, "workers=%s", w)
				assert.Equal(t, out1, out, "workers=%s: summary differs from workers=1", w)
				assert.Equal(t, err1, errOut, "workers=%s: problems differ from workers=1", w)
			}
		})
	}
}

func TestBadRecords(t *testing.T) {
	for _, tc := range []struct {
		file    string
		summary string // the table rows that matter
		errs    []string
	}{
		{
			file: "testdata/bad.jsonl",
			errs: []string{
				`testdata/bad.jsonl:3: region "XYZ" is not in the region table (NAM, DEU, SAM, CAN, EUR, FRA, APJ, OCE, JPN, IND, GCC, GBR)`,
				`testdata/bad.jsonl:3: month: calendar: invalid month "2024-13": month is not in 01..12`,
				`testdata/bad.jsonl:3: fee "-5": sla: invalid fee: fee "-5" is negative`,
				`testdata/bad.jsonl:4: unknown field "outage"`,
				`testdata/bad.jsonl:5: column 2: not valid JSON: invalid character 'o' in literal null (expecting 'u')`,
				`testdata/bad.jsonl:6: outages[0].span: calendar: span ends before it starts: end 2024-03-02T09:00:00Z is before start 2024-03-02T10:00:00Z`,
				`testdata/bad.jsonl:6: outages[1].start "2024-03-02" is not an RFC 3339 time such as "2024-03-05T14:00:00Z"`,
				`testdata/bad.jsonl:6: outages[1].cause "weather" is not a known cause (empty for the service's own fault, or one of outside-control, add-on, customer-systems, customer-actions, ignored-advice, preview)`,
				`testdata/bad.jsonl:7: subscription-month "sub-a 2024-03" appears again: its first record is at testdata/bad.jsonl:1`,
				`testdata/bad.jsonl:8: column 65: fee must be a string, not a JSON number`,
				`testdata/bad.jsonl:9: notices[0].announced: maintenance: invalid notice: announced 2024-03-02T11:00:00Z is after span start 2024-03-02T10:00:00Z: maintenance: announced after the maintenance began`,
				`testdata/bad.jsonl:11: column 74: data after the record's closing brace`,
				`fleet: 8 bad records, reported above, are left out of the summary`,
			},
		},
		{
			file: "testdata/bad.csv",
			errs: []string{
				`testdata/bad.csv:4: fee "12.00" differs from "10.00" on line 3 for the same subscription-month`,
				`testdata/bad.csv:5: announced "2024-03-01T10:00:00Z" is only for notices (kind "notice")`,
				`testdata/bad.csv:6: start "yesterday" is not an RFC 3339 time such as "2024-03-05T14:00:00Z"`,
				`testdata/bad.csv:7: row has 6 fields, the header has 9`,
				`testdata/bad.csv:7: the row that could not be read may belong to subscription "sub-e" month "2024-03", which starts on line 8`,
				`testdata/bad.csv:10: not valid CSV: bare " in non-quoted-field`,
				`testdata/bad.csv:13: subscription-month "sub-a 2024-03" appears again: its first record is at testdata/bad.csv:2`,
				`testdata/bad.csv:15: kind "maintenance" is not "outage", "notice", "subscribed" or empty`,
				`testdata/bad.csv:16: cause "add-on" is only for outages`,
				`fleet: 8 bad records, reported above, are left out of the summary`,
			},
		},
	} {
		t.Run(tc.file, func(t *testing.T) {
			code, out, errOut := runFleet(t, "", tc.file)
			assert.Equal(t, 2, code)
			assert.Equal(t, tc.errs, strings.Split(strings.TrimSuffix(errOut, "\n"), "\n"))
			// Both files hold two good months: sub-a with no outage
			// (level met) and sub-g, down one hour of March's 44,640
			// minutes: 99.866 %, below 99.9, 25 % of 100.00 = 25.00.
			assert.Equal(t, []string{"level", "met", "(>=", "99.9%)", "0%", "1", "0.00"}, rowWith(t, out, "0%"))
			assert.Equal(t, []string{"below", "99.9%", "25%", "1", "25.00"}, rowWith(t, out, "25%"))
			assert.Equal(t, []string{"total", "2", "25.00"}, rowWith(t, out, "total"))
			assert.Contains(t, out, "\nbad records: 8\n")
		})
	}
}

func TestCannotRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o600))
		return p
	}
	badHeader := write("header.csv", "subscription,region,month,fee,start,ends,Fee\n")
	badPolicy := write("policy.json", `{"level":"99.9"}`)
	for _, tc := range []struct {
		name string
		args []string
		want string // in standard error
	}{
		{"no workers", []string{"-workers", "0"}, "-workers 0: need 1 to 1024"},
		{"too many workers", []string{"-workers", "1025"}, "-workers 1025: need 1 to 1024"},
		{"negative generate", []string{"-generate", "-1"}, "-generate -1: need 0 or more"},
		{"negative progress", []string{"-progress", "-1"}, "-progress -1: need 0 or more"},
		{"unknown format", []string{"-format", "xml"}, `-format "xml": want auto, jsonl or csv`},
		{"files and generate", []string{"-generate", "5", "testdata/showcase.csv"}, "not both"},
		{"unknown flag", []string{"-frobnicate"}, "flag provided but not defined"},
		{"missing file", []string{filepath.Join(dir, "nope.jsonl")}, "no such file"},
		{"stdin twice", []string{"-", "-"}, "standard input (-) named twice"},
		{"bad header", []string{badHeader}, `header.csv:1: header: unknown column "ends"`},
		{"bad header names each problem", []string{badHeader}, `column "fee" appears twice`},
		{"bad header missing column", []string{badHeader}, `column "end" is missing`},
		{"bad policy", []string{"-policy", badPolicy, "testdata/showcase.csv"}, "sla: invalid policy"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runFleet(t, "", tc.args...)
			assert.Equal(t, 1, code)
			assert.Empty(t, out, "no summary when the run cannot be done")
			assert.Contains(t, errOut, tc.want)
		})
	}
	code, _, errOut := runFleet(t, "", "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, errOut, "usage: fleet")
}

func TestEmit(t *testing.T) {
	code, out, _ := runFleet(t, "", "-generate", "9", "-emit")
	require.Equal(t, 0, code)
	assert.Equal(t, mustRead(t, "testdata/showcase.jsonl"), out)
	code, out, _ = runFleet(t, "", "-generate", "9", "-emit", "-format", "csv")
	require.Equal(t, 0, code)
	assert.Equal(t, mustRead(t, "testdata/showcase.csv"), out)

	// Emitted data reads back with the same summary in either form.
	for _, format := range []string{"jsonl", "csv"} {
		_, data, _ := runFleet(t, "", "-generate", "500", "-seed", "3", "-emit", "-format", format)
		code, fromFile, errOut := runFleet(t, data, "-")
		require.Equal(t, 0, code, errOut)
		_, generated, _ := runFleet(t, "", "-generate", "500", "-seed", "3")
		assert.Equal(t, generated, fromFile, format)
	}

	// Another seed, other months; the same seed, the same months.
	_, a, _ := runFleet(t, "", "-generate", "50", "-seed", "2", "-emit")
	_, b, _ := runFleet(t, "", "-generate", "50", "-seed", "2", "-emit")
	_, c, _ := runFleet(t, "", "-generate", "50", "-seed", "3", "-emit")
	assert.Equal(t, a, b)
	assert.NotEqual(t, a, c)

	// -outages fixes the count and skips the showcase.
	_, d, _ := runFleet(t, "", "-generate", "3", "-outages", "20", "-emit")
	for _, line := range strings.Split(strings.TrimSpace(d), "\n") {
		assert.Equal(t, 20, strings.Count(line, `"start"`)-strings.Count(line, `"announced"`), line)
	}
}

func TestProgress(t *testing.T) {
	code, _, errOut := runFleet(t, "", "-generate", "9", "-progress", "4", "-workers", "3")
	require.Equal(t, 0, code)
	assert.Equal(t, "fleet: 4 records: 4 assessed, 0 bad\nfleet: 8 records: 8 assessed, 0 bad\n", errOut)
	code, _, errOut = runFleet(t, "", "-progress", "4", "testdata/bad.jsonl")
	require.Equal(t, 2, code)
	assert.Contains(t, errOut, "fleet: 4 records: 1 assessed, 3 bad\n")
}

// TestCSVShapes reads CSV that differs from what -emit writes but means the
// same: columns in another order and letter case, no kind column, comments,
// CRLF line ends, a byte order mark, quoted fields.
func TestCSVShapes(t *testing.T) {
	in := "\uFEFF# exported from the billing system\r\n" +
		" End , START,Month,Subscription,Fee,Region\r\n" +
		"2024-04-10T14:43:13Z,2024-04-10T14:00:00Z,2024-04,\"sub-000003\",1000.00,nam\r\n" +
		",,2024-03,sub-000001,1250.00,NAM\r\n"
	code, out, errOut := runFleet(t, in, "-")
	require.Equal(t, 0, code, errOut)
	// sub-000003 of the showcase: 25 % of 1000.00; sub-000001: level met.
	assert.Equal(t, []string{"below", "99.9%", "25%", "1", "250.00"}, rowWith(t, out, "25%"))
	assert.Equal(t, []string{"total", "2", "250.00"}, rowWith(t, out, "total"))
}

// docBlock returns the indented example under heading in the usage text
// (what -h prints): its lines up to the first blank one, without the
// indent.
func docBlock(t *testing.T, heading string) []string {
	t.Helper()
	_, after, ok := strings.Cut(usage, "\n"+heading)
	require.True(t, ok, heading)
	var block []string
	for _, line := range strings.Split(after, "\n") {
		if code, ok := strings.CutPrefix(line, "  "); ok {
			block = append(block, code)
		} else if len(block) > 0 {
			break
		}
	}
	require.NotEmpty(t, block, heading)
	return block
}

// TestDocExamples feeds the input examples of the usage text (-h) to the
// program, so the documentation cannot drift from what it reads. sub-001 is
// down 90 minutes at 14:00 UTC, outside NAM's 2 AM–11 AM window (its
// notice is inside the window anyway): 90 of 44,640 minutes (March) is
// 99.798 %, below 99.9: 25 % of 1250.00 = 312.50. sub-002 has no outage.
func TestDocExamples(t *testing.T) {
	jsonLine := ""
	for _, l := range docBlock(t, "JSON-LINES INPUT") {
		jsonLine += strings.TrimSpace(l)
	}
	code, out, errOut := runFleet(t, jsonLine+"\n", "-")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, []string{"below", "99.9%", "25%", "1", "312.50"}, rowWith(t, out, "25%"))
	assert.Equal(t, []string{"total", "1", "312.50"}, rowWith(t, out, "total"))

	csvText := strings.Join(docBlock(t, "CSV INPUT"), "\n") + "\n"
	code, out, errOut = runFleet(t, csvText, "-")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, []string{"below", "99.9%", "25%", "1", "312.50"}, rowWith(t, out, "25%"))
	assert.Equal(t, []string{"total", "2", "312.50"}, rowWith(t, out, "total"))
}

// TestResults checks -results: one line per assessed month in input order,
// the same whatever the number of workers, none for a bad record. The
// golden file's figures are the showcase's, worked by hand in
// fleetrec/generate.go; the uptimes are sla's, truncated to 20 places.
func TestResults(t *testing.T) {
	dir := t.TempDir()
	for _, w := range []string{"1", "3"} {
		file := filepath.Join(dir, "showcase-"+w+".jsonl")
		code, out, errOut := runFleet(t, "", "-workers", w, "-results", file, "testdata/showcase.jsonl")
		require.Equal(t, 0, code, errOut)
		assert.Equal(t, showcaseSummary, out)
		assert.Equal(t, mustRead(t, "testdata/showcase.results.jsonl"), mustRead(t, file), "workers=%s", w)
	}
	file := filepath.Join(dir, "bad.jsonl")
	code, _, _ := runFleet(t, "", "-results", file, "testdata/bad.jsonl")
	require.Equal(t, 2, code)
	lines := strings.Split(strings.TrimSuffix(mustRead(t, file), "\n"), "\n")
	require.Len(t, lines, 2, "the two good months of bad.jsonl")
	assert.Contains(t, lines[0], `"record":"testdata/bad.jsonl:1","subscription":"sub-a"`)
	assert.Contains(t, lines[1], `"record":"testdata/bad.jsonl:10","subscription":"sub-g"`)
	assert.Contains(t, lines[1], `"credit_percent":"25","credit":"25.00"}`)

	code, out, errOut := runFleet(t, "", "-results", filepath.Join(dir, "no", "such", "dir"), "testdata/showcase.jsonl")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "no such file or directory")
	code, _, errOut = runFleet(t, "", "-emit", "-results", file)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "-results with -emit")
}
