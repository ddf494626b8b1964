package calendar

import (
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/rickar/cal/v2/us"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConcurrentUse hammers one cold BusinessDays from many goroutines
// (run under -race) and checks every answer against a warm instance used
// from one goroutine. The goroutines fill the year cache concurrently.
func TestConcurrentUse(t *testing.T) {
	ny := bdLoc(t, "America/New_York")
	shared := NewBusinessDays(ny, us.Holidays...)
	ref := NewBusinessDays(ny, us.Holidays...)

	type q struct {
		a, e time.Time
		n    int
	}
	r := rand.New(rand.NewPCG(11, 12))
	qs := make([]q, 400)
	for i := range qs {
		a := randInstant(r, 1900, 2100)
		qs[i] = q{a: a, e: a.AddDate(r.IntN(41)-20, 0, r.IntN(400)), n: r.IntN(6001) - 3000}
	}
	type ans struct {
		add  time.Time
		btw  int
		biz  bool
		addE time.Time
	}
	want := make([]ans, len(qs))
	for i, x := range qs {
		want[i] = ans{ref.Add(x.a, x.n), ref.Between(x.a, x.e), ref.IsBusinessDay(x.a), ref.EndOfDay(x.a)}
	}

	const workers = 32
	var wg sync.WaitGroup
	errs := make(chan string, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each worker starts at a different place so that years are
			// first computed by different goroutines at once.
			for k := range qs {
				i := (k + w*len(qs)/workers) % len(qs)
				x := qs[i]
				got := ans{shared.Add(x.a, x.n), shared.Between(x.a, x.e), shared.IsBusinessDay(x.a), shared.EndOfDay(x.a)}
				if !got.add.Equal(want[i].add) || got.btw != want[i].btw || got.biz != want[i].biz || !got.addE.Equal(want[i].addE) {
					errs <- "mismatch at " + x.a.String()
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestSourceNotCalledConcurrently: a HolidaySource with unsynchronised
// state is safe to plug in, because BusinessDays serialises its calls
// (-race would report a data race otherwise), and it is asked about each
// day once.
func TestSourceNotCalledConcurrently(t *testing.T) {
	asked := map[time.Time]int{} // unsynchronised on purpose
	src := HolidayFunc(func(d time.Time) bool {
		asked[d]++
		return d.Day() == 13
	})
	b := NewBusinessDaysFrom(nil, src)
	var wg sync.WaitGroup
	for w := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			from := time.Date(2000+w%4, 1, 1, 0, 0, 0, 0, time.UTC)
			for i := range 50 {
				b.Add(from, i*37)
				b.Between(from, from.AddDate(0, 0, i*11))
			}
		}()
	}
	wg.Wait()
	require.NotEmpty(t, asked)
	for d, n := range asked {
		assert.Equal(t, 1, n, "asked %d times about %s", n, d)
	}
	assert.False(t, b.IsBusinessDay(time.Date(2001, 4, 13, 0, 0, 0, 0, time.UTC)))
}
