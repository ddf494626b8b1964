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

// tblEditions returns three editions: an earlier one (hypothetical,
// 2018-06-01) in which APJ's window was 2 PM to 8 PM; the built-in one,
// as "Policies and Communications for Dynamics 365 for Customer
// Engagement" published it (2019-08-02); and a later one (hypothetical,
// 2020-05-01) that adds a region "ZAF" whose window is spelled "3 PM to
// 12 AM".
func tblEditions(t testing.TB) (earlier, published, later Edition) {
	t.Helper()
	earlier = Edition{Effective: utcDate(2018, time.June, 1), Regions: []Region{
		{Code: "NAM", Host: "crm.dynamics.com", Window: mustWindow(t, "2 AM to 11 AM")},
		{Code: "APJ", Host: "crm5.dynamics.com", Window: mustWindow(t, "2 PM to 8 PM")},
	}}
	published = Dynamics().Editions()[0]
	later = Edition{Effective: utcDate(2020, time.May, 1), Regions: append(Regions(),
		Region{Code: "ZAF", Host: "crm14.dynamics.com", Window: mustWindow(t, "3 PM to 12 AM")})}
	return earlier, published, later
}

func tblTable(t testing.TB) Table {
	t.Helper()
	earlier, published, later := tblEditions(t)
	tab, err := NewTable(later, earlier, published) // any order
	require.NoError(t, err)
	return tab
}

func TestTableLookupOverTime(t *testing.T) {
	tab := tblTable(t)
	published, laterDay := utcDate(2019, time.August, 2), utcDate(2020, time.May, 1)
	for _, tc := range []struct {
		name   string
		code   string
		at     time.Time
		window string // "" : not found
	}{
		{"before every edition", "APJ", utcDate(2018, time.May, 31), ""},
		{"first instant of the earlier edition", "APJ", utcDate(2018, time.June, 1), "2 PM to 8 PM"},
		{"last instant of the earlier edition", "apj", published.Add(-1), "2 PM to 8 PM"},
		{"published edition from its first instant", "APJ", published, "3 PM to 8 PM"},
		{"same instant seen from Tokyo", " APJ ", published.In(time.FixedZone("JST", 9*3600)), "3 PM to 8 PM"},
		{"a region only later editions have, before", "IND", published.Add(-1), ""},
		{"a region only later editions have, after", "IND", published, "7:30 PM to 1 AM"},
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
	assert.Len(t, tab.Regions(published.Add(-1)), 2)
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
	_, published, _ := tblEditions(t)
	tab, err := NewTable(published)
	require.NoError(t, err)
	published.Regions[0].Code = "XXX"
	_, ok := tab.Lookup("NAM", utcDate(2020, 1, 1))
	assert.True(t, ok, "changing the caller's slice does not change the table")
	eds := tab.Editions()
	eds[0].Regions[0].Code = "YYY"
	rs := tab.Regions(utcDate(2020, 1, 1))
	rs[1].Code = "ZZZ"
	e, _ := tab.EditionAt(utcDate(2020, 1, 1))
	e.Regions[2].Code = "QQQ"
	assert.Equal(t, Regions(), tab.Regions(utcDate(2020, 1, 1)), "returned slices are copies")
}

// TestTableLookupDuring works out APJ's window time in August 2019, the
// month the published edition took effect: on 1 August the earlier
// edition's 2 PM to 8 PM (6 hours), from 2 August the published 3 PM to
// 8 PM (5 hours a day for 30 days): 6 + 150 = 156 hours.
func TestTableLookupDuring(t *testing.T) {
	tab := tblTable(t)
	aug := calendar.NewMonth(2019, time.August, nil).Span()

	parts, err := tab.LookupDuring("APJ", aug)
	require.NoError(t, err)
	require.Len(t, parts, 2)
	assert.True(t, parts[0].Span.Equal(calendar.Span{Start: utcDate(2019, 8, 1), End: utcDate(2019, 8, 2)}), "%s", parts[0].Span)
	assert.Equal(t, "2 PM to 8 PM", parts[0].Region.Window.String())
	assert.True(t, parts[1].Span.Equal(calendar.Span{Start: utcDate(2019, 8, 2), End: utcDate(2019, 9, 1)}), "%s", parts[1].Span)
	assert.Equal(t, "3 PM to 8 PM", parts[1].Region.Window.String())
	var total time.Duration
	for _, p := range parts {
		total += p.Region.Window.Overlap(p.Span)
	}
	assert.Equal(t, 156*time.Hour, total)

	// NAM did not change between the published and the later edition: one part.
	may2020 := calendar.NewMonth(2020, time.May, nil).Span()
	span := calendar.Span{Start: utcDate(2020, 4, 15), End: utcDate(2020, 5, 15)}
	parts, err = tab.LookupDuring("nam", span)
	require.NoError(t, err)
	require.Len(t, parts, 1)
	assert.True(t, parts[0].Span.Equal(span))

	// ZAF exists only from 1 May 2020.
	parts, err = tab.LookupDuring("ZAF", calendar.Span{Start: utcDate(2020, 4, 1), End: may2020.End})
	require.NoError(t, err)
	require.Len(t, parts, 1)
	assert.True(t, parts[0].Span.Equal(may2020), "%s", parts[0].Span)
	assert.Equal(t, 31*9*time.Hour, parts[0].Region.Window.Overlap(parts[0].Span), "31 days × 9 hours")

	// Before every edition, empty spans, an unknown code: no parts.
	for _, s := range []calendar.Span{
		{Start: utcDate(2010, 1, 1), End: utcDate(2018, 6, 1)},
		{Start: utcDate(2020, 1, 1), End: utcDate(2020, 1, 1)},
	} {
		parts, err = tab.LookupDuring("APJ", s)
		require.NoError(t, err)
		assert.Empty(t, parts, "%s", s)
	}
	parts, err = Table{}.LookupDuring("APJ", aug)
	require.NoError(t, err)
	assert.Empty(t, parts)

	// The parts are in the location of the span asked about.
	ny := mustLoad(t, "America/New_York")
	parts, err = tab.LookupDuring("APJ", calendar.NewMonth(2019, time.August, ny).Span())
	require.NoError(t, err)
	require.Len(t, parts, 2)
	assert.Equal(t, ny, parts[0].Span.Start.Location())
	assert.Equal(t, ny, parts[1].Span.End.Location())
	assert.True(t, parts[0].Span.End.Equal(utcDate(2019, 8, 2)))

	_, err = tab.LookupDuring("APJ", calendar.Span{Start: aug.End, End: aug.Start})
	require.ErrorIs(t, err, ErrInvalidTable)
	require.ErrorIs(t, err, calendar.ErrReversed)
}

func TestNewTableErrors(t *testing.T) {
	w := mustWindow(t, "2 AM to 11 AM")
	day := utcDate(2020, 1, 1)
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
		// A code may hold 32 bytes, a host 253 (a DNS name).
		{"code of 33 bytes", []Edition{{Effective: day, Regions: []Region{{Code: strings.Repeat("C", 33), Host: "h", Window: w}}}},
			[]string{`code "` + strings.Repeat("C", 33) + `" is longer than 32 bytes`}},
		{"host of 254 bytes", []Edition{{Effective: day, Regions: []Region{{Code: "NAM", Host: strings.Repeat("h", 254), Window: w}}}},
			[]string{`host "` + strings.Repeat("h", 60) + `"... (254 bytes) is longer than 253 bytes`}},
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

// TestNewTableEffectiveYears: an edition may take effect in any year from
// 0000 to 9999 (UTC), both included, but not at the zero time.
func TestNewTableEffectiveYears(t *testing.T) {
	regions := []Region{{Code: "X", Host: "x.example", Window: mustWindow(t, "1 AM to 2 AM")}}
	tests := []struct {
		name      string
		effective time.Time
		err       string
	}{
		{"year 0", time.Date(0, 6, 1, 0, 0, 0, 0, time.UTC), ""},
		{"year 9999", time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), ""},
		{"year 10000", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "outside years 0000 to 9999"},
		{"year -1", time.Date(-1, 12, 31, 0, 0, 0, 0, time.UTC), "outside years 0000 to 9999"},
		// 9999-12-31 20:00 in New York is already year 10000 in UTC.
		{"year 10000 in UTC", time.Date(9999, 12, 31, 20, 0, 0, 0, time.FixedZone("UTC-5", -5*3600)), "outside years 0000 to 9999"},
		{"zero time", time.Time{}, "effective is the zero time"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := NewTable(Edition{Effective: tc.effective, Regions: regions})
			if tc.err == "" {
				require.NoError(t, err)
				r, ok := tab.Lookup("x", tc.effective)
				assert.True(t, ok)
				assert.Equal(t, "X", r.Code)
				return
			}
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrInvalidTable))
			assert.Contains(t, err.Error(), tc.err)
		})
	}
}

func TestTableTrimsCodes(t *testing.T) {
	tab, err := NewTable(Edition{Effective: utcDate(2020, 1, 1), Regions: []Region{{Code: " NAM ", Host: " crm.dynamics.com ", Window: mustWindow(t, "2 AM to 11 AM")}}})
	require.NoError(t, err)
	r, ok := tab.Lookup("NAM", utcDate(2020, 1, 1))
	require.True(t, ok)
	assert.Equal(t, "NAM", r.Code)
	assert.Equal(t, "crm.dynamics.com", r.Host)
}

// TestCodeKeyMatchesEqualFold: duplicate codes are found exactly as Lookup
// matches them, including the Kelvin sign, which folds to "k".
func TestCodeKeyMatchesEqualFold(t *testing.T) {
	pairs := [][2]string{{"K", "\u212a"}, {"apj", "APJ"}, {"ss", "ß"}, {"ſ", "S"}, {"Σ", "ς"}, {"NAM", "NAN"}}
	for _, p := range pairs {
		assert.Equal(t, strings.EqualFold(p[0], p[1]), codeKey(p[0]) == codeKey(p[1]), "%q %q", p[0], p[1])
	}
	_, err := NewTable(Edition{Effective: utcDate(2020, 1, 1), Regions: []Region{{Code: "K", Host: "h", Window: mustWindow(t, "1 AM to 2 AM")}, {Code: "\u212a", Host: "h", Window: mustWindow(t, "1 AM to 2 AM")}}})
	require.ErrorIs(t, err, ErrInvalidTable)
}
