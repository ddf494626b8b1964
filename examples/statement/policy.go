package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/sla"
)

// readPolicyFile reads an SLA policy in its JSON form (sla.ParsePolicy) and
// reports each problem on its own line, located in the file: a JSON syntax
// error at its line and column, a bad key at the line and column where
// that key is written ("policy.json:4:3: tiers[1].below ..."), and a
// problem no key is named for at the file alone.
func readPolicyFile(name string) (sla.Policy, []string) {
	b, err := os.ReadFile(name)
	if err != nil {
		return sla.Policy{}, []string{err.Error()}
	}
	return parsePolicy(name, b)
}

// parsePolicy reads the policy document b, from the file name.
func parsePolicy(name string, b []byte) (sla.Policy, []string) {
	p, err := sla.ParsePolicy(bytes.NewReader(b))
	if err == nil {
		return p, nil
	}
	var problems []string
	for _, e := range leafErrors(err) {
		msg := strings.TrimPrefix(e.Error(), sla.ErrInvalidPolicy.Error()+": ")
		var syn *json.SyntaxError
		switch {
		case errors.As(e, &syn):
			line, col := lineCol(b, int(syn.Offset)-1) // Offset is just after the bad byte
			problems = append(problems, fmt.Sprintf("%s:%d:%d: %s", name, line, col, msg))
		default:
			if off := keyOffset(b, msg); off >= 0 {
				line, col := lineCol(b, off)
				problems = append(problems, fmt.Sprintf("%s:%d:%d: %s", name, line, col, msg))
			} else {
				problems = append(problems, fmt.Sprintf("%s: %s", name, msg))
			}
		}
	}
	return sla.Policy{}, problems
}

// leafErrors returns the problems of err, one error each: the entries of
// the calendar.ErrorList the library returns (errors.Join's parts too).
func leafErrors(err error) []error {
	var list calendar.ErrorList
	list.Add(err)
	return list
}

// keyPattern finds the policy key a problem is about: sla names it first
// ("tiers[1].below ...", "creditCap ...") or quotes an unknown one.
var keyPattern = regexp.MustCompile(`^([a-zA-Z]+)[\[. :]|unknown key "([^"]*)"`)

// keyOffset returns the byte offset in doc where the key that msg is about
// is written, or -1 when msg names no key found in doc. It is a best
// effort: it looks for the first `"key"` followed by a colon.
func keyOffset(doc []byte, msg string) int {
	m := keyPattern.FindStringSubmatch(msg)
	if m == nil {
		return -1
	}
	key := m[1] + m[2]
	re, err := regexp.Compile(regexp.QuoteMeta(`"`+key+`"`) + `\s*:`)
	if err != nil {
		return -1
	}
	loc := re.FindIndex(doc)
	if loc == nil {
		return -1
	}
	return loc[0]
}

// lineCol converts a byte offset in doc to a line and a byte column, both
// counted from 1.
func lineCol(doc []byte, off int) (line, col int) {
	off = min(max(off, 0), len(doc))
	before := doc[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	col = off - bytes.LastIndexByte(before, '\n')
	return line, col
}
