package versions

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/sla"
)

// verDate is midnight UTC starting the given day.
func verDate(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// verStricter is a hypothetical later SLA version (not a published one):
// level 99.95 % with a 10 % tier below it, then the Dynamics CRM Online
// tiers.
func verStricter() sla.Policy {
	p := sla.DynamicsCRMOnline()
	p.Level = decimal.RequireFromString("99.95")
	p.Tiers = append([]sla.Tier{{Below: decimal.RequireFromString("99.95"), Credit: decimal.RequireFromString("10")}}, p.Tiers...)
	return p
}

// verMinutes is a hypothetical third version that counts whole minutes.
func verMinutes() sla.Policy {
	p := verStricter()
	p.Resolution = time.Minute
	return p
}

// verFixture is three versions given out of order, and a subscription
// from 15 March 2020 with three yearly terms:
//
//	terms[0] [2020-03-15, 2021-03-15)  starts under "2019-07"
//	terms[1] [2021-03-15, 2022-03-15)  starts under "2020-10"
//	terms[2] [2022-03-15, 2023-03-15)  starts exactly when "2022-03-15" takes effect
func verFixture(t *testing.T) (History, Subscription) {
	t.Helper()
	vs, err := New(
		Version{Name: "2020-10", Effective: verDate(2020, time.October, 1), Policy: verStricter()},
		Version{Name: "2019-07", Effective: verDate(2019, time.July, 1), Policy: sla.DynamicsCRMOnline()},
		Version{Name: "2022-03-15", Effective: verDate(2022, time.March, 15), Policy: verMinutes()},
	)
	require.NoError(t, err)
	sub, err := NewSubscription(verDate(2020, time.March, 15), 12, 3)
	require.NoError(t, err)
	return vs, sub
}

func TestNewVersionsSorts(t *testing.T) {
	vs, _ := verFixture(t)
	require.Equal(t, 3, vs.Len())
	var names []string
	for _, v := range vs.List() {
		names = append(names, v.Name)
	}
	assert.Equal(t, []string{"2019-07", "2020-10", "2022-03-15"}, names)
}

func TestVersionsAt(t *testing.T) {
	vs, _ := verFixture(t)
	for _, tc := range []struct {
		name string
		at   time.Time
		want string // "" : none
	}{
		{"before the first version", verDate(2019, time.June, 30), ""},
		{"1ns before the first version", verDate(2019, time.July, 1).Add(-1), ""},
		{"exactly at Effective is current", verDate(2019, time.July, 1), "2019-07"},
		{"between versions", verDate(2020, time.September, 30), "2019-07"},
		{"1ns before the second", verDate(2020, time.October, 1).Add(-1), "2019-07"},
		{"at the second", verDate(2020, time.October, 1), "2020-10"},
		{"same instant in another location", verDate(2020, time.October, 1).In(time.FixedZone("UTC-4", -4*3600)), "2020-10"},
		{"long after the last", verDate(2099, time.January, 1), "2022-03-15"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, ok := vs.At(tc.at)
			assert.Equal(t, tc.want != "", ok)
			assert.Equal(t, tc.want, v.Name)
		})
	}
	_, ok := History{}.At(verDate(2020, time.January, 1))
	assert.False(t, ok, "the zero History holds no version")
}

// governing returns the version of the first subscribed part of month m:
// the version of the term in force at the month's first subscribed
// instant.
func governing(h History, sub Subscription, m calendar.Month) (Version, error) {
	parts, err := h.Governing(sub, m)
	if err != nil {
		return Version{}, err
	}
	return parts[0].Version, nil
}

// TestGoverning works through the SLA's first paragraph: "fixed for the
// duration of the initial term", and "the version of this SLA that is
// current at the time the renewal term commences will apply throughout the
// renewal term".
func TestGoverning(t *testing.T) {
	vs, sub := verFixture(t)
	for _, tc := range []struct {
		name  string
		month calendar.Month
		want  string
		err   error
	}{
		{"month before the subscription", calendar.NewMonth(2020, time.February, nil), "", sla.ErrNotSubscribed},
		{"first, partial month: the initial term", calendar.NewMonth(2020, time.March, nil), "2019-07", nil},
		// 2020-10 is current from 1 October 2020, but the initial term began
		// under 2019-07 and stays on it.
		{"initial term keeps its version after a new one", calendar.NewMonth(2020, time.November, nil), "2019-07", nil},
		{"last whole month of the initial term", calendar.NewMonth(2021, time.February, nil), "2019-07", nil},
		// March 2021 starts in the initial term; the renewal begins on 15 March.
		{"month straddling the renewal: term in force at its first instant", calendar.NewMonth(2021, time.March, nil), "2019-07", nil},
		{"first whole month of the renewal", calendar.NewMonth(2021, time.April, nil), "2020-10", nil},
		{"second renewal starts exactly at a version's Effective", calendar.NewMonth(2022, time.April, nil), "2022-03-15", nil},
		{"straddles the second renewal", calendar.NewMonth(2022, time.March, nil), "2020-10", nil},
		{"last, partial month", calendar.NewMonth(2023, time.March, nil), "2022-03-15", nil},
		{"after the last term", calendar.NewMonth(2023, time.April, nil), "", sla.ErrNotSubscribed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := governing(vs, sub, tc.month)
			if tc.err != nil {
				require.ErrorIs(t, err, tc.err)
				assert.Contains(t, err.Error(), tc.month.String())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, v.Name)
		})
	}
}

func TestGoverningPolicyIsTheVersionsPolicy(t *testing.T) {
	vs, sub := verFixture(t)
	v, err := governing(vs, sub, calendar.NewMonth(2021, time.June, nil))
	require.NoError(t, err)
	assert.True(t, decimal.RequireFromString("99.95").Equal(v.Policy.Level), "got level %s", v.Policy.Level)
	require.NoError(t, v.Policy.Validate())
}

func TestGoverningParts(t *testing.T) {
	vs, sub := verFixture(t)

	parts, err := vs.Governing(sub, calendar.NewMonth(2021, time.March, nil))
	require.NoError(t, err)
	require.Len(t, parts, 2)
	assert.True(t, parts[0].Span.Equal(calendar.Span{Start: verDate(2021, time.March, 1), End: verDate(2021, time.March, 15)}), "%s", parts[0].Span)
	assert.Equal(t, 0, parts[0].Term)
	assert.Equal(t, "2019-07", parts[0].Version.Name)
	assert.True(t, parts[1].Span.Equal(calendar.Span{Start: verDate(2021, time.March, 15), End: verDate(2021, time.April, 1)}), "%s", parts[1].Span)
	assert.Equal(t, 1, parts[1].Term)
	assert.Equal(t, "2020-10", parts[1].Version.Name)
	// 14 days + 17 days = March's 31.
	assert.Equal(t, 14*24*time.Hour, parts[0].Span.Duration())
	assert.Equal(t, 17*24*time.Hour, parts[1].Span.Duration())

	parts, err = vs.Governing(sub, calendar.NewMonth(2020, time.March, nil))
	require.NoError(t, err)
	require.Len(t, parts, 1, "the month the subscription starts in has only its subscribed part")
	assert.True(t, parts[0].Span.Equal(calendar.Span{Start: verDate(2020, time.March, 15), End: verDate(2020, time.April, 1)}))

	parts, err = vs.Governing(sub, calendar.NewMonth(2020, time.June, nil))
	require.NoError(t, err)
	require.Len(t, parts, 1)
	assert.True(t, parts[0].Span.Equal(calendar.NewMonth(2020, time.June, nil).Span()), "a month inside a term is one part")
}

// TestGoverningLocation: a renewal at midnight UTC on 1 March 2021 falls
// at 19:00 on 28 February in New York, so New York's February has five
// hours of the renewal term, and is still governed by the initial term.
func TestGoverningLocation(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	vs, _ := verFixture(t)
	sub, err := NewSubscription(verDate(2020, time.March, 1), 12, 2)
	require.NoError(t, err)

	feb := calendar.NewMonth(2021, time.February, ny)
	v, err := governing(vs, sub, feb)
	require.NoError(t, err)
	assert.Equal(t, "2019-07", v.Name)
	parts, err := vs.Governing(sub, feb)
	require.NoError(t, err)
	require.Len(t, parts, 2)
	assert.Equal(t, 5*time.Hour, parts[1].Span.Duration())
	assert.Equal(t, "2020-10", parts[1].Version.Name)
	assert.Equal(t, ny, parts[1].Span.Start.Location(), "parts are in the month's location")

	v, err = governing(vs, sub, calendar.NewMonth(2021, time.March, ny))
	require.NoError(t, err)
	assert.Equal(t, "2020-10", v.Name)
}

func TestGoverningNoVersion(t *testing.T) {
	vs, _ := verFixture(t)
	sub, err := NewSubscription(verDate(2019, time.January, 1), 12, 2)
	require.NoError(t, err)
	_, err = governing(vs, sub, calendar.NewMonth(2019, time.August, nil))
	require.ErrorIs(t, err, ErrNoVersion, "the initial term began before 2019-07 took effect")
	assert.Contains(t, err.Error(), "2019-01-01T00:00:00Z")
	assert.Contains(t, err.Error(), `"2019-07"`)
	// The renewal began on 2020-01-01, under 2019-07.
	v, err := governing(vs, sub, calendar.NewMonth(2020, time.August, nil))
	require.NoError(t, err)
	assert.Equal(t, "2019-07", v.Name)

	_, err = History{}.Governing(sub, calendar.NewMonth(2020, time.August, nil))
	require.ErrorIs(t, err, ErrNoVersion)
	assert.Contains(t, err.Error(), "no versions")

	_, err = governing(vs, sub, calendar.Month{})
	require.ErrorIs(t, err, ErrInvalidSubscription)
}

func TestGoverningLapse(t *testing.T) {
	vs, _ := verFixture(t)
	sub := Subscription{Terms: []calendar.Span{
		{Start: verDate(2020, time.January, 1), End: verDate(2020, time.July, 1)},
		{Start: verDate(2020, time.November, 10), End: verDate(2021, time.November, 10)},
	}}
	_, err := governing(vs, sub, calendar.NewMonth(2020, time.August, nil))
	require.ErrorIs(t, err, sla.ErrNotSubscribed, "the lapse is in no term")
	v, err := governing(vs, sub, calendar.NewMonth(2020, time.November, nil))
	require.NoError(t, err)
	assert.Equal(t, "2020-10", v.Name, "after a lapse the renewal's first subscribed instant decides")
}

func TestNewVersionsErrors(t *testing.T) {
	bad := sla.DynamicsCRMOnline()
	bad.CreditCap = decimal.Decimal{}
	bad.Level = decimal.RequireFromString("101")
	east := time.FixedZone("UTC+2", 2*3600)
	for _, tc := range []struct {
		name string
		vs   []Version
		want []string
		is   []error
	}{
		{"none", nil, []string{"no versions"}, nil},
		{"empty name", []Version{{Name: " ", Effective: verDate(2019, 7, 1), Policy: sla.DynamicsCRMOnline()}},
			[]string{`versions[0]: name " " is empty`}, nil},
		{"zero effective", []Version{{Name: "a", Policy: sla.DynamicsCRMOnline()}},
			[]string{`versions[0] "a": effective is the zero time`}, nil},
		{"duplicate name", []Version{
			{Name: "a", Effective: verDate(2019, 7, 1), Policy: sla.DynamicsCRMOnline()},
			{Name: "a", Effective: verDate(2020, 7, 1), Policy: sla.DynamicsCRMOnline()},
		}, []string{`versions[1]: name "a" repeats versions[0]`}, nil},
		{"same instant in two locations", []Version{
			{Name: "b", Effective: verDate(2020, 7, 1), Policy: sla.DynamicsCRMOnline()},
			{Name: "x", Effective: verDate(2021, 7, 1), Policy: sla.DynamicsCRMOnline()},
			{Name: "a", Effective: verDate(2020, 7, 1).In(east), Policy: sla.DynamicsCRMOnline()},
		}, []string{`versions[0] "b" and versions[2] "a" are both in force from 2020-07-01T00:00:00Z`}, nil},
		{"invalid policy, every problem named", []Version{
			{Name: "ok", Effective: verDate(2019, 7, 1), Policy: sla.DynamicsCRMOnline()},
			{Name: "broken", Effective: verDate(2020, 7, 1), Policy: bad},
		}, []string{`versions[1] "broken": policy: sla: invalid policy: level "101"`, `versions[1] "broken": policy: sla: invalid policy: creditCap`},
			[]error{sla.ErrInvalidPolicy}},
		{"several problems at once", []Version{
			{Name: "", Policy: sla.Policy{}},
		}, []string{"name", "zero time", "policy"}, []error{sla.ErrInvalidPolicy}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			vs, err := New(tc.vs...)
			require.ErrorIs(t, err, ErrInvalid)
			for _, e := range tc.is {
				require.ErrorIs(t, err, e)
			}
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.Equal(t, 0, vs.Len())
		})
	}
}

func TestVersionsImmutable(t *testing.T) {
	p := sla.DynamicsCRMOnline()
	vs, err := New(Version{Name: "2019-07", Effective: verDate(2019, 7, 1), Policy: p})
	require.NoError(t, err)
	p.Tiers[0].Credit = decimal.RequireFromString("99")
	p.ExcludedCauses[0] = "typo"
	got := vs.List()[0]
	require.NoError(t, got.Policy.Validate(), "changing the caller's slices does not change the set")
	got.Policy.Tiers[0].Credit = decimal.RequireFromString("99")
	again, _ := vs.At(verDate(2020, 1, 1))
	assert.True(t, decimal.RequireFromString("25").Equal(again.Policy.Tiers[0].Credit), "changing a returned version does not change the set")
}

func TestNewSubscription(t *testing.T) {
	// One-month terms from 31 January 2024: each end counted from the start,
	// clamped to the month's last day (29 February 2024 is a leap day).
	sub, err := NewSubscription(time.Date(2024, time.January, 31, 9, 30, 0, 0, time.UTC), 1, 4)
	require.NoError(t, err)
	want := []time.Time{
		time.Date(2024, time.January, 31, 9, 30, 0, 0, time.UTC),
		time.Date(2024, time.February, 29, 9, 30, 0, 0, time.UTC),
		time.Date(2024, time.March, 31, 9, 30, 0, 0, time.UTC),
		time.Date(2024, time.April, 30, 9, 30, 0, 0, time.UTC),
		time.Date(2024, time.May, 31, 9, 30, 0, 0, time.UTC),
	}
	require.Len(t, sub.Terms, 4)
	for i, term := range sub.Terms {
		assert.True(t, term.Start.Equal(want[i]), "terms[%d].Start %s", i, term.Start)
		assert.True(t, term.End.Equal(want[i+1]), "terms[%d].End %s", i, term.End)
	}
	require.NoError(t, sub.Validate())

	// Yearly terms in New York keep the local wall-clock time across DST.
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	sub, err = NewSubscription(time.Date(2023, time.July, 1, 0, 0, 0, 0, ny), 12, 2)
	require.NoError(t, err)
	assert.Equal(t, time.Date(2025, time.July, 1, 0, 0, 0, 0, ny), sub.Terms[1].End)

	for _, tc := range []struct {
		name         string
		start        time.Time
		months, n    int
		wantContains string
	}{
		{"zero start", time.Time{}, 12, 1, "start is the zero time"},
		{"zero months", verDate(2020, 1, 1), 0, 1, "termMonths 0"},
		{"too many months", verDate(2020, 1, 1), 1201, 1, "termMonths 1201"},
		{"no terms", verDate(2020, 1, 1), 12, 0, "terms 0"},
		{"too many terms", verDate(2020, 1, 1), 12, 1201, "terms 1201"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewSubscription(tc.start, tc.months, tc.n)
			require.ErrorIs(t, err, ErrInvalidSubscription)
			assert.Contains(t, err.Error(), tc.wantContains)
		})
	}
}

func TestSubscriptionValidate(t *testing.T) {
	a, b, c := verDate(2020, 1, 1), verDate(2021, 1, 1), verDate(2022, 1, 1)
	for _, tc := range []struct {
		name string
		sub  Subscription
		want string
		is   error
	}{
		{"no terms", Subscription{}, "terms is empty", nil},
		{"reversed", Subscription{Terms: []calendar.Span{{Start: b, End: a}}}, "terms[0]", calendar.ErrReversed},
		{"empty", Subscription{Terms: []calendar.Span{{Start: a, End: a}}}, "terms[0]", nil},
		{"overlapping", Subscription{Terms: []calendar.Span{{Start: a, End: c}, {Start: b, End: c}}}, "terms[1] starts at 2021-01-01T00:00:00Z, before terms[0] ends at 2022-01-01T00:00:00Z", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.sub.Validate()
			require.ErrorIs(t, err, ErrInvalidSubscription)
			if tc.is != nil {
				require.ErrorIs(t, err, tc.is)
			}
			assert.Contains(t, err.Error(), tc.want)
			vs, _ := verFixture(t)
			_, err = governing(vs, tc.sub, calendar.NewMonth(2021, 6, nil))
			require.ErrorIs(t, err, ErrInvalidSubscription, "Governing validates the subscription")
		})
	}
	require.NoError(t, Subscription{Terms: []calendar.Span{{Start: a, End: b}, {Start: b, End: c}}}.Validate())
}

const verJSON = `{"versions":[
 {"name":"2020-10","effective":"2020-10-01T00:00:00Z","policy":{"level":"99.95","tiers":[{"below":"99.95","credit":"10"},{"below":"99.9","credit":"25"},{"below":"99","credit":"50"},{"below":"95","credit":"100"}],"noticeLead":"24h","intermittentLimit":"10m","excludedCauses":["outside-control"],"resolution":"0s","windowNeedsNotice":false,"creditCap":"100","currencyPlaces":2}},
 {"name":"2019-07","effective":"2019-07-01T00:00:00Z","policy":{"level":"99.9","tiers":[{"below":"99.9","credit":"25"},{"below":"99","credit":"50"},{"below":"95","credit":"100"}],"noticeLead":"24h0m0s","intermittentLimit":"10m0s","excludedCauses":["outside-control","add-on","customer-systems","customer-actions","ignored-advice","preview"],"resolution":"0s","windowNeedsNotice":false,"creditCap":"100","currencyPlaces":2}}
]}`

func TestVersionsJSON(t *testing.T) {
	vs, err := Parse(strings.NewReader(verJSON))
	require.NoError(t, err)
	require.Equal(t, 2, vs.Len())
	list := vs.List()
	assert.Equal(t, "2019-07", list[0].Name, "sorted by effective")
	assert.True(t, verDate(2020, time.October, 1).Equal(list[1].Effective))
	assert.True(t, decimal.RequireFromString("99.95").Equal(list[1].Policy.Level))
	assert.Equal(t, []sla.Cause{sla.CauseOutsideControl}, list[1].Policy.ExcludedCauses)

	b, err := json.Marshal(vs)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), `{"versions":[{"name":"2019-07","effective":"2019-07-01T00:00:00Z","policy":{"level":"99.9",`), "%s", b)
	var back History
	require.NoError(t, json.Unmarshal(b, &back))
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(b2), "round trip")

	_, err = json.Marshal(History{})
	require.ErrorIs(t, err, ErrInvalid)
}

func TestVersionsJSONErrors(t *testing.T) {
	good := `{"name":"a","effective":"2019-07-01T00:00:00Z","policy":` + verPolicyJSON(t) + `}`
	for _, tc := range []struct {
		name string
		doc  string
		want []string
		is   error
	}{
		{"not json", `{`, []string{"document is not a JSON object"}, nil},
		{"null", `null`, []string{"document is null"}, nil},
		{"unknown top key", `{"versions":[` + good + `],"Versions":[]}`, []string{`document has unknown key "Versions"`}, nil},
		{"no versions key", `{}`, []string{`versions is missing, want a list`}, nil},
		{"versions not a list", `{"versions":{}}`, []string{"versions {}: want a list"}, nil},
		{"empty list", `{"versions":[]}`, []string{"no versions"}, nil},
		{"item not an object", `{"versions":[1]}`, []string{"versions[0] 1 is not a JSON object"}, nil},
		{"unknown version key", `{"versions":[{"name":"a","effective":"2019-07-01T00:00:00Z","policy":{},"effectiveFrom":"x"}]}`,
			[]string{`versions[0] has unknown key "effectiveFrom"`}, nil},
		{"name not a string", `{"versions":[{"name":7,"effective":"2019-07-01T00:00:00Z","policy":` + verPolicyJSON(t) + `}]}`,
			[]string{"versions[0].name 7: want a string"}, nil},
		{"effective not RFC 3339", `{"versions":[{"name":"a","effective":"01/07/2019","policy":` + verPolicyJSON(t) + `}]}`,
			[]string{`versions[0].effective "01/07/2019": want an RFC 3339 instant`}, nil},
		{"effective a number", `{"versions":[{"name":"a","effective":2019,"policy":` + verPolicyJSON(t) + `}]}`,
			[]string{"versions[0].effective 2019: want an RFC 3339 string"}, nil},
		{"missing effective", `{"versions":[{"name":"a","policy":` + verPolicyJSON(t) + `}]}`,
			[]string{`versions[0] "a": effective is the zero time`}, nil},
		{"missing policy", `{"versions":[` + good + `,{"name":"b","effective":"2020-07-01T00:00:00Z"}]}`,
			[]string{`versions[1] has no "policy"`}, nil},
		{"policy with unknown key", `{"versions":[{"name":"a","effective":"2019-07-01T00:00:00Z","policy":{"level":"99.9","levle":"99"}}]}`,
			[]string{`versions[0].policy: sla: invalid policy: policy has unknown key "levle"`}, sla.ErrInvalidPolicy},
		{"policy invalid", `{"versions":[{"name":"a","effective":"2019-07-01T00:00:00Z","policy":{"level":"99.9"}}]}`,
			[]string{"versions[0].policy: sla: invalid policy: tiers is empty", "versions[0].policy: sla: invalid policy: creditCap"}, sla.ErrInvalidPolicy},
		{"duplicate effective", `{"versions":[` + good + `,` + strings.Replace(good, `"a"`, `"b"`, 1) + `]}`,
			[]string{`versions[0] "a" and versions[1] "b" are both in force from`}, nil},
		{"trailing data", `{"versions":[` + good + `]} {}`, []string{"after top-level value"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.doc))
			require.ErrorIs(t, err, ErrInvalid)
			if tc.is != nil {
				require.ErrorIs(t, err, tc.is)
			}
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			var vs History
			require.Error(t, json.Unmarshal([]byte(tc.doc), &vs))
			assert.Equal(t, 0, vs.Len(), "left unchanged on error")
		})
	}

	_, err := Parse(strings.NewReader(`{"versions":[` + strings.Repeat(" ", maxBytes) + `]}`))
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "longer than")
	_, err = Parse(verErrReader{})
	require.ErrorIs(t, err, ErrInvalid)
}

type verErrReader struct{}

func (verErrReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func verPolicyJSON(t testing.TB) string {
	b, err := json.Marshal(sla.DynamicsCRMOnline())
	require.NoError(t, err)
	return string(b)
}

// FuzzParseVersions: the loader never panics; whatever it accepts is
// sorted, writes back, and reads back to the same document.
func FuzzParse(f *testing.F) {
	f.Add(verJSON)
	f.Add(`{"versions":[]}`)
	f.Add(`{"versions":[{"name":"a","effective":"2019-07-01T00:00:00+02:00","policy":{"level":"99.9"}}]}`)
	f.Add(`{"versions":null}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, doc string) {
		vs, err := Parse(strings.NewReader(doc))
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		list := vs.List()
		for i := 1; i < len(list); i++ {
			if !list[i-1].Effective.Before(list[i].Effective) {
				t.Fatalf("not sorted: %v then %v", list[i-1].Effective, list[i].Effective)
			}
		}
		b, err := json.Marshal(vs)
		if err != nil {
			t.Fatalf("accepted but cannot write back: %v", err)
		}
		back, err := Parse(strings.NewReader(string(b)))
		if err != nil {
			t.Fatalf("written form does not read back: %v\n%s", err, b)
		}
		b2, err := json.Marshal(back)
		if err != nil || string(b2) != string(b) {
			t.Fatalf("round trip changed the document:\n%s\n%s", b, b2)
		}
	})
}

func TestVersionsEffectiveEdges(t *testing.T) {
	_, err := New(Version{Name: "far", Effective: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), Policy: sla.DynamicsCRMOnline()})
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), `versions[0] "far": effective 10000-01-01T00:00:00Z is outside years 0000 to 9999`)

	// An offset that is not a whole minute is written in UTC so that it
	// reads back as the same instant; a whole-minute offset is kept.
	vs, err := New(
		Version{Name: "odd", Effective: time.Date(2020, 1, 1, 0, 0, 0, 0, time.FixedZone("LMT", 7201)), Policy: sla.DynamicsCRMOnline()},
		Version{Name: "ny", Effective: time.Date(2021, 1, 1, 0, 0, 0, 0, time.FixedZone("EST", -5*3600)), Policy: sla.DynamicsCRMOnline()},
	)
	require.NoError(t, err)
	b, err := json.Marshal(vs)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"effective":"2019-12-31T21:59:59Z"`)
	assert.Contains(t, string(b), `"effective":"2021-01-01T00:00:00-05:00"`)
	back, err := Parse(strings.NewReader(string(b)))
	require.NoError(t, err)
	for i, v := range back.List() {
		assert.True(t, v.Effective.Equal(vs.List()[i].Effective))
	}
}

// A version's Effective instant may lie anywhere in years 0000 to 9999 in
// UTC, both ends included; a year before or after is refused.
func TestVersionEffectiveYearEdges(t *testing.T) {
	for _, tc := range []struct {
		at time.Time
		ok bool
	}{
		{time.Date(0, time.June, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Date(9999, time.December, 31, 23, 59, 59, 999_999_999, time.UTC), true},
		{time.Date(-1, time.December, 31, 23, 59, 59, 0, time.UTC), false},
		{time.Date(10000, time.January, 1, 0, 0, 0, 0, time.UTC), false},
	} {
		_, err := New(Version{Name: "v", Effective: tc.at, Policy: sla.DynamicsCRMOnline()})
		if tc.ok {
			assert.NoError(t, err, "effective %s", tc.at)
			continue
		}
		require.ErrorIs(t, err, ErrInvalid, "effective %s", tc.at)
		assert.Contains(t, err.Error(), "outside years 0000 to 9999")
	}
}

// Parse reads documents of up to 8 MiB, that size included.
func TestParseSizeEdge(t *testing.T) {
	doc := `{"versions":[{"name":"a","effective":"2019-07-01T00:00:00Z","policy":` + verPolicyJSON(t) + `}]}`
	exact := doc + strings.Repeat(" ", maxBytes-len(doc))
	require.Len(t, exact, maxBytes)
	vs, err := Parse(strings.NewReader(exact))
	require.NoError(t, err)
	require.Equal(t, 1, vs.Len())
	_, err = Parse(strings.NewReader(exact + " "))
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "longer than")
}

// Unknown keys are quoted whole up to 60 bytes, and cut at 60 beyond,
// with the key's length.
func TestParseQuotesKeysUpTo60Bytes(t *testing.T) {
	for _, n := range []int{60, 61} {
		key := strings.Repeat("k", n)
		_, err := Parse(strings.NewReader(`{"versions":[],"` + key + `":1}`))
		require.ErrorIs(t, err, ErrInvalid)
		if n == 60 {
			assert.Contains(t, err.Error(), `unknown key "`+key+`"`)
		} else {
			assert.Contains(t, err.Error(), `unknown key "`+key[:60]+`"... (61 bytes)`)
		}
	}
}
