package sla

import (
	"math/big"
	"time"
)

// bigRat is the brute-force reference for percentages: exact rationals.
type bigRat struct{ big.Rat }

// uptime returns (total − clamp(down)) × 100 / total exactly.
func (r *bigRat) uptime(total, down time.Duration) *big.Rat {
	down = min(max(down, 0), total)
	q := new(big.Rat).SetFrac(big.NewInt(int64(total-down)), big.NewInt(int64(total)))
	return q.Mul(q, big.NewRat(100, 1))
}
