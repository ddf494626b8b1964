package dated

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func name(i int) string { return fmt.Sprintf("versions[%d]", i) }

// mustLoad loads a zone of the tz database or fails the test.
func mustLoad(t *testing.T, zone string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	require.NoError(t, err)
	return loc
}

// entries returns the instants and values of l, in order.
func entries[T any](l List[T]) ([]time.Time, []T) {
	var from []time.Time
	var values []T
	for k := range l.Len() {
		at, v := l.Entry(k)
		from = append(from, at)
		values = append(values, v)
	}
	return from, values
}

func TestNew(t *testing.T) {
	plus1 := time.FixedZone("UTC+1", 3600)
	tests := []struct {
		name      string
		effective []time.Time
		values    []string
		from      []time.Time // the sorted instants; nil with problems
		want      []string    // the values in that order
		problems  []string
	}{
		{"none", nil, nil, nil, nil, nil},
		{"one", []time.Time{day(2019, 8, 2)}, []string{"a"}, []time.Time{day(2019, 8, 2)}, []string{"a"}, nil},
		{"out of order", []time.Time{day(2021, 1, 1), day(2019, 1, 1), day(2020, 1, 1)}, []string{"c", "a", "b"},
			[]time.Time{day(2019, 1, 1), day(2020, 1, 1), day(2021, 1, 1)}, []string{"a", "b", "c"}, nil},
		// Compared as instants: 00:30+01:00 is before 00:00 UTC.
		{"sorted as instants", []time.Time{day(2020, 1, 1), time.Date(2020, 1, 1, 0, 30, 0, 0, plus1)}, []string{"utc", "plus1"},
			[]time.Time{time.Date(2020, 1, 1, 0, 30, 0, 0, plus1), day(2020, 1, 1)}, []string{"plus1", "utc"}, nil},
		// Years 0000 and 9999 (UTC) are both in range.
		{"first and last years", []time.Time{time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), time.Date(0, 6, 1, 0, 0, 0, 0, time.UTC)}, []string{"last", "first"},
			[]time.Time{time.Date(0, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)}, []string{"first", "last"}, nil},
		{"zero instant", []time.Time{day(2020, 1, 1), {}}, []string{"a", "b"}, nil, nil,
			[]string{"versions[1]: effective is the zero time (set the instant it took effect)"}},
		// Two zero instants are two problems, not one in force twice.
		{"two zero instants", []time.Time{{}, {}}, []string{"a", "b"}, nil, nil, []string{
			"versions[0]: effective is the zero time (set the instant it took effect)",
			"versions[1]: effective is the zero time (set the instant it took effect)"}},
		{"year 10000", []time.Time{time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}, []string{"a"}, nil, nil,
			[]string{"versions[0]: effective 10000-01-01T00:00:00Z is outside years 0000 to 9999 (UTC)"}},
		{"year -1", []time.Time{time.Date(-1, 12, 31, 0, 0, 0, 0, time.UTC)}, []string{"a"}, nil, nil,
			[]string{"versions[0]: effective -0001-12-31T00:00:00Z is outside years 0000 to 9999 (UTC)"}},
		// 9999-12-31 20:00 at UTC−5 is already year 10000 in UTC.
		{"year 10000 in UTC only", []time.Time{time.Date(9999, 12, 31, 20, 0, 0, 0, time.FixedZone("UTC-5", -5*3600))}, []string{"a"}, nil, nil,
			[]string{"versions[0]: effective 9999-12-31T20:00:00-05:00 is outside years 0000 to 9999 (UTC)"}},
		// The same instant in two locations, written as the earlier-named
		// entry writes it.
		{"the same instant twice", []time.Time{day(2020, 1, 1).In(plus1), day(2020, 1, 1)}, []string{"a", "b"}, nil, nil,
			[]string{"versions[0] and versions[1] are both in force from 2020-01-01T01:00:00+01:00"}},
		// Stable: three entries at one instant are reported pairwise in
		// the order given, lower index first.
		{"three at one instant", []time.Time{day(2021, 1, 1), day(2020, 1, 1), day(2021, 1, 1), day(2021, 1, 1)}, []string{"a", "b", "c", "d"}, nil, nil, []string{
			"versions[0] and versions[2] are both in force from 2021-01-01T00:00:00Z",
			"versions[2] and versions[3] are both in force from 2021-01-01T00:00:00Z"}},
		{"every problem at once", []time.Time{{}, day(2020, 1, 1), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), day(2020, 1, 1)}, []string{"a", "b", "c", "d"}, nil, nil, []string{
			"versions[0]: effective is the zero time (set the instant it took effect)",
			"versions[2]: effective 10000-01-01T00:00:00Z is outside years 0000 to 9999 (UTC)",
			"versions[1] and versions[3] are both in force from 2020-01-01T00:00:00Z"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, problems := New(tc.effective, tc.values, name)
			assert.Equal(t, tc.problems, problems)
			if tc.problems != nil {
				assert.Equal(t, 0, l.Len(), "the zero List with problems")
				return
			}
			from, values := entries(l)
			require.Len(t, from, len(tc.from))
			for k := range from {
				assert.True(t, tc.from[k].Equal(from[k]), "entry %d: %s, want %s", k, from[k], tc.from[k])
			}
			assert.Equal(t, tc.want, values)
		})
	}
}

func TestNewCopies(t *testing.T) {
	effective := []time.Time{day(2020, 1, 1), day(2019, 1, 1)}
	values := []string{"b", "a"}
	l, problems := New(effective, values, name)
	require.Empty(t, problems)
	assert.Equal(t, []time.Time{day(2020, 1, 1), day(2019, 1, 1)}, effective, "the caller's slices are not sorted")
	assert.Equal(t, []string{"b", "a"}, values)
	effective[0], values[0] = day(2018, 1, 1), "changed"
	from, got := entries(l)
	assert.Equal(t, []string{"a", "b"}, got, "changing the caller's slices does not change the list")
	assert.True(t, from[1].Equal(day(2020, 1, 1)))
}

func testList(t *testing.T) List[string] {
	t.Helper()
	l, problems := New([]time.Time{day(2020, 1, 20), day(2020, 1, 1), day(2020, 1, 10)}, []string{"c", "a", "b"}, name)
	require.Empty(t, problems)
	return l
}

// TestIndex: an entry is in force from its instant, inclusive, until the
// next entry's, exclusive.
func TestIndex(t *testing.T) {
	l := testList(t)
	tokyo := time.FixedZone("JST", 9*3600)
	tests := []struct {
		name string
		at   time.Time
		want int
	}{
		{"the zero time", time.Time{}, -1},
		{"1 ns before the first", day(2020, 1, 1).Add(-1), -1},
		{"the first instant of the first", day(2020, 1, 1), 0},
		{"the first, seen from Tokyo", day(2020, 1, 1).In(tokyo), 0},
		{"1 ns before the second", day(2020, 1, 10).Add(-1), 0},
		{"the first instant of the second", day(2020, 1, 10), 1},
		{"the last", day(2020, 1, 20), 2},
		{"long after", day(9999, 12, 31), 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, l.Index(tc.at))
		})
	}
	var none List[string]
	assert.Equal(t, -1, none.Index(day(2020, 1, 1)))
	assert.Equal(t, 0, none.Len())
}

type part struct {
	span calendar.Span
	k    int
}

func collect(l List[string], s calendar.Span) []part {
	var out []part
	for sp, k := range l.Within(s) {
		out = append(out, part{sp, k})
	}
	return out
}

// TestWithin: a span is split at the entries' instants; time before the
// first entry is in no part; parts are never empty and are in s.Start's
// location.
func TestWithin(t *testing.T) {
	l := testList(t)
	span := func(a, b time.Time) calendar.Span { return calendar.Span{Start: a, End: b} }
	tests := []struct {
		name string
		s    calendar.Span
		want []part
	}{
		{"across two entries, from before the first", span(day(2019, 12, 25), day(2020, 1, 15)),
			[]part{{span(day(2020, 1, 1), day(2020, 1, 10)), 0}, {span(day(2020, 1, 10), day(2020, 1, 15)), 1}}},
		{"exactly one entry's time", span(day(2020, 1, 10), day(2020, 1, 20)),
			[]part{{span(day(2020, 1, 10), day(2020, 1, 20)), 1}}},
		{"inside one entry", span(day(2020, 1, 11), day(2020, 1, 12)),
			[]part{{span(day(2020, 1, 11), day(2020, 1, 12)), 1}}},
		{"a nanosecond either side of an instant", span(day(2020, 1, 20).Add(-1), day(2020, 1, 20).Add(1)),
			[]part{{span(day(2020, 1, 20).Add(-1), day(2020, 1, 20)), 1}, {span(day(2020, 1, 20), day(2020, 1, 20).Add(1)), 2}}},
		{"after the last", span(day(2021, 1, 1), day(2022, 1, 1)),
			[]part{{span(day(2021, 1, 1), day(2022, 1, 1)), 2}}},
		{"every entry", span(day(2019, 1, 1), day(2021, 1, 1)),
			[]part{{span(day(2020, 1, 1), day(2020, 1, 10)), 0}, {span(day(2020, 1, 10), day(2020, 1, 20)), 1}, {span(day(2020, 1, 20), day(2021, 1, 1)), 2}}},
		{"ending at the first instant", span(day(2019, 1, 1), day(2020, 1, 1)), nil},
		{"before the first", span(day(2019, 1, 1), day(2019, 2, 1)), nil},
		{"empty", span(day(2020, 1, 11), day(2020, 1, 11)), nil},
		{"reversed", span(day(2020, 1, 12), day(2020, 1, 11)), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := collect(l, tc.s)
			require.Len(t, got, len(tc.want), "%v", got)
			for i := range got {
				assert.True(t, tc.want[i].span.Equal(got[i].span), "part %d: %s, want %s", i, got[i].span, tc.want[i].span)
				assert.Equal(t, tc.want[i].k, got[i].k, "part %d", i)
				assert.False(t, got[i].span.IsEmpty())
			}
		})
	}

	// Parts are in s.Start's location, both ends.
	ny := mustLoad(t, "America/New_York")
	got := collect(l, calendar.Span{Start: day(2020, 1, 5).In(ny), End: day(2020, 1, 15)})
	require.Len(t, got, 2)
	for _, p := range got {
		assert.Equal(t, ny, p.span.Start.Location())
		assert.Equal(t, ny, p.span.End.Location())
	}

	// Stopping early is honoured.
	n := 0
	for range l.Within(calendar.Span{Start: day(2019, 1, 1), End: day(2021, 1, 1)}) {
		n++
		break
	}
	assert.Equal(t, 1, n)
	var none List[string]
	assert.Empty(t, collect(none, calendar.Span{Start: day(2019, 1, 1), End: day(2021, 1, 1)}))
}

// TestFormat: an instant is written in its own location when that reads
// back as the same instant, and in UTC otherwise; either way it reads back.
func TestFormat(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	tests := []struct {
		name string
		t    time.Time
		want string
	}{
		{"UTC", day(2019, 8, 2), "2019-08-02T00:00:00Z"},
		{"an offset is kept", time.Date(2018, 6, 1, 0, 0, 0, 0, time.FixedZone("", 8*3600)), "2018-06-01T00:00:00+08:00"},
		{"a zone is written as its offset", time.Date(2024, 3, 10, 3, 0, 0, 0, ny), "2024-03-10T03:00:00-04:00"},
		{"nanoseconds", day(2020, 1, 1).Add(1), "2020-01-01T00:00:00.000000001Z"},
		// An offset of 2 h 0 min 1 s cannot be written in RFC 3339.
		{"an offset that is not a whole minute", time.Date(2020, 1, 1, 0, 0, 0, 0, time.FixedZone("LMT", 7201)), "2019-12-31T21:59:59Z"},
		// 9999-12-31 23:30 UTC is year 10000 at UTC+1; 0000-01-01 00:30 UTC
		// is year -1 at UTC−1.
		{"a local year after 9999", time.Date(9999, 12, 31, 23, 30, 0, 0, time.UTC).In(time.FixedZone("", 3600)), "9999-12-31T23:30:00Z"},
		{"a local year before 0000", time.Date(0, 1, 1, 0, 30, 0, 0, time.UTC).In(time.FixedZone("", -3600)), "0000-01-01T00:30:00Z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Format(tc.t)
			assert.Equal(t, tc.want, got)
			back, err := time.Parse(time.RFC3339Nano, got)
			require.NoError(t, err)
			assert.True(t, back.Equal(tc.t), "reads back as %s", back)
		})
	}
}

// TestParseEffective: an RFC 3339 instant, with nanoseconds and an offset,
// reads back as the instant; absent is the zero time; a number, or text
// that is not RFC 3339, is an error naming the entry and quoting the value.
func TestParseEffective(t *testing.T) {
	errTest := errors.New("test: invalid")
	at, err := ParseEffective(json.RawMessage(`"2019-08-02T00:00:00.5+02:00"`), "editions[0]", errTest)
	require.NoError(t, err)
	assert.True(t, at.Equal(time.Date(2019, 8, 1, 22, 0, 0, 5e8, time.UTC)))
	at, err = ParseEffective(nil, "editions[0]", errTest)
	require.NoError(t, err)
	assert.True(t, at.IsZero())
	for _, raw := range []string{`2019`, `"2019-08-02"`, `"yesterday"`, `null`} {
		_, err := ParseEffective(json.RawMessage(raw), "editions[3]", errTest)
		if raw == `null` {
			assert.NoError(t, err, "null reads as missing only in an object's fields; as a value it is no string")
			continue
		}
		require.ErrorIs(t, err, errTest, raw)
		assert.Contains(t, err.Error(), "editions[3].effective")
		assert.Contains(t, err.Error(), "want an RFC 3339 instant")
	}
}
