package sla

import (
	"math/big"
	"time"

	"github.com/shopspring/decimal"
)

// UserTime is a month's accounting in user-time, for a policy that
// measures user-minutes: each amount is the sum over moments of the users
// affected, in user-seconds, exact to the nanosecond (a decimal with at
// most 9 places; divide by 60 for user-minutes). Total = Up + Downtime +
// the sum of Excluded, exactly. Excluded is a new map for every
// assessment; treat it as read-only. UserTime is a value; when not
// modified it is safe for concurrent use. The zero UserTime is empty.
type UserTime struct {
	Users    int                        // the period's licensed users
	Total    decimal.Decimal            // Users × the assessed span
	Downtime decimal.Decimal            // what counts, after Resolution
	Up       decimal.Decimal            // user-time no outage touched
	Excluded map[Reason]decimal.Decimal // user-time that did not count, by reason

	total, down *big.Int // Total and Downtime in user-nanoseconds; not modified
}

// userSums accumulates user-nanoseconds during Assess. Its methods do
// nothing on a nil receiver, so minute policies pay nothing.
type userSums struct {
	excluded [numCodes]big.Int // by reason code
	counted  big.Int
	outage   big.Int
	rounding big.Int // what Resolution adds, before the cap at Up

	pending    big.Int // user-time of the builder's pending piece
	pendingMax int64   // the most users in the pending piece
	tmp, tmp2  big.Int
}

// piece adds d × users to the pending piece, starting a new one unless
// join.
func (u *userSums) piece(d time.Duration, users int64, join bool) {
	if u == nil {
		return
	}
	u.tmp.SetInt64(users)
	u.tmp2.SetInt64(int64(d))
	u.tmp.Mul(&u.tmp, &u.tmp2)
	u.outage.Add(&u.outage, &u.tmp)
	if join {
		u.pending.Add(&u.pending, &u.tmp)
		u.pendingMax = max(u.pendingMax, users)
		return
	}
	u.pending.Set(&u.tmp)
	u.pendingMax = users
}

// flush records the pending piece under reason code c: as excluded time,
// or for codeCounted as counted downtime, where extra is the time
// Resolution adds, weighed by the most users in the piece.
func (u *userSums) flush(c code, extra time.Duration) {
	if u == nil {
		return
	}
	if c != codeCounted {
		u.excluded[c].Add(&u.excluded[c], &u.pending)
		return
	}
	u.counted.Add(&u.counted, &u.pending)
	u.tmp.SetInt64(u.pendingMax)
	u.tmp2.SetInt64(int64(extra)) // 0 with exact resolution
	u.tmp.Mul(&u.tmp, &u.tmp2)
	u.rounding.Add(&u.rounding, &u.tmp)
}

// userTime returns the user-time accounting of a span of length total
// with users licensed users.
func (b *builder) userTime(users int, total time.Duration) *UserTime {
	u := b.user
	all := new(big.Int).Mul(big.NewInt(int64(users)), big.NewInt(int64(total)))
	up := new(big.Int).Sub(all, &u.outage)
	rounding := &u.rounding
	if rounding.Cmp(up) > 0 {
		rounding = up
	}
	down := new(big.Int).Add(&u.counted, rounding)
	up.Sub(up, rounding)
	seconds := func(ns *big.Int) decimal.Decimal { return decimal.NewFromBigInt(ns, -9) }
	excluded := make(map[Reason]decimal.Decimal)
	for i := range u.excluded {
		if u.excluded[i].Sign() > 0 {
			excluded[code(i).reason()] = seconds(&u.excluded[i])
		}
	}
	return &UserTime{
		Users:    users,
		Total:    seconds(all),
		Downtime: seconds(down),
		Up:       seconds(up),
		Excluded: excluded,
		total:    all,
		down:     down,
	}
}

// maxUsers is a max-heap of the outages that may cover the sweep's
// instant, by users; outages that have ended are dropped lazily.
type maxUsers []activeOutage

// activeOutage is an outage's end, as an offset from the month's start,
// and its users.
type activeOutage struct {
	end   time.Duration
	users int64
}

// push adds an outage ending at end that affects users.
func (h *maxUsers) push(end time.Duration, users int64) {
	*h = append(*h, activeOutage{end, users})
	a := *h
	for i := len(a) - 1; i > 0; {
		parent := (i - 1) / 2
		if a[parent].users >= a[i].users {
			break
		}
		a[parent], a[i] = a[i], a[parent]
		i = parent
	}
}

// top drops the outages on top that ended by t and returns the end of the
// one left on top, which covers t whenever any outage does, and true; or
// false when none is left.
func (h *maxUsers) top(t time.Duration) (time.Duration, bool) {
	for len(*h) > 0 && (*h)[0].end <= t {
		h.pop()
	}
	if len(*h) == 0 {
		return 0, false
	}
	return (*h)[0].end, true
}

// users returns the users of the outage on top, 0 when empty.
func (h maxUsers) users() int64 {
	if len(h) == 0 {
		return 0
	}
	return h[0].users
}

// pop removes the top.
func (h *maxUsers) pop() {
	a := *h
	n := len(a) - 1
	a[0] = a[n]
	a = a[:n]
	for i := 0; ; {
		l, r, big := 2*i+1, 2*i+2, i
		if l < n && a[l].users > a[big].users {
			big = l
		}
		if r < n && a[r].users > a[big].users {
			big = r
		}
		if big == i {
			break
		}
		a[i], a[big] = a[big], a[i]
		i = big
	}
	*h = a
}
