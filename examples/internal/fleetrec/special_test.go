package fleetrec

import "testing"

// TestSpecial8 checks special8 against plain, byte by byte, for every
// byte value in every position among plain neighbours.
func TestSpecial8(t *testing.T) {
	for pos := range 8 {
		for c := range 256 {
			w := uint64(0x6161616161616161) // "aaaaaaaa"
			w &^= 0xff << (8 * pos)
			w |= uint64(c) << (8 * pos)
			if got, want := special8(w), !plain[c]; got != want {
				t.Errorf("byte %#x at %d: special8 %v, want %v", c, pos, got, want)
			}
		}
	}
}
