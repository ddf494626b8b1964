package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// svgRect is a rect element of the picture, with its tooltip.
type svgRect struct {
	class         string
	x, y, w, h    float64
	fill, tooltip string
}

// parseSVG parses the picture with encoding/xml, failing the test on any
// XML error, and returns its rects in document order and all its text.
func parseSVG(t *testing.T, b []byte) ([]svgRect, string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var rects []svgRect
	var text strings.Builder
	inTitle := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local == "title" {
				inTitle = true
			}
			if el.Name.Local != "rect" {
				continue
			}
			r := svgRect{}
			for _, a := range el.Attr {
				num := func() float64 {
					v, err := strconv.ParseFloat(a.Value, 64)
					require.NoError(t, err, "attribute %s", a.Name.Local)
					return v
				}
				switch a.Name.Local {
				case "class":
					r.class = a.Value
				case "x":
					r.x = num()
				case "y":
					r.y = num()
				case "width":
					r.w = num()
				case "height":
					r.h = num()
				case "fill":
					r.fill = a.Value
				}
			}
			rects = append(rects, r)
		case xml.EndElement:
			if el.Name.Local == "title" {
				inTitle = false
			}
		case xml.CharData:
			if inTitle && len(rects) > 0 {
				rects[len(rects)-1].tooltip += string(el)
			}
			text.Write(el)
		}
	}
	return rects, text.String()
}

// TestSVGDrawsEveryCountedPeriod draws the sample month and checks, by
// parsing the SVG as XML, that each counted period cut at day boundaries
// is a rect of class "counted" at the right place and width, and nothing
// else is drawn as counted.
func TestSVGDrawsEveryCountedPeriod(t *testing.T) {
	path := filepath.Join(t.TempDir(), "march.svg")
	code, _, errOut := runArgs(t, "-svg", path)
	require.Equal(t, 0, code, errOut)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	rects, text := parseSVG(t, b)

	// The sample's counted periods (sample.go), cut at midnight UTC. Each
	// row is a day: y = 78 + (day − 1) × 18, plus 1 for the inset; x =
	// 80 + hours after midnight × 30; width = hours × 30.
	type want struct {
		day          int
		from, to     float64 // hours after midnight
		tooltipStart string
	}
	wants := []want{
		{7, 11, 11 + 50.0/60, "counted downtime: Thu 2024-03-07 11:00 UTC to Thu 2024-03-07 11:50 UTC, 50 min"}, // x 410, width 25
		{12, 16, 16.5, "counted downtime: Tue 2024-03-12 16:00 UTC"},                                            // x 560, width 15
		{20, 12, 13, "counted downtime: Wed 2024-03-20 12:00 UTC"},                                              // x 440, width 30
		{31, 22, 24, "counted downtime: Sun 2024-03-31 22:00 UTC to Mon 2024-04-01 00:00 UTC, 120 min"},         // x 740, width 60
	}
	var counted []svgRect
	for _, r := range rects {
		if r.class == "counted" {
			counted = append(counted, r)
		}
	}
	require.Len(t, counted, len(wants))
	for i, w := range wants {
		r := counted[i]
		assert.InDelta(t, 80+w.from*30, r.x, 0.001, "x of period %d", i+1)
		assert.InDelta(t, (w.to-w.from)*30, r.w, 0.001, "width of period %d", i+1)
		assert.InDelta(t, 78+float64(w.day-1)*18+1, r.y, 0.001, "y of period %d", i+1)
		assert.Equal(t, "#d62728", r.fill)
		assert.True(t, strings.HasPrefix(r.tooltip, w.tooltipStart), "tooltip %q", r.tooltip)
	}
	// Worked out by hand for the first: 80 + 11 × 30 = 410, 50/60 × 30 = 25.
	assert.InDelta(t, 410, counted[0].x, 0.001)
	assert.InDelta(t, 25, counted[0].w, 0.001)

	// The other reasons are drawn too, and 31 days with the window shaded.
	classes := map[string]int{}
	for _, r := range rects {
		classes[r.class]++
	}
	assert.Equal(t, 31, classes["day"])
	assert.Equal(t, 31, classes["shade"], "NAM's window 2 AM–11 AM every day")
	assert.Equal(t, 2, classes["window"])
	assert.Equal(t, 1, classes["notice"])
	assert.Equal(t, 1, classes["intermittent"])
	assert.Equal(t, 1, classes["cause-customer-actions"])

	assert.Contains(t, text, "NAM 2024-03: uptime 99.4175 % (truncated), credit 25 % = 312.50 USD")
	assert.Contains(t, text, "counted downtime: 260 min")
	assert.Contains(t, text, "Sun 31")
}

// TestSVGSplitsAtDayBoundaries draws an outage over two midnights and
// checks that its counted time is drawn in three rows whose widths add up
// to its length.
func TestSVGSplitsAtDayBoundaries(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "outages.csv")
	// 2024-03-03 20:00 to 2024-03-05 01:00 UTC (29 h) in JPN, whose
	// window is 10 AM to 7 PM UTC: Mar 4 10:00–19:00 is window time (9 h
	// = 540 min); counted are Mar 3 20:00–24:00 (4 h), Mar 4 00:00–10:00
	// (10 h), Mar 4 19:00–24:00 (5 h), Mar 5 00:00–01:00 (1 h): 20 h =
	// 1200 min, in four rects on three rows.
	require.NoError(t, os.WriteFile(csv, []byte("2024-03-03T20:00:00Z,2024-03-05T01:00:00Z\n"), 0o644))
	path := filepath.Join(dir, "x.svg")
	code, out, errOut := runArgs(t, "-region", "JPN", "-month", "2024-03", "-fee", "10",
		"-outages", csv, "-svg", path)
	require.Equal(t, 0, code, errOut)
	requireLines(t, out, "counted downtime 1200 20:00:00", "maintenance window 540 9:00:00")
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	rects, _ := parseSVG(t, b)
	type span struct{ y, x, w float64 }
	var got []span
	total := 0.0
	for _, r := range rects {
		if r.class == "counted" {
			got = append(got, span{r.y, r.x, r.w})
			total += r.w
		}
	}
	row := func(day int) float64 { return 78 + float64(day-1)*18 + 1 }
	assert.Equal(t, []span{
		{row(3), 80 + 20*30, 4 * 30},
		{row(4), 80, 10 * 30},
		{row(4), 80 + 19*30, 5 * 30},
		{row(5), 80, 1 * 30},
	}, got)
	assert.InDelta(t, 20*30, total, 0.001, "20 hours drawn")
	assert.False(t, math.IsNaN(total))
}

// TestSVGEscapes checks that text from data is escaped: a region code with
// markup in it, from a region table of the caller's, stays text.
func TestSVGEscapes(t *testing.T) {
	dir := t.TempDir()
	regions := filepath.Join(dir, "regions.json")
	require.NoError(t, os.WriteFile(regions, []byte(`{"editions":[{"effective":"2024-01-01T00:00:00Z","regions":[
		{"code":"<b>\"€\"&","host":"crm.example.com","window":"2 AM to 11 AM"}]}]}`), 0o644))
	path := filepath.Join(dir, "x.svg")
	code, _, errOut := runArgs(t, "-regions", regions, "-region", `<b>"€"&`, "-month", "2024-03", "-fee", "1250.00",
		"-outages", "testdata/outages.csv", "-svg", path)
	require.Equal(t, 0, code, errOut)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	_, text := parseSVG(t, b)
	assert.Contains(t, text, `<b>"€"& 2024-03: uptime`)
}

// TestDaysAcrossDST checks that a month in a location with a change of the
// clocks has one row per calendar day, the short day 23 hours wide.
func TestDaysAcrossDST(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	in, problems, _ := readInput([]string{"-loc", "America/New_York"}, io.Discard)
	require.Empty(t, problems)
	rows := days(in.month)
	require.Len(t, rows, 31)
	assert.Equal(t, 23.0, rows[9].span.Duration().Hours(), "March 10, 2024: clocks go forward")
	assert.Equal(t, 24.0, rows[10].span.Duration().Hours())
	assert.Equal(t, time.Date(2024, 3, 10, 0, 0, 0, 0, ny), rows[9].span.Start)
}
