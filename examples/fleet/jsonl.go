package main

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

	"github.com/slapolicy/slapolicy/sla"
)

// maxLine is the longest line the readers accept, in bytes. A longer line
// is a bad record; reading goes on after it.
const maxLine = 1 << 20

// jsonRecord is the JSON-lines form of one subscription-month. Decimals
// are strings, instants are RFC 3339 strings with an offset.
type jsonRecord struct {
	Subscription string       `json:"subscription"`
	Region       string       `json:"region"`
	Month        string       `json:"month"`
	Fee          string       `json:"fee"`
	Outages      []jsonOutage `json:"outages,omitempty"`
	Notices      []jsonNotice `json:"notices,omitempty"`
}

// jsonOutage is one outage: [start, end), and its cause ("" or absent for
// the service's own fault).
type jsonOutage struct {
	Start string `json:"start"`
	End   string `json:"end"`
	Cause string `json:"cause,omitempty"`
}

// jsonNotice is one maintenance notice: the announced span [start, end)
// and when it was announced.
type jsonNotice struct {
	Start     string `json:"start"`
	End       string `json:"end"`
	Announced string `json:"announced"`
}

// lineReader splits an input into lines of at most maxLine bytes, counting
// them from 1. It strips a UTF-8 byte order mark at the start, the "\n"
// and a "\r" before it.
type lineReader struct {
	r    *bufio.Reader
	line int
	buf  []byte
}

func newLineReader(r io.Reader) *lineReader {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && string(b) == "\uFEFF" {
		_, _ = br.Discard(3)
	}
	return &lineReader{r: br}
}

// next returns the next line and its number. The line is valid until the
// following call. tooLong reports a line longer than maxLine, of which
// nothing is returned. At the end of the input it returns io.EOF; any other
// error is the input's.
func (lr *lineReader) next() (line []byte, n int, tooLong bool, err error) {
	lr.buf = lr.buf[:0]
	for {
		chunk, err := lr.r.ReadSlice('\n')
		if !tooLong {
			if len(lr.buf)+len(chunk) > maxLine+2 { // room for "\r\n"
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
		if len(line) > maxLine {
			tooLong = true
		}
		if tooLong {
			line = nil
		}
		return line, lr.line, tooLong, nil
	}
}

// jsonlSource reads JSON-lines: one subscription-month per line. Blank lines
// are skipped. Decoding is left to decodeJSON, in the workers.
type jsonlSource struct {
	name string
	lr   *lineReader
}

func newJSONLSource(name string, r io.Reader) *jsonlSource {
	return &jsonlSource{name: name, lr: newLineReader(r)}
}

func (s *jsonlSource) next() (raw, error) {
	for {
		line, n, tooLong, err := s.lr.next()
		if err != nil {
			return raw{}, err
		}
		p := pos{file: s.name, line: n}
		if tooLong {
			return raw{at: p, errs: at(p, fmt.Errorf("line is longer than %d bytes", maxLine))}, nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		return raw{at: p, json: bytes.Clone(line)}, nil
	}
}

// decodeJSON decodes and checks one JSON-lines record. Unknown keys are
// errors, so a misspelt "outage" never silently drops outages. It reports
// every problem it finds, each naming the key ("outages[2].end").
func decodeJSON(line []byte, p pos, loc *time.Location) (record, string, []error) {
	var jr jsonRecord
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&jr); err != nil {
		return record{}, "", at(p, jsonError(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return record{}, "", at(p, fmt.Errorf("column %d: data after the record's closing brace", dec.InputOffset()+1))
	}
	var errs []error
	rec := record{outages: make([]sla.Outage, 0, len(jr.Outages))}
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
	for i, o := range jr.Outages {
		out, e := parseOutage(o.Start, o.End, o.Cause)
		errs = append(errs, item("outages", i, e)...)
		rec.outages = append(rec.outages, out)
	}
	for i, n := range jr.Notices {
		not, e := parseNotice(n.Start, n.End, n.Announced)
		errs = append(errs, item("notices", i, e)...)
		rec.notices = append(rec.notices, not)
	}
	if len(errs) > 0 {
		var out []error
		for _, e := range errs {
			out = append(out, at(p, e)...)
		}
		return record{}, k, out
	}
	return rec, k, nil
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
