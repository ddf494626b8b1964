package main

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/examples/internal/fleetrec"
)

// fleetData is the fleet's test data, which the pipeline reads as the
// fleet does.
const fleetData = "../fleet/testdata/"

// showcaseSummary is the fleet's summary of its nine hand-worked showcase
// months (examples/fleet/main_test.go works it out).
const showcaseSummary = `subscription-months by credit tier (each month's credit rounded to 2 places, then summed)
uptime                credit  months  credits
level met (>= 99.9%)      0%       4     0.00
below 99.9%              25%       2   280.00
below 99%                50%       2   416.67
below 95%               100%       1    99.99
total                              9   796.66
bad records: 0
`

func TestShowcase(t *testing.T) {
	// The fleet's golden result lines, for its file named from its own
	// directory.
	golden := sortLines(strings.ReplaceAll(mustRead(t, fleetData+"showcase.results.jsonl"),
		`"record":"testdata/`, `"record":"`+fleetData))
	for _, tc := range []struct{ input, format string }{
		{fleetData + "showcase.jsonl", "auto"},
		{fleetData + "showcase.csv", "auto"},
		{fleetData + "showcase.csv", "csv"},
	} {
		t.Run(tc.input+" "+tc.format, func(t *testing.T) {
			out := runPipeline(t, tc.input, tc.format, "")
			assert.Equal(t, showcaseSummary, out.summary)
			assert.Empty(t, out.bad)
			assert.Equal(t, counters{read: 9, assessed: 9}, out.counters)
			if strings.HasSuffix(tc.input, ".jsonl") {
				assert.Equal(t, golden, out.results)
			}
			// The CSV form has the same months on other lines.
			assert.Equal(t, afterRecord(golden), afterRecord(out.results))
		})
	}
}

func TestStrictPolicy(t *testing.T) {
	out := runPipeline(t, fleetData+"showcase.jsonl", "auto", fleetData+"policy-strict.json")
	// examples/fleet's TestStrictPolicy works these figures out.
	assert.Equal(t, `subscription-months by credit tier (each month's credit rounded to 2 places, then summed)
uptime                 credit  months  credits
level met (>= 99.95%)      0%       3     0.00
level missed, no tier      0%       1     0.00
below 99.9%               10%       2   112.00
below 99%                 25%       2   208.33
below 95%                100%       1    99.99
total                               9   420.32
bad records: 0
`, out.summary)
}

// TestBadRecords checks that no bad record is dropped: every problem the
// fleet reports is a line of bad.txt, and the counters and the summary
// count the bad records.
func TestBadRecords(t *testing.T) {
	for _, tc := range []struct {
		file string
		read int64
		errs []string
	}{
		{
			file: "bad.jsonl",
			read: 10,
			errs: []string{
				`bad.jsonl:3: region "XYZ" is not in the region table (NAM, DEU, SAM, CAN, EUR, FRA, APJ, OCE, JPN, IND, GCC, GBR)`,
				`bad.jsonl:3: month: calendar: invalid month "2024-13": month is not in 01..12`,
				`bad.jsonl:3: fee "-5": sla: invalid fee: fee "-5" is negative`,
				`bad.jsonl:4: unknown field "outage"`,
				`bad.jsonl:5: column 2: not valid JSON: invalid character 'o' in literal null (expecting 'u')`,
				`bad.jsonl:6: outages[0].span: calendar: span ends before it starts: end 2024-03-02T09:00:00Z is before start 2024-03-02T10:00:00Z`,
				`bad.jsonl:6: outages[1].start "2024-03-02" is not an RFC 3339 time such as "2024-03-05T14:00:00Z"`,
				`bad.jsonl:6: outages[1].cause "weather" is not a known cause (empty for the service's own fault, or one of outside-control, add-on, customer-systems, customer-actions, ignored-advice, preview)`,
				`bad.jsonl:7: subscription-month "sub-a 2024-03" appears again: its first record is at ` + fleetData + `bad.jsonl:1`,
				`bad.jsonl:8: column 65: fee must be a string, not a JSON number`,
				`bad.jsonl:9: notices[0].announced: maintenance: invalid notice: announced 2024-03-02T11:00:00Z is after span start 2024-03-02T10:00:00Z: maintenance: announced after the maintenance began`,
				`bad.jsonl:11: column 74: data after the record's closing brace`,
			},
		},
		{
			file: "bad.csv",
			read: 10,
			errs: []string{
				`bad.csv:4: fee "12.00" differs from "10.00" on line 3 for the same subscription-month`,
				`bad.csv:5: announced "2024-03-01T10:00:00Z" is only for notices (kind "notice")`,
				`bad.csv:6: start "yesterday" is not an RFC 3339 time such as "2024-03-05T14:00:00Z"`,
				`bad.csv:7: row has 6 fields, the header has 9`,
				`bad.csv:7: the row that could not be read may belong to subscription "sub-e" month "2024-03", which starts on line 8`,
				`bad.csv:10: not valid CSV: bare " in non-quoted-field`,
				`bad.csv:13: subscription-month "sub-a 2024-03" appears again: its first record is at ` + fleetData + `bad.csv:2`,
				`bad.csv:15: kind "maintenance" is not "outage", "notice", "subscribed" or empty`,
				`bad.csv:16: cause "add-on" is only for outages`,
			},
		},
	} {
		t.Run(tc.file, func(t *testing.T) {
			out := runPipeline(t, fleetData+tc.file, "auto", "")
			var want []string
			for _, e := range tc.errs {
				want = append(want, fleetData+e)
			}
			assert.Equal(t, sortLines(strings.Join(want, "\n")), out.bad)
			assert.Equal(t, counters{read: tc.read, assessed: 2, rejected: 8}, out.counters)
			assert.Contains(t, out.summary, "\ntotal                              2    25.00\nbad records: 8\n")
			assert.Len(t, out.results, 2)
		})
	}
}

// TestEmptyInput: no record, an empty summary, and every output there.
func TestEmptyInput(t *testing.T) {
	empty := t.TempDir() + "/empty.jsonl"
	require.NoError(t, writeFile(empty, ""))
	out := runPipeline(t, empty, "auto", "")
	assert.Contains(t, out.summary, "\ntotal                              0     0.00\nbad records: 0\n")
	assert.Empty(t, out.results)
	assert.Empty(t, out.bad)
	assert.Equal(t, counters{}, out.counters)
}

// TestCannotRun: what stops the fleet with status 1 stops the pipeline.
func TestCannotRun(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, tc := range []struct {
		name                          string
		input, output, format, policy string
		want                          string
	}{
		{"no input", "", dir + "/o", "auto", "", "--input is required"},
		{"no output", fleetData + "showcase.csv", "", "auto", "", "--output is required"},
		{"bad format", fleetData + "showcase.csv", dir + "/o", "xml", "", `--format "xml"`},
		{"missing file", dir + "/nope.jsonl", dir + "/o", "auto", "", "no such file"},
		{"bad policy", fleetData + "showcase.csv", dir + "/o", "auto", fleetData + "bad.csv", "policy"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := newOptions(ctx, tc.input, tc.output, tc.format, tc.policy, fleetrec.Settings{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}

	// A CSV header that is wrong fails the run, on a worker.
	badHeader := dir + "/header.csv"
	require.NoError(t, writeFile(badHeader, "subscription,region,month,fee,start,ends\n"))
	code, _, errOut := runAsMain(t, "--input", badHeader, "--output", dir+"/h")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, `header: unknown column "ends"`)
}

// afterRecord returns result lines without their "record" values, sorted.
func afterRecord(lines []string) []string {
	var out []string
	for _, l := range lines {
		_, rest, _ := strings.Cut(l, `","subscription"`)
		out = append(out, rest)
	}
	slices.Sort(out)
	return out
}
