package claims

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// goodClaim is a complete, on-time claim for January 2024 with every
// detail section C.3 of the Microsoft Dynamics CRM Online Service Level
// Agreement asks for: an incident on Monday 15 January (Martin Luther
// King Jr. Day in rickar/cal's US calendar) restored at 11:30 UTC. Notice
// counts from Monday 15, not itself counted: Tue 16, Wed 17, Thu 18, Fri
// 19, Mon 22 → late from Tuesday 2024-01-23 00:00 (section E, definition
// 9). Evidence is late from 2024-03-01 00:00, the end of February (section
// C.4; 2024 is a leap year).
func goodClaim() Claim {
	return Claim{
		Month:              calendar.NewMonth(2024, time.January, nil),
		Incident:           calendar.Span{Start: utc(2024, 1, 15, 9, 0), End: utc(2024, 1, 15, 11, 30)},
		Description:        "Sign-in to contoso.crm.dynamics.com failed with HTTP 503.",
		AffectedUsers:      120,
		UserLocations:      []string{"Seattle, WA", "Dublin"},
		ResolutionAttempts: []string{"Cleared browser caches", "Tried another network"},
		NoticeGiven:        utc(2024, 1, 20, 10, 0),
		EvidenceSupplied:   utc(2024, 2, 10, 10, 0),
		Submitted:          utc(2024, 1, 20, 10, 0),
		AcceptableUse:      true,
	}
}

// TestCheckComplete: goodClaim passes, and so does each instant on time
// by the last nanosecond.
func TestCheckComplete(t *testing.T) {
	r := DynamicsCRMOnline(usUTC)
	require.NoError(t, r.Check(goodClaim()))

	// The last nanosecond before each deadline is on time.
	c := goodClaim()
	c.NoticeGiven = utc(2024, 1, 23, 0, 0).Add(-1)
	c.EvidenceSupplied = utc(2024, 3, 1, 0, 0).Add(-1)
	require.NoError(t, r.Check(c))

	// Notice while the incident is still going on is fine.
	c.NoticeGiven = c.Incident.Start
	require.NoError(t, r.Check(c))
}

// TestCheckProblems changes goodClaim one way at a time and pins every
// problem Check reports, in order, with the field it names.
func TestCheckProblems(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *Claim)
		want   []error // the sentinels of the problems, in order
		fields []string
	}{
		{"notice at the deadline is late", func(c *Claim) { c.NoticeGiven = utc(2024, 1, 23, 0, 0) },
			[]error{ErrNoticeLate}, []string{"NoticeGiven"}},
		{"evidence at the deadline is late", func(c *Claim) { c.EvidenceSupplied = utc(2024, 3, 1, 0, 0) },
			[]error{ErrEvidenceLate}, []string{"EvidenceSupplied"}},
		{"both late", func(c *Claim) {
			c.NoticeGiven = utc(2024, 1, 24, 9, 0)
			c.EvidenceSupplied = utc(2024, 3, 4, 9, 0)
		}, []error{ErrNoticeLate, ErrEvidenceLate}, []string{"NoticeGiven", "EvidenceSupplied"}},
		{"not compliant", func(c *Claim) { c.AcceptableUse = false },
			[]error{ErrNotCompliant}, []string{"AcceptableUse"}},
		{"empty claim", func(c *Claim) { *c = Claim{} },
			[]error{ErrIncomplete, ErrIncomplete, ErrIncomplete, ErrIncomplete, ErrIncomplete, ErrIncomplete,
				ErrIncomplete, ErrIncomplete, ErrIncomplete, ErrNotCompliant},
			[]string{"Month", "Incident", "Description", "AffectedUsers", "UserLocations", "ResolutionAttempts",
				"NoticeGiven", "EvidenceSupplied", "Submitted", "AcceptableUse"}},
		{"blank texts count as missing", func(c *Claim) {
			c.Description = " \n\t"
			c.UserLocations = []string{"", "  "}
			c.ResolutionAttempts = nil
		}, []error{ErrIncomplete, ErrIncomplete, ErrIncomplete}, []string{"Description", "UserLocations", "ResolutionAttempts"}},
		{"reversed incident", func(c *Claim) { c.Incident.Start, c.Incident.End = c.Incident.End, c.Incident.Start },
			[]error{ErrInvalid}, []string{"Incident"}},
		{"empty incident", func(c *Claim) { c.Incident.End = c.Incident.Start },
			[]error{ErrInvalid}, []string{"Incident"}},
		{"incident outside the month", func(c *Claim) { c.Month = calendar.NewMonth(2024, time.February, nil) },
			// February's evidence is late from April 1st: still on time.
			[]error{ErrInvalid}, []string{"Incident"}},
		{"negative users", func(c *Claim) { c.AffectedUsers = -3 },
			[]error{ErrInvalid}, []string{"AffectedUsers"}},
		{"notice before the incident", func(c *Claim) { c.NoticeGiven = utc(2024, 1, 14, 0, 0) },
			[]error{ErrInvalid}, []string{"NoticeGiven"}},
		{"bad rules are reported too", nil, []error{ErrInvalid}, []string{"NoticeBusinessDays"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := DynamicsCRMOnline(usUTC)
			c := goodClaim()
			if tt.change != nil {
				tt.change(&c)
			} else {
				r.NoticeBusinessDays = -1
			}
			err := r.Check(c)
			require.Error(t, err)
			assert.Equal(t, tt.want, kinds(t, err))
			problems := joined(err)
			require.Len(t, problems, len(tt.fields))
			for i, f := range tt.fields {
				assert.Contains(t, problems[i].Error(), "field "+f, "problem %d names its field", i)
			}
		})
	}
}

// TestCheckLateErrorDetails pins the *LateError and *MissingError Check
// returns: goodClaim's notice deadline is Tuesday 2024-01-23 00:00.
func TestCheckLateErrorDetails(t *testing.T) {
	r := DynamicsCRMOnline(usUTC)
	c := goodClaim()
	c.NoticeGiven = utc(2024, 1, 23, 9, 0)
	err := r.Check(c)

	var late *LateError
	require.ErrorAs(t, err, &late)
	assert.Equal(t, "NoticeGiven", late.Field)
	assert.True(t, utc(2024, 1, 23, 0, 0).Equal(late.Deadline))
	assert.True(t, c.NoticeGiven.Equal(late.Got))
	assert.Equal(t,
		`claims: notice late: field NoticeGiven "2024-01-23T09:00:00Z" is not before the deadline "2024-01-23T00:00:00Z" (first late instant; late by 9h0m0s)`,
		late.Error())

	c = goodClaim()
	c.Description = ""
	err = r.Check(c)
	var missing *MissingError
	require.ErrorAs(t, err, &missing)
	assert.Equal(t, "Description", missing.Field)
	assert.Equal(t, "claims: incomplete: field Description (detailed description of the incident) is missing", err.Error())
}

// TestCheckNoticeFromStart: the same notice is on time counted from the
// restoration and late counted from the start (US calendar, wall calendar
// weekdays).
func TestCheckNoticeFromStart(t *testing.T) {
	// An incident from Friday 2024-02-02 to Wednesday 2024-02-07; notice on
	// Saturday 2024-02-10 08:00.
	c := goodClaim()
	c.Month = calendar.NewMonth(2024, time.February, nil)
	c.Incident = calendar.Span{Start: utc(2024, 2, 2, 8, 0), End: utc(2024, 2, 7, 8, 0)}
	c.NoticeGiven = utc(2024, 2, 10, 8, 0)
	c.EvidenceSupplied = utc(2024, 2, 12, 8, 0)

	r := DynamicsCRMOnline(usUTC)
	// From restoration (Wed 7): Thu 8, Fri 9, Mon 12, Tue 13, Wed 14.
	require.NoError(t, r.Check(c))

	// From the start (Fri 2): Mon 5 … Fri 9 → late from Saturday 10 00:00.
	r.NoticeFrom = FromStart
	err := r.Check(c)
	require.ErrorIs(t, err, ErrNoticeLate)
	var late *LateError
	require.ErrorAs(t, err, &late)
	assert.True(t, utc(2024, 2, 10, 0, 0).Equal(late.Deadline), "got %s", late.Deadline)
}

// TestCheckNewYorkCalendar: Check reads days in the calendar's location.
func TestCheckNewYorkCalendar(t *testing.T) {
	ny := newYork(t)
	r := DynamicsCRMOnline(calendar.NewBusinessDays(ny, usHolidays()...))
	c := goodClaim()
	c.Month = calendar.NewMonth(2024, time.March, nil)
	// Restored 2024-03-08T03:00Z: Thursday 7 March in New York, so notice
	// is late from Friday 15 March 00:00 EDT = 04:00Z.
	c.Incident = calendar.Span{Start: utc(2024, 3, 8, 1, 0), End: utc(2024, 3, 8, 3, 0)}
	c.NoticeGiven = utc(2024, 3, 15, 3, 59)
	c.EvidenceSupplied = utc(2024, 4, 2, 0, 0)
	require.NoError(t, r.Check(c))

	c.NoticeGiven = utc(2024, 3, 15, 4, 0)
	err := r.Check(c)
	require.ErrorIs(t, err, ErrNoticeLate)
	assert.ErrorContains(t, err, `deadline "2024-03-15T00:00:00-04:00"`)

	// Under a UTC calendar the same notice is on time (late from Sat 16).
	require.NoError(t, DynamicsCRMOnline(usUTC).Check(c))
}

// TestCheckDoesNotModifyClaim: Check leaves the claim's slices alone.
func TestCheckDoesNotModifyClaim(t *testing.T) {
	c := goodClaim()
	c.UserLocations = []string{"", "Oslo"}
	before := append([]string(nil), c.UserLocations...)
	_ = DynamicsCRMOnline(nil).Check(c)
	assert.Equal(t, before, c.UserLocations)
}

// TestCheckFarFuture: a claim whose notice deadline would fall after year
// 9999 is invalid, not late.
func TestCheckFarFuture(t *testing.T) {
	// No business day exists after 9999-12-31: the deadline is invalid,
	// reported, not a panic.
	c := goodClaim()
	c.Month = calendar.NewMonth(9999, time.December, nil)
	c.Incident = calendar.Span{Start: utc(9999, 12, 31, 1, 0), End: utc(9999, 12, 31, 2, 0)}
	c.NoticeGiven = utc(9999, 12, 31, 3, 0)
	c.EvidenceSupplied = utc(9999, 12, 31, 3, 0)
	err := DynamicsCRMOnline(nil).Check(c)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrInvalid))
	assert.ErrorIs(t, err, calendar.ErrNoBusinessDay)
	assert.NotErrorIs(t, err, ErrNoticeLate)
}

// TestCheckMonthWithoutEvidenceDeadline: a claim for a month whose
// evidence deadline (the end of the following month, section C.4) falls
// outside years 1 to 10000 is reported as ErrInvalid naming the month,
// never "late by" a wrapped or huge duration, and never a panic.
func TestCheckMonthWithoutEvidenceDeadline(t *testing.T) {
	for _, m := range []calendar.Month{
		calendar.NewMonth(0, time.December, nil),
		calendar.NewMonth(10000, time.January, nil),
		calendar.NewMonth(-5000, time.March, nil),
		calendar.NewMonth(1<<40, time.May, nil),
	} {
		t.Run(m.String(), func(t *testing.T) {
			c := goodClaim()
			c.Month = m
			assert.True(t, DynamicsCRMOnline(nil).EvidenceDeadline(m).IsZero())
			err := DynamicsCRMOnline(nil).Check(c)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalid)
			assert.NotErrorIs(t, err, ErrEvidenceLate)
			assert.Contains(t, err.Error(), "has no evidence deadline")
			assert.NotContains(t, err.Error(), "late by")
		})
	}
}
