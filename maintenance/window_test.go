package maintenance

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewWindow(t *testing.T) {
	w, err := NewWindow(hm(19, 30), hm(1, 0))
	require.NoError(t, err)
	assert.Equal(t, mustWindow(t, "7:30PM to 1AM"), w)

	w, err = NewWindow(hm(15, 0), 24*time.Hour)
	require.NoError(t, err)
	assert.Equal(t, mustWindow(t, "3 PM to 12 AM"), w, "24h end is midnight")

	bad := []struct {
		name       string
		start, end time.Duration
		why        string
	}{
		{"negative start", -time.Minute, time.Hour, "start -1m0s is outside"},
		{"end over a day", 0, 25 * time.Hour, "end 25h0m0s is outside"},
		{"not whole minute", 30 * time.Second, time.Hour, "start 30s is not a whole number of minutes"},
		{"equal", time.Hour, time.Hour, "end equals start"},
		{"0 and 24h equal", 0, 24 * time.Hour, "end equals start"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewWindow(tc.start, tc.end)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidWindow)
			assert.Contains(t, err.Error(), tc.why)
		})
	}
}

func TestZeroWindow(t *testing.T) {
	var w Window
	at := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	assert.True(t, w.IsZero())
	assert.Equal(t, "", w.String())
	assert.False(t, w.Contains(at))
	assert.Zero(t, w.Duration())
	assert.False(t, w.CrossesMidnight())
	assert.True(t, w.Next(at).IsZero())
	span := spanOf(at, at.AddDate(1, 0, 0))
	assert.Zero(t, w.Overlap(span))
	n := 0
	for range w.Occurrences(span) {
		n++
	}
	assert.Zero(t, n)
	text, err := w.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, text)
}

func TestCrossesMidnight(t *testing.T) {
	assert.True(t, mustWindow(t, "5 PM to 2 AM").CrossesMidnight(), "DEU")
	assert.True(t, mustWindow(t, "7:30PM to 1AM").CrossesMidnight(), "IND")
	assert.False(t, mustWindow(t, "3 PM to 12 AM").CrossesMidnight(), "ends at midnight")
	assert.False(t, mustWindow(t, "12 AM to 10 AM").CrossesMidnight(), "SAM")
}

func TestWindowText(t *testing.T) {
	type config struct {
		Window Window `json:"window"`
	}
	var c config
	require.NoError(t, json.Unmarshal([]byte(`{"window":" 7:30PM to 1AM "}`), &c))
	assert.Equal(t, mustWindow(t, "19:30-01:00"), c.Window)
	out, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, `{"window":"7:30 PM to 1 AM"}`, string(out))

	require.NoError(t, json.Unmarshal([]byte(`{"window":""}`), &c))
	assert.True(t, c.Window.IsZero(), "empty text is the zero Window")
	out, err = json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, `{"window":""}`, string(out))

	c.Window = mustWindow(t, "2 AM to 11 AM")
	err = json.Unmarshal([]byte(`{"window":"2 AM to 2 AM"}`), &c)
	assert.ErrorIs(t, err, ErrInvalidWindow)
	assert.Equal(t, mustWindow(t, "2 AM to 11 AM"), c.Window, "unchanged on error")
}
