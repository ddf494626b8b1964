package fleetrec

import (
	"strings"
	"time"
	"unsafe"
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
	// The scanner reads line in place, without a copy: the strings it
	// hands out point into line, and those the record keeps
	// (subscription, fee, cause) are cloned. Nothing of line is referred to
	// once decodeFast returns.
	sc := scanner{s: unsafe.String(unsafe.SliceData(line), len(line))}
	var sub, reg, mon, fee, cur, users string
	// Every outage and notice is an object: their number is at most the
	// line's '{' less the record's own.
	rec := Record{outages: make([]outage, 0, max(strings.Count(sc.s, "{")-1, 0))}
	if !sc.byte('{') {
		return Record{}, "", false
	}
	var seen uint16 // the keys read, one bit each
	for !sc.byte('}') {
		if seen != 0 && !sc.byte(',') {
			return Record{}, "", false
		}
		k, ok := sc.key()
		var bit uint16
		switch {
		case !ok:
		case k == "subscription":
			bit = 1
			sub, ok = sc.str()
		case k == "region":
			bit = 2
			reg, ok = sc.str()
		case k == "month":
			bit = 4
			mon, ok = sc.str()
		case k == "fee":
			bit = 8
			fee, ok = sc.str()
		case k == "outages":
			bit = 16
			ok = sc.array(func(v [4]string) bool {
				// parseOutage keeps the library's name of a cause, not v[2].
				o, errs := parseOutage(v[0], v[1], v[2], v[3])
				rec.outages = append(rec.outages, o)
				return len(errs) == 0
			}, "cause", "users")
		case k == "notices":
			bit = 32
			ok = sc.array(func(v [4]string) bool {
				n, errs := parseNotice(v[0], v[1], v[2])
				rec.notices = append(rec.notices, n)
				return len(errs) == 0
			}, "announced", "")
		case k == "currency":
			bit = 64
			cur, ok = sc.str()
		case k == "users":
			bit = 128
			users, ok = sc.str()
		case k == "subscribed":
			bit = 256
			var v [4]string
			if v, ok = sc.object("", ""); ok {
				var errs []error
				rec.subscribed, errs = parseSubscribed(v[0], v[1])
				ok = len(errs) == 0
			}
		default:
			ok = false
		}
		if !ok || seen&bit != 0 {
			return Record{}, "", false
		}
		seen |= bit
	}
	sc.space()
	if sc.i != len(sc.s) || seen&15 != 15 || sub == "" {
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
	// ParseCurrency may keep the string it is given: a copy, not line.
	if rec.currency, err = parseCurrency("currency", strings.Clone(cur)); err != nil {
		return Record{}, "", false
	}
	if rec.users, err = parseUsers("users", users); err != nil {
		return Record{}, "", false
	}
	// One copy holds the key, the subscription and the fee as written:
	// "sub mon" then fee. ParseMonth takes "YYYY-MM" only, which is the
	// month's String, so the key is the one checkJSON makes.
	all := sub + " " + mon + fee
	k := all[:len(sub)+1+len(mon)]
	rec.subscription, rec.feeText = k[:len(sub)], all[len(k):]
	return rec, k, true
}

// scanner reads s from i on.
type scanner struct {
	s string
	i int
}

// space skips JSON white space.
func (sc *scanner) space() {
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
	if sc.i < len(sc.s) && sc.s[sc.i] == c { // the plain form has no white space
		sc.i++
		return true
	}
	sc.space()
	if sc.i < len(sc.s) && sc.s[sc.i] == c {
		sc.i++
		return true
	}
	return false
}

// plain marks the bytes a string of the plain form may hold: printable
// ASCII but the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := 0x20; c <= 0x7e; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str reads a string of printable ASCII without escapes.
func (sc *scanner) str() (string, bool) {
	if !sc.byte('"') {
		return "", false
	}
	s, i := sc.s, sc.i
	// Eight bytes at a time while none is special, then one at a time.
	for i+8 <= len(s) && !special8(uint64(s[i])|uint64(s[i+1])<<8|uint64(s[i+2])<<16|uint64(s[i+3])<<24|
		uint64(s[i+4])<<32|uint64(s[i+5])<<40|uint64(s[i+6])<<48|uint64(s[i+7])<<56) {
		i += 8
	}
	for i < len(s) && plain[s[i]] {
		i++
	}
	if i == len(s) || s[i] != '"' {
		return "", false
	}
	v := s[sc.i:i]
	sc.i = i + 1
	return v, true
}

// special8 reports whether any of the eight bytes of w is one a plain
// string may not hold, or its closing quote: '"', '\\', below 0x20, or
// above 0x7e.
func special8(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	zero := func(x uint64) uint64 { return (x - ones) &^ x } // high bit set in some byte iff x has a zero byte
	return (zero(w^(ones*'"'))|zero(w^(ones*'\\'))|zero(w^(ones*0x7f))|(w-ones*0x20)&^w|w)&highs != 0
}

// lit skips l when the input goes on with it, and reports whether it did.
func (sc *scanner) lit(l string) bool {
	if strings.HasPrefix(sc.s[sc.i:], l) {
		sc.i += len(l)
		return true
	}
	return false
}

// key reads an object's key and its colon.
func (sc *scanner) key() (string, bool) {
	k, ok := sc.str()
	return k, ok && sc.byte(':')
}

// array reads an array of objects whose keys are "start", "end" and
// third and fourth (when not ""), each at most once, with string values,
// and calls elem with the values in that order ("" for a key not there)
// for each object.
func (sc *scanner) array(elem func(v [4]string) bool, third, fourth string) bool {
	if !sc.byte('[') {
		return false
	}
	if sc.byte(']') {
		return true
	}
	for {
		v, ok := sc.object(third, fourth)
		if !ok || !elem(v) {
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

// object reads an object whose keys are "start", "end" and third and
// fourth (when not ""), each at most once, with string values. It returns
// the values in that order ("" for a key not there).
func (sc *scanner) object(third, fourth string) (v [4]string, ok bool) {
	var seen uint8 // the keys read, one bit each in that order
	if !sc.byte('{') {
		return v, false
	}
	for !sc.byte('}') {
		if seen != 0 && !sc.byte(',') {
			return v, false
		}
		var i uint8
		// The keys of the plain form first, as literals: most objects
		// are {"start":"…","end":"…"}.
		k, ok := "", true
		switch {
		case sc.lit(`"start":`):
			k = "start"
		case sc.lit(`"end":`):
			k = "end"
		default:
			k, ok = sc.key()
		}
		switch {
		case !ok:
			return v, false
		case k == "start":
			i = 0
		case k == "end":
			i = 1
		case k == third && third != "":
			i = 2
		case k == fourth && fourth != "":
			i = 3
		default:
			return v, false
		}
		if seen&(1<<i) != 0 {
			return v, false
		}
		seen |= 1 << i
		if v[i], ok = sc.str(); !ok {
			return v, false
		}
	}
	return v, true
}
