package versions

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// FuzzParse: the loader never panics; whatever it accepts is
// sorted, writes back, and reads back to the same document.
func FuzzParse(f *testing.F) {
	f.Add(versionsJSON)
	f.Add(`{"versions":[]}`)
	f.Add(`{"versions":[{"name":"a","effective":"2019-07-01T00:00:00+02:00","policy":{"level":"99.9"}}]}`)
	f.Add(`{"versions":null}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, doc string) {
		vs, err := Parse(strings.NewReader(doc))
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		list := vs.List()
		for i := 1; i < len(list); i++ {
			if !list[i-1].Effective.Before(list[i].Effective) {
				t.Fatalf("not sorted: %v then %v", list[i-1].Effective, list[i].Effective)
			}
		}
		b, err := json.Marshal(vs)
		if err != nil {
			t.Fatalf("accepted but cannot write back: %v", err)
		}
		back, err := Parse(strings.NewReader(string(b)))
		if err != nil {
			t.Fatalf("written form does not read back: %v\n%s", err, b)
		}
		b2, err := json.Marshal(back)
		if err != nil || string(b2) != string(b) {
			t.Fatalf("round trip changed the document:\n%s\n%s", b, b2)
		}
	})
}
