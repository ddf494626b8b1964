package sla

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/shopspring/decimal"
)

// maxPolicyBytes is the largest policy document ParsePolicy reads.
const maxPolicyBytes = 1 << 20

// policyKeys are the keys of a policy's JSON form, in the order
// MarshalJSON writes them.
var policyKeys = []string{
	"level", "tiers", "noticeLead", "intermittentLimit", "excludedCauses",
	"resolution", "windowNeedsNotice", "creditCap", "currencyPlaces",
	"measure", "minimumPeriod", "minimumPayout",
}

// tierKeys are the keys of one tier's JSON form.
var tierKeys = []string{"below", "credit"}

type policyJSON struct {
	Level             string     `json:"level"`
	Tiers             []tierJSON `json:"tiers"`
	NoticeLead        string     `json:"noticeLead"`
	IntermittentLimit string     `json:"intermittentLimit"`
	ExcludedCauses    []Cause    `json:"excludedCauses"`
	Resolution        string     `json:"resolution"`
	WindowNeedsNotice bool       `json:"windowNeedsNotice"`
	CreditCap         string     `json:"creditCap"`
	CurrencyPlaces    int        `json:"currencyPlaces"`
	Measure           Measure    `json:"measure,omitempty"`
	MinimumPeriod     string     `json:"minimumPeriod,omitempty"`
	MinimumPayout     string     `json:"minimumPayout,omitempty"`
}

type tierJSON struct {
	Below  string `json:"below"`
	Credit string `json:"credit"`
}

// MarshalJSON writes p in the policy's JSON form, the form configuration
// files keep: every key, decimals as strings ("99.9"), durations as Go
// duration strings ("24h0m0s"), causes by name. DynamicsCRMOnline is
// written as
//
//	{"level":"99.9","tiers":[{"below":"99.9","credit":"25"},{"below":"99","credit":"50"},
//	 {"below":"95","credit":"100"}],"noticeLead":"24h0m0s","intermittentLimit":"10m0s",
//	 "excludedCauses":["outside-control","add-on","customer-systems","customer-actions",
//	 "ignored-advice","preview"],"resolution":"0s","windowNeedsNotice":false,
//	 "creditCap":"100","currencyPlaces":2}
//
// Keys added after that form are written only when they differ from their
// default, so a policy that does not use them is written as above:
// "measure" ("minutes" or "user-minutes") is left out when Measure is "",
// "minimumPeriod" (a duration string) when MinimumPeriod is 0 and
// "minimumPayout" (a decimal string) when MinimumPayout is 0.
//
// Decimals are written plainly, with no exponent and no trailing zeros,
// whatever decimal's package-level settings say. MarshalJSON refuses a
// policy that fails Validate, returning Validate's errors, so that every
// document it writes reads back.
func (p Policy) MarshalJSON() ([]byte, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	out := policyJSON{
		Level:             plain(p.Level),
		Tiers:             make([]tierJSON, len(p.Tiers)),
		NoticeLead:        p.NoticeLead.String(),
		IntermittentLimit: p.IntermittentLimit.String(),
		ExcludedCauses:    append([]Cause{}, p.ExcludedCauses...),
		Resolution:        p.Resolution.String(),
		WindowNeedsNotice: p.WindowNeedsNotice,
		CreditCap:         plain(p.CreditCap),
		CurrencyPlaces:    p.CurrencyPlaces,
		Measure:           p.Measure,
	}
	if p.MinimumPeriod != 0 {
		out.MinimumPeriod = p.MinimumPeriod.String()
	}
	if !p.MinimumPayout.IsZero() {
		out.MinimumPayout = plain(p.MinimumPayout)
	}
	for i, t := range p.Tiers {
		out.Tiers[i] = tierJSON{Below: plain(t.Below), Credit: plain(t.Credit)}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads a policy's JSON form (see MarshalJSON) into p. The
// document must be an object; its keys are exactly those MarshalJSON
// writes, matched case-sensitively, and any other key is an error. A
// missing key, or one whose value is null, leaves that field at its zero
// value, and the result must then pass Validate: a file that leaves out
// "creditCap" is refused rather than read as a cap of 0. Decimals must be
// JSON strings of plain decimal numbers ("99.9", at most 18 decimal
// places); durations must be Go duration strings ("24h", "24h0m0s").
// Every problem is reported at once (errors.Join), each wrapping
// ErrInvalidPolicy and naming the key; on error p is left unchanged.
func (p *Policy) UnmarshalJSON(b []byte) error {
	q, err := decodePolicy(b)
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// ParsePolicy reads one policy in its JSON form (see UnmarshalJSON) from r,
// up to 1 MiB, and returns it validated. Anything after the object other
// than white space is an error.
func ParsePolicy(r io.Reader) (Policy, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxPolicyBytes+1))
	if err != nil {
		return Policy{}, fmt.Errorf("%w: reading: %w", ErrInvalidPolicy, err)
	}
	if len(b) > maxPolicyBytes {
		return Policy{}, fmt.Errorf("%w: document is longer than %d bytes", ErrInvalidPolicy, maxPolicyBytes)
	}
	return decodePolicy(b)
}

// decodePolicy reads and validates a policy's JSON form.
func decodePolicy(b []byte) (Policy, error) {
	fields, err := decodeObject("policy", b, policyKeys)
	if err != nil {
		return Policy{}, err
	}
	var p Policy
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	add(decodeDecimal("level", fields["level"], &p.Level))
	add(decodeTiers(fields["tiers"], &p.Tiers))
	add(decodeDuration("noticeLead", fields["noticeLead"], &p.NoticeLead))
	add(decodeDuration("intermittentLimit", fields["intermittentLimit"], &p.IntermittentLimit))
	add(decodeValue("excludedCauses", `a list of cause names such as ["add-on"]`, fields["excludedCauses"], &p.ExcludedCauses))
	add(decodeDuration("resolution", fields["resolution"], &p.Resolution))
	add(decodeValue("windowNeedsNotice", "true or false", fields["windowNeedsNotice"], &p.WindowNeedsNotice))
	add(decodeDecimal("creditCap", fields["creditCap"], &p.CreditCap))
	add(decodeValue("currencyPlaces", "a whole number such as 2", fields["currencyPlaces"], &p.CurrencyPlaces))
	add(decodeValue("measure", `"minutes" or "user-minutes"`, fields["measure"], &p.Measure))
	add(decodeDuration("minimumPeriod", fields["minimumPeriod"], &p.MinimumPeriod))
	add(decodeDecimal("minimumPayout", fields["minimumPayout"], &p.MinimumPayout))
	if len(errs) > 0 {
		return Policy{}, errors.Join(errs...)
	}
	if err := p.Validate(); err != nil {
		return Policy{}, err
	}
	return p, nil
}

// decodeObject reads b as a JSON object whose keys must all be in keys
// (case-sensitively) and returns its values by key. what names the object
// in errors.
func decodeObject(what string, b []byte, keys []string) (map[string]json.RawMessage, error) {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return nil, fmt.Errorf("%w: %s is null, want an object", ErrInvalidPolicy, what)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil {
		return nil, fmt.Errorf("%w: %s is not a JSON object: %w", ErrInvalidPolicy, what, err)
	}
	var unknown []string
	for k := range fields {
		if !slices.Contains(keys, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		errs := make([]error, len(unknown))
		for i, k := range unknown {
			errs[i] = fmt.Errorf("%w: %s has unknown key %q (known keys: %v)", ErrInvalidPolicy, what, k, keys)
		}
		return nil, errors.Join(errs...)
	}
	for k, v := range fields {
		if bytes.Equal(v, []byte("null")) {
			delete(fields, k) // null reads as missing
		}
	}
	return fields, nil
}

// decodeValue unmarshals raw into dst, when raw is present, and explains
// the expected form (want) on error.
func decodeValue(field, want string, raw json.RawMessage, dst any) error {
	if raw == nil {
		return nil
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return fmt.Errorf("%w: %s %s: want %s", ErrInvalidPolicy, field, clipJSON(raw), want)
	}
	return nil
}

// decodeDecimal reads a decimal string such as "99.9" into dst.
func decodeDecimal(field string, raw json.RawMessage, dst *decimal.Decimal) error {
	if raw == nil {
		return nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return fmt.Errorf("%w: %s %s: want a decimal string such as \"99.9\"", ErrInvalidPolicy, field, clipJSON(raw))
	}
	d, err := parseDecimal(s)
	if err != nil {
		return fmt.Errorf("%w: %s %q: %w", ErrInvalidPolicy, field, s, err)
	}
	*dst = d
	return nil
}

// decodeDuration reads a Go duration string such as "24h" into dst.
func decodeDuration(field string, raw json.RawMessage, dst *time.Duration) error {
	if raw == nil {
		return nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return fmt.Errorf("%w: %s %s: want a duration string such as \"24h0m0s\"", ErrInvalidPolicy, field, clipJSON(raw))
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("%w: %s %q: want a duration string such as \"24h0m0s\"", ErrInvalidPolicy, field, s)
	}
	*dst = d
	return nil
}

// decodeTiers reads the "tiers" list, each tier an object with exactly the
// keys "below" and "credit".
func decodeTiers(raw json.RawMessage, dst *[]Tier) error {
	if raw == nil {
		return nil
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return fmt.Errorf("%w: tiers %s: want a list of {\"below\": ..., \"credit\": ...}", ErrInvalidPolicy, clipJSON(raw))
	}
	tiers := make([]Tier, len(list))
	var errs []error
	for i, item := range list {
		name := fmt.Sprintf("tiers[%d]", i)
		fields, err := decodeObject(name, item, tierKeys)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if err := decodeDecimal(name+".below", fields["below"], &tiers[i].Below); err != nil {
			errs = append(errs, err)
		}
		if err := decodeDecimal(name+".credit", fields["credit"], &tiers[i].Credit); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	*dst = tiers
	return nil
}

// parseDecimal reads a plain decimal number: an optional minus sign, one or
// more digits, and optionally a point followed by one to 18 digits. No
// exponent, no plus sign, no white space.
func parseDecimal(s string) (decimal.Decimal, error) {
	const form = "want a plain decimal number such as \"99.9\""
	if len(s) == 0 || len(s) > 40 {
		return decimal.Decimal{}, errors.New(form + " of at most 40 characters")
	}
	i := 0
	if s[0] == '-' {
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == start {
		return decimal.Decimal{}, errors.New(form)
	}
	if i < len(s) {
		if s[i] != '.' {
			return decimal.Decimal{}, errors.New(form)
		}
		i++
		fracStart := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == fracStart || i != len(s) {
			return decimal.Decimal{}, errors.New(form)
		}
		if i-fracStart > maxPlaces {
			return decimal.Decimal{}, fmt.Errorf("more than %d decimal places", maxPlaces)
		}
	}
	return decimal.NewFromString(s)
}

// clipJSON returns raw JSON for an error message, cut to 40 bytes.
func clipJSON(raw json.RawMessage) string {
	if len(raw) > 40 {
		return string(raw[:40]) + "..."
	}
	return string(raw)
}
