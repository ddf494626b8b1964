package main

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/sla"
)

func TestMinutes(t *testing.T) {
	tests := []struct {
		name string
		d    time.Duration
		want string
	}{
		{"zero", 0, "0"},
		{"whole", 260 * time.Minute, "260"},
		{"half", 12*time.Minute + 30*time.Second, "12.5"},
		// 1 s = 1/60 min = 0.01666…: 1e9 ns is not a multiple of 3.
		{"one second does not end", time.Second, "≈0.016667"},
		{"three seconds end", 3 * time.Second, "0.05"},
		// 3 ns = 1/(2e10) min = 0.00000000005: the finest exact figure.
		{"three nanoseconds", 3, "0.00000000005"},
		{"one nanosecond", 1, "≈0"},
		{"month", 44640 * time.Minute, "44640"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, minutes(tt.d))
		})
	}
}

func TestHMS(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0:00:00"},
		{10 * time.Minute, "0:10:00"},
		{744 * time.Hour, "744:00:00"},
		{43*time.Minute + 12*time.Second + 1, "0:43:12.000000001"},
		{1500 * time.Millisecond, "0:00:01.5"},
		{-90 * time.Second, "-0:01:30"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, hms(tt.d))
		})
	}
}

func TestAmount(t *testing.T) {
	usd, err := sla.ParseCurrency("USD")
	require.NoError(t, err)
	jpy, err := sla.ParseCurrency("JPY")
	require.NoError(t, err)
	tests := []struct {
		cur      sla.Currency
		in, want string
	}{
		{usd, "1250", "1,250.00 USD"},
		{usd, "312.5", "312.50 USD"},
		{usd, "9.999", "9.999 USD"}, // more places than the currency: shown whole, never rounded
		{usd, "0", "0.00 USD"},
		{jpy, "150000", "150,000 JPY"},
		{jpy, "0.5", "0.5 JPY"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, amount(tt.cur, decimal.RequireFromString(tt.in)))
		})
	}
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 112: "112th"} {
		assert.Equal(t, want, ordinal(n))
	}
}

func TestFraction(t *testing.T) {
	tests := []struct {
		up, total time.Duration
		want      string
	}{
		{44380 * time.Minute, 44640 * time.Minute, "44380/44640 minutes"},
		{90 * time.Second, 44640 * time.Minute, "90/2678400 seconds"},
		{1, time.Second, "1/1000000000 nanoseconds"},
	}
	for _, tt := range tests {
		num, den, unit := fraction(tt.up, tt.total)
		assert.Equal(t, tt.want, num+"/"+den+" "+unit)
	}
}

func TestLineCol(t *testing.T) {
	doc := []byte("{\n  \"level\": 1,\n}")
	tests := []struct{ off, line, col int }{
		{0, 1, 1},
		{1, 1, 2}, // the newline itself is on line 1
		{2, 2, 1},
		{4, 2, 3},
		{len(doc) - 1, 3, 1},
		{-5, 1, 1},       // clamped
		{1000, 3, 2},     // clamped to the end
		{len(doc), 3, 2}, // just after the last byte
	}
	for _, tt := range tests {
		line, col := lineCol(doc, tt.off)
		assert.Equal(t, [2]int{tt.line, tt.col}, [2]int{line, col}, "offset %d", tt.off)
	}
}

func TestLeafErrors(t *testing.T) {
	a, b, c := errors.New("a"), errors.New("b"), errors.New("c")
	joined := errors.Join(a, errors.Join(b, c))
	assert.Equal(t, []error{a, b, c}, leafErrors(joined), "nested joins are flattened")
	two := fmt.Errorf("%w: %w", a, b) // one problem, two sentinels
	assert.Equal(t, []error{two}, leafErrors(two))
	assert.Equal(t, []string{"a", "b", "c"}, errorLines(joined))
}
