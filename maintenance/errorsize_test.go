package maintenance

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseTableErrorSize: no error from a region table within
// ParseTable's 4 MiB is larger than 64 KiB; nor from a window string of
// 16 MiB (a 100 MB window string gave a 734 MB error after 28.7 s before
// values were clipped).
func TestParseTableErrorSize(t *testing.T) {
	const maxErrorBytes = 64 << 10
	huge := strings.Repeat("w", maxTableBytes-300)
	regions := make([]string, 0, 15000)
	for i := range cap(regions) {
		regions = append(regions, fmt.Sprintf(`{"code":"%s","host":"","window":"%d PM to %s","zone":"Nowhere/%s"}`,
			strings.Repeat("R", 60), 13+i%80, strings.Repeat("9", 60), strings.Repeat("z", 60)))
	}
	for name, doc := range map[string]string{
		"a 4 MiB window":                   `{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[{"code":"X","host":"h","window":"` + huge + `"}]}]}`,
		"a 4 MiB code":                     `{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[{"code":"` + huge + `","host":"h","window":"1 AM to 2 AM"}]}]}`,
		"15,000 bad regions with one code": `{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[` + strings.Join(regions, ",") + `]}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			require.LessOrEqual(t, len(doc), maxTableBytes)
			_, err := ParseTable(strings.NewReader(doc))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidTable)
			assert.LessOrEqual(t, len(err.Error()), maxErrorBytes, "error of %d bytes", len(err.Error()))
		})
	}
	_, err := ParseWindow(strings.Repeat("7", 16<<20))
	require.ErrorIs(t, err, ErrInvalidWindow)
	assert.LessOrEqual(t, len(err.Error()), 400)
}
