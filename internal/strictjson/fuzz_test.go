package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"testing"
)

// FuzzObject: Object never panics; every problem wraps the sentinel; it
// reads a document as one object exactly when encoding/json does; and the
// fields of a document it accepts without a problem are those of
// encoding/json's map decoding, less the nulls. It starts from
// objectCases.
func FuzzObject(f *testing.F) {
	for _, tc := range objectCases {
		f.Add(tc.doc)
	}
	known := []string{"a", "b", "c"}
	f.Fuzz(func(t *testing.T, doc string) {
		fields, errs := Object([]byte(doc), "doc", known, errTest)
		for _, err := range errs {
			if !errors.Is(err, errTest) {
				t.Fatalf("%q: error %v does not wrap the sentinel", doc, err)
			}
		}
		var m map[string]json.RawMessage
		isObject := json.Unmarshal([]byte(doc), &m) == nil && m != nil
		if fields == nil {
			if isObject {
				t.Fatalf("%q: encoding/json reads an object, Object does not: %v", doc, errs)
			}
			if len(errs) != 1 {
				t.Fatalf("%q: not an object, but %d problems: %v", doc, len(errs), errs)
			}
			return
		}
		if !isObject {
			t.Fatalf("%q: Object reads an object, encoding/json does not", doc)
		}
		for k, v := range fields {
			if !slices.Contains(known, k) {
				t.Fatalf("%q: field %q is not a known key", doc, k)
			}
			if !json.Valid(v) || bytes.Equal(v, []byte("null")) {
				t.Fatalf("%q: field %q holds %q", doc, k, v)
			}
		}
		if len(errs) > 0 {
			return
		}
		// No unknown and no repeated key: the same fields as the map.
		for k, v := range m {
			if !slices.Contains(known, k) {
				t.Fatalf("%q: unknown key %q accepted", doc, k)
			}
			got, ok := fields[k]
			switch {
			case bytes.Equal(v, []byte("null")):
				if ok {
					t.Fatalf("%q: null key %q is a field", doc, k)
				}
			case !ok || !bytes.Equal(got, v):
				t.Fatalf("%q: field %q is %q, encoding/json reads %q", doc, k, got, v)
			}
		}
		for k := range fields {
			if _, ok := m[k]; !ok {
				t.Fatalf("%q: field %q not in encoding/json's map", doc, k)
			}
		}
	})
}
