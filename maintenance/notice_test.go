package maintenance

import (
	"errors"
	"testing"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNoticeLeadAndMeets(t *testing.T) {
	work := spanOf(utc(2024, 4, 10, 2, 0), utc(2024, 4, 10, 6, 0))
	cases := []struct {
		name      string
		announced time.Time
		lead      time.Duration
		meets24h  bool
	}{
		// Microsoft Dynamics CRM Online Service Level Agreement, section E,
		// definition 11: "at least 24-hours prior to the commencement".
		{"exactly 24h meets 24h", utc(2024, 4, 9, 2, 0), 24 * time.Hour, true},
		{"1ns short of 24h", utc(2024, 4, 9, 2, 0).Add(1), 24*time.Hour - 1, false},
		{"a week ahead", utc(2024, 4, 3, 2, 0), 7 * 24 * time.Hour, true},
		{"announced at the start", utc(2024, 4, 10, 2, 0), 0, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n, err := NewNotice(work, tc.announced)
			require.NoError(t, err)
			assert.Equal(t, tc.lead, n.Lead())
			assert.Equal(t, tc.meets24h, n.Meets(24*time.Hour))
			assert.True(t, n.Meets(tc.lead), "meets its own lead")
			assert.False(t, n.Meets(tc.lead+1))
		})
	}
}

func TestNoticeValidate(t *testing.T) {
	work := spanOf(utc(2024, 4, 10, 2, 0), utc(2024, 4, 10, 6, 0))
	cases := []struct {
		name   string
		n      Notice
		is     []error
		phrase []string
	}{
		{"announced after start", Notice{Span: work, Announced: utc(2024, 4, 10, 3, 0)},
			[]error{ErrInvalidNotice, ErrAnnouncedLate}, []string{"announced 2024-04-10T03:00:00Z is after span start 2024-04-10T02:00:00Z"}},
		{"reversed span", Notice{Span: spanOf(work.End, work.Start), Announced: utc(2024, 4, 1, 0, 0)},
			[]error{ErrInvalidNotice, calendar.ErrReversed}, []string{"span: ", "end 2024-04-10T02:00:00Z is before start 2024-04-10T06:00:00Z"}},
		{"zero announced", Notice{Span: work},
			[]error{ErrInvalidNotice}, []string{"announced is the zero time"}},
		{"both at once", Notice{Span: spanOf(work.End, work.Start), Announced: utc(2024, 4, 11, 0, 0)},
			[]error{ErrInvalidNotice, calendar.ErrReversed, ErrAnnouncedLate}, []string{"span: ", "announced 2024-04-11T00:00:00Z"}},
		{"zero notice", Notice{}, []error{ErrInvalidNotice}, []string{"announced is the zero time"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.n.Validate()
			require.Error(t, err)
			for _, target := range tc.is {
				assert.True(t, errors.Is(err, target), "is %v: %v", target, err)
			}
			for _, p := range tc.phrase {
				assert.Contains(t, err.Error(), p)
			}
			assert.False(t, tc.n.Meets(0), "an invalid notice meets nothing")
			_, err = NewNotice(tc.n.Span, tc.n.Announced)
			assert.ErrorIs(t, err, ErrInvalidNotice)
		})
	}
	// An empty maintenance announced in time is valid.
	_, err := NewNotice(spanOf(work.Start, work.Start), work.Start.Add(-time.Hour))
	assert.NoError(t, err)
}

func TestNoticeString(t *testing.T) {
	n := Notice{Span: spanOf(utc(2024, 4, 10, 2, 0), utc(2024, 4, 10, 6, 0)), Announced: utc(2024, 4, 8, 9, 0)}
	assert.Equal(t, "announced 2024-04-08T09:00:00Z for [2024-04-10T02:00:00Z, 2024-04-10T06:00:00Z)", n.String())
}
