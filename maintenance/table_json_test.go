package maintenance

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tblJSON is a table document of two hypothetical editions, out of order,
// one with an offset and one with an untidy window spelling.
const tblJSON = `{"editions":[
 {"effective":"2020-05-01T00:00:00Z","regions":[
   {"code":"APJ","host":"crm5.dynamics.com","window":"3 PM to 8 PM"},
   {"code":"ZAF","host":"crm14.dynamics.com","window":" 3 pm to 12 AM "}]},
 {"effective":"2018-06-01T00:00:00+08:00","regions":[
   {"code":"APJ","host":"crm5.dynamics.com","window":"2 PM to 8 PM"}]}
]}`

func TestTableJSON(t *testing.T) {
	tab, err := ParseTable(strings.NewReader(tblJSON))
	require.NoError(t, err)
	eds := tab.Editions()
	require.Len(t, eds, 2)
	assert.True(t, eds[0].Effective.Equal(time.Date(2018, 5, 31, 16, 0, 0, 0, time.UTC)), "sorted; the offset is kept as an instant")
	r, ok := tab.Lookup("ZAF", utcDate(2020, 5, 1))
	require.True(t, ok)
	assert.Equal(t, mustWindow(t, "15:00-24:00"), r.Window, "untidy spellings parse")

	b, err := json.Marshal(tab)
	require.NoError(t, err)
	assert.Equal(t, `{"editions":[{"effective":"2018-06-01T00:00:00+08:00","regions":[{"code":"APJ","host":"crm5.dynamics.com","window":"2 PM to 8 PM"}]},`+
		`{"effective":"2020-05-01T00:00:00Z","regions":[{"code":"APJ","host":"crm5.dynamics.com","window":"3 PM to 8 PM"},{"code":"ZAF","host":"crm14.dynamics.com","window":"3 PM to 12 AM"}]}]}`,
		string(b))

	def, err := json.Marshal(Dynamics())
	require.NoError(t, err)
	var back Table
	require.NoError(t, json.Unmarshal(def, &back))
	assert.Equal(t, Dynamics().Editions(), back.Editions(), "the built-in table round-trips")

	_, err = json.Marshal(Table{})
	require.ErrorIs(t, err, ErrInvalidTable)

	// An offset that is not a whole minute is written in UTC, so it reads back.
	odd, err := NewTable(Edition{Effective: time.Date(2020, 1, 1, 0, 0, 0, 0, time.FixedZone("LMT", 7201)), Regions: Regions()})
	require.NoError(t, err)
	b, err = json.Marshal(odd)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"effective":"2019-12-31T21:59:59Z"`)
}

func TestTableJSONErrors(t *testing.T) {
	region := `{"code":"APJ","host":"crm5.dynamics.com","window":"2 PM to 8 PM"}`
	sixty := strings.Repeat("0123456789", 6)
	for _, tc := range []struct {
		name string
		doc  string
		want []string
		is   error
	}{
		{"not json", `{"editions":`, []string{"document is not a JSON object"}, nil},
		{"null", ` null `, []string{"document is null"}, nil},
		{"trailing data", `{"editions":[]} x`, []string{"after top-level value"}, nil},
		{"unknown top key", `{"editions":[],"edition":[]}`, []string{`document has unknown key "edition"`}, nil},
		{"no editions", `{}`, []string{"editions is missing"}, nil},
		{"empty editions", `{"editions":[]}`, []string{"no editions"}, nil},
		{"editions not a list", `{"editions":"x"}`, []string{`editions "x": want a list`}, nil},
		{"edition not an object", `{"editions":[[]]}`, []string{"editions[0] [] is not a JSON object"}, nil},
		{"unknown edition key", `{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[` + region + `],"Effective":"x"}]}`,
			[]string{`editions[0] has unknown key "Effective"`}, nil},
		{"effective not a string", `{"editions":[{"effective":20190802,"regions":[` + region + `]}]}`,
			[]string{"editions[0].effective 20190802: want an RFC 3339 instant"}, nil},
		{"effective not RFC 3339", `{"editions":[{"effective":"08/02/2019","regions":[` + region + `]}]}`,
			[]string{`editions[0].effective "08/02/2019": want an RFC 3339 instant`}, nil},
		{"missing regions", `{"editions":[{"effective":"2019-08-02T00:00:00Z"}]}`, []string{"editions[0].regions is missing"}, nil},
		{"unknown region key", `{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[{"code":"APJ","host":"h","window":"2 PM to 8 PM","tz":"UTC"}]}]}`,
			[]string{`editions[0].regions[0] has unknown key "tz"`}, nil},
		{"bad window, with its path", `{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[` + region + `]},{"effective":"2020-08-02T00:00:00Z","regions":[` + region + `,{"code":"X","host":"h","window":"25 PM to 3 AM"}]}]}`,
			[]string{`editions[1].regions[1].window: maintenance: invalid window`, `"25 PM to 3 AM"`}, ErrInvalidWindow},
		{"empty window", `{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[{"code":"X","host":"h","window":""}]}]}`,
			[]string{`editions[0].regions[0].window: maintenance: invalid window`}, ErrInvalidWindow},
		{"window not a string", `{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[{"code":"X","host":"h","window":14}]}]}`,
			[]string{`editions[0].regions[0].window 14: want a string`}, nil},
		{"missing window", `{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[{"code":"X","host":"h"}]}]}`,
			[]string{`editions[0].regions[0] has no "window"`}, nil},
		{"code not a string", `{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[{"code":1,"host":"h","window":"2 PM to 8 PM"}]}]}`,
			[]string{`editions[0].regions[0].code 1: want a string`}, nil},
		{"missing code", `{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[{"host":"h","window":"2 PM to 8 PM"}]}]}`,
			[]string{`editions[0].regions[0]: code "" is empty`}, nil},
		{"several at once", `{"editions":[{"effective":"x","regions":[{"code":1,"host":2,"window":"nope"}]}]}`,
			[]string{"editions[0].effective", "regions[0].code", "regions[0].host", "regions[0].window"}, ErrInvalidWindow},
		// A bad value is quoted whole up to 60 bytes, and cut to 60 bytes,
		// "..." and its length beyond.
		{"a long value is quoted short", `{"editions":[{"effective":"` + sixty + `x","regions":[{"code":"X","host":"h","window":"1 AM to 2 AM"}]}]}`,
			[]string{`editions[0].effective "` + sixty + `"... (61 bytes): want an RFC 3339 instant`}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseTable(strings.NewReader(tc.doc))
			require.ErrorIs(t, err, ErrInvalidTable)
			if tc.is != nil {
				require.ErrorIs(t, err, tc.is)
			}
			for _, s := range tc.want {
				assert.Contains(t, err.Error(), s)
			}
			tab := Dynamics()
			require.Error(t, json.Unmarshal([]byte(tc.doc), &tab))
			assert.Len(t, tab.Editions(), 1, "left unchanged on error")
		})
	}
	_, err := ParseTable(strings.NewReader(`{"editions":[` + strings.Repeat(" ", maxTableBytes) + `]}`))
	require.ErrorIs(t, err, ErrInvalidTable)
	_, err = ParseTable(tblErrReader{})
	require.ErrorIs(t, err, ErrInvalidTable)
}

type tblErrReader struct{}

func (tblErrReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

// TestParseTableSizeLimit: a document of exactly the limit (4 MiB) is
// read; one byte more is refused before it is decoded.
func TestParseTableSizeLimit(t *testing.T) {
	doc, err := json.Marshal(Dynamics())
	require.NoError(t, err)
	pad := maxTableBytes - len(doc)
	require.Positive(t, pad)
	exact := string(doc) + strings.Repeat(" ", pad)
	require.Len(t, exact, maxTableBytes)
	tab, err := ParseTable(strings.NewReader(exact))
	require.NoError(t, err)
	assert.Equal(t, Dynamics().Editions(), tab.Editions())

	_, err = ParseTable(strings.NewReader(exact + " "))
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrInvalidTable))
	assert.Contains(t, err.Error(), "document is longer than 4194304 bytes")
}
