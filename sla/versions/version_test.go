package versions

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/sla"
)

// date is midnight UTC starting the given day.
func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// stricter is a hypothetical later SLA version (not a published one):
// level 99.95 % with a 10 % tier below it, then the Dynamics CRM Online
// tiers.
func stricter() sla.Policy {
	p := sla.DynamicsCRMOnline()
	p.Level = decimal.RequireFromString("99.95")
	p.Tiers = append([]sla.Tier{{Below: decimal.RequireFromString("99.95"), Credit: decimal.RequireFromString("10")}}, p.Tiers...)
	return p
}

// wholeMinutes is a hypothetical third version that counts whole minutes.
func wholeMinutes() sla.Policy {
	p := stricter()
	p.Resolution = time.Minute
	return p
}

// fixture is three versions given out of order, and a subscription
// from 15 March 2020 with three yearly terms:
//
//	terms[0] [2020-03-15, 2021-03-15)  starts under "2019-07"
//	terms[1] [2021-03-15, 2022-03-15)  starts under "2020-10"
//	terms[2] [2022-03-15, 2023-03-15)  starts exactly when "2022-03-15" takes effect
func fixture(t *testing.T) (History, Subscription) {
	t.Helper()
	vs, err := New(
		Version{Name: "2020-10", Effective: date(2020, time.October, 1), Policy: stricter()},
		Version{Name: "2019-07", Effective: date(2019, time.July, 1), Policy: sla.DynamicsCRMOnline()},
		Version{Name: "2022-03-15", Effective: date(2022, time.March, 15), Policy: wholeMinutes()},
	)
	require.NoError(t, err)
	sub, err := NewSubscription(date(2020, time.March, 15), 12, 3)
	require.NoError(t, err)
	return vs, sub
}

// TestNewVersionsSorts: New sorts versions given out of order.
func TestNewVersionsSorts(t *testing.T) {
	vs, _ := fixture(t)
	require.Equal(t, 3, vs.Len())
	var names []string
	for _, v := range vs.List() {
		names = append(names, v.Name)
	}
	assert.Equal(t, []string{"2019-07", "2020-10", "2022-03-15"}, names)
}

// TestVersionsAt: a version is current from its Effective instant
// (inclusive, compared as an instant) until the next one's.
func TestVersionsAt(t *testing.T) {
	vs, _ := fixture(t)
	for _, tc := range []struct {
		name string
		at   time.Time
		want string // "" : none
	}{
		{"before the first version", date(2019, time.June, 30), ""},
		{"1ns before the first version", date(2019, time.July, 1).Add(-1), ""},
		{"exactly at Effective is current", date(2019, time.July, 1), "2019-07"},
		{"between versions", date(2020, time.September, 30), "2019-07"},
		{"1ns before the second", date(2020, time.October, 1).Add(-1), "2019-07"},
		{"at the second", date(2020, time.October, 1), "2020-10"},
		{"same instant in another location", date(2020, time.October, 1).In(time.FixedZone("UTC-4", -4*3600)), "2020-10"},
		{"long after the last", date(2099, time.January, 1), "2022-03-15"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, ok := vs.At(tc.at)
			assert.Equal(t, tc.want != "", ok)
			assert.Equal(t, tc.want, v.Name)
		})
	}
	_, ok := History{}.At(date(2020, time.January, 1))
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
	vs, sub := fixture(t)
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

// TestGoverningPolicyIsTheVersionsPolicy: the governing version carries
// its own policy (June 2021 is in the renewal that began under "2020-10",
// level 99.95 %).
func TestGoverningPolicyIsTheVersionsPolicy(t *testing.T) {
	vs, sub := fixture(t)
	v, err := governing(vs, sub, calendar.NewMonth(2021, time.June, nil))
	require.NoError(t, err)
	assert.True(t, decimal.RequireFromString("99.95").Equal(v.Policy.Level), "got level %s", v.Policy.Level)
	require.NoError(t, v.Policy.Validate())
}

// TestGoverningParts: March 2021 is split at the renewal on 15 March (14
// days under the initial term, 17 under the renewal, by the wall
// calendar); the first month holds only its subscribed part; a month
// inside one term is one part.
func TestGoverningParts(t *testing.T) {
	vs, sub := fixture(t)

	parts, err := vs.Governing(sub, calendar.NewMonth(2021, time.March, nil))
	require.NoError(t, err)
	require.Len(t, parts, 2)
	assert.True(t, parts[0].Span.Equal(calendar.Span{Start: date(2021, time.March, 1), End: date(2021, time.March, 15)}), "%s", parts[0].Span)
	assert.Equal(t, 0, parts[0].Term)
	assert.Equal(t, "2019-07", parts[0].Version.Name)
	assert.True(t, parts[1].Span.Equal(calendar.Span{Start: date(2021, time.March, 15), End: date(2021, time.April, 1)}), "%s", parts[1].Span)
	assert.Equal(t, 1, parts[1].Term)
	assert.Equal(t, "2020-10", parts[1].Version.Name)
	// 14 days + 17 days = March's 31.
	assert.Equal(t, 14*24*time.Hour, parts[0].Span.Duration())
	assert.Equal(t, 17*24*time.Hour, parts[1].Span.Duration())

	parts, err = vs.Governing(sub, calendar.NewMonth(2020, time.March, nil))
	require.NoError(t, err)
	require.Len(t, parts, 1, "the month the subscription starts in has only its subscribed part")
	assert.True(t, parts[0].Span.Equal(calendar.Span{Start: date(2020, time.March, 15), End: date(2020, time.April, 1)}))

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
	vs, _ := fixture(t)
	sub, err := NewSubscription(date(2020, time.March, 1), 12, 2)
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

// TestGoverningNoVersion: a term that began before every version fails the
// whole call with ErrNoVersion, naming the term's start and the first
// version.
func TestGoverningNoVersion(t *testing.T) {
	vs, _ := fixture(t)
	sub, err := NewSubscription(date(2019, time.January, 1), 12, 2)
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

// TestGoverningLapse: a month in a lapse between terms is in no term; the
// renewal after the lapse takes the version current when it began.
func TestGoverningLapse(t *testing.T) {
	vs, _ := fixture(t)
	sub := Subscription{Terms: []calendar.Span{
		{Start: date(2020, time.January, 1), End: date(2020, time.July, 1)},
		{Start: date(2020, time.November, 10), End: date(2021, time.November, 10)},
	}}
	_, err := governing(vs, sub, calendar.NewMonth(2020, time.August, nil))
	require.ErrorIs(t, err, sla.ErrNotSubscribed, "the lapse is in no term")
	v, err := governing(vs, sub, calendar.NewMonth(2020, time.November, nil))
	require.NoError(t, err)
	assert.Equal(t, "2020-10", v.Name, "after a lapse the renewal's first subscribed instant decides")
}

// TestNewVersionsErrors: New reports every problem at once, each wrapping
// ErrInvalid and naming the version by its index, and returns the zero
// History.
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
		{"empty name", []Version{{Name: " ", Effective: date(2019, 7, 1), Policy: sla.DynamicsCRMOnline()}},
			[]string{`versions[0]: name " " is empty`}, nil},
		{"zero effective", []Version{{Name: "a", Policy: sla.DynamicsCRMOnline()}},
			[]string{`versions[0] "a": effective is the zero time`}, nil},
		{"duplicate name", []Version{
			{Name: "a", Effective: date(2019, 7, 1), Policy: sla.DynamicsCRMOnline()},
			{Name: "a", Effective: date(2020, 7, 1), Policy: sla.DynamicsCRMOnline()},
		}, []string{`versions[1]: name "a" repeats versions[0]`}, nil},
		{"same instant in two locations", []Version{
			{Name: "b", Effective: date(2020, 7, 1), Policy: sla.DynamicsCRMOnline()},
			{Name: "x", Effective: date(2021, 7, 1), Policy: sla.DynamicsCRMOnline()},
			{Name: "a", Effective: date(2020, 7, 1).In(east), Policy: sla.DynamicsCRMOnline()},
		}, []string{`versions[0] "b" and versions[2] "a" are both in force from 2020-07-01T00:00:00Z`}, nil},
		{"invalid policy, every problem named", []Version{
			{Name: "ok", Effective: date(2019, 7, 1), Policy: sla.DynamicsCRMOnline()},
			{Name: "broken", Effective: date(2020, 7, 1), Policy: bad},
		}, []string{`versions[1] "broken": policy: sla: invalid policy: level "101"`, `versions[1] "broken": policy: sla: invalid policy: creditCap`},
			[]error{sla.ErrInvalidPolicy}},
		{"effective in year 10000", []Version{{Name: "far", Effective: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), Policy: sla.DynamicsCRMOnline()}},
			[]string{`versions[0] "far": effective 10000-01-01T00:00:00Z is outside years 0000 to 9999`}, nil},
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

// TestVersionsImmutable: New copies the policies' slices and List and At
// return copies, so neither the caller's later changes nor changes to a
// returned version change the History.
func TestVersionsImmutable(t *testing.T) {
	p := sla.DynamicsCRMOnline()
	vs, err := New(Version{Name: "2019-07", Effective: date(2019, 7, 1), Policy: p})
	require.NoError(t, err)
	p.Tiers[0].Credit = decimal.RequireFromString("99")
	p.ExcludedCauses[0] = "typo"
	got := vs.List()[0]
	require.NoError(t, got.Policy.Validate(), "changing the caller's slices does not change the set")
	got.Policy.Tiers[0].Credit = decimal.RequireFromString("99")
	again, _ := vs.At(date(2020, 1, 1))
	assert.True(t, decimal.RequireFromString("25").Equal(again.Policy.Tiers[0].Credit), "changing a returned version does not change the set")
}
