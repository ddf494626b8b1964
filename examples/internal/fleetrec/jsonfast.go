package fleetrec

import (
	"strings"
	"time"
)

// decodeFast is DecodeJSON's fast path. encoding/json costs most of a
// record's time (about 40 µs for a month of 20 outages, more than its
// assessment); decodeFast reads the record in one pass over the line,
// checking each field with the same parsers as checkJSON as soon as it is
// read. It takes only good records in the plain form exports write, and
// leaves every other line to encoding/json and checkJSON, which then give
// the record or the error messages:
//
//   - one object, with white space around and between tokens, and nothing
//     after it;
//   - keys spelt exactly as JSONRecord's tags (encoding/json also matches
//     other letter cases), each at most once (encoding/json keeps the last);
//   - values: strings where JSONRecord has strings, arrays of objects for
//     outages and notices; no null, number or boolean;
//   - strings of printable ASCII without escapes;
//   - no problem in any field.
//
// So a line decodeFast takes decodes to the same Record and key through
// encoding/json and checkJSON (FuzzDecodeJSON checks this), and a line it
// does not take loses nothing but time.
func decodeFast(line []byte, loc *time.Location) (Record, string, bool) {
	sc := scanner{s: string(line)}
	var sub, reg, mon, fee string
	var seen uint8 // the four required keys read
	// Every outage and notice is an object: their number is at most the
	// line's '{' less the record's own.
	rec := Record{outages: make([]outage, 0, max(strings.Count(sc.s, "{")-1, 0))}
	ok := sc.object(func(k string) bool {
		switch k {
		case "subscription":
			seen |= 1
			return sc.str(&sub)
		case "region":
			seen |= 2
			return sc.str(&reg)
		case "month":
			seen |= 4
			return sc.str(&mon)
		case "fee":
			seen |= 8
			return sc.str(&fee)
		case "outages":
			return sc.array(func() bool {
				var start, end, cause string
				if !sc.object(func(k string) bool {
					switch k {
					case "start":
						return sc.str(&start)
					case "end":
						return sc.str(&end)
					case "cause":
						return sc.str(&cause)
					}
					return false
				}) {
					return false
				}
				o, errs := parseOutage(start, end, cause)
				rec.outages = append(rec.outages, o)
				return len(errs) == 0
			})
		case "notices":
			return sc.array(func() bool {
				var start, end, announced string
				if !sc.object(func(k string) bool {
					switch k {
					case "start":
						return sc.str(&start)
					case "end":
						return sc.str(&end)
					case "announced":
						return sc.str(&announced)
					}
					return false
				}) {
					return false
				}
				n, errs := parseNotice(start, end, announced)
				rec.notices = append(rec.notices, n)
				return len(errs) == 0
			})
		}
		return false
	})
	sc.space()
	if !ok || sc.i != len(sc.s) || seen != 15 || sub == "" {
		return Record{}, "", false
	}
	var err error
	if rec.region, err = parseRegion("region", reg); err != nil {
		return Record{}, "", false
	}
	if rec.month, err = parseMonth("month", mon, loc); err != nil {
		return Record{}, "", false
	}
	if rec.fee, err = parseFee("fee", fee); err != nil {
		return Record{}, "", false
	}
	rec.subscription, rec.feeText = sub, fee
	// ParseMonth takes "YYYY-MM" only, which is the month's String.
	return rec, sub + " " + mon, true
}

// scanner reads s from i on.
type scanner struct {
	s string
	i int
}

// space skips JSON white space.
func (sc *scanner) space() {
	if sc.i < len(sc.s) && sc.s[sc.i] > ' ' {
		return // the plain form has none
	}
	for sc.i < len(sc.s) {
		switch sc.s[sc.i] {
		case ' ', '\t', '\n', '\r':
			sc.i++
		default:
			return
		}
	}
}

// byte skips white space and then c, reporting whether c was there.
func (sc *scanner) byte(c byte) bool {
	sc.space()
	if sc.i < len(sc.s) && sc.s[sc.i] == c {
		sc.i++
		return true
	}
	return false
}

// peek skips white space and reports whether c is next, without taking it.
func (sc *scanner) peek(c byte) bool {
	sc.space()
	return sc.i < len(sc.s) && sc.s[sc.i] == c
}

// plain marks the bytes a string of the plain form may hold: printable
// ASCII but the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := 0x20; c <= 0x7e; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str reads a string of printable ASCII without escapes into *dst.
func (sc *scanner) str(dst *string) bool {
	if !sc.byte('"') {
		return false
	}
	s, i := sc.s, sc.i
	for i < len(s) && plain[s[i]] {
		i++
	}
	if i == len(s) || s[i] != '"' {
		return false
	}
	*dst = s[sc.i:i]
	sc.i = i + 1
	return true
}

// object reads an object, calling value for each key, once per key, after
// the key and its colon; value reads the value.
func (sc *scanner) object(value func(key string) bool) bool {
	if !sc.byte('{') {
		return false
	}
	if sc.byte('}') {
		return true
	}
	var seen [8]string // no object of the form has more keys
	n := 0
	for {
		var k string
		if !sc.str(&k) || !sc.byte(':') {
			return false
		}
		for _, s := range seen[:n] {
			if s == k {
				return false
			}
		}
		if n == len(seen) {
			return false
		}
		seen[n] = k
		n++
		if !value(k) {
			return false
		}
		if sc.byte('}') {
			return true
		}
		if !sc.byte(',') {
			return false
		}
	}
}

// array reads an array, calling elem for each element.
func (sc *scanner) array(elem func() bool) bool {
	if !sc.byte('[') {
		return false
	}
	if sc.byte(']') {
		return true
	}
	for {
		if !sc.peek('{') || !elem() {
			return false
		}
		if sc.byte(']') {
			return true
		}
		if !sc.byte(',') {
			return false
		}
	}
}
