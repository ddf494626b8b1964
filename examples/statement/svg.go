package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/sla"
)

// The picture's geometry, in SVG user units (pixels).
const (
	hourWidth   = 30.0 // one hour across
	labelsWidth = 80.0 // day labels on the left
	headHeight  = 78.0 // title, subtitle and hour labels
	rowHeight   = 14.0 // one day
	rowGap      = 4.0
	rightMargin = 20.0
	legendRow   = 20.0
	legendCols  = 3
	legendWidth = 245.0
)

// Colors of the outage reasons; each excluded cause has its own.
var (
	shadeColor  = "#dbe7f3" // the maintenance window, behind everything
	dayColor    = "#f2f2f2" // a day's row: up
	causeColors = []string{"#8c564b", "#e377c2", "#7f7f7f", "#2ca02c", "#bcbd22", "#17becf"}
	fixedColors = map[sla.Reason]string{
		sla.ReasonCounted:      "#d62728",
		sla.ReasonWindow:       "#1f77b4",
		sla.ReasonNotice:       "#9467bd",
		sla.ReasonIntermittent: "#ff7f0e",
	}
)

// reasonColor returns the fill for r: a fixed color for counted, window,
// notice and intermittent time, and one of causeColors per cause, by the
// cause's place in sla.Causes.
func reasonColor(r sla.Reason) string {
	if c, ok := fixedColors[r]; ok {
		return c
	}
	for i, c := range sla.Causes() {
		if c.Reason() == r {
			return causeColors[i%len(causeColors)]
		}
	}
	return "#000000"
}

// reasonClass is the class attribute of a part's rect: "counted",
// "window", "notice", "intermittent" or "cause-NAME".
func reasonClass(r sla.Reason) string {
	switch r {
	case sla.ReasonCounted:
		return "counted"
	case sla.ReasonWindow, sla.ReasonNotice, sla.ReasonIntermittent:
		return string(r)
	}
	return "cause-" + string(r)
}

// day is one row of the picture: a calendar day of the month in its
// location. Days are measured in elapsed time, so a day on which the clocks
// change is 23 or 25 hours wide.
type day struct {
	span calendar.Span
	y    float64
}

// days returns the rows of the month m.
func days(m calendar.Month) []day {
	var out []day
	start := m.Start()
	for y := headHeight; start.Before(m.End()); y += rowHeight + rowGap {
		end := time.Date(start.Year(), start.Month(), start.Day()+1, 0, 0, 0, 0, start.Location())
		out = append(out, day{span: calendar.Span{Start: start, End: end}, y: y})
		start = end
	}
	return out
}

// x is the horizontal position of instant t in the row of d.
func (d day) x(t time.Time) float64 {
	return labelsWidth + t.Sub(d.span.Start).Hours()*hourWidth
}

// writeSVG draws the month of st: one row per day, 24 hours across, each
// piece of outage time (sla.Assessment.Parts(), cut at day boundaries)
// colored by its reason, the maintenance window shaded behind, hour ticks,
// day labels, a legend with the minutes of each reason and the uptime in
// the title. Every rect of outage time has a class naming its reason and a
// title (a tooltip) saying when and how long.
func writeSVG(w io.Writer, st statement) {
	a, in, loc := st.a, st.in, st.in.loc
	rows := days(in.month)
	widest := 24.0
	for _, d := range rows {
		widest = max(widest, d.span.Duration().Hours())
	}
	width := labelsWidth + widest*hourWidth + rightMargin
	bottom := headHeight + float64(len(rows))*(rowHeight+rowGap)
	legend := legendItems(st)
	legendRows := (len(legend) + legendCols - 1) / legendCols
	height := bottom + 16 + float64(legendRows)*legendRow + 10

	s := &svg{}
	s.printf(`<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="sans-serif">`+"\n",
		num(width), num(height), num(width), num(height))
	s.rect(0, 0, width, height, "#ffffff", "background", "")

	title := fmt.Sprintf("%s %s: uptime %s %% (truncated), credit %s %% = %s",
		in.region.Code, in.month, a.Uptime.Truncate(4).StringFixed(4), percent(a.Credit),
		in.currency.Format(st.payout.Amount))
	s.text(labelsWidth, 22, title, `font-size="16" font-weight="bold"`)
	sub := fmt.Sprintf("One row per day in %s, 24 hours across. Maintenance window %s UTC shaded; outage time colored by reason.",
		loc, in.region.Window)
	s.text(labelsWidth, 38, sub, `font-size="11" fill="#444444"`)
	var changes []string
	for _, d := range rows {
		if d.span.Duration() != 24*time.Hour {
			changes = append(changes, fmt.Sprintf("%s (%s h)", d.span.Start.Format("Mon 02"), num(d.span.Duration().Hours())))
		}
	}
	if len(changes) > 0 {
		note := "Hours are counted from midnight in elapsed time; the clocks change on " + strings.Join(changes, ", ") + "."
		s.text(labelsWidth, 52, note, `font-size="11" fill="#444444"`)
	}

	// Day rows: label, background, window shading.
	s.printf("<g class=\"days\">\n")
	for _, d := range rows {
		s.text(labelsWidth-8, d.y+rowHeight-3, d.span.Start.Format("Mon 02"), `font-size="11" text-anchor="end"`)
		s.rect(d.x(d.span.Start), d.y, d.span.Duration().Hours()*hourWidth, rowHeight, dayColor, "day", "")
		for occ := range in.region.Window.Occurrences(d.span) {
			if c, ok := occ.Intersect(d.span); ok && !c.IsEmpty() {
				s.rect(d.x(c.Start), d.y, c.Duration().Hours()*hourWidth, rowHeight, shadeColor, "shade", "")
			}
		}
	}
	s.printf("</g>\n")

	// Hour ticks and labels, over the rows and under the outages.
	for h := 0; float64(h) <= widest; h++ {
		x := labelsWidth + float64(h)*hourWidth
		stroke := `stroke="#e0e0e0"`
		if h%6 == 0 {
			stroke = `stroke="#b0b0b0"`
		}
		s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" %s stroke-width="1"/>`+"\n",
			num(x), num(headHeight-6), num(x), num(bottom), stroke)
		if h%2 == 0 {
			s.text(x, headHeight-10, fmt.Sprintf("%02d", h), `font-size="10" text-anchor="middle" fill="#444444"`)
		}
	}

	// Outage time, cut at day boundaries.
	s.printf("<g class=\"parts\">\n")
	for _, p := range a.Parts() {
		for _, d := range rows {
			c, ok := p.Span.Intersect(d.span)
			if !ok || c.IsEmpty() {
				continue
			}
			tip := fmt.Sprintf("%s: %s to %s, %s min", reasonLabel(in.policy, p.Reason),
				when(c.Start, loc), when(c.End, loc), minutes(c.Duration()))
			s.rect(d.x(c.Start), d.y+1, c.Duration().Hours()*hourWidth, rowHeight-2, reasonColor(p.Reason), reasonClass(p.Reason), tip)
		}
	}
	s.printf("</g>\n")

	// Legend.
	s.printf("<g class=\"legend\">\n")
	for i, it := range legend {
		x := labelsWidth + float64(i%legendCols)*legendWidth
		y := bottom + 16 + float64(i/legendCols)*legendRow
		s.rect(x, y, 12, 12, it.color, "key", "")
		s.text(x+18, y+10, it.label, `font-size="11"`)
	}
	s.printf("</g>\n</svg>\n")
	w.Write(s.b.Bytes())
}

// legendItem is one key of the legend.
type legendItem struct{ color, label string }

// legendItems lists the legend: the window shading, counted downtime, then
// each exclusion reason of the policy, with its minutes.
func legendItems(st statement) []legendItem {
	a, p := st.a, st.in.policy
	items := []legendItem{
		{shadeColor, "window hours (background)"},
		{reasonColor(sla.ReasonCounted), fmt.Sprintf("%s: %s min", reasonLabel(p, sla.ReasonCounted), minutes(a.Downtime))},
	}
	for _, r := range reasons(p) {
		items = append(items, legendItem{reasonColor(r), fmt.Sprintf("%s: %s min", reasonLabel(p, r), minutes(a.Excluded[r]))})
	}
	return items
}

// svg collects the picture's markup. Text and attribute values from data go
// through encoding/xml's escaping.
type svg struct{ b bytes.Buffer }

func (s *svg) printf(format string, a ...any) { fmt.Fprintf(&s.b, format, a...) }

// rect draws a rectangle; title, when not empty, is its tooltip.
func (s *svg) rect(x, y, w, h float64, fill, class, title string) {
	s.printf(`<rect class="%s" x="%s" y="%s" width="%s" height="%s" fill="%s"`,
		escape(class), num(x), num(y), num(w), num(h), escape(fill))
	if title == "" {
		s.printf("/>\n")
		return
	}
	s.printf("><title>%s</title></rect>\n", escape(title))
}

// text writes text at (x, y); attrs are literal attributes.
func (s *svg) text(x, y float64, text, attrs string) {
	s.printf(`<text x="%s" y="%s" %s>%s</text>`+"\n", num(x), num(y), attrs, escape(text))
}

// escape escapes s for XML text and attribute values (quotes included).
func escape(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s)) // writes to a bytes.Buffer never fail
	return b.String()
}

// num writes a coordinate to at most 3 decimal places.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64)
}
