package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// located matches a problem located in file f.csv or f.json: "f.csv:3:22: "
// (line and column from 1) or, for a problem no position is known for,
// "f.json: ".
var located = regexp.MustCompile(`^f\.(csv|json)(:[1-9][0-9]*:[1-9][0-9]*)?: \S`)

// seedFiles adds the testdata files whose names match pattern as seeds.
func seedFiles(f *testing.F, pattern string) {
	f.Helper()
	names, err := filepath.Glob(pattern)
	if err != nil || len(names) == 0 {
		f.Fatalf("no seed files %s: %v", pattern, err)
	}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// FuzzReadOutages checks that any file gives either outages or problems
// located in it, never a panic, and that every outage it accepts is valid.
func FuzzReadOutages(f *testing.F) {
	seedFiles(f, "testdata/*outages.csv")
	f.Add([]byte("start,end\n\"2024-03-05T03:00:00Z\" ,2024-03-05T05:00:00Z\n"))
	f.Add([]byte("\n\n#\n,,,\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		outages, problems := readOutages("f.csv", bytes.NewReader(b))
		for _, p := range problems {
			if !located.MatchString(p) {
				t.Errorf("problem not located: %q", p)
			}
		}
		for _, o := range outages {
			if o.Span.End.Before(o.Span.Start) {
				t.Errorf("reversed outage accepted: %v", o.Span)
			}
			if o.Cause != "" && !o.Cause.Known() {
				t.Errorf("unknown cause accepted: %q", o.Cause)
			}
		}
	})
}

// FuzzReadNotices is FuzzReadOutages for notices: no notice accepted is
// reversed or announced after its start.
func FuzzReadNotices(f *testing.F) {
	seedFiles(f, "testdata/*notices.csv")
	f.Fuzz(func(t *testing.T, b []byte) {
		notices, problems := readNotices("f.csv", bytes.NewReader(b))
		for _, p := range problems {
			if !located.MatchString(p) {
				t.Errorf("problem not located: %q", p)
			}
		}
		for _, n := range notices {
			if err := n.Validate(); err != nil {
				t.Errorf("invalid notice accepted: %v", err)
			}
		}
	})
}

// FuzzParsePolicy checks that any document gives a valid policy or
// problems naming the file, and that a position, when given, is inside
// the document.
func FuzzParsePolicy(f *testing.F) {
	seedFiles(f, "testdata/*policy.json")
	f.Add([]byte(`{"level":"99.9","tiers":[{"below":"99.9","credit":"25"}],"creditCap":"100","foo":1}`))
	f.Add([]byte("{\"excludedCauses\": [\"window\"],\n\"resolution\": \"-1s\"}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, problems := parsePolicy("f.json", b)
		if len(problems) == 0 {
			if err := p.Validate(); err != nil {
				t.Errorf("invalid policy accepted: %v", err)
			}
			return
		}
		lines := 1 + bytes.Count(b, []byte("\n"))
		for _, pr := range problems {
			m := located.FindStringSubmatch(pr)
			if m == nil {
				t.Errorf("problem not located: %q", pr)
				continue
			}
			var line, col int
			if m[2] != "" {
				if _, err := fmt.Sscanf(m[2], ":%d:%d", &line, &col); err != nil || line > lines {
					t.Errorf("position %s outside a %d-line document: %q", m[2], lines, pr)
				}
			}
		}
	})
}
