package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runArgs runs the program and returns its exit status, stdout and stderr.
func runArgs(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// requireLines checks that every want line appears in out as a whole line,
// so that a figure cannot match inside a longer one. Runs of spaces count
// as one (column widths depend on the other rows; the golden test checks
// the layout).
func requireLines(t *testing.T, out string, want ...string) {
	t.Helper()
	lines := map[string]bool{}
	for _, l := range strings.Split(out, "\n") {
		lines[squeeze(l)] = true
	}
	for _, w := range want {
		assert.True(t, lines[squeeze(w)], "missing line %q in:\n%s", w, out)
	}
}

// squeeze trims s and turns each run of spaces into one.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// TestSampleStatement runs the program with no arguments, as the README's
// first command does, and checks the statement's figures against the
// sample worked by hand (sample.go).
func TestSampleStatement(t *testing.T) {
	code, out, errOut := runArgs(t)
	require.Equal(t, 0, code, errOut)
	require.Empty(t, errOut)

	requireLines(t, out,
		// March 2024 has 31 days: 31 × 1440 = 44,640 minutes.
		"  Month   2024-03, Fri 2024-03-01 00:00 UTC to Mon 2024-04-01 00:00 UTC, 44640 minutes",
		"  Fee     1,250.00 USD",

		// Outage time: 120 + 110 + 150 + 60 + 10 + 90 + 120 (March part
		// of the last) = 660 minutes; up = 44,640 − 660 = 43,980 minutes
		// = 733 hours.
		"  up                         43980  733:00:00",
		// Counted: Mar 7 11:00–11:50 (50), Mar 12 16:00–16:30 (30),
		// Mar 20 12:00–13:00 (60, notice only 16 h ahead), Mar 31
		// 22:00–24:00 (120) = 260 minutes = 4 h 20 min.
		"  counted downtime             260    4:20:00",
		// Window 02:00–11:00: Mar 5 03:00–05:00 (120) + Mar 7 10:00–11:00 (60).
		"  maintenance window           180    3:00:00",
		// Notice 50 h ahead covers Mar 12 14:00–16:00.
		"  announced maintenance        120    2:00:00",
		// Mar 22 15:00–15:10: exactly 10 minutes is intermittent.
		"  intermittent (≤ 10 min)       10    0:10:00",
		// Mar 25 18:00–19:30.
		"  cause: customer-actions       90    1:30:00",
		"  cause: preview                 0    0:00:00",
		// 43,980 + 260 + 180 + 120 + 10 + 90 = 44,640.
		"  total                      44640  744:00:00",

		"Counted downtime periods: 4, 260 minutes",
		"  1  Thu 2024-03-07 11:00 UTC  Thu 2024-03-07 11:50 UTC       50",
		"  2  Tue 2024-03-12 16:00 UTC  Tue 2024-03-12 16:30 UTC       30",
		"  3  Wed 2024-03-20 12:00 UTC  Wed 2024-03-20 13:00 UTC       60",
		"  4  Sun 2024-03-31 22:00 UTC  Mon 2024-04-01 00:00 UTC      120",

		// 44,380 / 44,640 × 100 = 99.417562724014336917562724… (the
		// decimal repeats: 44,640 = 2^5 × 3^2 × 5 × 31); 4 places
		// truncated is 99.4175 (rounding would say 99.4176).
		"  (total − counted) / total = 44380 / 44640 minutes",
		"  uptime  99.4175 %  (4 places, truncated toward zero)",
		"  exact   99.41756272401433691756… %  (20 places, truncated; the decimal does not end)",

		// 99.4175… < 99.9 and not < 99: 25 % of 1250.00 = 312.50.
		"  service level 99.9 % missed",
		"  tier    uptime below 99.9 % and not below 99 % → 25 % of the fee",
		"  credit  25 % × 1,250.00 USD = 312.50 USD",

		// Notice: 5 US business days after the day service was
		// restored, late from midnight ending the 5th (no US federal
		// holiday in March or early April 2024):
		//   restored Thu Mar 7  → Fri 8, Mon 11, Tue 12, Wed 13, Thu 14 → Fri Mar 15 00:00
		//   restored Tue Mar 12 → Wed 13, Thu 14, Fri 15, Mon 18, Tue 19 → Wed Mar 20 00:00
		//   restored Wed Mar 20 → Thu 21, Fri 22, Mon 25, Tue 26, Wed 27 → Thu Mar 28 00:00
		//   restored Mon Apr 1 01:30 (the outage ran into April; the
		//   incident ends when service came back, not at the month's
		//   edge) → Tue 2, Wed 3, Thu 4, Fri 5, Mon 8 → Tue Apr 9 00:00
		"    Thu 2024-03-07 10:00 UTC  Thu 2024-03-07 11:50 UTC  Fri 2024-03-15 00:00 UTC           50",
		"    Tue 2024-03-12 14:00 UTC  Tue 2024-03-12 16:30 UTC  Wed 2024-03-20 00:00 UTC           30",
		"    Wed 2024-03-20 12:00 UTC  Wed 2024-03-20 13:00 UTC  Thu 2024-03-28 00:00 UTC           60",
		"    Sun 2024-03-31 22:00 UTC  Mon 2024-04-01 01:30 UTC  Tue 2024-04-09 00:00 UTC          120",
		// Evidence by the end of April: late from May 1.
		"  evidence for 2024-03: late from Wed 2024-05-01 00:00 UTC",
		// Apr 2 + 45 days = May 17 (28 days to Apr 30, 17 more).
		"  processing of a claim submitted Tue 2024-04-02 09:00 UTC: late from Fri 2024-05-17 09:00 UTC (45 calendar days)",
	)
	// The incidents with no counted time (window, notice, intermittent,
	// customer) owe no notice: only the four above are listed.
	_, deadlines, _ := strings.Cut(out, "notice late from")
	deadlines, _, _ = strings.Cut(deadlines, "  evidence for")
	assert.Equal(t, 4, strings.Count(deadlines, "\n    "), "four notice deadlines in:\n%s", deadlines)
}

var update = flag.Bool("update", false, "rewrite testdata/sample.golden")

// TestSampleGolden compares the whole sample statement with
// testdata/sample.golden, the output the README shows (regenerate with
// go test ./examples/statement -run Golden -update, and read the diff).
func TestSampleGolden(t *testing.T) {
	code, out, errOut := runArgs(t)
	require.Equal(t, 0, code, errOut)
	if *update {
		require.NoError(t, os.WriteFile("testdata/sample.golden", []byte(out), 0o644))
	}
	want, err := os.ReadFile("testdata/sample.golden")
	require.NoError(t, err)
	assert.Equal(t, string(want), out)
}

// TestCSVGivesTheSampleStatement reads the sample from CSV files (with a
// header, comments, a row without its empty cause) and checks that the
// statement is the built-in sample's, line for line, but for the data line
// and the communications audit, which only the sample has a record for.
func TestCSVGivesTheSampleStatement(t *testing.T) {
	_, sample, _ := runArgs(t)
	code, out, errOut := runArgs(t, "-region", "nam", "-month", "2024-03", "-fee", "1250.00",
		"-outages", "testdata/outages.csv", "-notices", "testdata/notices.csv",
		"-submitted", "2024-04-02T11:00:00+02:00") // the same instant as the sample's 09:00Z
	require.Equal(t, 0, code, errOut)
	require.Empty(t, errOut)
	want := strings.Replace(sample, "built-in sample: 7 outages", "7 outages", 1)
	want, _, found := strings.Cut(want, "\nCommunications audit")
	require.True(t, found)
	assert.Equal(t, want, out)
}

// TestBadInput checks that every problem is reported, one line each,
// located by file, line and column (byte column where the field starts),
// with exit status 2 and nothing on stdout.
func TestBadInput(t *testing.T) {
	data := []string{"-region", "NAM", "-month", "2024-03", "-fee", "1250.00"}
	tests := []struct {
		name string
		args []string
		want []string // stderr, line by line
	}{
		{
			name: "bad outages, every row reported in order",
			args: append(data, "-outages", "testdata/bad_outages.csv"),
			want: []string{
				`testdata/bad_outages.csv:3:1: start: parsing time "2024-03-07 10:00" as "2006-01-02T15:04:05Z07:00": cannot parse " 10:00" as "T" (want RFC 3339, e.g. 2024-03-05T03:00:00Z)`,
				`testdata/bad_outages.csv:4:22: end: 2024-03-12T14:00:00Z is before start 2024-03-12T16:30:00Z`,
				`testdata/bad_outages.csv:5:43: cause: unknown cause "custmer-actions" (want one of outside-control, add-on, customer-systems, customer-actions, ignored-advice, preview, or empty for the service's own fault)`,
				`testdata/bad_outages.csv:6:1: want 2 or 3 fields (start,end,cause), got 1`,
				`testdata/bad_outages.csv:7:1: want 2 or 3 fields (start,end,cause), got 4`,
				`testdata/bad_outages.csv:8:45: extraneous or missing " in quoted-field`,
			},
		},
		{
			name: "bad notices",
			args: append(data, "-outages", "testdata/outages.csv", "-notices", "testdata/bad_notices.csv"),
			want: []string{
				`testdata/bad_notices.csv:2:43: announced: 2024-03-12T15:00:00Z is after the maintenance started at 2024-03-12T14:00:00Z`,
				`testdata/bad_notices.csv:3:43: announced: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006" (want RFC 3339, e.g. 2024-03-05T03:00:00Z)`,
			},
		},
		{
			name: "bad policy: each problem at the key it is about",
			args: []string{"-policy", "testdata/bad_policy.json"},
			want: []string{
				`testdata/bad_policy.json:3:3: tiers[1].below "99.5" is not below tiers[0].below "99" (tiers must be strictly decreasing in below)`,
				`testdata/bad_policy.json:9:3: excludedCauses[1] "addon" is not a known cause (known: outside-control, add-on, customer-systems, customer-actions, ignored-advice, preview)`,
			},
		},
		{
			name: "broken policy JSON: at the bad byte",
			args: []string{"-policy", "testdata/broken_policy.json"},
			want: []string{
				`testdata/broken_policy.json:4:1: policy is not a JSON object: invalid character '}' looking for beginning of object key string`,
			},
		},
		{
			name: "bad flags, all at once",
			args: []string{"-region", "XYZ", "-month", "2024-13", "-fee", "-5", "-submitted", "tomorrow", "-loc", "Mars/Base", "-currency", " "},
			want: []string{
				`-loc: unknown location "Mars/Base": unknown time zone Mars/Base`,
				`-month: calendar: invalid month "2024-13": month is not in 01..12`,
				`-region: unknown region "XYZ" (known: NAM, DEU, SAM, CAN, EUR, FRA, APJ, OCE, JPN, IND, GCC, GBR)`,
				`-fee: "-5" is negative`,
				`-currency: sla: unknown currency: " " is not an active ISO 4217 currency code`,
				`-submitted: parsing time "tomorrow" as "2006-01-02T15:04:05Z07:00": cannot parse "tomorrow" as "2006" (want RFC 3339, e.g. 2024-04-02T09:00:00Z)`,
			},
		},
		{
			name: "data files need region, month and fee",
			args: []string{"-outages", "testdata/missing.csv"},
			want: []string{
				`-region: required when data files are given`,
				`-month: required when data files are given`,
				`-fee: required when data files are given`,
				`open testdata/missing.csv: no such file or directory`,
			},
		},
		{
			name: "bad closures, every problem in order",
			args: append(data, "-outages", "testdata/outages.csv", "-closures", "testdata/bad_closures.json"),
			want: []string{
				`-closures: testdata/bad_closures.json: maintenance: invalid closures: closures[0].region "EU" is not in the region table (known: "NAM, DEU, SAM, CAN, EUR, FRA, APJ, OCE, JPN, IND, GCC, GBR")`,
				`-closures: testdata/bad_closures.json: maintenance: invalid closures: closures[1].date: calendar: invalid date "13/03/2024": want "YYYY-MM-DD"`,
				`-closures: testdata/bad_closures.json: maintenance: invalid closures: closures[2] has no "name"`,
			},
		},
		{
			name: "closures file missing",
			args: []string{"-closures", "testdata/missing.json"},
			want: []string{`-closures: open testdata/missing.json: no such file or directory`},
		},
		{
			name: "closures of regions not in the -regions table",
			args: []string{"-regions", "testdata/regions.json", "-region", "XYZ", "-closures", "testdata/closures.json"},
			want: []string{
				`-closures: testdata/closures.json: maintenance: invalid closures: closures[1].region "GBR" is not in the region table (known: "NAM, XYZ")`,
				`-closures: testdata/closures.json: maintenance: invalid closures: closures[2].region "SAM" is not in the region table (known: "NAM, XYZ")`,
				`-closures: testdata/closures.json: maintenance: invalid closures: closures[3].region "SAM" is not in the region table (known: "NAM, XYZ")`,
			},
		},
		{
			name: "fee that is not a number",
			args: []string{"-fee", "12,50"},
			want: []string{`-fee: "12,50" is not a decimal amount such as 1250.00`},
		},
		{
			name: "stray argument",
			args: []string{"march.csv"},
			want: []string{`unexpected argument "march.csv": all input is given by flags, which come first (see -h)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runArgs(t, tt.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out, "nothing is half-printed")
			assert.Equal(t, tt.want, strings.Split(strings.TrimSuffix(errOut, "\n"), "\n"))
		})
	}
}

// TestUnknownFlag checks that the flag package's own complaint also exits
// with status 2 and prints nothing on stdout.
func TestUnknownFlag(t *testing.T) {
	code, out, errOut := runArgs(t, "-fees", "10")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "flag provided but not defined: -fees")
}

// TestHelp checks that -h prints the usage on stderr and succeeds.
func TestHelp(t *testing.T) {
	code, out, errOut := runArgs(t, "-h")
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "-outages file")
}

// TestTruncatedNotRounded checks the edge the statement's wording guards:
// in April 2024 (30 days, 43,200 minutes) 43 min 12 s of downtime is
// exactly 99.9 %, and one nanosecond more is 99.8999999999…%, which must
// print as 99.8999 (not 99.9000) and earn the 25 % tier.
func TestTruncatedNotRounded(t *testing.T) {
	code, out, errOut := runArgs(t, "-region", "NAM", "-month", "2024-04", "-fee", "100",
		"-outages", "testdata/edge_outages.csv")
	require.Equal(t, 0, code, errOut)
	requireLines(t, out,
		// 43m12.000000001s = 2,592,000,000,001 ns; 43,200 min =
		// 2,592,000,000,000,000 ns: (total − counted) / total in ns,
		// × 100 = 99.9 − 100 / 2,592,000,000,000,000
		// = 99.89999999999996141975308641975…
		"  (total − counted) / total = 2589407999999999 / 2592000000000000 nanoseconds",
		"  uptime  99.8999 %  (4 places, truncated toward zero)",
		"  exact   99.89999999999996141975… %  (20 places, truncated; the decimal does not end)",
		"  credit  25 % × 100.00 USD = 25.00 USD",
		// 2,592,000,000,001 ns is not a multiple of 3: minutes are
		// approximate, h:mm:ss is exact.
		"  counted downtime        ≈43.2     0:43:12.000000001",
		"  processing: give -submitted to see when the provider must have processed the claim",
	)
}

// TestPolicyFileAndLocation runs real data under another policy (whole
// minutes, other tiers) in New York time, where March 2024 is an hour
// short (the clocks go forward on March 10).
func TestPolicyFileAndLocation(t *testing.T) {
	code, out, errOut := runArgs(t, "-region", "NAM", "-month", "2024-03", "-fee", "99.99", "-currency", "EUR",
		"-loc", "America/New_York", "-policy", "testdata/minutes_policy.json",
		"-outages", "testdata/outages.csv", "-notices", "testdata/notices.csv")
	require.Equal(t, 0, code, errOut)
	requireLines(t, out,
		// March 2024 in New York: 44,640 − 60 = 44,580 minutes, from
		// 05:00Z on March 1 to 04:00Z on April 1.
		"  Month   2024-03, Fri 2024-03-01 00:00 EST to Mon 2024-04-01 00:00 EDT, 44580 minutes",
		"  Policy  testdata/minutes_policy.json: service level 99.9 %",
		// The last outage, Mar 31 22:00Z to Apr 1 01:30Z, is Mar 31
		// 18:00 to 21:30 EDT: all 210 minutes in March. Counted: 50 + 30
		// + 60 + 210 = 350; the 10-minute blip is above this policy's
		// 5-minute limit, so it counts too: 360.
		"  counted downtime             360    6:00:00",
		// 44,580 − 360 = 44,220; 44,220 / 44,580 = 99.19246…% < 99.9:
		// this policy's first tier, 10 % of 99.99 = 9.999 → 10.00.
		"  uptime  99.1924 %  (4 places, truncated toward zero)",
		"  credit  10 % × 99.99 EUR = 10.00 EUR",
		"          (exactly 9.999 EUR, rounded once, half away from zero, to 2 places)",
		"  business days: Monday to Friday in America/New_York, less us.Holidays",
		// Evidence for March, New York: late from May 1 00:00 EDT.
		"  evidence for 2024-03: late from Wed 2024-05-01 00:00 EDT",
	)
}

// TestSVGFile checks that -svg writes the picture and still prints the
// statement.
func TestSVGFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "march.svg")
	code, out, errOut := runArgs(t, "-svg", path)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "SERVICE CREDIT STATEMENT")
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(b, []byte("<svg ")), "starts with the svg element")
}

// TestSVGUnwritable checks that a picture that cannot be written fails
// with status 1 and prints no statement.
func TestSVGUnwritable(t *testing.T) {
	code, out, errOut := runArgs(t, "-svg", filepath.Join(t.TempDir(), "no", "such", "dir", "x.svg"))
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "no such file or directory")
}

// TestMonthWithoutDowntime runs the sample's data on May 2024, where none
// of it falls: the level is met, uptime is exactly 100, no notice is owed,
// and the sample's claim is submitted on June 2.
func TestMonthWithoutDowntime(t *testing.T) {
	code, out, errOut := runArgs(t, "-month", "2024-05")
	require.Equal(t, 0, code, errOut)
	requireLines(t, out,
		"  (total − counted) / total = 44640 / 44640 minutes",
		"  uptime  100.0000 %  (4 places, truncated toward zero)",
		"  exact   100 %",
		"  service level 99.9 % met: no credit",
		"    no incident with counted downtime",
		// Evidence for May: by the end of June.
		"  evidence for 2024-05: late from Mon 2024-07-01 00:00 UTC",
		// June 2 + 45 days = July 17 (28 to June 30, 17 more).
		"  processing of a claim submitted Sun 2024-06-02 09:00 UTC: late from Wed 2024-07-17 09:00 UTC (45 calendar days)",
		"Communications audit of the sample record, as of Sun 2024-06-02 09:00 UTC",
		"  0 duties: 0 met, 0 pending, 0 late, 0 missed",
	)
	assert.NotContains(t, out, "status  duty")
}

// TestResolutionRounding runs the edge outage (43 min 12 s and 1 ns in
// April 2024) under a policy that rounds each counted period up to whole
// minutes: 44 minutes count, and the statement says where the extra
// 47.999999999 s came from.
func TestResolutionRounding(t *testing.T) {
	code, out, errOut := runArgs(t, "-region", "NAM", "-month", "2024-04", "-fee", "100",
		"-outages", "testdata/edge_outages.csv", "-policy", "testdata/minutes_policy.json")
	require.Equal(t, 0, code, errOut)
	requireLines(t, out,
		// 43,200 − 44 = 43,156 minutes up.
		"  up                         43156  719:16:00",
		"  counted downtime              44    0:44:00",
		"  counted downtime includes 0:00:47.999999999 (≈0.8 min) of rounding up: each period to a whole 1m0s, the policy's resolution; taken from up",
		// 43,156 / 43,200 = 99.898148…: this policy's first tier, 10 %.
		"  uptime  99.8981 %  (4 places, truncated toward zero)",
		"  credit  10 % × 100.00 USD = 10.00 USD",
	)
}

// TestLevelMissedWithoutTier uses a policy whose level (99.95) is above its
// first tier (99.9): 30 minutes down in April 2024 is 99.9305…%, which
// misses the level but earns no credit.
func TestLevelMissedWithoutTier(t *testing.T) {
	dir := t.TempDir()
	policy := filepath.Join(dir, "policy.json")
	outages := filepath.Join(dir, "outages.csv")
	require.NoError(t, os.WriteFile(policy, []byte(`{"level": "99.95", "tiers": [{"below": "99.9", "credit": "25"}],
		"creditCap": "100", "currencyPlaces": 2}`), 0o644))
	require.NoError(t, os.WriteFile(outages, []byte("2024-04-10T12:00:00Z,2024-04-10T12:30:00Z\n"), 0o644))
	code, out, errOut := runArgs(t, "-region", "NAM", "-month", "2024-04", "-fee", "100",
		"-outages", outages, "-policy", policy)
	require.Equal(t, 0, code, errOut)
	requireLines(t, out,
		// (43,200 − 30) / 43,200 = 99.930555…%.
		"  uptime  99.9305 %  (4 places, truncated toward zero)",
		"  service level 99.95 % missed",
		"  uptime is not below the first tier (99.9 %): no credit",
	)
}

// TestCustomRegionTable: -regions reads a region table of the caller's
// own (testdata/regions.json: NAM and a hypothetical XYZ, window 1 AM to
// 4 AM UTC, Japanese holidays in Asia/Tokyo) and -region finds XYZ in it.
// The outage of 02:00 to 05:00 UTC on Friday 26 April 2024 is 2 h in the
// window and 1 h counted; restored on Friday 14:00 in Tokyo, its notice is
// late from Thursday 9 May (Showa Day on 29 April and Golden Week, 3 to 6
// May, are not business days).
func TestCustomRegionTable(t *testing.T) {
	code, out, errOut := runArgs(t, "-regions", "testdata/regions.json", "-region", "XYZ", "-month", "2024-04",
		"-fee", "100", "-outages", "testdata/xyz_outages.csv", "-loc", "Asia/Tokyo")
	require.Equal(t, 0, code, errOut)
	requireLines(t, out,
		"  Region  XYZ (crm99.example.com), maintenance window 1 AM to 4 AM UTC every day",
		"  counted downtime              60    1:00:00",
		"  maintenance window           120    2:00:00",
		"  business days: Monday to Friday in Asia/Tokyo, less jp.Holidays",
		"    Fri 2024-04-26 11:00 JST  Fri 2024-04-26 14:00 JST  Thu 2024-05-09 00:00 JST           60",
	)

	// XYZ is not a built-in region, and a table without it says so.
	code, _, errOut = runArgs(t, "-region", "XYZ", "-month", "2024-04", "-fee", "100", "-outages", "testdata/xyz_outages.csv")
	require.Equal(t, 2, code)
	assert.Contains(t, errOut, `-region: unknown region "XYZ"`)
	code, _, errOut = runArgs(t, "-regions", "testdata/regions.json", "-region", "DEU", "-month", "2024-04", "-fee", "100", "-outages", "testdata/xyz_outages.csv")
	require.Equal(t, 2, code)
	assert.Contains(t, errOut, `-region: region "DEU" is not in testdata/regions.json at 2024-04-01T00:00:00Z (known then: NAM, XYZ)`)
}

// TestOutsideTheMonth: an outage wholly outside the month counts for
// nothing, and the statement says how many there were, so a caller who
// passed another month's data finds out.
func TestOutsideTheMonth(t *testing.T) {
	path := filepath.Join(t.TempDir(), "outages.csv")
	require.NoError(t, os.WriteFile(path, []byte("start,end,cause\n2024-04-05T10:00:00Z,2024-04-05T11:00:00Z,\n2024-03-05T12:00:00Z,2024-03-05T13:00:00Z,\n"), 0o644))
	code, out, errOut := runArgs(t, "-region", "NAM", "-month", "2024-03", "-fee", "10", "-outages", path)
	require.Equal(t, 0, code, errOut)
	requireLines(t, out,
		"  Data    2 outages, 0 maintenance notices (1 outages and 0 notices lie wholly outside the month: they count for nothing)",
		"  counted downtime              60    1:00:00",
	)
}

// TestClosuresFile: -closures adds the customer's own days off
// (testdata/closures.json: Wednesday 2024-03-13, a company shutdown in
// NAM) to the region's holidays, and the notice deadlines move past it
// (Microsoft Dynamics CRM Online SLA, section E, definition 9: by the end
// of the 5th business day after restoration). Restored Thu 7 March: Fri
// 8, Mon 11, Tue 12, (Wed 13), Thu 14, Fri 15 → late from Sat 16, not Fri
// 15. Restored Tue 12 March: Thu 14, Fri 15, Mon 18, Tue 19, Wed 20 →
// late from Thu 21, not Wed 20. Restored Wed 20 March, after the
// closure: Thu 28, unchanged.
func TestClosuresFile(t *testing.T) {
	args := []string{"-region", "NAM", "-month", "2024-03", "-fee", "100", "-outages", "testdata/outages.csv"}
	code, out, errOut := runArgs(t, args...)
	require.Equal(t, 0, code, errOut)
	requireLines(t, out,
		"  business days: Monday to Friday in UTC, less us.Holidays",
		"    Thu 2024-03-07 10:00 UTC  Thu 2024-03-07 11:50 UTC  Fri 2024-03-15 00:00 UTC           50",
		"    Tue 2024-03-12 14:00 UTC  Tue 2024-03-12 16:30 UTC  Wed 2024-03-20 00:00 UTC          150",
	)
	assert.NotContains(t, out, "closed")

	code, out, errOut = runArgs(t, append(args, "-closures", "testdata/closures.json")...)
	require.Equal(t, 0, code, errOut)
	requireLines(t, out,
		"  business days: Monday to Friday in UTC, less us.Holidays + 1 closure",
		"    closed Wed 2024-03-13: company shutdown (testdata/closures.json)",
		"    Thu 2024-03-07 10:00 UTC  Thu 2024-03-07 11:50 UTC  Sat 2024-03-16 00:00 UTC           50",
		"    Tue 2024-03-12 14:00 UTC  Tue 2024-03-12 16:30 UTC  Thu 2024-03-21 00:00 UTC          150",
		"    Wed 2024-03-20 12:00 UTC  Wed 2024-03-20 13:00 UTC  Thu 2024-03-28 00:00 UTC           60",
	)
	assert.NotContains(t, out, "Carnival", "only the region's own closures are listed")

	// With the caller's own table, the closures are checked against it.
	dir := t.TempDir()
	path := filepath.Join(dir, "xyz.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"closures":[{"region":"xyz","date":"2024-05-07","name":"office move"}]}`), 0o644))
	// TestCustomRegionTable's outage, restored Fri 26 April 14:00 in
	// Tokyo: (Mon 29 Shōwa Day) Tue 30, Wed 1, Thu 2, (3 to 6 May Golden
	// Week), (Tue 7 closed), Wed 8, Thu 9 → late from Fri 10 May, not Thu 9.
	code, out, errOut = runArgs(t, "-regions", "testdata/regions.json", "-region", "XYZ", "-month", "2024-04",
		"-fee", "100", "-outages", "testdata/xyz_outages.csv", "-loc", "Asia/Tokyo", "-closures", path)
	require.Equal(t, 0, code, errOut)
	requireLines(t, out,
		"  business days: Monday to Friday in Asia/Tokyo, less jp.Holidays + 1 closure",
		"    closed Tue 2024-05-07: office move ("+path+")",
		"    Fri 2024-04-26 11:00 JST  Fri 2024-04-26 14:00 JST  Fri 2024-05-10 00:00 JST           60",
	)
}
