package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The optional fields of a record (a subscribed part, user counts, a
// currency) and the flags that go with them (-currency, -month-zone),
// worked by hand. Windows are the region table's, in UTC ("Policies and
// Communications for Dynamics 365 for Customer Engagement", "Maintenance
// timeline"): NAM 2 AM to 11 AM, DEU 5 PM to 2 AM. Tiers are the built-in
// Dynamics CRM Online policy's: below 99.9 → 25 %, below 99 → 50 %, below
// 95 → 100 %.

// partialDEU is the README's quick start as a fleet record: a DEU
// subscription from 16 April 2024, 3,000.00 EUR for the whole month, down
// 16:30–18:00 UTC on 18 April. 16:30–17:00 is before DEU's window and
// counts; 17:00–18:00 is in it (Scheduled Downtime). 30 of the 21,600
// subscribed minutes (15 days) is 99.8611 %, below 99.9: 25 % of the
// prorated fee, 3,000.00 × 15/30 = 1,500.00, is 375.00 EUR.
const partialDEU = `{"subscription":"sub-q","region":"DEU","month":"2024-04","fee":"3000.00","currency":"EUR",` +
	`"subscribed":{"start":"2024-04-16T00:00:00Z","end":"2024-05-01T00:00:00Z"},` +
	`"outages":[{"start":"2024-04-18T16:30:00Z","end":"2024-04-18T18:00:00Z"}]}`

// partialDEUCSV is partialDEU in the CSV form.
const partialDEUCSV = "subscription,region,month,fee,kind,start,end,currency\n" +
	"sub-q,DEU,2024-04,3000.00,outage,2024-04-18T16:30:00Z,2024-04-18T18:00:00Z,EUR\n" +
	"sub-q,DEU,2024-04,3000.00,subscribed,2024-04-16T00:00:00Z,2024-05-01T00:00:00Z,EUR\n"

func TestPartialMonth(t *testing.T) {
	for name, in := range map[string]string{"jsonl": partialDEU + "\n", "csv": partialDEUCSV} {
		t.Run(name, func(t *testing.T) {
			results := filepath.Join(t.TempDir(), "r.jsonl")
			code, out, errOut := runFleet(t, in, "-currency", "EUR", "-results", results, "-")
			require.Equal(t, 0, code, errOut)
			assert.Contains(t, out, "credits in EUR, each month's credit rounded to 2 places")
			assert.Equal(t, []string{"below", "99.9%", "25%", "1", "375.00"}, rowWith(t, out, "25%"))
			assert.Contains(t, mustRead(t, results),
				`"uptime":"99.86111111111111111111","credit_percent":"25","credit":"375.00","currency":"EUR"}`)
		})
	}
}

// TestCurrencies: credits are rounded to the run's currency (ISO 4217
// minor units: JPY 0 places, KWD 3). NAM, April 2024, down 14:00–16:00 UTC
// (outside the window): 120 of 43,200 minutes is 99.7222 %, 25 %.
// 150000 JPY × 25 % = 37500; 12.345 KWD × 25 % = 3.08625 → 3.086 (half away
// from zero, at 3 places).
func TestCurrencies(t *testing.T) {
	month := func(fee string) string {
		return `{"subscription":"sub-c","region":"NAM","month":"2024-04","fee":"` + fee +
			`","outages":[{"start":"2024-04-10T14:00:00Z","end":"2024-04-10T16:00:00Z"}]}` + "\n"
	}
	for _, c := range []struct{ currency, fee, credit string }{
		{"JPY", "150000", "37500"},
		{"KWD", "12.345", "3.086"},
		{"EUR", "1000.00", "250.00"},
		{"", "1000.00", "250.00"}, // no currency: the policy's 2 places
	} {
		t.Run(c.currency, func(t *testing.T) {
			args := []string{"-"}
			if c.currency != "" {
				args = []string{"-currency", c.currency, "-"}
			}
			code, out, errOut := runFleet(t, month(c.fee), args...)
			require.Equal(t, 0, code, errOut)
			assert.Equal(t, []string{"below", "99.9%", "25%", "1", c.credit}, rowWith(t, out, "25%"))
			assert.Equal(t, c.currency != "", strings.Contains(out, "credits in "+c.currency))
		})
	}
}

// TestUserMinutes: under a user-minutes policy (sla/testdata), a NAM month
// of April 2024 with 1,000 licensed users, down 14:00–16:00 UTC. sub-u1's
// outage affects 100 users: 12,000 of 43,200,000 user-minutes is
// 99.9722 %, the level is met. sub-u2's affects all of them: 120,000 is
// 99.7222 %, 25 % of 1,000.00 = 250.00. Under the minutes policy both are
// 120 minutes of 43,200, 25 % each.
func TestUserMinutes(t *testing.T) {
	in := ""
	for _, u := range []struct{ sub, users string }{{"sub-u1", `,"users":"100"`}, {"sub-u2", ""}} {
		in += `{"subscription":"` + u.sub + `","region":"NAM","month":"2024-04","fee":"1000.00","users":"1000",` +
			`"outages":[{"start":"2024-04-10T14:00:00Z","end":"2024-04-10T16:00:00Z"` + u.users + `}]}` + "\n"
	}
	policy := filepath.Join("..", "..", "sla", "testdata", "user-minutes.json")
	code, out, errOut := runFleet(t, in, "-policy", policy, "-")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, []string{"0%", "1", "0.00"}, rowWith(t, out, "0%")[len(rowWith(t, out, "0%"))-3:])
	assert.Equal(t, []string{"below", "99.9%", "25%", "1", "250.00"}, rowWith(t, out, "25%"))

	code, out, errOut = runFleet(t, in, "-")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, []string{"below", "99.9%", "25%", "2", "500.00"}, rowWith(t, out, "25%"))

	// A user-minutes policy needs the licensed users.
	code, _, errOut = runFleet(t, strings.ReplaceAll(in, `"users":"1000",`, ""), "-policy", policy, "-")
	assert.Equal(t, 2, code)
	for _, line := range []string{"stdin:1: ", "stdin:2: "} {
		assert.Contains(t, errOut, line+"sla: invalid period: users is 0; a policy that measures user-minutes needs the licensed user count")
	}
}

// TestMonthZone: NAM, March 2024, down 00:00–01:00 UTC on 1 March (outside
// the window). With UTC months that is 60 of 44,640 minutes, 99.8656 %:
// 25 % of 1,000.00 = 250.00. In NAM's zone (America/New_York, UTC−5 in
// winter) March starts at 05:00 UTC and the outage, at 19:00 on 29
// February there, is outside it: 100 %. In Tokyo (UTC+9) March starts on
// 29 February at 15:00 UTC: the outage counts again, 25 %.
func TestMonthZone(t *testing.T) {
	in := `{"subscription":"sub-z","region":"NAM","month":"2024-03","fee":"1000.00",` +
		`"outages":[{"start":"2024-03-01T00:00:00Z","end":"2024-03-01T01:00:00Z"}]}` + "\n"
	for _, c := range []struct {
		zone      string
		row, want []string
	}{
		{"UTC", []string{"25%"}, []string{"below", "99.9%", "25%", "1", "250.00"}},
		{"region", []string{"0%"}, []string{"0%", "1", "0.00"}},
		{"Asia/Tokyo", []string{"25%"}, []string{"below", "99.9%", "25%", "1", "250.00"}},
	} {
		t.Run(c.zone, func(t *testing.T) {
			code, out, errOut := runFleet(t, in, "-month-zone", c.zone, "-")
			require.Equal(t, 0, code, errOut)
			got := rowWith(t, out, c.row[0])
			assert.Equal(t, c.want, got[len(got)-len(c.want):])
		})
	}
}

// TestExtrasRefused: the optional fields' problems, each a bad record with
// a message naming the field; bad flags stop the run (exit status 1).
func TestExtrasRefused(t *testing.T) {
	base := `{"subscription":"sub-x","region":"NAM","month":"2024-04","fee":"1000.00"`
	for _, c := range []struct {
		name, line string
		args       []string
		want       string
	}{
		{"partial without a currency", strings.Replace(partialDEU, `"currency":"EUR",`, "", 1), nil,
			"stdin:1: subscribed: a partial month's fee is prorated in the run's currency, and the run has none (-currency)"},
		{"record currency without a run currency", partialDEU, nil,
			"stdin:1: currency EUR: the run has no currency (give it one, -currency EUR)"},
		{"record currency not the run's", partialDEU, []string{"-currency", "JPY"},
			"stdin:1: currency EUR is not the run's currency JPY (a run sums credits in one currency)"},
		{"unknown currency", base + `,"currency":"EURO"}`, []string{"-currency", "EUR"},
			`stdin:1: currency: sla: unknown currency: "EURO" is not an active ISO 4217 currency code`},
		{"users not a number", base + `,"users":"ten"}`, nil,
			`stdin:1: users "ten" is not a whole number of users such as "250"`},
		{"users too many", base + `,"users":"1000000001"}`, nil,
			`stdin:1: users "1000000001" is more than 1000000000 users`},
		{"outage users not a number", base + `,"outages":[{"start":"2024-04-10T14:00:00Z","end":"2024-04-10T16:00:00Z","users":"-5"}]}`, nil,
			`stdin:1: outages[0].users "-5" is not a whole number of users such as "250"`},
		{"subscribed empty object", base + `,"subscribed":{}}`, []string{"-currency", "USD"},
			"stdin:1: subscribed: start and end are missing"},
		{"subscribed empty span", base + `,"subscribed":{"start":"2024-04-16T00:00:00Z","end":"2024-04-16T00:00:00Z"}}`, []string{"-currency", "USD"},
			"stdin:1: subscribed.span [2024-04-16T00:00:00Z, 2024-04-16T00:00:00Z) is empty: a month with no subscribed time has no uptime"},
		{"subscribed outside the month", base + `,"subscribed":{"start":"2024-05-16T00:00:00Z","end":"2024-06-01T00:00:00Z"}}`, []string{"-currency", "USD"},
			"stdin:1: sla: invalid period: subscribed [2024-05-16T00:00:00Z, 2024-06-01T00:00:00Z) has no instant in month 2024-04: sla: not subscribed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runFleet(t, c.line+"\n", append(c.args, "-")...)
			assert.Equal(t, 2, code, errOut)
			assert.Contains(t, errOut, c.want)
			assert.Equal(t, []string{"total", "0"}, rowWith(t, out, "total")[:2])
		})
	}
	for _, args := range [][]string{
		{"-currency", "XXX"},
		{"-currency", "XAU"},
		{"-month-zone", "Mars/Olympus_Mons"},
		{"-month-zone", "Local"},
	} {
		code, out, errOut := runFleet(t, "", append(args, "-")...)
		assert.Equal(t, 1, code, "%v", args)
		assert.Empty(t, out)
		assert.Contains(t, errOut, "fleet: ", "%v", args)
	}
}

// TestExtrasCSV: the CSV form's own checks of the optional columns.
func TestExtrasCSV(t *testing.T) {
	head := "subscription,region,month,fee,kind,start,end,cause,announced,currency,users,affected_users\n"
	for _, c := range []struct{ name, rows, want string }{
		{"users differ", "s,NAM,2024-04,1.00,outage,2024-04-10T14:00:00Z,2024-04-10T16:00:00Z,,,EUR,10,\n" +
			"s,NAM,2024-04,1.00,outage,2024-04-11T14:00:00Z,2024-04-11T16:00:00Z,,,EUR,20,\n",
			`stdin:3: users "20" differs from "10" on line 2 for the same subscription-month`},
		{"currency differs", "s,NAM,2024-04,1.00,outage,2024-04-10T14:00:00Z,2024-04-10T16:00:00Z,,,EUR,,\n" +
			"s,NAM,2024-04,1.00,outage,2024-04-11T14:00:00Z,2024-04-11T16:00:00Z,,,USD,,\n",
			`stdin:3: currency "USD" differs from "EUR" on line 2 for the same subscription-month`},
		{"affected users on a notice", "s,NAM,2024-04,1.00,notice,2024-04-10T14:00:00Z,2024-04-10T16:00:00Z,,2024-04-01T00:00:00Z,EUR,,5\n",
			`stdin:2: affected_users "5" is only for outages`},
		{"subscribed twice", "s,NAM,2024-04,1.00,subscribed,2024-04-10T00:00:00Z,2024-05-01T00:00:00Z,,,EUR,,\n" +
			"s,NAM,2024-04,1.00,subscribed,2024-04-12T00:00:00Z,2024-05-01T00:00:00Z,,,EUR,,\n",
			"stdin:3: subscribed: the month's subscribed part is given twice (first on line 2)"},
		{"subscribed with a cause", "s,NAM,2024-04,1.00,subscribed,2024-04-10T00:00:00Z,2024-05-01T00:00:00Z,preview,,EUR,,\n",
			"stdin:2: subscribed: cause and announced must be empty"},
		{"subscribed without its ends", "s,NAM,2024-04,1.00,subscribed,,,,,EUR,,\n",
			"stdin:2: subscribed: start and end are missing"},
		{"subscribed end missing", "s,NAM,2024-04,1.00,subscribed,2024-04-10T00:00:00Z,,,,EUR,,\n",
			"stdin:2: subscribed.end is missing"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, errOut := runFleet(t, head+c.rows, "-currency", "EUR", "-format", "csv", "-")
			assert.Equal(t, 2, code, errOut)
			assert.Contains(t, errOut, c.want)
		})
	}
}

// TestExtrasFormatsAgree: the generator's months with every optional
// field, in JSON-lines and in CSV, give the same summary and the same
// result lines (but for the record positions) with 1 and 3 workers.
func TestExtrasFormatsAgree(t *testing.T) {
	dir := t.TempDir()
	var summaries, results []string
	for _, format := range []string{"jsonl", "csv"} {
		code, data, errOut := runFleet(t, "", "-generate", "2000", "-seed", "5", "-extras", "-currency", "EUR", "-emit", "-format", format)
		require.Equal(t, 0, code, errOut)
		if format == "jsonl" {
			assert.Contains(t, data, `"subscribed":{`)
			assert.Contains(t, data, `"users":"250"`)
		}
		for _, w := range []string{"1", "3"} {
			file := filepath.Join(dir, format+w)
			code, out, errOut := runFleet(t, data, "-currency", "EUR", "-workers", w, "-progress", "0", "-results", file, "-format", format, "-")
			require.Equal(t, 0, code, errOut)
			summaries = append(summaries, out)
			var lines []string
			for _, l := range strings.Split(mustRead(t, file), "\n") {
				if _, rest, ok := strings.Cut(l, `"subscription":`); ok {
					lines = append(lines, rest)
				}
			}
			require.Len(t, lines, 2000)
			results = append(results, strings.Join(lines, "\n"))
		}
	}
	for i := 1; i < len(summaries); i++ {
		assert.Equal(t, summaries[0], summaries[i])
		assert.Equal(t, results[0], results[i])
	}
	assert.Contains(t, summaries[0], "credits in EUR")
}

// TestHelp: -h documents the input formats, their optional fields and the
// flags, on standard error, with exit status 0.
func TestHelp(t *testing.T) {
	code, out, errOut := runFleet(t, "", "-h")
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
	for _, want := range []string{
		"JSON-LINES INPUT", "CSV INPUT", "MONTHS AND MONEY", "OUTPUT", "Exit status",
		"subscribed", "affected_users", "users  ", "-month-zone", "-currency", "-workers", "-results",
	} {
		assert.Contains(t, errOut, want)
	}
}
