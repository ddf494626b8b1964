package maintenance

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// Fuzz targets. Each starts from the hand-worked rows of its table test
// and from its corpus in testdata/fuzz/<name>.

// maxFuzzStart is the longest hand-worked input a fuzz target starts from:
// the megabyte-long rows of the parse tables stay in the table tests.
const maxFuzzStart = 4096

func FuzzParseWindow(f *testing.F) {
	for _, tc := range parseGood {
		if len(tc.in) <= maxFuzzStart {
			f.Add(tc.in)
		}
	}
	for _, tc := range parseBad {
		if len(tc.in) <= maxFuzzStart {
			f.Add(tc.in)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseWindow(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidWindow) {
				t.Fatalf("error %v does not wrap ErrInvalidWindow", err)
			}
			if !w.IsZero() {
				t.Fatalf("error with non-zero window %v", w)
			}
			return
		}
		if w.IsZero() || w.Duration() <= 0 || w.Duration() >= 24*time.Hour {
			t.Fatalf("ParseWindow(%q) = bad window %#v", s, w)
		}
		back, err := ParseWindow(w.String())
		if err != nil || back != w {
			t.Fatalf("ParseWindow(%q).String() = %q does not round-trip: %v %v", s, w.String(), back, err)
		}
	})
}

func FuzzOverlap(f *testing.F) {
	for _, tc := range overlapCases(f) {
		w, err := ParseWindow(tc.window)
		if err != nil {
			f.Fatal(err)
		}
		d := tc.span.End.Sub(tc.span.Start)
		f.Add(uint16(w.start), uint16(w.End()/time.Minute), tc.span.Start.Unix(), int64(tc.span.Start.Nanosecond()),
			int64(d/time.Second), int64(d%time.Second))
	}
	f.Add(uint16(1020), uint16(120), int64(-86400*400), int64(123), int64(86400*3), int64(999999999))
	f.Fuzz(func(t *testing.T, startMin, endMin uint16, sec, nsec, lenSec, lenNsec int64) {
		w, err := windowFromMinutes(int(startMin%minutesADay), int(endMin%minutesADay), "")
		if err != nil {
			return
		}
		lenSec %= 90 * 86400
		if lenSec < 0 {
			lenSec = -lenSec
		}
		a := time.Unix(sec%(1<<40), nsec%1e9).UTC()
		s := spanOf(a, a.Add(time.Duration(lenSec)*time.Second+time.Duration(lenNsec%1e9)))
		got := w.Overlap(s)
		if s.End.Before(s.Start) {
			if got != 0 {
				t.Fatalf("reversed span gave %v", got)
			}
			return
		}
		if want := bruteExact(w, s); got != want {
			t.Fatalf("window %v span %v: Overlap %v, brute force %v", w, s, got, want)
		}
	})
}

// FuzzParseTable: the loader never panics; what it accepts is sorted,
// writes back, and reads back to the same document.
func FuzzParseTable(f *testing.F) {
	f.Add(tblJSON)
	def, _ := json.Marshal(Dynamics())
	f.Add(string(def))
	f.Add(`{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[{"code":"X","host":"h","window":"19:30-01:00"}]}]}`)
	f.Add(`{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[{"code":"X","host":"h","window":"25 PM to 3 AM"}]}]}`)
	f.Add(`{"editions":null}`)
	f.Fuzz(func(t *testing.T, doc string) {
		tab, err := ParseTable(strings.NewReader(doc))
		if err != nil {
			if !errors.Is(err, ErrInvalidTable) {
				t.Fatalf("error does not wrap ErrInvalidTable: %v", err)
			}
			return
		}
		eds := tab.Editions()
		for i := 1; i < len(eds); i++ {
			if !eds[i-1].Effective.Before(eds[i].Effective) {
				t.Fatalf("not sorted")
			}
		}
		for _, e := range eds {
			for _, r := range e.Regions {
				got, ok := tab.Lookup(r.Code, e.Effective)
				if !ok || got != r {
					t.Fatalf("Lookup(%q, %s) = %v, %v; want %v", r.Code, e.Effective, got, ok, r)
				}
			}
		}
		b, err := json.Marshal(tab)
		if err != nil {
			t.Fatalf("accepted but cannot write back: %v", err)
		}
		back, err := ParseTable(strings.NewReader(string(b)))
		if err != nil {
			t.Fatalf("written form does not read back: %v\n%s", err, b)
		}
		b2, _ := json.Marshal(back)
		if string(b2) != string(b) {
			t.Fatalf("round trip changed the document:\n%s\n%s", b, b2)
		}
	})
}

// FuzzParseClosures: the loader never panics; what it accepts is valid,
// applies to its regions (each closure a holiday of the region's
// calendar), and written out again reads back to the same closures.
func FuzzParseClosures(f *testing.F) {
	f.Add(closuresJSON)
	for _, tc := range parseClosuresBad {
		f.Add(tc.doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		cs, err := ParseClosures(strings.NewReader(doc), Dynamics())
		if err != nil {
			if !errors.Is(err, ErrInvalidClosures) {
				t.Fatalf("error does not wrap ErrInvalidClosures: %v", err)
			}
			if cs.Len() != 0 {
				t.Fatalf("error with %d closures", cs.Len())
			}
			return
		}
		type closureJSON struct {
			Region string `json:"region"`
			Date   string `json:"date"`
			Name   string `json:"name"`
			Source string `json:"source,omitempty"`
		}
		var out struct {
			Closures []closureJSON `json:"closures"`
		}
		out.Closures = []closureJSON{}
		for _, c := range cs.List() {
			r, ok := Lookup(c.Region)
			if !ok || c.Date.Validate() != nil || c.Name == "" || strings.TrimSpace(c.Name) != c.Name {
				t.Fatalf("accepted an invalid closure %#v", c)
			}
			h := cs.Apply(r).Holidays
			if !h.IsHoliday(time.Date(c.Date.Year, c.Date.Month, c.Date.Day, 12, 0, 0, 0, time.UTC)) {
				t.Fatalf("closure %#v is no holiday of %s", c, h.Name())
			}
			out.Closures = append(out.Closures, closureJSON{c.Region, c.Date.String(), c.Name, c.Source})
		}
		b, err := json.Marshal(out)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseClosures(strings.NewReader(string(b)), Dynamics())
		if err != nil {
			t.Fatalf("written form does not read back: %v\n%s", err, b)
		}
		if !slices.Equal(back.List(), cs.List()) {
			t.Fatalf("round trip changed the closures:\n%v\n%v", cs.List(), back.List())
		}
	})
}
