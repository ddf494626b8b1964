package fleetrec

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Raw is one record as a source splits it from the input, before decoding:
// a JSON line, or the rows of a CSV subscription-month. Errs holds the
// problems found while splitting; a Raw with Errs is a bad record whatever
// else it holds.
type Raw struct {
	At   Pos
	JSON []byte
	Rows []Row
	Errs []Problem
}

// Source hands out the records of an input in order. Next returns io.EOF
// after the last one; any other error is fatal (the input cannot be read).
type Source interface {
	Next() (Raw, error)
}

// Sources reads several sources one after the other.
type Sources []Source

// Next returns the next record of the first source that has one.
func (ss *Sources) Next() (Raw, error) {
	for len(*ss) > 0 {
		r, err := (*ss)[0].Next()
		if err != io.EOF {
			return r, err
		}
		*ss = (*ss)[1:]
	}
	return Raw{}, io.EOF
}

// NewSource returns the reader of one input in format: "jsonl", "csv", or
// "auto", which goes by the file extension and, failing that, by the
// first character that is not white space ('{' for JSON-lines).
func NewSource(name string, r io.Reader, format string) Source {
	if format == "auto" {
		switch strings.ToLower(filepath.Ext(name)) {
		case ".csv":
			format = "csv"
		case ".jsonl", ".ndjson", ".json":
			format = "jsonl"
		default:
			br := bufio.NewReader(r)
			head, _ := br.Peek(512)
			head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\uFEFF")), " \t\r\n")
			format = "csv"
			if len(head) > 0 && head[0] == '{' {
				format = "jsonl"
			}
			r = br
		}
	}
	if format == "csv" {
		return NewCSVSource(name, r)
	}
	return NewJSONLSource(name, r)
}

// Config is what the assessment of a record needs besides the record. The
// zero Config's fields but Policy are the defaults: months in UTC, no
// currency, no result lines. A Config is read-only once made, so one may be
// shared by goroutines.
type Config struct {
	Policy Policy
	Loc    *time.Location // the months' location; nil is UTC
	// Currency is the run's currency: the fees' and the credits'. Credits
	// are rounded to its minor unit and a partial month's fee is
	// prorated in it (sla.Assessment.PayoutIn). The zero Currency is
	// none: credits are rounded to the policy's currency places, and a
	// record with a subscribed part or a currency of its own is bad.
	Currency Currency
	// Results makes Assess write each good record's result line
	// (Outcome.Result).
	Results bool
	// zones, when not nil, holds each region's zone by code: a record's
	// month is read in its region's zone, and Loc is not used.
	zones map[string]*time.Location
	// compiled, when not nil, is Policy compiled by NewConfig: it assesses
	// without validating the policy for every record. Without it (a
	// Config made as a literal) each record validates Policy.
	compiled *compiled
}

// Settings are a run's choices as plain values, as flags give them and as
// a Beam DoFn carries them.
type Settings struct {
	// Currency is an ISO 4217 code ("EUR"), or "" for none.
	Currency string
	// MonthZone is where months begin and end: "" or "UTC" for UTC,
	// "region" for each record's region's zone (NAM: America/New_York,
	// ...), or an IANA zone name ("Europe/Berlin") for every record.
	MonthZone string
}

// NewConfig returns the Config of a run under p with settings s, or an
// error naming the setting that is wrong.
func NewConfig(p Policy, s Settings) (Config, error) {
	c, err := compile(p)
	if err != nil {
		return Config{}, err
	}
	cfg := Config{Policy: p, Loc: time.UTC, compiled: c}
	switch s.MonthZone {
	case "", "UTC":
	case "region":
		zones, err := regionZones()
		if err != nil {
			return Config{}, fmt.Errorf("month zone \"region\": %w", err)
		}
		cfg.zones = zones
	default:
		loc, err := time.LoadLocation(s.MonthZone)
		if err != nil || s.MonthZone == "Local" {
			return Config{}, fmt.Errorf("month zone %s: not \"UTC\", \"region\" or an IANA time zone name such as \"Europe/Berlin\"", quote(s.MonthZone))
		}
		cfg.Loc = loc
	}
	if s.Currency != "" {
		c, err := parseCurrencyLib(s.Currency)
		if err != nil {
			return Config{}, err
		}
		cfg.Currency = c
	}
	return cfg, nil
}

// Places returns the decimal places credits are rounded to: the
// currency's minor unit, or the policy's currency places when the run has
// no currency.
func (c *Config) Places() int32 {
	if !c.Currency.IsZero() {
		return int32(c.Currency.Places())
	}
	return currencyPlaces(&c.Policy)
}

// Outcome is what became of one record: its problems, or the summary row
// it falls in, its credit rounded to currency units and, when asked for,
// its result line.
type Outcome struct {
	At     Pos
	Key    string    // subscription and month, "" when unknown
	Errs   []Problem // by line
	Row    int       // summary row, see RowMet
	Credit string    // the month's credit, rounded to the policy's places
	Result string    // the result line, when Config.Results
}

// Assess decodes one record and assesses it under cfg's policy.
func Assess(r Raw, cfg *Config) Outcome {
	out := Outcome{At: r.At, Errs: r.Errs}
	loc := cfg.Loc
	if loc == nil {
		loc = time.UTC
	}
	var rec Record
	var errs []Problem
	switch {
	case len(r.JSON) > 0:
		rec, out.Key, errs = DecodeJSON(r.JSON, r.At, loc)
	case len(r.Rows) > 0:
		rec, out.Key, errs = DecodeCSV(r.Rows, loc)
	}
	out.Errs = append(out.Errs, errs...)
	if len(out.Errs) > 0 {
		// Problems found while splitting and while decoding, by line.
		slices.SortStableFunc(out.Errs, func(a, b Problem) int { return a.At.Line - b.At.Line })
		return out
	}
	if errs := fit(&rec, cfg); len(errs) > 0 {
		out.Errs = problems(r.At, newErrorList(errs))
		return out
	}
	a, err := assessRecord(&cfg.Policy, cfg.compiled, &rec, cfg.Currency)
	if err != nil {
		out.Errs = problems(r.At, err)
		return out
	}
	out.Row = a.row
	out.Credit = a.amount.StringFixed(cfg.Places())
	if cfg.Results {
		out.Result = resultLine(r.At, &rec, a, out.Credit, cfg.Currency)
	}
	return out
}

// fit puts a decoded record in the run's terms: its month in its region's
// zone when the run reads months so, and its currency and subscribed part
// checked against the run's currency.
func fit(rec *Record, cfg *Config) []error {
	if cfg.zones != nil {
		rec.month = rec.month.In(cfg.zones[regionCode(rec.region)])
	}
	var errs []error
	switch {
	case rec.currency.IsZero():
	case cfg.Currency.IsZero():
		errs = append(errs, fmt.Errorf("currency %s: the run has no currency (give it one, -currency %s)", rec.currency.Code(), rec.currency.Code()))
	case rec.currency != cfg.Currency:
		errs = append(errs, fmt.Errorf("currency %s is not the run's currency %s (a run sums credits in one currency)", rec.currency.Code(), cfg.Currency.Code()))
	}
	if !rec.subscribed.IsZero() && cfg.Currency.IsZero() {
		errs = append(errs, errors.New("subscribed: a partial month's fee is prorated in the run's currency, and the run has none (-currency)"))
	}
	return errs
}

// DuplicateProblem is the problem of a record whose subscription-month was
// already seen, first at first.
func DuplicateProblem(o Outcome, first Pos) Problem {
	return Problem{At: o.At, Msg: fmt.Sprintf("subscription-month %q appears again: its first record is at %s", o.Key, first)}
}

// resultLine is one assessed month as a JSON object on one line, keys in
// this order:
//
//	{"record":"months.jsonl:3","subscription":"sub-000003","month":"2024-04",
//	 "fee":"1000.00","uptime":"99.89997685185185185185","credit_percent":"25",
//	 "credit":"250.00"}
//
// Every value is a string: decimals exactly as the library gives them
// (uptime truncated to 20 places), the fee as written, the credit rounded
// to the run's currency (or the policy's currency places), and, when the
// run has a currency, "currency" last with its code.
func resultLine(at Pos, r *Record, a assessed, credit string, cur Currency) string {
	b := make([]byte, 0, 192)
	b = append(b, `{"record":`...)
	b = appendJSONString(b, at.String())
	b = append(b, `,"subscription":`...)
	b = appendJSONString(b, r.subscription)
	b = append(b, `,"month":`...)
	b = appendJSONString(b, monthText(r.month))
	b = append(b, `,"fee":`...)
	b = appendJSONString(b, r.feeText)
	b = append(b, `,"uptime":"`...)
	b = append(b, a.uptime.String()...)
	b = append(b, `","credit_percent":"`...)
	b = append(b, a.percent.String()...)
	b = append(b, `","credit":"`...)
	b = append(b, credit...)
	if !cur.IsZero() {
		b = append(b, `","currency":"`...)
		b = append(b, cur.Code()...)
	}
	b = append(b, `"}`...)
	return string(b)
}

// appendJSONString appends s as a JSON string.
func appendJSONString(b []byte, s string) []byte {
	plain := utf8.ValidString(s)
	for i := 0; plain && i < len(s); i++ {
		c := s[i]
		plain = c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c < 0x7f
	}
	if plain {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	q, _ := json.Marshal(s) // a string always marshals
	return append(b, q...)
}
