package maintenance

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

func tblDate(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func tblWindow(t testing.TB, s string) Window {
	t.Helper()
	w, err := ParseWindow(s)
	require.NoError(t, err)
	return w
}

// tblEditions returns three editions: an earlier one (hypothetical date
// 2018-06-01) in which APJ's window was 2 PM to 8 PM, as an earlier
// edition of the seed's page had it; the seed's own (2019-08-02); and a
// later one (hypothetical, 2020-05-01) that adds a region "ZAF" whose
// window is spelled "3 PM to 12 AM".
func tblEditions(t testing.TB) (earlier, seed, later Edition) {
	t.Helper()
	earlier = Edition{Effective: tblDate(2018, time.June, 1), Regions: []Region{
		{Code: "NAM", Host: "crm.dynamics.com", Window: tblWindow(t, "2 AM to 11 AM")},
		{Code: "APJ", Host: "crm5.dynamics.com", Window: tblWindow(t, "2 PM to 8 PM")},
	}}
	seed = Dynamics().Editions()[0]
	later = Edition{Effective: tblDate(2020, time.May, 1), Regions: append(Regions(),
		Region{Code: "ZAF", Host: "crm14.dynamics.com", Window: tblWindow(t, "3 PM to 12 AM")})}
	return earlier, seed, later
}

func tblTable(t testing.TB) Table {
	t.Helper()
	earlier, seed, later := tblEditions(t)
	tab, err := NewTable(later, earlier, seed) // any order
	require.NoError(t, err)
	return tab
}

func TestDefaultTable(t *testing.T) {
	tab := Dynamics()
	seedDay := tblDate(2019, time.August, 2) // 000_*: "ms.date: 08/02/2019"

	r, ok := tab.Lookup("apj", seedDay)
	require.True(t, ok)
	assert.Equal(t, "3 PM to 8 PM", r.Window.String())
	assert.Equal(t, "crm5.dynamics.com", r.Host)

	_, ok = tab.Lookup("APJ", seedDay.Add(-1))
	assert.False(t, ok, "nothing is found before the first edition")
	assert.Nil(t, tab.Regions(seedDay.Add(-1)))
	_, ok = tab.EditionAt(seedDay.Add(-1))
	assert.False(t, ok)

	assert.Equal(t, Regions(), tab.Regions(seedDay), "the seed's table, in the seed's order")
	assert.Equal(t, Regions(), tab.Regions(tblDate(2030, 1, 1)), "in force until a later edition")
	e, ok := tab.EditionAt(tblDate(2024, 2, 29))
	require.True(t, ok)
	assert.True(t, e.Effective.Equal(seedDay))
	assert.Len(t, e.Regions, 12)

	hosts := tab.LookupHost("contoso.crm4.dynamics.com", seedDay)
	require.Len(t, hosts, 2)
	assert.Equal(t, "EUR", hosts[0].Code)
	assert.Equal(t, "FRA", hosts[1].Code)
	assert.Nil(t, tab.LookupHost("crm4.dynamics.com", seedDay.Add(-1)))
	assert.Nil(t, tab.LookupHost("  ", seedDay))
}

func TestTableLookupOverTime(t *testing.T) {
	tab := tblTable(t)
	seedDay, laterDay := tblDate(2019, time.August, 2), tblDate(2020, time.May, 1)
	for _, tc := range []struct {
		name   string
		code   string
		at     time.Time
		window string // "" : not found
	}{
		{"before every edition", "APJ", tblDate(2018, time.May, 31), ""},
		{"first instant of the earlier edition", "APJ", tblDate(2018, time.June, 1), "2 PM to 8 PM"},
		{"last instant of the earlier edition", "apj", seedDay.Add(-1), "2 PM to 8 PM"},
		{"seed edition from its first instant", "APJ", seedDay, "3 PM to 8 PM"},
		{"same instant seen from Tokyo", " APJ ", seedDay.In(time.FixedZone("JST", 9*3600)), "3 PM to 8 PM"},
		{"a region only later editions have, before", "IND", seedDay.Add(-1), ""},
		{"a region only later editions have, after", "IND", seedDay, "7:30 PM to 1 AM"},
		{"added region before its edition", "ZAF", laterDay.Add(-1), ""},
		{"added region", "zaf", laterDay, "3 PM to 12 AM"},
		{"unknown code", "XXX", laterDay, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := tab.Lookup(tc.code, tc.at)
			assert.Equal(t, tc.window != "", ok)
			assert.Equal(t, tc.window, r.Window.String())
		})
	}
	zaf, _ := tab.Lookup("ZAF", laterDay)
	assert.Equal(t, 9*time.Hour, zaf.Window.Duration(), `"3 PM to 12 AM" lasts 9 hours`)
	assert.False(t, zaf.Window.CrossesMidnight(), "it ends at midnight, it does not cross it")
	assert.Len(t, tab.Regions(laterDay), 13)
	assert.Len(t, tab.Regions(seedDay.Add(-1)), 2)
}

func TestTableWith(t *testing.T) {
	_, _, later := tblEditions(t)
	def := Dynamics()
	tab, err := def.With(later)
	require.NoError(t, err)
	assert.Len(t, tab.Editions(), 2)
	assert.Len(t, def.Editions(), 1, "With leaves its receiver alone")
	_, err = tab.With(Dynamics().Editions()[0])
	require.ErrorIs(t, err, ErrInvalidTable)
	assert.Contains(t, err.Error(), "editions[0] and editions[2] are both in force from 2019-08-02T00:00:00Z")
}

func TestTableImmutable(t *testing.T) {
	_, seed, _ := tblEditions(t)
	tab, err := NewTable(seed)
	require.NoError(t, err)
	seed.Regions[0].Code = "XXX"
	_, ok := tab.Lookup("NAM", tblDate(2020, 1, 1))
	assert.True(t, ok, "changing the caller's slice does not change the table")
	eds := tab.Editions()
	eds[0].Regions[0].Code = "YYY"
	rs := tab.Regions(tblDate(2020, 1, 1))
	rs[1].Code = "ZZZ"
	e, _ := tab.EditionAt(tblDate(2020, 1, 1))
	e.Regions[2].Code = "QQQ"
	assert.Equal(t, Regions(), tab.Regions(tblDate(2020, 1, 1)), "returned slices are copies")
}

// TestTableLookupDuring works out APJ's window time in August 2019, the
// month the seed edition took effect: on 1 August the earlier edition's
// 2 PM to 8 PM (6 hours), from 2 August the seed's 3 PM to 8 PM (5 hours a
// day for 30 days): 6 + 150 = 156 hours.
func TestTableLookupDuring(t *testing.T) {
	tab := tblTable(t)
	aug := calendar.NewMonth(2019, time.August, nil).Span()

	parts, err := tab.LookupDuring("APJ", aug)
	require.NoError(t, err)
	require.Len(t, parts, 2)
	assert.True(t, parts[0].Span.Equal(calendar.Span{Start: tblDate(2019, 8, 1), End: tblDate(2019, 8, 2)}), "%s", parts[0].Span)
	assert.Equal(t, "2 PM to 8 PM", parts[0].Region.Window.String())
	assert.True(t, parts[1].Span.Equal(calendar.Span{Start: tblDate(2019, 8, 2), End: tblDate(2019, 9, 1)}), "%s", parts[1].Span)
	assert.Equal(t, "3 PM to 8 PM", parts[1].Region.Window.String())
	var total time.Duration
	for _, p := range parts {
		total += p.Region.Window.Overlap(p.Span)
	}
	assert.Equal(t, 156*time.Hour, total)

	// NAM did not change between the seed and the later edition: one part.
	may2020 := calendar.NewMonth(2020, time.May, nil).Span()
	span := calendar.Span{Start: tblDate(2020, 4, 15), End: tblDate(2020, 5, 15)}
	parts, err = tab.LookupDuring("nam", span)
	require.NoError(t, err)
	require.Len(t, parts, 1)
	assert.True(t, parts[0].Span.Equal(span))

	// ZAF exists only from 1 May 2020.
	parts, err = tab.LookupDuring("ZAF", calendar.Span{Start: tblDate(2020, 4, 1), End: may2020.End})
	require.NoError(t, err)
	require.Len(t, parts, 1)
	assert.True(t, parts[0].Span.Equal(may2020), "%s", parts[0].Span)
	assert.Equal(t, 31*9*time.Hour, parts[0].Region.Window.Overlap(parts[0].Span), "31 days × 9 hours")

	// Before every edition, empty spans, an unknown code: no parts.
	for _, s := range []calendar.Span{
		{Start: tblDate(2010, 1, 1), End: tblDate(2018, 6, 1)},
		{Start: tblDate(2020, 1, 1), End: tblDate(2020, 1, 1)},
	} {
		parts, err = tab.LookupDuring("APJ", s)
		require.NoError(t, err)
		assert.Empty(t, parts, "%s", s)
	}
	parts, err = Table{}.LookupDuring("APJ", aug)
	require.NoError(t, err)
	assert.Empty(t, parts)

	// The parts are in the location of the span asked about.
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	parts, err = tab.LookupDuring("APJ", calendar.NewMonth(2019, time.August, ny).Span())
	require.NoError(t, err)
	require.Len(t, parts, 2)
	assert.Equal(t, ny, parts[0].Span.Start.Location())
	assert.Equal(t, ny, parts[1].Span.End.Location())
	assert.True(t, parts[0].Span.End.Equal(tblDate(2019, 8, 2)))

	_, err = tab.LookupDuring("APJ", calendar.Span{Start: aug.End, End: aug.Start})
	require.ErrorIs(t, err, ErrInvalidTable)
	require.ErrorIs(t, err, calendar.ErrReversed)
}

func TestNewTableErrors(t *testing.T) {
	w := tblWindow(t, "2 AM to 11 AM")
	day := tblDate(2020, 1, 1)
	for _, tc := range []struct {
		name string
		eds  []Edition
		want []string
	}{
		{"none", nil, []string{"no editions"}},
		{"zero effective", []Edition{{Regions: []Region{{Code: "NAM", Host: "h", Window: w}}}}, []string{"editions[0]: effective is the zero time"}},
		{"year 10000", []Edition{{Effective: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), Regions: []Region{{Code: "NAM", Host: "h", Window: w}}}},
			[]string{"editions[0]: effective 10000-01-01T00:00:00Z is outside years 0000 to 9999"}},
		{"no regions", []Edition{{Effective: day}}, []string{"editions[0]: regions is empty"}},
		{"empty code", []Edition{{Effective: day, Regions: []Region{{Code: " ", Host: "h", Window: w}}}}, []string{`editions[0].regions[0]: code " " is empty`}},
		{"duplicate code ignoring case", []Edition{{Effective: day, Regions: []Region{{Code: "NAM", Host: "h", Window: w}, {Code: "nam ", Host: "h", Window: w}}}},
			[]string{`editions[0].regions[1]: code "nam " repeats editions[0].regions[0]`}},
		{"empty host", []Edition{{Effective: day, Regions: []Region{{Code: "NAM", Host: "", Window: w}}}}, []string{`editions[0].regions[0] "NAM": host "" is empty`}},
		{"zero window", []Edition{{Effective: day, Regions: []Region{{Code: "NAM", Host: "h", Window: Window{}}}}}, []string{`editions[0].regions[0] "NAM": window is the zero Window`}},
		{"same instant twice", []Edition{
			{Effective: day, Regions: []Region{{Code: "NAM", Host: "h", Window: w}}},
			{Effective: day.In(time.FixedZone("UTC+1", 3600)), Regions: []Region{{Code: "NAM", Host: "h", Window: w}}},
		}, []string{"editions[0] and editions[1] are both in force from 2020-01-01T00:00:00Z"}},
		{"every problem at once", []Edition{{Regions: []Region{{Code: "", Host: "", Window: Window{}}}}},
			[]string{"zero time", "code", "host", "window"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := NewTable(tc.eds...)
			require.ErrorIs(t, err, ErrInvalidTable)
			for _, s := range tc.want {
				assert.Contains(t, err.Error(), s)
			}
			assert.Empty(t, tab.Editions())
		})
	}
}

func TestTableTrimsCodes(t *testing.T) {
	tab, err := NewTable(Edition{Effective: tblDate(2020, 1, 1), Regions: []Region{{Code: " NAM ", Host: " crm.dynamics.com ", Window: tblWindow(t, "2 AM to 11 AM")}}})
	require.NoError(t, err)
	r, ok := tab.Lookup("NAM", tblDate(2020, 1, 1))
	require.True(t, ok)
	assert.Equal(t, "NAM", r.Code)
	assert.Equal(t, "crm.dynamics.com", r.Host)
}

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
	r, ok := tab.Lookup("ZAF", tblDate(2020, 5, 1))
	require.True(t, ok)
	assert.Equal(t, tblWindow(t, "15:00-24:00"), r.Window, "untidy spellings parse")

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
			[]string{"editions[0].effective 20190802: want an RFC 3339 string"}, nil},
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

// FuzzParseTable: the loader never panics; what it accepts is sorted,
// writes back, and reads back to the same document.
func FuzzParseTable(f *testing.F) {
	f.Add(tblJSON)
	def, _ := json.Marshal(Dynamics())
	f.Add(string(def))
	f.Add(`{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[{"code":"X","host":"h","window":"19:30-01:00"}]}]}`)
	f.Add(`{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[{"code":"X","host":"h","window":"25 PM to 3 AM"}]}]}`)
	f.Add(`{"editions":null}`)
	f.Fuzz(func(t *testing.T, doc string) {
		tab, err := ParseTable(strings.NewReader(doc))
		if err != nil {
			if !errors.Is(err, ErrInvalidTable) {
				t.Fatalf("error does not wrap ErrInvalidTable: %v", err)
			}
			return
		}
		eds := tab.Editions()
		for i := 1; i < len(eds); i++ {
			if !eds[i-1].Effective.Before(eds[i].Effective) {
				t.Fatalf("not sorted")
			}
		}
		for _, e := range eds {
			for _, r := range e.Regions {
				got, ok := tab.Lookup(r.Code, e.Effective)
				if !ok || got != r {
					t.Fatalf("Lookup(%q, %s) = %v, %v; want %v", r.Code, e.Effective, got, ok, r)
				}
			}
		}
		b, err := json.Marshal(tab)
		if err != nil {
			t.Fatalf("accepted but cannot write back: %v", err)
		}
		back, err := ParseTable(strings.NewReader(string(b)))
		if err != nil {
			t.Fatalf("written form does not read back: %v\n%s", err, b)
		}
		b2, _ := json.Marshal(back)
		if string(b2) != string(b) {
			t.Fatalf("round trip changed the document:\n%s\n%s", b, b2)
		}
	})
}

// TestCodeKeyMatchesEqualFold: duplicate codes are found exactly as Lookup
// matches them, including the Kelvin sign, which folds to "k".
func TestCodeKeyMatchesEqualFold(t *testing.T) {
	pairs := [][2]string{{"K", "\u212a"}, {"apj", "APJ"}, {"ss", "ß"}, {"ſ", "S"}, {"Σ", "ς"}, {"NAM", "NAN"}}
	for _, p := range pairs {
		assert.Equal(t, strings.EqualFold(p[0], p[1]), codeKey(p[0]) == codeKey(p[1]), "%q %q", p[0], p[1])
	}
	_, err := NewTable(Edition{Effective: tblDate(2020, 1, 1), Regions: []Region{{Code: "K", Host: "h", Window: tblWindow(t, "1 AM to 2 AM")}, {Code: "\u212a", Host: "h", Window: tblWindow(t, "1 AM to 2 AM")}}})
	require.ErrorIs(t, err, ErrInvalidTable)
}
