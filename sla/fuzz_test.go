package sla

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
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

// fuzzLocations are the locations FuzzAssessAnyMonth reads months in: UTC,
// whole-hour and half-hour DST, a skipped day, a quarter-hour offset.
var fuzzLocations = []string{"UTC", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Kathmandu"}

// loadFuzzLocations loads fuzzLocations once: time.LoadLocation reads the
// zone file on every call.
var loadFuzzLocations = sync.OnceValues(func() ([]*time.Location, error) {
	locs := make([]*time.Location, len(fuzzLocations))
	for i, name := range fuzzLocations {
		loc, err := time.LoadLocation(name)
		if err != nil {
			return nil, err
		}
		locs[i] = loc
	}
	return locs, nil
})

// anyMonthPeriod builds a policy and a period from fuzz input. The header
// (6 bytes) picks the location, year (1..9999), month, window and policy
// options; then each 9-byte item is an outage or a notice with a start
// anywhere from about 25 days before the month to 25 days after its start,
// at nanosecond precision, and a length that may be negative (a reversed
// span) or a notice announced after it begins. wantErr reports whether the
// period holds such an item.
func anyMonthPeriod(t testing.TB, data []byte) (p Policy, per Period, wantErr bool) {
	if len(data) < 6 {
		data = append(data, make([]byte, 6-len(data))...)
	}
	locs, err := loadFuzzLocations()
	require.NoError(t, err)
	loc := locs[int(data[0])%len(locs)]
	year := 1 + int(binary.LittleEndian.Uint16(data[1:3]))%9999
	month := calendar.NewMonth(year, time.Month(1+int(data[3])%12), loc)
	per = Period{Month: month}
	if r := maintenance.Regions(); int(data[4])%(len(r)+1) < len(r) {
		per.Window = r[int(data[4])%(len(r)+1)].Window
	}
	p = DynamicsCRMOnline()
	flags := data[5]
	p.WindowNeedsNotice = flags&1 != 0
	p.Resolution = []time.Duration{0, time.Nanosecond, time.Minute, 7 * time.Minute}[flags>>1&3]
	p.IntermittentLimit = []time.Duration{0, time.Nanosecond, 10 * time.Minute, 3 * time.Hour}[flags>>3&3]
	p.MinimumPeriod = []time.Duration{0, 5 * time.Minute}[flags>>5&1]
	if flags&0x40 != 0 {
		p.ExcludedCauses = []Cause{CausePreview, CauseOutsideControl}
	}
	data = data[6:]
	for len(data) >= 9 {
		// start: a signed 32-bit count of 1.2 ms steps (about ±30 days
		// around the month's start) plus up to 255 ns.
		off := time.Duration(int32(binary.LittleEndian.Uint32(data[0:4])))*1200*time.Microsecond + time.Duration(data[4])
		// length: a signed 24-bit count of 0.5 s steps (about ±97 days)
		// with an odd nanosecond when the low bit of kind is set.
		raw := int32(uint32(data[5])|uint32(data[6])<<8|uint32(data[7])<<16) << 8 >> 8
		length := time.Duration(raw)*500*time.Millisecond + time.Duration(data[8]&1)
		kind := data[8] >> 1
		start := month.Start().Add(off)
		s := calendar.Span{Start: start, End: start.Add(length)}
		if length < 0 {
			wantErr = true
		}
		if kind < 100 {
			var cause Cause
			if kind%3 == 1 {
				cause = Causes()[int(kind)%len(Causes())]
			}
			per.Outages = append(per.Outages, Outage{Span: s, Cause: cause})
		} else {
			lead := []time.Duration{0, 24*time.Hour - 1, 24 * time.Hour, 400 * time.Hour, -1}[int(kind)%5]
			if lead < 0 {
				wantErr = true
			}
			per.Notices = append(per.Notices, maintenance.Notice{Span: s, Announced: start.Add(-lead)})
		}
		data = data[9:]
	}
	return p, per, wantErr
}

// FuzzAssessAnyMonth checks Assess on months of any year and location
// (DST, half-hour shifts, a skipped day) with outages and notices at
// nanosecond precision: never a panic or a hang; an error wrapping
// ErrInvalidPeriod exactly when a span is reversed or a notice was
// announced after it began; otherwise the accounting identity, an uptime
// in [0, 100], a credit of 0 or a tier's, and parts that tile the outage
// time (checkInvariants).
func FuzzAssessAnyMonth(f *testing.F) {
	for _, in := range [][]byte{
		{0, 0xe7, 0x07, 3, 0, 0},                                     // April 2024 UTC, nothing
		{1, 0xe7, 0x07, 2, 0, 0x12, 0, 0, 0, 0, 0, 0x10, 0x0e, 0, 0}, // New York March 2024, an 8h outage from the start
		{2, 0xe7, 0x07, 3, 9, 0x7f, 0x10, 0, 0, 0, 7, 0x20, 0x1c, 0, 0x01, 0x10, 0, 0, 0, 7, 0x20, 0x1c, 0, 0xd0},     // Lord Howe April, IND window, an outage and a notice
		{3, 0xda, 0x07, 11, 0, 0x08, 0x00, 0, 0x60, 0xfe, 0, 0x40, 0x7e, 0x05, 0},                                     // Apia December 2011, across the skipped day
		{4, 0x0e, 0x27, 11, 1, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0x7f, 0x03},                                              // Kathmandu December 9999, longest outage
		{0, 0, 0, 0, 12, 0x41, 0xff, 0xff, 0xff, 0xff, 0, 0x10, 0, 0, 0x02},                                           // January of year 1, GBR window
		{0, 0xe7, 0x07, 3, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0},                                                  // a reversed outage
		{0, 0xe7, 0x07, 3, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0xd8},                                                     // a notice announced after it began
		{1, 0xe7, 0x07, 10, 5, 0x0a, 0, 0x10, 0, 0, 0, 1, 0, 0, 0, 0, 0x10, 0, 0, 0, 1, 0, 0, 0, 0, 0x10, 0, 0, 0, 1}, // New York November 2024, duplicate half-second outages
	} {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 6+9*200 {
			data = data[:6+9*200]
		}
		p, per, wantErr := anyMonthPeriod(t, data)
		a, err := p.Assess(per)
		if wantErr {
			require.ErrorIs(t, err, ErrInvalidPeriod)
			return
		}
		require.NoError(t, err)
		require.Equal(t, per.Month.Duration(), a.Total)
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

// FuzzParseCurrency: ParseCurrency never panics; it accepts a code
// exactly when its trimmed upper-case form is an active ISO 4217 code
// with a minor unit, and the currency it returns reads back from its own
// code; an error wraps ErrUnknownCurrency and stays short.
func FuzzParseCurrency(f *testing.F) {
	for _, s := range []string{"USD", " eur ", "JPY", "KWD", "CLF", "XAU", "BGN", "", "€", "usdx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		c, err := ParseCurrency(code)
		if err != nil {
			require.ErrorIs(t, err, ErrUnknownCurrency)
			assert.True(t, c.IsZero())
			assert.Less(t, len(err.Error()), 400, "60 bytes of code, each at most 4 when quoted")
			return
		}
		assert.Equal(t, strings.ToUpper(strings.TrimSpace(code)), c.Code())
		assert.GreaterOrEqual(t, c.Places(), 0)
		assert.LessOrEqual(t, c.Places(), 4)
		back, err := ParseCurrency(c.Code())
		require.NoError(t, err)
		assert.Equal(t, c, back)
	})
}

// FuzzCurrencyFormat: Format writes exactly Round(d), with the minor
// unit's places, thousands separated by commas and the code after a
// space: removing the commas and the code gives Round(d) back.
func FuzzCurrencyFormat(f *testing.F) {
	for _, tc := range []struct {
		amount, code string
	}{{"1050", "EUR"}, {"149999.5", "JPY"}, {"12.3455", "KWD"}, {"-0.5", "USD"}, {"0", "CLF"}, {"-1234567.891", "BHD"}} {
		f.Add(tc.amount, tc.code)
	}
	f.Fuzz(func(t *testing.T, amount, code string) {
		d, err := decimal.NewFromString(amount)
		if err != nil || d.Exponent() < -40 || d.Exponent() > 40 || len(d.Coefficient().String()) > 60 {
			return
		}
		c, err := ParseCurrency(code)
		if err != nil {
			return
		}
		s := c.Format(d)
		num, cur, ok := strings.Cut(s, " ")
		require.True(t, ok, s)
		assert.Equal(t, c.Code(), cur)
		if _, frac, ok := strings.Cut(num, "."); ok {
			assert.Len(t, frac, c.Places(), s)
		} else {
			assert.Zero(t, c.Places(), s)
		}
		back, err := decimal.NewFromString(strings.ReplaceAll(num, ",", ""))
		require.NoError(t, err, s)
		assert.True(t, c.Round(d).Equal(back), "%s: Round gives %s", s, c.Round(d))
	})
}
