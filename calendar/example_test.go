package calendar_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/us"

	"github.com/slapolicy/slapolicy/calendar"
)

// A month's length is real elapsed time in its location.
func ExampleMonth_Duration() {
	feb := calendar.NewMonth(2024, time.February, nil)
	fmt.Println(feb, feb.Duration().Minutes(), "minutes")

	ny, errNy := time.LoadLocation("America/New_York")
	if errNy != nil {
		fmt.Println(errNy)
		return
	}
	mar := calendar.NewMonth(2024, time.March, ny)
	fmt.Println(mar, "in New York:", mar.Duration().Minutes(), "minutes")
	// Output:
	// 2024-02 41760 minutes
	// 2024-03 in New York: 44580 minutes
}

func ExampleParseMonth() {
	m, err := calendar.ParseMonth("2024-02", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Span())

	_, err = calendar.ParseMonth("2024-13", nil)
	fmt.Println(err)
	// Output:
	// [2024-02-01T00:00:00Z, 2024-03-01T00:00:00Z)
	// calendar: invalid month "2024-13": month is not in 01..12
}

func ExampleNewSpan() {
	start := time.Date(2024, 2, 10, 14, 0, 0, 0, time.UTC)
	s, err := calendar.NewSpan(start, start.Add(90*time.Minute))
	fmt.Println(s.Duration(), err)

	_, err = calendar.NewSpan(start, start.Add(-time.Minute))
	fmt.Println(err)
	// Output:
	// 1h30m0s <nil>
	// calendar: span ends before it starts: end 2024-02-10T13:59:00Z is before start 2024-02-10T14:00:00Z
}

// Overlapping outage reports merge into disjoint spans; subtracting the
// maintenance time leaves what counts.
func ExampleSpanSet() {
	at := func(h, m int) time.Time { return time.Date(2024, 2, 10, h, m, 0, 0, time.UTC) }
	reports, err := calendar.NewSpanSet(
		calendar.Span{Start: at(14, 0), End: at(15, 0)},
		calendar.Span{Start: at(14, 30), End: at(16, 0)}, // overlaps the first
		calendar.Span{Start: at(9, 0), End: at(9, 5)},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	maint, errMaint := calendar.NewSpanSet(calendar.Span{Start: at(8, 0), End: at(14, 45)})
	if errMaint != nil {
		fmt.Println(errMaint)
		return
	}
	for s := range reports.Subtract(maint).All() {
		fmt.Println(s, s.Duration())
	}
	fmt.Println("total", reports.Duration())
	// Output:
	// [2024-02-10T14:45:00Z, 2024-02-10T16:00:00Z) 1h15m0s
	// total 2h5m0s
}

// An outage that crosses midnight at the end of January is assessed in two
// months.
func ExampleSplitByMonth() {
	outage := calendar.Span{
		Start: time.Date(2024, 1, 31, 23, 30, 0, 0, time.UTC),
		End:   time.Date(2024, 2, 1, 0, 45, 0, 0, time.UTC),
	}
	parts, err := calendar.SplitByMonth(outage, time.UTC)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range parts {
		fmt.Println(p.Month, p.Span.Duration())
	}
	// Output:
	// 2024-01 30m0s
	// 2024-02 45m0s
}

// A claim must reach the provider within five business days following the
// incident. Service was restored on the afternoon before Thanksgiving 2024;
// Thanksgiving and the weekend do not count.
func ExampleBusinessDays_Add() {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	days := calendar.NewBusinessDays(ny, us.Holidays...)

	restored := time.Date(2024, 11, 27, 20, 30, 0, 0, time.UTC) // 15:30 in New York
	fifth := days.Add(restored, 5)
	fmt.Println("5th business day starts:", fifth.Format(time.RFC3339))
	fmt.Println("late from:              ", days.EndOfDay(fifth).Format(time.RFC3339))
	fmt.Println("next business day:      ", days.Add(restored, 1).Format("Mon 2006-01-02"))
	fmt.Println("previous business day:  ", days.Add(restored, -1).Format("Mon 2006-01-02"))
	fmt.Println("Saturday, n=0:          ", days.Add(time.Date(2024, 11, 30, 9, 0, 0, 0, ny), 0).Format("Mon 2006-01-02"))
	// Output:
	// 5th business day starts: 2024-12-05T00:00:00-05:00
	// late from:               2024-12-06T00:00:00-05:00
	// next business day:       Fri 2024-11-29
	// previous business day:   Tue 2024-11-26
	// Saturday, n=0:           Mon 2024-12-02
}

// New Year's Day 2022 fell on a Saturday and was observed on Friday
// 31 December 2021: both days are days off.
func ExampleBusinessDays_IsBusinessDay() {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	days := calendar.NewBusinessDays(ny, us.Holidays...)
	for d := time.Date(2021, 12, 30, 12, 0, 0, 0, ny); d.Day() != 4; d = d.AddDate(0, 0, 1) {
		fmt.Println(d.Format("Mon 2006-01-02"), days.IsBusinessDay(d))
	}
	// The date is read in the calendar's location: 03:00 UTC on Monday
	// is still Sunday evening in New York.
	fmt.Println(days.IsBusinessDay(time.Date(2022, 1, 3, 3, 0, 0, 0, time.UTC)))
	// Output:
	// Thu 2021-12-30 true
	// Fri 2021-12-31 false
	// Sat 2022-01-01 false
	// Sun 2022-01-02 false
	// Mon 2022-01-03 true
	// false
}

// Business days in December 2024: the range is half-open, so the first of
// January is not counted, and reversing the ends negates the count.
func ExampleBusinessDays_Between() {
	days := calendar.NewBusinessDays(nil, us.Holidays...) // UTC
	dec := time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC)
	jan := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	fmt.Println(days.Between(dec, jan)) // 22 weekdays, less Christmas
	fmt.Println(days.Between(jan, dec))
	fmt.Println(days.Between(dec, dec.Add(23*time.Hour))) // same day: 0
	// Output:
	// 21
	// -21
	// 0
}

// A Friday and Saturday weekend with the company's own shutdown days.
func ExampleNewBusinessDaysFrom() {
	dubai, err := time.LoadLocation("Asia/Dubai")
	if err != nil {
		panic(err)
	}
	shutdown := map[string]bool{"2024-04-10": true, "2024-04-11": true}
	src := calendar.HolidayFunc(func(d time.Time) bool { return shutdown[d.Format(time.DateOnly)] })
	days := calendar.NewBusinessDaysFrom(dubai, src, time.Friday, time.Saturday)

	tue := time.Date(2024, 4, 9, 10, 0, 0, 0, dubai)
	fmt.Println(days.Add(tue, 1).Format("Mon 2006-01-02 15:04 MST"))
	// Output:
	// Sun 2024-04-14 00:00 +04
}

// A claim notice is due within five business days of the day service was
// restored: restored on Friday 2 February 2024, it is late from the end of
// the fifth business day after it, Friday 9 February, so from Saturday 10
// February 00:00. When the count runs out of the years 1 to 9999, Deadline
// says so.
func ExampleBusinessDays_Deadline() {
	days := calendar.NewBusinessDays(time.UTC, us.Holidays...)
	late, err := days.Deadline(time.Date(2024, 2, 2, 16, 30, 0, 0, time.UTC), 5)
	fmt.Println(late, err)
	_, err = days.Deadline(time.Date(9999, 12, 30, 0, 0, 0, 0, time.UTC), 5)
	fmt.Println(err)
	// Output:
	// 2024-02-10 00:00:00 +0000 UTC <nil>
	// calendar: no business day: 5 business days from "9999-12-30T00:00:00Z" in UTC: outside years 1 to 9999
}

// A validation collects every problem it finds and returns them at once; a
// caller lists them with errors.As.
func ExampleErrorList() {
	errInvalid := errors.New("invalid outage")
	outages := []calendar.Span{
		{Start: time.Date(2024, 4, 3, 10, 0, 0, 0, time.UTC), End: time.Date(2024, 4, 3, 9, 0, 0, 0, time.UTC)},
		{Start: time.Date(2024, 4, 4, 10, 0, 0, 0, time.UTC), End: time.Date(2024, 4, 4, 11, 0, 0, 0, time.UTC)},
		{Start: time.Date(2024, 4, 5, 10, 0, 0, 0, time.UTC), End: time.Date(2024, 4, 5, 9, 30, 0, 0, time.UTC)},
	}
	var problems calendar.ErrorList
	for i, s := range outages {
		problems.Addf(s.Validate(), "%w: outages[%d]", errInvalid, i)
	}
	err := problems.Err()

	var list calendar.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Println(e)
		}
	}
	fmt.Println(errors.Is(err, errInvalid), errors.Is(err, calendar.ErrReversed))
	// Output:
	// invalid outage: outages[0]: calendar: span ends before it starts: end 2024-04-03T09:00:00Z is before start 2024-04-03T10:00:00Z
	// invalid outage: outages[2]: calendar: span ends before it starts: end 2024-04-05T09:30:00Z is before start 2024-04-05T10:00:00Z
	// true true
}

// Correct a rickar/cal list: the bank holiday the United Kingdom
// proclaimed for the State Funeral of Queen Elizabeth II (Monday 19
// September 2022; Banking and Financial Dealings Act 1971, s.1(3)) is not
// in rickar/cal v2.1.26's gb.Holidays.
func ExampleHolidays_With() {
	england := calendar.NewHolidays("gb.Holidays", gb.Holidays...)
	funeral := calendar.Date{Year: 2022, Month: time.September, Day: 19}
	corrected, err := england.With("gb.Holidays, corrected", calendar.Correction{
		Date: funeral, Holiday: true, Name: "State Funeral of Queen Elizabeth II",
		Source: "https://www.thegazette.co.uk/notice/4158896",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2022, time.September, 19, 0, 0, 0, 0, time.UTC)
	fmt.Println(england.IsHoliday(at), corrected.IsHoliday(at))
	fmt.Println(corrected.Corrections()[0])
	// Output:
	// false true
	// 2022-09-19 added (State Funeral of Queen Elizabeth II)
}

// A day as a proclamation names it; a day the month does not have is an
// error, never a silent roll-over into the next month.
func ExampleParseDate() {
	d, err := calendar.ParseDate("2022-09-19") // the state funeral bank holiday (GBR)
	fmt.Println(d, err)
	_, err = calendar.ParseDate("2023-02-29")
	fmt.Println(errors.Is(err, calendar.ErrInvalidDate))
	// Output:
	// 2022-09-19 <nil>
	// true
}

// SplitByMonthSeq yields a span's months one at a time, so even a span of
// centuries costs no memory; here an outage from the evening of 31 January
// into 1 February 2024 (UTC).
func ExampleSplitByMonthSeq() {
	s := calendar.Span{
		Start: time.Date(2024, time.January, 31, 22, 0, 0, 0, time.UTC),
		End:   time.Date(2024, time.February, 1, 1, 30, 0, 0, time.UTC),
	}
	parts, err := calendar.SplitByMonthSeq(s, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for p := range parts {
		fmt.Println(p.Month, p.Span.Duration())
	}
	// Output:
	// 2024-01 2h0m0s
	// 2024-02 1h30m0s
}

// A month beyond the instants time.Time can count is refused, not wrapped
// around to another year.
func ExampleMonth_Validate() {
	fmt.Println(calendar.NewMonth(2024, time.March, nil).Validate())
	err := calendar.NewMonth(1<<40, time.January, nil).Validate()
	fmt.Println(errors.Is(err, calendar.ErrInvalidMonth))
	// Output:
	// <nil>
	// true
}
