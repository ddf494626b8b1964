package sla

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/maintenance"
)

// periodFromBytes builds a policy and a period from fuzz input: a header of
// 4 bytes (month, window, policy options), then 8 bytes per item.
func periodFromBytes(data []byte) (Policy, Period) {
	p := DynamicsCRMOnline()
	if len(data) < 4 {
		data = append(data, make([]byte, 4-len(data))...)
	}
	month := testMonths[int(data[0])%len(testMonths)]
	per := Period{Month: month}
	if r := maintenance.Regions(); data[1]%(byte(len(r))+1) < byte(len(r)) {
		per.Window = r[data[1]%byte(len(r))].Window
	}
	p.WindowNeedsNotice = data[2]&1 != 0
	p.Resolution = []time.Duration{0, time.Nanosecond, time.Second, time.Minute}[data[2]>>1&3]
	p.IntermittentLimit = []time.Duration{0, time.Second, 10 * time.Minute, time.Hour}[data[2]>>3&3]
	if data[2]&0x20 != 0 {
		p.ExcludedCauses = []Cause{CausePreview, CauseAddOn}
	}
	if data[2]&0x40 != 0 {
		p.Measure = MeasureUserMinutes
	}
	per.Users = 1 + int(data[3])
	data = data[4:]
	for len(data) >= 8 {
		// start: seconds from a day before the month, with a sub-second part;
		// length: up to about 18 hours.
		start := month.Start().Add(-24*time.Hour + time.Duration(binary.LittleEndian.Uint32(data[:4])%(33*86400))*time.Second + time.Duration(data[4])*time.Millisecond)
		length := time.Duration(binary.LittleEndian.Uint16(data[5:7])) * time.Second
		kind := data[7]
		s := span(start, start.Add(length))
		switch {
		case kind < 200:
			var cause Cause
			if kind%2 == 1 {
				cause = Causes()[int(kind/2)%len(Causes())]
			}
			per.Outages = append(per.Outages, Outage{Span: s, Cause: cause, Users: int(data[4]) % (per.Users + 1)})
		default:
			lead := []time.Duration{0, 24*time.Hour - 1, 24 * time.Hour, 48 * time.Hour}[kind%4]
			per.Notices = append(per.Notices, maintenance.Notice{Span: s, Announced: start.Add(-lead)})
		}
		data = data[8:]
	}
	return p, per
}

// FuzzAssess checks Assess's invariants on arbitrary outages and notices:
// the accounting identity, 0 ≤ uptime ≤ 100, a credit of 0 or one of the
// tiers', parts that tile the outage time.
func FuzzAssess(f *testing.F) {
	f.Add([]byte{2, 0, 0, 0})
	f.Add([]byte{2, 1, 0x3f, 0, 1, 2, 3, 4, 5, 6, 7, 0, 10, 20, 30, 40, 50, 60, 70, 1, 11, 21, 31, 41, 51, 61, 71, 201})
	f.Add([]byte{0, 3, 0x10, 0, 0, 0, 0, 0, 0, 0x58, 0x02, 0, 0, 0x58, 0x02, 0, 0, 0x58, 0x02, 0})
	f.Add([]byte{3, 12, 0x2a, 0, 0x80, 0x51, 1, 0, 0, 0xff, 0xff, 0, 0x80, 0x51, 1, 0, 0, 0xff, 0xff, 202})
	f.Add([]byte{2, 0, 0x40, 99, 0, 0, 0, 0, 7, 0x58, 0x02, 0, 0, 0, 0, 0, 80, 0x58, 0x02, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		p, per := periodFromBytes(data)
		a, err := p.Assess(per)
		require.NoError(t, err)
		checkInvariants(t, p, a)
	})
}

// FuzzPolicyJSON checks that reading any document never panics, that a
// document that reads is valid, and that what it reads writes and reads
// back to an equal policy that writes the same bytes.
func FuzzPolicyJSON(f *testing.F) {
	f.Add(dynamicsJSON)
	f.Add(`{}`)
	f.Add(`null`)
	f.Add(`{"level":"99.95","tiers":[{"below":"99.95","credit":"10"}],"creditCap":"30","excludedCauses":["preview"],"currencyPlaces":0}`)
	f.Add(strings.Replace(dynamicsJSON, `"24h0m0s"`, `"24h"`, 1))
	f.Add(strings.Replace(dynamicsJSON, `"currencyPlaces": 2`, `"currencyPlaces": 2, "measure": "user-minutes", "minimumPeriod": "5m", "minimumPayout": "25.00"`, 1))
	f.Add(strings.Replace(dynamicsJSON, `"creditCap": "100"`, `"creditCap": "1e-999999999"`, 1))
	f.Fuzz(func(t *testing.T, in string) {
		p, err := ParsePolicy(strings.NewReader(in))
		if err != nil {
			require.ErrorIs(t, err, ErrInvalidPolicy)
			return
		}
		require.NoError(t, p.Validate())
		b, err := json.Marshal(p)
		require.NoError(t, err)
		q, err := ParsePolicy(strings.NewReader(string(b)))
		require.NoError(t, err)
		policiesEqual(t, p, q)
		b2, err := json.Marshal(q)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(b2))
	})
}

// FuzzTierChoice compares the integer tier choice, level check and uptime
// with the decimal reference on any total, downtime and a one-tier policy
// whose Below and Level are c × 10^e.
func FuzzTierChoice(f *testing.F) {
	f.Add(uint64(30*24*time.Hour), uint64(43*time.Minute+12*time.Second), uint64(999), int8(-1))
	f.Add(uint64(30*24*time.Hour), uint64(43*time.Minute+12*time.Second+1), uint64(999), int8(-1))
	f.Add(uint64(math.MaxUint64), uint64(1), uint64(1), int8(2))
	f.Add(uint64(1), uint64(0), uint64(1), int8(-18))
	f.Add(uint64(1e18), uint64(1e15), uint64(999999999999999999), int8(-16))
	f.Fuzz(func(t *testing.T, total, down, c uint64, e int8) {
		if total == 0 || c == 0 {
			return
		}
		down = min(down, total)
		x := decimal.NewFromBigInt(new(big.Int).SetUint64(c), int32(e))
		p := DynamicsCRMOnline()
		p.Level, p.Tiers = x, []Tier{{Below: x, Credit: decimal.New(25, 0)}}
		if p.Validate() != nil {
			return
		}
		checkAgainstOld(t, p, total, down)
	})
}
