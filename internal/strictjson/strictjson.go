// Package strictjson reads the JSON configuration documents of this module
// (SLA policies, versions, region tables, communication rules) strictly:
// an object's keys are matched case-sensitively, and a key the document
// does not define or a key given twice is an error, never "the last one
// wins"; a document has a size limit; and every value quoted in an error
// is clipped, so that a huge document never makes a huge message.
//
// Every error wraps the sentinel the caller passes, so each package keeps
// its own (sla.ErrInvalidPolicy, maintenance.ErrInvalidTable, ...).
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// clipBytes is how much of a value Quote keeps.
const clipBytes = 60

// Quote returns s quoted for an error message: whole when it is at most 60
// bytes, else its first 60 bytes (cut at a character boundary), an
// ellipsis and its length, as in "abc..." (1048576 bytes).
func Quote(s string) string {
	if len(s) <= clipBytes {
		return strconv.Quote(s)
	}
	cut := clipBytes
	for cut > 0 && !startsRune(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "... (" + strconv.Itoa(len(s)) + " bytes)"
}

// startsRune reports whether b can start a UTF-8 encoded character.
func startsRune(b byte) bool { return b&0xC0 != 0x80 }

// QuoteRaw is Quote for a raw JSON value, written as it stands in the
// document (not quoted again when it is itself a JSON string).
func QuoteRaw(raw []byte) string {
	s := string(bytes.TrimSpace(raw))
	if len(s) <= clipBytes {
		return s
	}
	return Quote(s)
}

// Read reads r to its end, or fails when it holds more than limit bytes;
// what names the document in errors.
func Read(r io.Reader, limit int, what string, sentinel error) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("%w: reading %s: %w", sentinel, what, err)
	}
	if len(b) > limit {
		return nil, fmt.Errorf("%w: %s is longer than %d bytes", sentinel, what, limit)
	}
	return b, nil
}

// Fields are the values of one JSON object by key, each as it stands in
// the document. A key whose value is null is left out, so null reads as
// missing.
type Fields map[string]json.RawMessage

// Object reads b as one JSON object whose keys must all be in known,
// matched case-sensitively. path names the object in errors
// ("policy", "editions[2]"). It returns every problem at once: b not an
// object (or null), anything after the object, each key that is not in
// known, each key given more than once. The object's values are not
// checked; read them with Value, String or List. The fields are returned
// with the errors about keys (an unknown key's value is left out, and of a
// repeated key the first), so that a caller can report the values'
// problems together with the keys'; they are nil only when b is not one
// object.
func Object(b []byte, path string, known []string, sentinel error) (Fields, []error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	notObject := func(err error) (Fields, []error) {
		if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
			return nil, []error{fmt.Errorf("%w: %s is null, want an object", sentinel, path)}
		}
		if err != nil {
			return nil, []error{fmt.Errorf("%w: %s is not a JSON object: %s", sentinel, path, clipMessage(err))}
		}
		return nil, []error{fmt.Errorf("%w: %s %s is not a JSON object", sentinel, path, QuoteRaw(b))}
	}
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return notObject(err)
	}
	fields := make(Fields)
	seen := make(map[string]bool)
	var errs []error
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return notObject(err)
		}
		key, _ := tok.(string) // inside an object the decoder yields only string keys
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return notObject(err)
		}
		switch {
		case seen[key]:
			errs = append(errs, fmt.Errorf("%w: %s has key %s more than once", sentinel, path, Quote(key)))
			continue
		case !slices.Contains(known, key):
			errs = append(errs, fmt.Errorf("%w: %s has unknown key %s (known keys: %s)", sentinel, path, Quote(key), strings.Join(known, ", ")))
			seen[key] = true
			continue
		}
		seen[key] = true
		if !bytes.Equal(raw, []byte("null")) {
			fields[key] = raw
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return notObject(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		errs = append(errs, fmt.Errorf("%w: %s: unexpected data after the object", sentinel, path))
	}
	return fields, errs
}

// clipMessage returns err's message cut to a line of at most 200 bytes:
// encoding/json's syntax errors quote the offending character, never the
// whole document, but a caller's reader may say more.
func clipMessage(err error) string {
	msg := err.Error()
	if len(msg) > 200 {
		msg = msg[:200] + "..."
	}
	return msg
}

// Value decodes raw into dst when raw is present (not nil); want describes
// the expected form in the error ("a whole number such as 2"). field
// names the value ("policy.currencyPlaces").
func Value(raw json.RawMessage, dst any, field, want string, sentinel error) error {
	if raw == nil {
		return nil
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return fmt.Errorf("%w: %s %s: want %s", sentinel, field, QuoteRaw(raw), want)
	}
	return nil
}

// String decodes raw, which must be a JSON string, into dst when raw is
// present.
func String(raw json.RawMessage, dst *string, field, want string, sentinel error) error {
	return Value(raw, dst, field, want, sentinel)
}

// List decodes raw, which must be present, as a JSON list of raw values.
func List(raw json.RawMessage, field, want string, sentinel error) ([]json.RawMessage, error) {
	if raw == nil {
		return nil, fmt.Errorf("%w: %s is missing, want %s", sentinel, field, want)
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, fmt.Errorf("%w: %s %s: want %s", sentinel, field, QuoteRaw(raw), want)
	}
	return items, nil
}
