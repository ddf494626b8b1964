package claims

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/maintenance/comms"
	"github.com/slapolicy/slapolicy/sla"
)

// TestForRegion pins the Dynamics CRM Online claim rules over a region's
// default holiday calendar ("Maintenance timeline" names the regions).
func TestForRegion(t *testing.T) {
	ny := newYork(t)
	restored := utc(2021, 12, 28, 15, 0) // Tuesday
	tests := []struct {
		name string
		code string
		loc  *time.Location
		want time.Time
	}{
		// Restored Tuesday 2021-12-28 at 15:00 UTC. A nil location is the
		// region's own zone. US holidays (rickar/cal's us calendar):
		// Friday 2021-12-31 is the observed New Year's Day, so Wed 29,
		// Thu 30, Mon 3, Tue 4, Wed 5, in New York (10:00 there).
		{"NAM", "NAM", nil, time.Date(2022, 1, 6, 0, 0, 0, 0, ny)},
		{"lower case, spaces", " nam ", nil, time.Date(2022, 1, 6, 0, 0, 0, 0, ny)},
		{"GCC in New York", "GCC", ny, time.Date(2022, 1, 6, 0, 0, 0, 0, ny)},
		{"NAM read in UTC", "NAM", time.UTC, utc(2022, 1, 6, 0, 0)},
		// IND has no holiday calendar: weekends only, so Friday 31 counts:
		// Wed 29, Thu 30, Fri 31, Mon 3, Tue 4, in Asia/Kolkata (20:30).
		{"IND", "IND", nil, time.Date(2022, 1, 5, 0, 0, 0, 0, mustLoad(t, "Asia/Kolkata"))},
		// rickar/cal's gb calendar: the UK observes Christmas (Sat 25) on
		// Mon 27, Boxing Day (Sun 26) on Tue 28, and New Year (Sat 1) on
		// Mon 2022-01-03: from Tue 28: Wed 29, Thu 30, Fri 31, Tue 4, Wed
		// 5, in London (GMT, UTC in winter).
		{"GBR", "GBR", nil, utc(2022, 1, 6, 0, 0)},
		// In Tokyo the restoration is at 00:00 on Wednesday 29: the days
		// after it are Thu 30, Fri 31, Mon 3, Tue 4, Wed 5 (New Year's Day
		// fell on a Saturday, rickar/cal's jp calendar moves no holiday).
		{"JPN in its own zone", "JPN", nil, time.Date(2022, 1, 6, 0, 0, 0, 0, mustLoad(t, "Asia/Tokyo"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ForRegion(tt.code, tt.loc)
			require.NoError(t, err)
			assert.Equal(t, 5, r.NoticeBusinessDays, "the Dynamics CRM Online rules")
			got := r.NoticeDeadline(restored)
			assert.True(t, tt.want.Equal(got), "want %s got %s", tt.want, got)
		})
	}

	_, err := ForRegion("XYZ", nil)
	assert.ErrorIs(t, err, ErrUnknownRegion)
	assert.EqualError(t, err, `claims: unknown region "XYZ"`)
	_, err = ForRegion("", nil)
	assert.ErrorIs(t, err, ErrUnknownRegion)
}

// TestCustomRegionTable builds a region table of its own, the built-in
// regions plus "XYZ" (a hypothetical region: window 1 AM to 4 AM UTC,
// Japanese holidays in Asia/Tokyo), and uses XYZ through every function
// that takes a region: it is found by the table and by host, its window
// decides a plan check and an assessment, and its business days decide
// the claim deadlines. Nothing consults the built-in table behind the
// caller's back.
func TestCustomRegionTable(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	require.NoError(t, err)
	jp, ok := maintenance.DynamicsHolidays("jp.Holidays")
	require.True(t, ok)
	w, err := maintenance.ParseWindow("1 AM to 4 AM")
	require.NoError(t, err)
	xyz := maintenance.Region{Code: "XYZ", Host: "crm99.example.com", Window: w, Zone: "Asia/Tokyo", Holidays: jp}
	from := utc(2024, 1, 1, 0, 0)
	table, err := maintenance.Dynamics().With(maintenance.Edition{Effective: from, Regions: append(maintenance.Regions(), xyz)})
	require.NoError(t, err)

	_, builtin := maintenance.Lookup("XYZ")
	require.False(t, builtin, "XYZ is not a built-in region")
	got, ok := table.Lookup("xyz", utc(2024, 4, 1, 0, 0))
	require.True(t, ok)
	assert.Equal(t, xyz, got)
	assert.Equal(t, []maintenance.Region{xyz}, table.LookupHost("contoso.CRM99.example.com", utc(2024, 4, 1, 0, 0)))
	_, ok = table.Lookup("XYZ", from.Add(-1))
	assert.False(t, ok, "before its edition the table had no XYZ")

	// Claim rules over XYZ's business days in its own zone (holidays from
	// rickar/cal's jp calendar, weekdays from a wall calendar). Restored on
	// Friday 26 April 2024 in Tokyo: Monday 29 April (Showa Day) and
	// Friday 3 to Monday 6 May (Constitution Day, Greenery Day, Children's
	// Day and its substitute holiday) are not business days, so the five
	// are 30 April, 1, 2, 7 and 8 May: notice is late from Thursday 9 May
	// 00:00 in Tokyo.
	loc, err := got.Location()
	require.NoError(t, err)
	days, err := got.BusinessDays(nil) // its own zone, Asia/Tokyo
	require.NoError(t, err)
	assert.Equal(t, loc, days.Location())
	rules := DynamicsCRMOnline(days)
	restored := time.Date(2024, 4, 26, 15, 0, 0, 0, tokyo)
	assert.True(t, time.Date(2024, 5, 9, 0, 0, 0, 0, tokyo).Equal(rules.NoticeDeadline(restored)), "got %s", rules.NoticeDeadline(restored))
	assert.False(t, days.IsBusinessDay(time.Date(2024, 5, 6, 12, 0, 0, 0, tokyo)), "substitute holiday")

	// A plan in XYZ is checked against XYZ's window: 02:00 to 05:00 UTC is
	// one hour past its 04:00 close, Downtime when not announced (the
	// Microsoft Dynamics CRM Online Service Level Agreement, section E,
	// definition 11: only window time and time announced 24 hours ahead
	// is Scheduled Downtime).
	plan := comms.Plan{ID: "MC-XYZ", Region: got, Impact: comms.ImpactDowntime,
		Span: calendar.Span{Start: utc(2024, 4, 10, 2, 0), End: utc(2024, 4, 10, 5, 0)}}
	pc, err := comms.DynamicsCRMOnline().CheckPlan(sla.DynamicsCRMOnline().ScheduledDowntime, plan, time.Time{})
	require.NoError(t, err)
	assert.Equal(t, time.Hour, pc.Outside.Duration())
	assert.Equal(t, time.Hour, pc.Downtime.Duration())

	// And the assessment counts the same hour.
	a, err := sla.DynamicsCRMOnline().Assess(sla.Period{
		Month:   calendar.NewMonth(2024, time.April, nil),
		Window:  got.Window,
		Outages: []sla.Outage{{Span: plan.Span}},
	})
	require.NoError(t, err)
	assert.Equal(t, time.Hour, a.Downtime)
	assert.Equal(t, 2*time.Hour, a.Excluded[sla.ReasonWindow])
}

// mustLoad loads an IANA location or fails the test.
func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}
