// Package clip quotes caller values for error messages without repeating
// them whole: a message names the field and the value, and a value of a
// megabyte makes a message of a few dozen bytes, not of a megabyte.
package clip

import "strconv"

// Bytes is how much of a value Quote keeps.
const Bytes = 60

// Quote returns s quoted for an error message (strconv.Quote): whole when
// it is at most 60 bytes, else the longest prefix of at most 60 bytes that
// ends at a character boundary, quoted, then an ellipsis and the length of
// s in bytes, as in "abc"... (1048576 bytes).
func Quote(s string) string {
	if len(s) <= Bytes {
		return strconv.Quote(s)
	}
	cut := Bytes
	for cut > 0 && !startsRune(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "... (" + strconv.Itoa(len(s)) + " bytes)"
}

// startsRune reports whether b can start a UTF-8 encoded character.
func startsRune(b byte) bool { return b&0xC0 != 0x80 }
