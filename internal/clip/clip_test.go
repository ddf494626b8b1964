package clip

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestQuote(t *testing.T) {
	sixty := strings.Repeat("0123456789", 6)
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", `""`},
		{"short", "abc", `"abc"`},
		{"escapes", "a\nb\"c", `"a\nb\"c"`},
		{"exactly 60 bytes, whole", sixty, `"` + sixty + `"`},
		{"61 bytes, cut to 60", sixty + "x", `"` + sixty + `"... (61 bytes)`},
		{"a megabyte", strings.Repeat("y", 1<<20), `"` + strings.Repeat("y", 60) + `"... (1048576 bytes)`},
		// Cut at a character boundary, never inside one: é is 2 bytes,
		// € 3; bytes 60 and on are cut.
		{"é across byte 60", sixty[:59] + "é" + "zz", `"` + sixty[:59] + `"... (63 bytes)`},
		{"€ across byte 60", sixty[:58] + "€" + "zz", `"` + sixty[:58] + `"... (63 bytes)`},
		{"é just after byte 60", sixty + "é", `"` + sixty + `"... (62 bytes)`},
		{"é ending at byte 60", sixty[:58] + "é" + "z", `"` + sixty[:58] + `é"... (61 bytes)`},
		// No character starts in the first 60 bytes: nothing is kept.
		{"only continuation bytes", strings.Repeat("\x80", 100), `""... (100 bytes)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Quote(tc.in))
		})
	}
}

// FuzzQuote: a quoted value is at most 60 bytes of the input, quoted, and
// its length; it is valid UTF-8 wherever the kept prefix is, and the input
// comes back whole when short.
func FuzzQuote(f *testing.F) {
	for _, s := range []string{"", "abc", strings.Repeat("é", 40), strings.Repeat("\x80", 70)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := Quote(s)
		assert.LessOrEqual(t, len(q), 6*Bytes+2+len(" bytes)... (")+20)
		if len(s) <= Bytes {
			assert.NotContains(t, q, "bytes)")
		} else {
			assert.True(t, strings.HasSuffix(q, " bytes)"), q)
		}
		if utf8.ValidString(s) {
			assert.True(t, utf8.ValidString(q))
		}
	})
}
