package sla

import (
	"encoding/binary"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/maintenance"
)

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

// hostilePeriod builds a policy and a period from fuzz input. The header
// (6 bytes) picks the location, year (1..9999), month, window and policy
// options; then each 9-byte item is an outage or a notice with a start
// anywhere from about 25 days before the month to 25 days after its start,
// at nanosecond precision, and a length that may be negative (a reversed
// span) or a notice announced after it begins. wantErr reports whether the
// period holds such an item.
func hostilePeriod(t testing.TB, data []byte) (p Policy, per Period, wantErr bool) {
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
	for _, seed := range [][]byte{
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
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 6+9*200 {
			data = data[:6+9*200]
		}
		p, per, wantErr := hostilePeriod(t, data)
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
