package main

import (
	"bytes"
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"regexp"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/sla"
)

// randomInput makes a month of random outages and notices in a random
// region and location: spans to the second, some crossing the month's
// edges, some overlapping, with random causes.
func randomInput(r *rand.Rand) input {
	locs := []string{"UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata"}
	loc, err := time.LoadLocation(locs[r.IntN(len(locs))])
	if err != nil {
		panic(err)
	}
	regions := maintenance.Regions()
	month := calendar.NewMonth(2024, time.Month(1+r.IntN(12)), loc)
	causes := append([]sla.Cause{"", "", ""}, sla.Causes()...)
	instant := func() time.Time { // from a day before the month to a day after
		span := month.Duration() + 48*time.Hour
		return month.Start().Add(-24*time.Hour + time.Duration(r.Int64N(int64(span/time.Second)))*time.Second)
	}
	length := func() time.Duration { // mostly short, sometimes hours
		if r.IntN(3) == 0 {
			return time.Duration(r.IntN(20*60)) * time.Second
		}
		return time.Duration(r.IntN(12*3600)) * time.Second
	}
	in := input{
		region:   regions[r.IntN(len(regions))],
		loc:      loc,
		month:    month,
		fee:      decimal.New(int64(r.IntN(1_000_000)), -2),
		currency: usd,
		policy:   sla.DynamicsCRMOnline(),
	}
	for range r.IntN(10) {
		start := instant()
		in.outages = append(in.outages, sla.Outage{
			Span:  calendar.Span{Start: start, End: start.Add(length())},
			Cause: causes[r.IntN(len(causes))],
		})
	}
	for range r.IntN(4) {
		start := instant()
		in.notices = append(in.notices, maintenance.Notice{
			Span:      calendar.Span{Start: start, End: start.Add(length())},
			Announced: start.Add(-time.Duration(r.IntN(48)) * time.Hour),
		})
	}
	if r.IntN(2) == 0 {
		in.submitted = month.End().Add(time.Duration(r.IntN(30*24)) * time.Hour)
	}
	return in
}

var uptimeLine = regexp.MustCompile(`(?m)^  uptime  ([0-9.]+) %`)

// TestStatementInvariants checks, on random months, what every statement
// must satisfy whatever the data:
//   - the minutes-by-reason table covers every reason: its rows add up to
//     the month exactly;
//   - every counted period belongs to exactly one incident with a notice
//     deadline, and they add up to the counted downtime;
//   - the printed uptime is the exact uptime truncated, never rounded up:
//     printed ≤ exact < printed + 0.0001;
//   - the picture is well-formed XML whose counted rects add up to the
//     counted downtime, and whose outage rects add up to the outage time.
func TestStatementInvariants(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 2024))
	for i := range 150 {
		in := randomInput(r)
		st, err := assess(in)
		require.NoError(t, err, "case %d", i)
		a := st.a
		name := fmt.Sprintf("case %d: %s %s in %s, %d outages", i, in.region.Code, in.month, in.loc, len(in.outages))

		sum := a.Up + a.Downtime
		for _, reason := range reasons(in.policy) {
			sum += a.Excluded[reason]
		}
		require.Equal(t, a.Total, sum, "%s: table rows add up to the month", name)

		var inIncidents time.Duration
		periods := 0
		for _, inc := range st.incidents {
			assert.False(t, inc.notice.IsZero(), name)
			for _, p := range inc.counted {
				inIncidents += p.Duration()
				periods++
				assert.True(t, !p.Start.Before(inc.span.Start) && !p.End.After(inc.span.End), "%s: period inside its incident", name)
			}
		}
		assert.Equal(t, len(a.Periods()), periods, name)
		assert.Equal(t, a.Downtime, inIncidents, name)

		var out bytes.Buffer
		writeStatement(&out, st)
		m := uptimeLine.FindStringSubmatch(out.String())
		require.NotNil(t, m, name)
		printed, ok := new(big.Rat).SetString(m[1])
		require.True(t, ok)
		exact := new(big.Rat).SetFrac(big.NewInt(int64(a.Total-a.Downtime)*100), big.NewInt(int64(a.Total)))
		assert.True(t, printed.Cmp(exact) <= 0, "%s: printed %s above exact %s", name, m[1], exact.FloatString(12))
		step := new(big.Rat).Add(printed, big.NewRat(1, 10000))
		assert.True(t, exact.Cmp(step) < 0, "%s: printed %s too low for %s", name, m[1], exact.FloatString(12))

		var pic bytes.Buffer
		writeSVG(&pic, st)
		rects, _ := parseSVG(t, pic.Bytes())
		var counted, outage, outageWant float64
		drawn := 0
		for _, rc := range rects {
			switch rc.class {
			case "background", "day", "shade", "key":
			case "counted":
				counted += rc.w
				outage += rc.w
				drawn++
			default:
				outage += rc.w
				drawn++
			}
		}
		for _, p := range a.Parts() {
			outageWant += p.Span.Duration().Hours() * hourWidth
		}
		// Each rect's width is written to 3 places: 0.0005 of error each.
		tol := 0.001*float64(drawn) + 1e-6
		assert.InDelta(t, a.Downtime.Hours()*hourWidth, counted, tol, name)
		assert.InDelta(t, outageWant, outage, tol, name)
	}
}

// TestRunNeverHalfPrints checks on random broken CSV rows that a run
// either prints a statement and nothing on stderr, or prints nothing on
// stdout and exits 2.
func TestRunNeverHalfPrints(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 14))
	good := []string{"2024-03-05T03:00:00Z", "2024-03-05T05:00:00Z", "customer-actions", ""}
	bad := []string{"2024-03-05 03:00", "yesterday", "custmer", `"`, "2024-02-30T00:00:00Z"}
	dir := t.TempDir()
	for i := range 60 {
		var csv bytes.Buffer
		for range 1 + r.IntN(5) {
			fields := 2 + r.IntN(3)
			for f := range fields {
				if f > 0 {
					csv.WriteByte(',')
				}
				if r.IntN(4) == 0 {
					csv.WriteString(bad[r.IntN(len(bad))])
				} else {
					csv.WriteString(good[min(f, len(good)-1)])
				}
			}
			csv.WriteByte('\n')
		}
		path := fmt.Sprintf("%s/o%d.csv", dir, i)
		require.NoError(t, os.WriteFile(path, csv.Bytes(), 0o644))
		code, out, errOut := runArgs(t, "-region", "NAM", "-month", "2024-03", "-fee", "10", "-outages", path)
		switch code {
		case 0:
			assert.Empty(t, errOut, "case %d:\n%s", i, csv.String())
			assert.Contains(t, out, "SERVICE CREDIT STATEMENT")
		case 2:
			assert.Empty(t, out, "case %d:\n%s", i, csv.String())
			assert.NotEmpty(t, errOut)
		default:
			t.Fatalf("case %d: exit %d", i, code)
		}
	}
}

// usd is the currency of the random inputs.
var usd, _ = sla.ParseCurrency("USD")
