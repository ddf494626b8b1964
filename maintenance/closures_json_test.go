package maintenance

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// closuresJSON is a closures document for the built-in regions: a
// company's shutdown days in NAM, and Carnival Monday and Tuesday 2025 in
// SAM for a contract that counts bank days (Resolução CMN 4.880/2020).
const closuresJSON = `{"closures": [
  {"region": "NAM", "date": "2024-12-24", "name": "company shutdown"},
  {"region": "nam", "date": "2024-12-26", "name": "company shutdown", "source": "memo of 1 November 2024"},
  {"region": "SAM", "date": "2025-03-03", "name": "Carnival Monday, banks closed", "source": "Resolução CMN 4.880/2020"},
  {"region": "SAM", "date": "2025-03-04", "name": "Carnival Tuesday, banks closed", "source": "Resolução CMN 4.880/2020"}
]}`

func TestParseClosures(t *testing.T) {
	cs, err := ParseClosures(strings.NewReader(closuresJSON), Dynamics())
	require.NoError(t, err)
	assert.Equal(t, []Closure{
		{Region: "NAM", Date: calendar.Date{Year: 2024, Month: time.December, Day: 24}, Name: "company shutdown"},
		{Region: "nam", Date: calendar.Date{Year: 2024, Month: time.December, Day: 26}, Name: "company shutdown", Source: "memo of 1 November 2024"},
		{Region: "SAM", Date: calendar.Date{Year: 2025, Month: time.March, Day: 3}, Name: "Carnival Monday, banks closed", Source: "Resolução CMN 4.880/2020"},
		{Region: "SAM", Date: calendar.Date{Year: 2025, Month: time.March, Day: 4}, Name: "Carnival Tuesday, banks closed", Source: "Resolução CMN 4.880/2020"},
	}, cs.List())

	empty, err := ParseClosures(strings.NewReader(` {"closures": []} `), Dynamics())
	require.NoError(t, err)
	assert.Equal(t, 0, empty.Len())
}

// parseClosuresBad are ParseClosures' hand-worked bad documents, each with
// what its error must say; FuzzParseClosures starts from them too.
var parseClosuresBad = []struct {
	name string
	doc  string
	n    int      // problems
	want []string // in the message
}{
	{"not json", `{"closures":`, 1, []string{"document is not a JSON object"}},
	{"null", `null`, 1, []string{"document is null"}},
	{"trailing data", `{"closures":[]} x`, 1, []string{"after top-level value"}},
	{"no closures", `{}`, 1, []string{"closures is missing, want a list of closures"}},
	{"closures not a list", `{"closures":{}}`, 1, []string{`closures {}: want a list of closures`}},
	{"unknown top key", `{"closures":[],"closure":[]}`, 1, []string{`document has unknown key "closure"`}},
	{"key twice", `{"closures":[{"region":"NAM","date":"2024-12-24","name":"a","name":"b"}]}`, 1,
		[]string{`closures[0] has key "name" more than once`}},
	{"key in another case", `{"closures":[{"Region":"NAM","date":"2024-12-24","name":"a"}]}`, 2,
		[]string{`closures[0] has unknown key "Region"`, `closures[0] has no "region"`}},
	{"closure not an object", `{"closures":["2024-12-24"]}`, 1, []string{`closures[0] "2024-12-24" is not a JSON object`}},
	{"missing fields", `{"closures":[{}]}`, 3, []string{`closures[0] has no "region"`, `closures[0] has no "date"`, `closures[0] has no "name"`}},
	{"null date", `{"closures":[{"region":"NAM","date":null,"name":"a"}]}`, 1, []string{`closures[0] has no "date"`}},
	{"date not a string", `{"closures":[{"region":"NAM","date":20241224,"name":"a"}]}`, 1,
		[]string{`closures[0].date 20241224: want a date such as "2024-12-24"`}},
	{"bad date", `{"closures":[{"region":"NAM","date":"24/12/2024","name":"a"}]}`, 1,
		[]string{`closures[0].date: calendar: invalid date "24/12/2024": want "YYYY-MM-DD"`}},
	{"no such day", `{"closures":[{"region":"NAM","date":"2025-02-29","name":"a"}]}`, 1,
		[]string{`closures[0].date: calendar: invalid date "2025-02-29": day is not in 01..28, the days of February 2025`}},
	{"unknown region", `{"closures":[{"region":"EU","date":"2024-12-24","name":"a"}]}`, 1,
		[]string{`closures[0].region "EU" is not in the region table (known: "NAM, DEU, SAM, CAN, EUR, FRA, APJ, OCE, JPN, IND, GCC, GBR")`}},
	{"region not a string", `{"closures":[{"region":7,"date":"2024-12-24","name":"a"}]}`, 1,
		[]string{`closures[0].region 7: want a region code such as "NAM"`}},
	{"empty name", `{"closures":[{"region":"NAM","date":"2024-12-24","name":""}]}`, 1,
		[]string{`closures[0].name "" is empty (say why the day is closed)`}},
	{"source not a string", `{"closures":[{"region":"NAM","date":"2024-12-24","name":"a","source":["x"]}]}`, 1,
		[]string{`closures[0].source ["x"]: want a string`}},
	{"day twice", `{"closures":[{"region":"NAM","date":"2024-12-24","name":"a"},{"region":" Nam ","date":"2024-12-24","name":"b"}]}`, 1,
		[]string{`closures[1]: region "Nam" date 2024-12-24 repeats closures[0]`}},
	// Every problem at once, each under its own path, an unknown key not
	// hiding the checks of the rest.
	{"several at once", `{"closures":[{"region":"XX","date":"2024-13-01","name":"a"},{"region":"NAM","date":"2024-12-24","name":"","note":"x"},{"region":"EU","date":"2024-12-24","name":"a"}]}`, 5,
		[]string{`closures[0].region "XX"`, `closures[0].date: calendar: invalid date "2024-13-01"`, `closures[1] has unknown key "note"`,
			`closures[1].name "" is empty`, `closures[2].region "EU"`}},
}

func TestParseClosuresErrors(t *testing.T) {
	for _, tc := range parseClosuresBad {
		t.Run(tc.name, func(t *testing.T) {
			cs, err := ParseClosures(strings.NewReader(tc.doc), Dynamics())
			require.Error(t, err)
			assert.Equal(t, 0, cs.Len())
			var list calendar.ErrorList
			if errors.As(err, &list) {
				assert.Len(t, list, tc.n, "%v", err)
				for _, e := range list {
					assert.ErrorIs(t, e, ErrInvalidClosures)
				}
			} else {
				assert.Equal(t, 1, tc.n, "%v", err)
			}
			assert.ErrorIs(t, err, ErrInvalidClosures)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// TestParseClosuresSizeLimit: a document of exactly the limit (1 MiB) is
// read; one byte more is refused before it is decoded; a reading error is
// reported.
func TestParseClosuresSizeLimit(t *testing.T) {
	pad := maxClosuresBytes - len(closuresJSON)
	exact := closuresJSON + strings.Repeat(" ", pad)
	require.Len(t, exact, 1048576)
	cs, err := ParseClosures(strings.NewReader(exact), Dynamics())
	require.NoError(t, err)
	assert.Equal(t, 4, cs.Len())

	_, err = ParseClosures(strings.NewReader(exact+" "), Dynamics())
	require.ErrorIs(t, err, ErrInvalidClosures)
	assert.Contains(t, err.Error(), "closures document is longer than 1048576 bytes")

	_, err = ParseClosures(tblErrReader{}, Dynamics())
	require.ErrorIs(t, err, ErrInvalidClosures)
	assert.Contains(t, err.Error(), "disk on fire")

	// A long value is quoted short.
	_, err = ParseClosures(strings.NewReader(`{"closures":[{"region":"`+strings.Repeat("R", 5000)+`","date":"2024-12-24","name":"a"}]}`), Dynamics())
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 400)
}
