package calendar_test

import (
	"fmt"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

// A month's length is real elapsed time in its location.
func ExampleMonth_Duration() {
	feb := calendar.NewMonth(2024, time.February, nil)
	fmt.Println(feb, feb.Duration().Minutes(), "minutes")

	ny, _ := time.LoadLocation("America/New_York")
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
	maint, _ := calendar.NewSpanSet(calendar.Span{Start: at(8, 0), End: at(14, 45)})
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
