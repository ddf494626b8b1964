package fleetrec

import "strings"

// scanJSON is DecodeJSON's fast path. encoding/json costs most of a
// record's time (about 40 µs for a month of 20 outages, more than its
// assessment); this scanner reads the same record in a few µs. It takes
// only the plain form exports write, and leaves every other line to
// encoding/json, which then gives the record or the error message:
//
//   - one object, with white space around and between tokens, and nothing
//     after it;
//   - keys spelt exactly as JSONRecord's tags (encoding/json also matches
//     other letter cases), each at most once (encoding/json keeps the last);
//   - values: strings where JSONRecord has strings, arrays of objects for
//     outages and notices; no null, number or boolean;
//   - strings of printable ASCII without escapes.
//
// So a line scanJSON takes decodes to the same JSONRecord with
// encoding/json (FuzzScanJSON checks this), and a line it does not take
// loses nothing but time.

// scanJSON returns the record of line and true, or false when line is not
// in the plain form.
func scanJSON(line []byte) (JSONRecord, bool) {
	sc := scanner{s: string(line)}
	// Every outage and notice is an object: their number is at most the
	// line's '{' less the record's own.
	objects := strings.Count(sc.s, "{") - 1
	var jr JSONRecord
	if !sc.object(func(k string) bool {
		switch k {
		case "subscription":
			return sc.str(&jr.Subscription)
		case "region":
			return sc.str(&jr.Region)
		case "month":
			return sc.str(&jr.Month)
		case "fee":
			return sc.str(&jr.Fee)
		case "outages":
			jr.Outages = make([]JSONOutage, 0, max(objects, 0))
			return sc.array(func() bool {
				var o JSONOutage
				ok := sc.object(func(k string) bool {
					switch k {
					case "start":
						return sc.str(&o.Start)
					case "end":
						return sc.str(&o.End)
					case "cause":
						return sc.str(&o.Cause)
					}
					return false
				})
				jr.Outages = append(jr.Outages, o)
				return ok
			})
		case "notices":
			jr.Notices = []JSONNotice{}
			return sc.array(func() bool {
				var n JSONNotice
				ok := sc.object(func(k string) bool {
					switch k {
					case "start":
						return sc.str(&n.Start)
					case "end":
						return sc.str(&n.End)
					case "announced":
						return sc.str(&n.Announced)
					}
					return false
				})
				jr.Notices = append(jr.Notices, n)
				return ok
			})
		}
		return false
	}) {
		return JSONRecord{}, false
	}
	sc.space()
	if sc.i != len(sc.s) {
		return JSONRecord{}, false
	}
	return jr, true
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
