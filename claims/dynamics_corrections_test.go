package claims

import (
	"strings"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/au"
	"github.com/rickar/cal/v2/br"
	"github.com/rickar/cal/v2/ca"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/gb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

// TestForRegionCorrections pins each correction the built-in calendars
// make over rickar/cal v2.1.26 (maintenance's "Holiday calendars") by a
// notice deadline worked by hand: service restored at 10:00 local time on
// the Friday before the corrected day, notice due by the end of the 5th
// business day after (Microsoft Dynamics CRM Online SLA, section E,
// definition 9), in the region's own zone. Each row also gives the
// deadline over rickar/cal's list alone, which the correction changes.
func TestForRegionCorrections(t *testing.T) {
	london := mustLoad(t, "Europe/London")
	berlin := mustLoad(t, "Europe/Berlin")
	sydney := mustLoad(t, "Australia/Sydney")
	toronto := mustLoad(t, "America/Toronto")
	saoPaulo := mustLoad(t, "America/Sao_Paulo")
	at := func(loc *time.Location, y int, m time.Month, d, h int) time.Time {
		return time.Date(y, m, d, h, 0, 0, 0, loc)
	}
	tests := []struct {
		name     string
		code     string
		restored time.Time
		want     time.Time // corrected: the first late instant
		rickar   time.Time // over rickar/cal's list alone
	}{
		// Banking and Financial Dealings Act 1971, s.1(3); Royal
		// Proclamation appointing Monday 19 September 2022 a bank holiday
		// (approved 10 September 2022). Mon 19 off: Tue 20, Wed 21, Thu
		// 22, Fri 23, Mon 26 → late from Tue 27 (BST). rickar/cal alone:
		// Mon 19 … Fri 23 → Sat 24.
		{"GBR state funeral", "GBR", at(london, 2022, 9, 16, 10), at(london, 2022, 9, 27, 0), at(london, 2022, 9, 24, 0)},
		// Reformationstag 2017, a holiday in every Land (e.g.
		// Schleswig-Holstein's Landesverordnung über den Reformationstag
		// 2017, §1). Mon 30, (Tue 31), Wed 1 (Allerheiligen is no national
		// holiday), Thu 2, Fri 3, Mon 6 → late from Tue 7 November (CET).
		// rickar/cal alone: Mon 30 … Fri 3 → Sat 4.
		{"DEU Reformation Day 2017", "DEU", at(berlin, 2017, 10, 27, 10), at(berlin, 2017, 11, 7, 0), at(berlin, 2017, 11, 4, 0)},
		// Public Holidays Amendment (Anzac Day) Order 2026 (NSW): Anzac
		// Day falls on Saturday 25 April 2026, Monday 27 is a public
		// holiday. Tue 28, Wed 29, Thu 30, Fri 1 May (NSW Labour Day is in
		// October), Mon 4 → late from Tue 5 May (AEST). rickar/cal alone:
		// Mon 27 … Fri 1 → Sat 2.
		{"OCE Anzac Day 2026", "OCE", at(sydney, 2026, 4, 24, 10), at(sydney, 2026, 5, 5, 0), at(sydney, 2026, 5, 2, 0)},
		// The same Order: Anzac Day on Sunday 25 April 2027, Monday 26 a
		// public holiday. Tue 27, Wed 28, Thu 29, Fri 30, Mon 3 May → late
		// from Tue 4 May. rickar/cal alone: Mon 26 … Fri 30 → Sat 1.
		{"OCE Anzac Day 2027", "OCE", at(sydney, 2027, 4, 23, 10), at(sydney, 2027, 5, 4, 0), at(sydney, 2027, 5, 1, 0)},
		// Canada Labour Code, s.166: Easter Monday is no general holiday.
		// Restored Good Friday 29 March 2024: Mon 1 April, Tue 2, Wed 3,
		// Thu 4, Fri 5 → late from Sat 6 (EDT). rickar/cal alone: Mon 1
		// off, Tue 2 … Mon 8 → Tue 9.
		{"CAN Easter Monday", "CAN", at(toronto, 2024, 3, 29, 10), at(toronto, 2024, 4, 6, 0), at(toronto, 2024, 4, 9, 0)},
		// Nor is the Civic Holiday (Monday 5 August 2024): Mon 5 … Fri 9
		// → late from Sat 10. rickar/cal alone: Tue 6 … Mon 12 → Tue 13.
		{"CAN Civic Holiday", "CAN", at(toronto, 2024, 8, 2, 10), at(toronto, 2024, 8, 10, 0), at(toronto, 2024, 8, 13, 0)},
		// Carnival Tuesday 13 February 2024 is ponto facultativo, no
		// national holiday (Lei 662/1949 as rewritten by Lei 10.607/2002;
		// Lei 6.802/1980; Lei 14.759/2023): Mon 12, Tue 13, Wed 14, Thu 15,
		// Fri 16 → late from Sat 17 (UTC−3). rickar/cal alone: Tue 13 off,
		// Mon 19 the 5th → Tue 20.
		{"SAM Carnival", "SAM", at(saoPaulo, 2024, 2, 9, 10), at(saoPaulo, 2024, 2, 17, 0), at(saoPaulo, 2024, 2, 20, 0)},
		// Corpus Christi, Thursday 30 May 2024, likewise: Mon 27 … Fri 31
		// → late from Sat 1 June. rickar/cal alone: Thu 30 off, Mon 3 the
		// 5th → Tue 4.
		{"SAM Corpus Christi", "SAM", at(saoPaulo, 2024, 5, 24, 10), at(saoPaulo, 2024, 6, 1, 0), at(saoPaulo, 2024, 6, 4, 0)},
		// 20 November became national by Lei 14.759 of 21 December 2023:
		// Monday 20 November 2023 was a business day. Mon 20 … Fri 24 →
		// late from Sat 25. rickar/cal alone: Tue 21 … Mon 27 → Tue 28.
		{"SAM 20 November 2023", "SAM", at(saoPaulo, 2023, 11, 17, 10), at(saoPaulo, 2023, 11, 25, 0), at(saoPaulo, 2023, 11, 28, 0)},
		// From 2024 it is a holiday: restored on Friday 15 November 2024
		// (Proclamação da República): Mon 18, Tue 19, (Wed 20), Thu 21,
		// Fri 22, Mon 25 → late from Tue 26, with or without the
		// correction.
		{"SAM 20 November 2024", "SAM", at(saoPaulo, 2024, 11, 15, 10), at(saoPaulo, 2024, 11, 26, 0), at(saoPaulo, 2024, 11, 26, 0)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rules, err := ForRegion(tc.code, nil)
			require.NoError(t, err)
			got := rules.NoticeDeadline(tc.restored)
			assert.True(t, tc.want.Equal(got), "want %s got %s", tc.want, got)

			region, ok := maintenance.Lookup(tc.code)
			require.True(t, ok)
			loc, err := region.Location()
			require.NoError(t, err)
			rickar := DynamicsCRMOnline(calendar.NewBusinessDays(loc, rickarList(t, region.Holidays.Name())...))
			alone := rickar.NoticeDeadline(tc.restored)
			assert.True(t, tc.rickar.Equal(alone), "rickar/cal alone: want %s got %s", tc.rickar, alone)
		})
	}
}

// rickarList returns the rickar/cal list a built-in calendar is made of.
func rickarList(t *testing.T, name string) []*cal.Holiday {
	t.Helper()
	lists := map[string][]*cal.Holiday{
		"gb.Holidays": gb.Holidays, "de.Holidays": de.Holidays, "au.HolidaysNSW": au.HolidaysNSW,
		"ca.Holidays": ca.Holidays, "br.Holidays": br.Holidays,
	}
	list, ok := lists[name]
	require.True(t, ok, name)
	return list
}

// TestForRegionWithClosures: the caller's closures move a notice deadline
// (Microsoft Dynamics CRM Online SLA, section E, definition 9), worked by
// hand from a wall calendar.
func TestForRegionWithClosures(t *testing.T) {
	ny := newYork(t)
	saoPaulo := mustLoad(t, "America/Sao_Paulo")
	closures, err := maintenance.ParseClosures(strings.NewReader(`{"closures":[
		{"region":"NAM","date":"2024-12-24","name":"company shutdown"},
		{"region":"NAM","date":"2024-12-26","name":"company shutdown"},
		{"region":"SAM","date":"2025-03-03","name":"Carnival Monday, banks closed","source":"Resolução CMN 4.880/2020"},
		{"region":"SAM","date":"2025-03-04","name":"Carnival Tuesday, banks closed","source":"Resolução CMN 4.880/2020"}]}`),
		maintenance.Dynamics())
	require.NoError(t, err)
	tests := []struct {
		name          string
		code          string
		restored      time.Time
		without, with time.Time
	}{
		// Restored Friday 2024-12-20. US federal holidays only: Mon 23,
		// Tue 24, (Wed 25 Christmas), Thu 26, Fri 27, Mon 30 → late from
		// Tue 31. With Tue 24 and Thu 26 closed: Mon 23, Fri 27, Mon 30,
		// Tue 31, (Wed 1 January, New Year's Day), Thu 2 → late from Fri
		// 2025-01-03.
		{"NAM shutdown", "NAM", time.Date(2024, 12, 20, 10, 0, 0, 0, ny),
			time.Date(2024, 12, 31, 0, 0, 0, 0, ny), time.Date(2025, 1, 3, 0, 0, 0, 0, ny)},
		// Restored Friday 2025-02-28. National holidays only (Carnival is
		// ponto facultativo): Mon 3 … Fri 7 → late from Sat 8. Counting
		// bank days, Mon 3 and Tue 4 closed: Wed 5, Thu 6, Fri 7, Mon 10,
		// Tue 11 → late from Wed 12.
		{"SAM bank days", "SAM", time.Date(2025, 2, 28, 10, 0, 0, 0, saoPaulo),
			time.Date(2025, 3, 8, 0, 0, 0, 0, saoPaulo), time.Date(2025, 3, 12, 0, 0, 0, 0, saoPaulo)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plain, err := ForRegion(tc.code, nil)
			require.NoError(t, err)
			got := plain.NoticeDeadline(tc.restored)
			assert.True(t, tc.without.Equal(got), "without closures: want %s got %s", tc.without, got)

			closed, err := ForRegionWith(tc.code, nil, closures)
			require.NoError(t, err)
			got = closed.NoticeDeadline(tc.restored)
			assert.True(t, tc.with.Equal(got), "with closures: want %s got %s", tc.with, got)

			none, err := ForRegionWith(tc.code, nil, maintenance.Closures{})
			require.NoError(t, err)
			assert.True(t, tc.without.Equal(none.NoticeDeadline(tc.restored)), "the zero Closures")
		})
	}
	_, err = ForRegionWith("XYZ", nil, closures)
	assert.ErrorIs(t, err, ErrUnknownRegion)
}
