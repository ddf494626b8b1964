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
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/internal/clip"
)

// Quote returns s quoted for an error message, clipped to its first 60
// bytes and its length when longer (clip.Quote).
func Quote(s string) string { return clip.Quote(s) }

// QuoteRaw is Quote for a raw JSON value, trimmed of white space: up to 60
// bytes it is written as it stands in the document (not quoted again when
// it is itself a JSON string); a longer one is clipped and quoted by Quote.
func QuoteRaw(raw []byte) string {
	s := string(bytes.TrimSpace(raw))
	if len(s) <= clip.Bytes {
		return s
	}
	return Quote(s)
}

// Read reads r to its end, or fails when it holds more than limit bytes (a
// document of exactly limit bytes is read); what names the document in
// errors, which wrap sentinel, and a reading error too.
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
// object (or null, or followed by anything but white space), each key that
// is not in known, each key given more than once. The object's values are not
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
			// encoding/json's errors quote the offending character, never
			// the document, and a *json.SyntaxError carries its offset.
			return nil, []error{fmt.Errorf("%w: %s is not a JSON object: %w", sentinel, path, err)}
		}
		return nil, []error{fmt.Errorf("%w: %s %s is not a JSON object", sentinel, path, QuoteRaw(b))}
	}
	// A syntax error is reported as encoding/json reports it, with the
	// offset of the byte after the bad one (*json.SyntaxError).
	var whole json.RawMessage
	if err := json.Unmarshal(b, &whole); err != nil {
		return notObject(err)
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
	return fields, errs
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

// Decimal writes d as a plain decimal ("99.9", "100", "-0.5") with no
// trailing zeros after the point and never in scientific notation,
// whatever decimal's package-level formatting settings say, as the JSON
// forms of this module write decimals. A d whose exponent is outside -82
// to 18 (beyond what a valid document holds) is written by QuoteDecimal.
func Decimal(d decimal.Decimal) string {
	exp := d.Exponent()
	if exp < -18-64 || exp > 18 {
		return QuoteDecimal(d)
	}
	v := d.Coefficient()
	neg := v.Sign() < 0
	digits := v.Abs(v).String()
	if exp >= 0 {
		if digits == "0" {
			return "0"
		}
		digits += strings.Repeat("0", int(exp))
	} else {
		places := int(-exp)
		if len(digits) <= places {
			digits = strings.Repeat("0", places-len(digits)+1) + digits
		}
		intPart, frac := digits[:len(digits)-places], strings.TrimRight(digits[len(digits)-places:], "0")
		digits = intPart
		if frac != "" {
			digits += "." + frac
		}
	}
	if neg && digits != "0" {
		return "-" + digits
	}
	return digits
}

// QuoteDecimal writes d as coefficient "e" exponent, with a coefficient of
// more than 40 digits cut short ("1234...e-90"), for error messages about
// decimals too large or too precise to write out.
func QuoteDecimal(d decimal.Decimal) string {
	c := d.Coefficient().String()
	sign := ""
	if strings.HasPrefix(c, "-") {
		sign, c = "-", c[1:]
	}
	if len(c) > 40 {
		c = c[:40] + "..."
	}
	return fmt.Sprintf("%s%se%d", sign, c, d.Exponent())
}

// Items reads b as a document: an object whose only key is key, holding a
// list; it returns the list's items, each a raw value for the caller to
// read, and the problems found (the document's keys, the list's form).
// The items are nil when no list could be read.
func Items(b []byte, key, want string, sentinel error) ([]json.RawMessage, []error) {
	top, errs := Object(b, "document", []string{key}, sentinel)
	if top == nil {
		return nil, errs
	}
	items, err := List(top[key], key, want, sentinel)
	if err != nil {
		return nil, append(errs, err)
	}
	return items, errs
}
