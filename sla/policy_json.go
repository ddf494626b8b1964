package sla

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/calendar"

	"github.com/slapolicy/slapolicy/internal/strictjson"
)

// maxPolicyBytes is the largest policy document ParsePolicy reads.
const maxPolicyBytes = 1 << 20

// policyKeys are the keys of a policy's JSON form, in the order
// MarshalJSON writes them.
var policyKeys = []string{
	"level", "tiers", "noticeLead", "intermittentLimit", "excludedCauses",
	"resolution", "windowNeedsNotice", "creditCap", "currencyPlaces",
	"measure", "minimumPeriod", "minimumPayout", "resolutionRounding",
}

// tierKeys are the keys of one tier's JSON form.
var tierKeys = []string{"below", "credit"}

type policyJSON struct {
	Level              string     `json:"level"`
	Tiers              []tierJSON `json:"tiers"`
	NoticeLead         string     `json:"noticeLead"`
	IntermittentLimit  string     `json:"intermittentLimit"`
	ExcludedCauses     []Cause    `json:"excludedCauses"`
	Resolution         string     `json:"resolution"`
	WindowNeedsNotice  bool       `json:"windowNeedsNotice"`
	CreditCap          string     `json:"creditCap"`
	CurrencyPlaces     int        `json:"currencyPlaces"`
	Measure            Measure    `json:"measure,omitempty"`
	ResolutionRounding Rounding   `json:"resolutionRounding,omitempty"`
	MinimumPeriod      string     `json:"minimumPeriod,omitempty"`
	MinimumPayout      string     `json:"minimumPayout,omitempty"`
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
// "resolutionRounding" ("up" or "down") when ResolutionRounding is "",
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
		Level:              strictjson.Decimal(p.Level),
		Tiers:              make([]tierJSON, len(p.Tiers)),
		NoticeLead:         p.NoticeLead.String(),
		IntermittentLimit:  p.IntermittentLimit.String(),
		ExcludedCauses:     append([]Cause{}, p.ExcludedCauses...),
		Resolution:         p.Resolution.String(),
		WindowNeedsNotice:  p.WindowNeedsNotice,
		CreditCap:          strictjson.Decimal(p.CreditCap),
		CurrencyPlaces:     p.CurrencyPlaces,
		Measure:            p.Measure,
		ResolutionRounding: p.ResolutionRounding,
	}
	if p.MinimumPeriod != 0 {
		out.MinimumPeriod = p.MinimumPeriod.String()
	}
	if !p.MinimumPayout.IsZero() {
		out.MinimumPayout = strictjson.Decimal(p.MinimumPayout)
	}
	for i, t := range p.Tiers {
		out.Tiers[i] = tierJSON{Below: strictjson.Decimal(t.Below), Credit: strictjson.Decimal(t.Credit)}
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
// A key given twice is an error too, never "the last one wins". Every
// problem is reported at once, the keys' and the values' together, as a
// calendar.ErrorList whose entries wrap ErrInvalidPolicy and name the key;
// on error p is left unchanged.
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
	b, err := strictjson.Read(r, maxPolicyBytes, "policy document", ErrInvalidPolicy)
	if err != nil {
		return Policy{}, err
	}
	return decodePolicy(b)
}

// decodePolicy reads and validates a policy's JSON form. The problems of
// its keys and of its values are reported together; Validate judges the
// policy only when every value could be read.
func decodePolicy(b []byte) (Policy, error) {
	fields, keyErrs := strictjson.Object(b, "policy", policyKeys, ErrInvalidPolicy)
	errs := calendar.ErrorList(keyErrs)
	if fields == nil {
		return Policy{}, errs
	}
	keyProblems := len(errs)
	var p Policy
	errs.Add(decodeDecimal("level", fields["level"], &p.Level))
	errs.Add(decodeTiers(fields["tiers"], &p.Tiers))
	errs.Add(decodeDuration("noticeLead", fields["noticeLead"], &p.NoticeLead))
	errs.Add(decodeDuration("intermittentLimit", fields["intermittentLimit"], &p.IntermittentLimit))
	errs.Add(strictjson.Value(fields["excludedCauses"], &p.ExcludedCauses, "excludedCauses", `a list of cause names such as ["add-on"]`, ErrInvalidPolicy))
	errs.Add(decodeDuration("resolution", fields["resolution"], &p.Resolution))
	errs.Add(strictjson.Value(fields["windowNeedsNotice"], &p.WindowNeedsNotice, "windowNeedsNotice", "true or false", ErrInvalidPolicy))
	errs.Add(decodeDecimal("creditCap", fields["creditCap"], &p.CreditCap))
	errs.Add(strictjson.Value(fields["currencyPlaces"], &p.CurrencyPlaces, "currencyPlaces", "a whole number such as 2", ErrInvalidPolicy))
	errs.Add(strictjson.Value(fields["measure"], &p.Measure, "measure", `"minutes" or "user-minutes"`, ErrInvalidPolicy))
	errs.Add(strictjson.Value(fields["resolutionRounding"], &p.ResolutionRounding, "resolutionRounding", `"up" or "down"`, ErrInvalidPolicy))
	errs.Add(decodeDuration("minimumPeriod", fields["minimumPeriod"], &p.MinimumPeriod))
	errs.Add(decodeDecimal("minimumPayout", fields["minimumPayout"], &p.MinimumPayout))
	if len(errs) == keyProblems {
		errs.Add(p.Validate())
	}
	if err := errs.Err(); err != nil {
		return Policy{}, err
	}
	return p, nil
}

// decodeDecimal reads a decimal string such as "99.9" into dst.
func decodeDecimal(field string, raw json.RawMessage, dst *decimal.Decimal) error {
	var s string
	if err := strictjson.String(raw, &s, field, `a decimal string such as "99.9"`, ErrInvalidPolicy); err != nil || raw == nil {
		return err
	}
	d, err := parseDecimal(s)
	if err != nil {
		return fmt.Errorf("%w: %s %s: %w", ErrInvalidPolicy, field, strictjson.Quote(s), err)
	}
	*dst = d
	return nil
}

// decodeDuration reads a Go duration string such as "24h" into dst.
func decodeDuration(field string, raw json.RawMessage, dst *time.Duration) error {
	const want = `a duration string such as "24h0m0s"`
	var s string
	if err := strictjson.String(raw, &s, field, want, ErrInvalidPolicy); err != nil || raw == nil {
		return err
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("%w: %s %s: want %s", ErrInvalidPolicy, field, strictjson.Quote(s), want)
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
	list, err := strictjson.List(raw, "tiers", `a list of {"below": ..., "credit": ...}`, ErrInvalidPolicy)
	if err != nil {
		return err
	}
	tiers := make([]Tier, len(list))
	var errs calendar.ErrorList
	for i, item := range list {
		name := fmt.Sprintf("tiers[%d]", i)
		fields, keyErrs := strictjson.Object(item, name, tierKeys, ErrInvalidPolicy)
		errs.Add(calendar.ErrorList(keyErrs))
		if fields == nil {
			continue
		}
		errs.Add(decodeDecimal(name+".below", fields["below"], &tiers[i].Below))
		errs.Add(decodeDecimal(name+".credit", fields["credit"], &tiers[i].Credit))
	}
	if err := errs.Err(); err != nil {
		return err
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
