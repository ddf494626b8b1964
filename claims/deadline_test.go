package claims

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// Notice deadlines, worked by hand from a wall calendar. The seed's rule
// (SLA E.9, read by DESIGN.md): due by the end of the 5th business day
// after the day service was restored; the deadline is the first late
// instant, midnight starting the next calendar day.
func TestNoticeDeadline(t *testing.T) {
	ny := newYork(t)
	usNY := calendar.NewBusinessDays(ny, usHolidays()...)
	tests := []struct {
		name     string
		days     *calendar.BusinessDays
		restored time.Time
		want     time.Time
	}{
		// Tue 6, Wed 7, Thu 8, Fri 9, Mon 12 → end of Mon 12.
		{"monday", usUTC, utc(2024, 2, 5, 10, 0), utc(2024, 2, 13, 0, 0)},
		// Mon 5 … Fri 9: the end of Friday is Saturday 00:00, not Monday.
		{"friday ends on saturday midnight", usUTC, utc(2024, 2, 2, 23, 59), utc(2024, 2, 10, 0, 0)},
		// Restored on a Saturday: Mon 5 … Fri 9.
		{"saturday", usUTC, utc(2024, 2, 3, 12, 0), utc(2024, 2, 10, 0, 0)},
		// Midnight starting Tuesday is Tuesday: Wed 7 … Tue 13.
		{"restored at midnight", usUTC, utc(2024, 2, 6, 0, 0), utc(2024, 2, 14, 0, 0)},
		{"restored 1ns before midnight", usUTC, utc(2024, 2, 6, 0, 0).Add(-1), utc(2024, 2, 13, 0, 0)},
		// Tue 13, Wed 14, Thu 15, Fri 16, (Mon 19 Presidents' Day) Tue 20.
		{"presidents day", usUTC, utc(2024, 2, 12, 9, 0), utc(2024, 2, 21, 0, 0)},
		// New Year's Day 2022 (Saturday) observed Friday 2021-12-31:
		// Wed 29, Thu 30, (Fri 31), Mon 3, Tue 4, Wed 5.
		{"observed new year", usUTC, utc(2021, 12, 28, 15, 0), utc(2022, 1, 6, 0, 0)},
		// The same without holidays: Wed 29, Thu 30, Fri 31, Mon 3, Tue 4.
		{"nil calendar is weekends only UTC", nil, utc(2021, 12, 28, 15, 0), utc(2022, 1, 5, 0, 0)},
		// (Thu 28 Thanksgiving) Fri 29, Mon 2, Tue 3, Wed 4, Thu 5.
		{"thanksgiving", usUTC, utc(2024, 11, 27, 8, 0), utc(2024, 12, 6, 0, 0)},
		// Mon 23, Tue 24, (Wed 25 Christmas) Thu 26, Fri 27, Mon 30.
		{"christmas and year end", usUTC, utc(2024, 12, 20, 8, 0), utc(2024, 12, 31, 0, 0)},
		// 2024-03-08T03:00Z is Thursday 7 March 22:00 EST: Fri 8, Mon 11,
		// Tue 12, Wed 13, Thu 14; clocks went forward on Sunday 10, so
		// Friday 15 00:00 is EDT (UTC-4).
		{"new york reads the day locally", usNY, utc(2024, 3, 8, 3, 0), time.Date(2024, 3, 15, 0, 0, 0, 0, ny)},
		// The same instant with a UTC calendar is Friday 8: Mon 11 … Fri 15.
		{"utc reads it as friday", usUTC, utc(2024, 3, 8, 3, 0), utc(2024, 3, 16, 0, 0)},
		// Across the end of DST (Sunday 2024-11-03): Thu 31, Fri 1, Mon 4,
		// Tue 5, Wed 6; Thursday 7 00:00 EST is 05:00Z.
		{"dst ends", usNY, time.Date(2024, 10, 30, 15, 0, 0, 0, ny), time.Date(2024, 11, 7, 0, 0, 0, 0, ny)},
		// Veterans Day Monday 2024-11-11: Wed 6, Thu 7, Fri 8, Tue 12, Wed 13.
		{"veterans day in new york", usNY, time.Date(2024, 11, 5, 23, 30, 0, 0, ny), time.Date(2024, 11, 14, 0, 0, 0, 0, ny)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := DynamicsCRMOnline(tt.days)
			got := r.NoticeDeadline(tt.restored)
			assert.True(t, tt.want.Equal(got), "want %s got %s", tt.want, got)
			assert.Equal(t, r.Calendar.Location(), got.Location(), "deadline is in the calendar's location")
			// The post-incident report follows the same rule (5 business days).
			due := r.PostIncidentReportDue(tt.restored)
			assert.True(t, tt.want.Equal(due), "report due: want %s got %s", tt.want, due)
		})
	}
}

func TestNoticeDeadlineInstants(t *testing.T) {
	ny := newYork(t)
	r := DynamicsCRMOnline(calendar.NewBusinessDays(ny, usHolidays()...))
	got := r.NoticeDeadline(time.Date(2024, 10, 30, 15, 0, 0, 0, ny))
	assert.Equal(t, "2024-11-07T05:00:00Z", got.UTC().Format(time.RFC3339), "EST after the clocks went back")
	got = r.NoticeDeadline(utc(2024, 3, 8, 3, 0))
	assert.Equal(t, "2024-03-15T04:00:00Z", got.UTC().Format(time.RFC3339), "EDT after the clocks went forward")
}

func TestNoticeDeadlineFor(t *testing.T) {
	// Incident from Monday 2024-02-05 10:00 to Thursday 2024-02-08 10:00.
	inc := calendar.Span{Start: utc(2024, 2, 5, 10, 0), End: utc(2024, 2, 8, 10, 0)}
	r := DynamicsCRMOnline(usUTC)

	got, err := noticeFor(r, inc)
	require.NoError(t, err)
	// From Thursday 8: Fri 9, Mon 12, Tue 13, Wed 14, Thu 15.
	assert.True(t, utc(2024, 2, 16, 0, 0).Equal(got), "got %s", got)

	r.NoticeFrom = FromStart
	got, err = noticeFor(r, inc)
	require.NoError(t, err)
	// From Monday 5: Tue 6 … Mon 12.
	assert.True(t, utc(2024, 2, 13, 0, 0).Equal(got), "got %s", got)

	_, err = noticeFor(r, calendar.Span{Start: inc.End, End: inc.Start})
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorIs(t, err, calendar.ErrReversed)
	_, err = noticeFor(r, calendar.Span{Start: inc.Start, End: inc.Start})
	assert.ErrorIs(t, err, ErrInvalid)

	// Past 9999-12-31 there is no business day.
	far := time.Date(9999, 12, 30, 0, 0, 0, 0, time.UTC)
	_, err = noticeFor(r, calendar.Span{Start: far, End: far.Add(time.Hour)})
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorIs(t, err, calendar.ErrNoBusinessDay)
	assert.True(t, r.NoticeDeadline(far).IsZero())
}

func TestNoticeDeadlineOtherPeriods(t *testing.T) {
	restoredSat := utc(2024, 2, 3, 12, 0)
	restoredMon := utc(2024, 2, 5, 12, 0)
	tests := []struct {
		name     string
		n        int
		restored time.Time
		want     time.Time
	}{
		{"0 on a business day: end of that day", 0, restoredMon, utc(2024, 2, 6, 0, 0)},
		{"0 on a saturday: end of monday", 0, restoredSat, utc(2024, 2, 6, 0, 0)},
		{"1 from friday: end of monday", 1, utc(2024, 2, 2, 12, 0), utc(2024, 2, 6, 0, 0)},
		{"negative clamps to 0", -3, restoredMon, utc(2024, 2, 6, 0, 0)},
		// 10 business days from Mon 5: Tue 6 … Mon 19 is Presidents' Day,
		// so Tue 6,7,8,9,12,13,14,15,16,20 → end of Tue 20.
		{"10 over a holiday", 10, restoredMon, utc(2024, 2, 21, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Rules{Calendar: usUTC, NoticeBusinessDays: tt.n, ReportBusinessDays: tt.n}
			got := r.NoticeDeadline(tt.restored)
			assert.True(t, tt.want.Equal(got), "want %s got %s", tt.want, got)
			got = r.PostIncidentReportDue(tt.restored)
			assert.True(t, tt.want.Equal(got), "report: want %s got %s", tt.want, got)
		})
	}
}

func TestEvidenceDeadline(t *testing.T) {
	ny := newYork(t)
	nyDays := calendar.NewBusinessDays(ny)
	tests := []struct {
		name           string
		days           *calendar.BusinessDays
		months, nDays  int
		month          calendar.Month
		want           time.Time
		lastOnTimeNote string
	}{
		// The seed's example (SLA C.4): incident January 15th → evidence
		// by February 28th; 2023 is not a leap year.
		{"seed example", usUTC, 1, 0, calendar.NewMonth(2023, time.January, nil), utc(2023, 3, 1, 0, 0), "Feb 28"},
		// February 2024 has 29 days: on time until the end of Feb 29.
		{"leap february", usUTC, 1, 0, calendar.NewMonth(2024, time.January, nil), utc(2024, 3, 1, 0, 0), "Feb 29"},
		{"december to january", usUTC, 1, 0, calendar.NewMonth(2024, time.November, nil), utc(2025, 1, 1, 0, 0), "Dec 31"},
		{"year end", usUTC, 1, 0, calendar.NewMonth(2024, time.December, nil), utc(2025, 2, 1, 0, 0), "Jan 31"},
		{"30-day month follows", usUTC, 1, 0, calendar.NewMonth(2024, time.March, nil), utc(2024, 5, 1, 0, 0), "Apr 30"},
		// In New York midnight is EST (UTC-5) on March 1st and EDT (UTC-4)
		// on April 1st.
		{"new york winter", nyDays, 1, 0, calendar.NewMonth(2024, time.January, ny), time.Date(2024, 3, 1, 0, 0, 0, 0, ny), "Feb 29 EST"},
		{"new york after dst", nyDays, 1, 0, calendar.NewMonth(2024, time.February, ny), time.Date(2024, 4, 1, 0, 0, 0, 0, ny), "Mar 31 EDT"},
		// The month's own location is not used: the calendar's is.
		{"utc month, new york calendar", nyDays, 1, 0, calendar.NewMonth(2024, time.January, nil), time.Date(2024, 3, 1, 0, 0, 0, 0, ny), "Feb 29 EST"},
		// Other SLAs: 30 calendar days after January 2024 ends: Feb 1 is
		// day 1, Feb 29 day 29, Mar 1 day 30.
		{"30 days after the month", usUTC, 0, 30, calendar.NewMonth(2024, time.January, nil), utc(2024, 3, 2, 0, 0), "Mar 1"},
		{"30 days after 2023-01", usUTC, 0, 30, calendar.NewMonth(2023, time.January, nil), utc(2023, 3, 3, 0, 0), "Mar 2"},
		{"end of the claimed month", usUTC, 0, 0, calendar.NewMonth(2024, time.January, nil), utc(2024, 2, 1, 0, 0), "Jan 31"},
		{"two months and ten days", usUTC, 2, 10, calendar.NewMonth(2024, time.January, nil), utc(2024, 4, 11, 0, 0), "Apr 10"},
		{"negative clamps to 0", usUTC, -1, -5, calendar.NewMonth(2024, time.January, nil), utc(2024, 2, 1, 0, 0), "Jan 31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := DynamicsCRMOnline(tt.days)
			r.EvidenceMonths, r.EvidenceDays = tt.months, tt.nDays
			got := r.EvidenceDeadline(tt.month)
			assert.True(t, tt.want.Equal(got), "want %s got %s (last day on time: %s)", tt.want, got, tt.lastOnTimeNote)
			assert.Equal(t, r.Calendar.Location(), got.Location())
		})
	}
}

func TestProcessingDeadline(t *testing.T) {
	ny := newYork(t)
	nyDays := calendar.NewBusinessDays(ny)
	tests := []struct {
		name      string
		days      *calendar.BusinessDays
		submitted time.Time
		want      time.Time
		elapsed   time.Duration
	}{
		// Jan 20 + 11 = Jan 31, + 29 = Feb 29 (40 days), + 5 = Mar 5.
		{"over leap february", usUTC, utc(2024, 1, 20, 10, 0), utc(2024, 3, 5, 10, 0), 45 * 24 * time.Hour},
		// Same wall clock across the start of DST (2024-03-10): an hour
		// less than 45 × 24h elapses.
		{"dst starts", nyDays, time.Date(2024, 3, 1, 9, 0, 0, 0, ny), time.Date(2024, 4, 15, 9, 0, 0, 0, ny), 45*24*time.Hour - time.Hour},
		// 2024-03-01T03:00Z is 29 February 22:00 EST in New York.
		{"read in the calendar's location", nyDays, utc(2024, 3, 1, 3, 0), time.Date(2024, 4, 14, 22, 0, 0, 0, ny), 45*24*time.Hour - time.Hour},
		// Across the end of DST (2024-11-03): an hour more.
		{"dst ends", nyDays, time.Date(2024, 10, 20, 9, 0, 0, 0, ny), time.Date(2024, 12, 4, 9, 0, 0, 0, ny), 45*24*time.Hour + time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := DynamicsCRMOnline(tt.days)
			got := r.ProcessingDeadline(tt.submitted)
			assert.True(t, tt.want.Equal(got), "want %s got %s", tt.want, got)
			assert.Equal(t, tt.elapsed, got.Sub(tt.submitted))
			assert.Equal(t, r.Calendar.Location(), got.Location())
		})
	}
}

func TestRulesValidate(t *testing.T) {
	require.NoError(t, DynamicsCRMOnline(nil).Validate())
	require.NoError(t, Rules{}.Validate(), "the zero Rules is valid")

	bad := Rules{NoticeBusinessDays: -1, NoticeFrom: 7, EvidenceMonths: MaxMonths + 1,
		EvidenceDays: -2, ProcessingDays: MaxCalendarDays + 1, ReportBusinessDays: MaxBusinessDays + 1}
	err := bad.Validate()
	require.Error(t, err)
	problems := joined(err)
	assert.Len(t, problems, 6, "every bad field at once")
	for _, field := range []string{"NoticeBusinessDays", "NoticeFrom", "EvidenceMonths", "EvidenceDays", "ProcessingDays", "ReportBusinessDays"} {
		assert.ErrorContains(t, err, "field "+field+":")
	}
	for _, p := range problems {
		assert.ErrorIs(t, p, ErrInvalid)
	}
	assert.Equal(t, "restored", FromRestored.String())
	assert.Equal(t, "start", FromStart.String())
	assert.Equal(t, "NoticeFrom(7)", NoticeFrom(7).String())
}

func TestDynamicsCRMOnline(t *testing.T) {
	r := DynamicsCRMOnline(usUTC)
	assert.Same(t, usUTC, r.Calendar)
	assert.Equal(t, 5, r.NoticeBusinessDays)
	assert.Equal(t, FromRestored, r.NoticeFrom)
	assert.Equal(t, 1, r.EvidenceMonths)
	assert.Equal(t, 0, r.EvidenceDays)
	assert.Equal(t, 45, r.ProcessingDays)
	assert.Equal(t, 5, r.ReportBusinessDays)
}
