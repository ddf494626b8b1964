package claims

import (
	"strconv"
	"testing"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

var sinkTime time.Time

// naiveNoticeDeadline walks day by day with IsBusinessDay: the baseline
// NoticeDeadline is measured against.
func naiveNoticeDeadline(days *calendar.BusinessDays, restored time.Time, n int) time.Time {
	loc := days.Location()
	y, m, d := restored.In(loc).Date()
	for k := 0; k < n; {
		d++
		if days.IsBusinessDay(time.Date(y, m, d, 12, 0, 0, 0, loc)) {
			k++
		}
	}
	return time.Date(y, m, d+1, 0, 0, 0, 0, loc)
}

// BenchmarkNoticeDeadline: the Dynamics CRM Online rules' 5 business days
// and a 250-day period, against a day-by-day walk over the same (warm)
// calendar.
func BenchmarkNoticeDeadline(b *testing.B) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		b.Fatal(err)
	}
	days := calendar.NewBusinessDays(ny, usHolidays()...)
	restored := time.Date(2021, 12, 28, 15, 0, 0, 0, ny)
	for _, n := range []int{5, 250} {
		r := DynamicsCRMOnline(days)
		r.NoticeBusinessDays = n
		if !r.NoticeDeadline(restored).Equal(naiveNoticeDeadline(days, restored, n)) {
			b.Fatalf("n=%d: NoticeDeadline and the naive walk disagree", n)
		}
		b.Run(labelN("library", n), func(b *testing.B) {
			for range b.N {
				sinkTime = r.NoticeDeadline(restored)
			}
		})
		b.Run(labelN("naive-walk", n), func(b *testing.B) {
			for range b.N {
				sinkTime = naiveNoticeDeadline(days, restored, n)
			}
		})
	}
}

func labelN(name string, n int) string { return name + "/n=" + strconv.Itoa(n) }

var sinkErr error

// BenchmarkCheck: a complete claim and an empty one (ten problems joined).
func BenchmarkCheck(b *testing.B) {
	r := DynamicsCRMOnline(usUTC)
	b.Run("complete", func(b *testing.B) {
		c := goodClaim()
		for range b.N {
			sinkErr = r.Check(c)
		}
	})
	b.Run("empty", func(b *testing.B) {
		for range b.N {
			sinkErr = r.Check(Claim{})
		}
	})
}
