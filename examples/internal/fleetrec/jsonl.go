package fleetrec

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
)

// MaxLine is the longest line the readers accept, in bytes. A longer line
// is a bad record; reading goes on after it.
const MaxLine = 1 << 20

// JSONRecord is the JSON-lines form of one subscription-month. Decimals
// are strings, instants are RFC 3339 strings with an offset.
type JSONRecord struct {
	Subscription string       `json:"subscription"`
	Region       string       `json:"region"`
	Month        string       `json:"month"`
	Fee          string       `json:"fee"`
	Currency     string       `json:"currency,omitempty"`
	Users        string       `json:"users,omitempty"`
	Subscribed   *JSONSpan    `json:"subscribed,omitempty"`
	Outages      []JSONOutage `json:"outages,omitempty"`
	Notices      []JSONNotice `json:"notices,omitempty"`
}

// JSONSpan is a span of time, [start, end).
type JSONSpan struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// JSONOutage is one outage: [start, end), its cause ("" or absent for the
// service's own fault) and, for a user-minutes policy, how many users it
// affected ("" or absent for all).
type JSONOutage struct {
	Start string `json:"start"`
	End   string `json:"end"`
	Cause string `json:"cause,omitempty"`
	Users string `json:"users,omitempty"`
}

// JSONNotice is one maintenance notice: the announced span [start, end)
// and when it was announced.
type JSONNotice struct {
	Start     string `json:"start"`
	End       string `json:"end"`
	Announced string `json:"announced"`
}

// LineReader splits an input into lines of at most MaxLine bytes, counting
// them from 1. It strips a UTF-8 byte order mark at the start, the "\n"
// and a "\r" before it.
type LineReader struct {
	r    *bufio.Reader
	line int
	buf  []byte
}

// NewLineReader returns a LineReader of r.
func NewLineReader(r io.Reader) *LineReader {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && string(b) == "\uFEFF" {
		_, _ = br.Discard(3)
	}
	return &LineReader{r: br}
}

// Next returns the next line and its number. The line is valid until the
// following call. tooLong reports a line longer than MaxLine, of which
// nothing is returned. At the end of the input it returns io.EOF; any other
// error is the input's.
func (lr *LineReader) Next() (line []byte, n int, tooLong bool, err error) {
	lr.buf = lr.buf[:0]
	for first := true; ; first = false {
		chunk, err := lr.r.ReadSlice('\n')
		if first && err == nil && len(chunk) <= MaxLine+2 {
			// The whole line is in the reader's buffer: no copy.
			lr.line++
			line = bytes.TrimSuffix(bytes.TrimSuffix(chunk, []byte("\n")), []byte("\r"))
			if len(line) > MaxLine {
				return nil, lr.line, true, nil
			}
			return line, lr.line, false, nil
		}
		if !tooLong {
			if len(lr.buf)+len(chunk) > MaxLine+2 { // room for "\r\n"
				tooLong = true
				lr.buf = lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, chunk...)
			}
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && len(lr.buf) == 0 && !tooLong:
			return nil, 0, false, io.EOF
		case err != nil && err != io.EOF:
			return nil, 0, false, err
		}
		lr.line++
		line = bytes.TrimSuffix(bytes.TrimSuffix(lr.buf, []byte("\n")), []byte("\r"))
		if len(line) > MaxLine {
			tooLong = true
		}
		if tooLong {
			line = nil
		}
		return line, lr.line, tooLong, nil
	}
}

// jsonlSource reads JSON-lines: one subscription-month per line. Blank lines
// are skipped. Decoding is left to DecodeJSON, in Assess.
type jsonlSource struct {
	name string
	lr   *LineReader
}

// NewJSONLSource returns the source of the JSON-lines input r, named name
// in positions.
func NewJSONLSource(name string, r io.Reader) Source {
	return &jsonlSource{name: name, lr: NewLineReader(r)}
}

func (s *jsonlSource) Next() (Raw, error) {
	for {
		line, n, tooLong, err := s.lr.Next()
		if err != nil {
			return Raw{}, err
		}
		p := Pos{File: s.name, Line: n}
		if tooLong {
			return Raw{At: p, Errs: problems(p, fmt.Errorf("line is longer than %d bytes", MaxLine))}, nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		return Raw{At: p, JSON: bytes.Clone(line)}, nil
	}
}

// DecodeJSON decodes and checks one JSON-lines record. Unknown keys are
// errors, so a misspelt "outage" never silently drops outages. It reports
// every problem it finds, each naming the key ("outages[2].end"), and
// returns the record's key (subscription and month) when both are good.
//
// Good records in the form the fleet's exports write are read by a
// hand-written decoder (decodeFast); any other line, and every line with a
// problem, goes through encoding/json, so both give the same record and
// the same messages (FuzzDecodeJSON). The record refers to nothing of
// line, which must not change while DecodeJSON reads it.
func DecodeJSON(line []byte, p Pos, loc *time.Location) (Record, string, []Problem) {
	if rec, k, ok := decodeFast(line, loc); ok {
		return rec, k, nil
	}
	jr, err := decodeStd(line)
	if err != nil {
		return Record{}, "", problems(p, err)
	}
	return checkJSON(&jr, p, loc)
}

// decodeStd decodes line with encoding/json, as strictly as DecodeJSON
// promises.
func decodeStd(line []byte) (JSONRecord, error) {
	var jr JSONRecord
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&jr); err != nil {
		return JSONRecord{}, jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return JSONRecord{}, fmt.Errorf("column %d: data after the record's closing brace", dec.InputOffset()+1)
	}
	return jr, nil
}

// checkJSON checks the fields of a decoded JSON-lines record.
func checkJSON(jr *JSONRecord, p Pos, loc *time.Location) (Record, string, []Problem) {
	var errs []error
	rec := Record{outages: make([]outage, 0, len(jr.Outages)), feeText: jr.Fee}
	var err error
	var k string
	if rec.subscription, err = parseSubscription("subscription", jr.Subscription); err != nil {
		errs = append(errs, err)
	}
	if rec.region, err = parseRegion("region", jr.Region); err != nil {
		errs = append(errs, err)
	}
	monthOK := false
	if rec.month, err = parseMonth("month", jr.Month, loc); err != nil {
		errs = append(errs, err)
	} else {
		monthOK = true
	}
	if rec.subscription != "" && monthOK {
		k = key(rec.subscription, rec.month)
	}
	if rec.fee, err = parseFee("fee", jr.Fee); err != nil {
		errs = append(errs, err)
	}
	if rec.currency, err = parseCurrency("currency", jr.Currency); err != nil {
		errs = append(errs, err)
	}
	if rec.users, err = parseUsers("users", jr.Users); err != nil {
		errs = append(errs, err)
	}
	if jr.Subscribed != nil {
		sp, e := parseSubscribed(jr.Subscribed.Start, jr.Subscribed.End)
		errs = append(errs, e...)
		rec.subscribed = sp
	}
	for i, o := range jr.Outages {
		out, e := parseOutage(o.Start, o.End, o.Cause, o.Users)
		errs = append(errs, item("outages", i, e)...)
		rec.outages = append(rec.outages, out)
	}
	for i, n := range jr.Notices {
		not, e := parseNotice(n.Start, n.End, n.Announced)
		errs = append(errs, item("notices", i, e)...)
		rec.notices = append(rec.notices, not)
	}
	if len(errs) > 0 {
		var out []Problem
		for _, e := range errs {
			out = append(out, problems(p, e)...)
		}
		return Record{}, k, out
	}
	return rec, k, nil
}

// prefixAll puts "field." before each of errs: "start ..." becomes
// "subscribed.start ...".
func prefixAll(field string, errs []error) []error {
	for j, e := range errs {
		errs[j] = fmt.Errorf("%s.%w", field, e)
	}
	return errs
}

// item puts the list and index of an outage or notice before each of its
// errors: "start ..." becomes "outages[2].start ...".
func item(list string, i int, errs []error) []error {
	for j, e := range errs {
		errs[j] = fmt.Errorf("%s[%d].%w", list, i, e)
	}
	return errs
}

// jsonError rewrites encoding/json's errors for a reader of the input:
// positions as columns, fields as keys, no Go type names.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("column %d: not valid JSON: %s", syn.Offset, strings.TrimPrefix(syn.Error(), "json: "))
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "the record"
		}
		return fmt.Errorf("column %d: %s must be %s, not a JSON %s", typ.Offset, field, jsonKind(typ.Type), typ.Value)
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("not valid JSON: unexpected end of line")
	}
	return errors.New(strings.TrimPrefix(err.Error(), "json: "))
}

// jsonKind names the JSON value a Go type decodes from.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Slice:
		return "an array"
	case reflect.Struct:
		return "an object"
	}
	return "a " + t.String()
}
