package versions

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseErrorSize: no error from a versions document within Parse's
// 8 MiB is larger than 64 KiB (an 8 MiB document gave a 103 MB error
// after 4.6 s before values were clipped and lists cut at 20 problems).
func TestParseErrorSize(t *testing.T) {
	const maxErrorBytes = 64 << 10
	huge := strings.Repeat("n", maxBytes-300)
	many := make([]string, 0, 20000)
	for i := range cap(many) {
		many = append(many, fmt.Sprintf(`{"name":"v-%s","effective":"bad-%d","policy":{"level":"101","excludedCauses":["%s"]}}`,
			strings.Repeat("v", 100), i, strings.Repeat("c", 100)))
	}
	dups := make([]string, 0, 20000)
	for range cap(dups) {
		dups = append(dups, `{"name":"`+strings.Repeat("d", 200)+`","effective":"2024-01-01T00:00:00Z","policy":{}}`)
	}
	for name, doc := range map[string]string{
		"an 8 MiB name":                 `{"versions":[{"name":"` + huge + `"}]}`,
		"an 8 MiB key":                  `{"` + huge + `":1}`,
		"20,000 bad versions":           `{"versions":[` + strings.Join(many, ",") + `]}`,
		"20,000 versions with one name": `{"versions":[` + strings.Join(dups, ",") + `]}`,
	} {
		t.Run(name, func(t *testing.T) {
			require.LessOrEqual(t, len(doc), maxBytes)
			_, err := Parse(strings.NewReader(doc))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalid)
			assert.LessOrEqual(t, len(err.Error()), maxErrorBytes, "error of %d bytes", len(err.Error()))
		})
	}
}
