package comms

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDutyCheckRecipients pins Duty.Check for a duty to four recipients
// as of several instants: pending until Due, then missed for those never
// sent to and late for those sent to at or after Due; recipients match
// case-insensitively on their address part; only the duty's Kind and Ref
// count, and only messages sent by the instant.
func TestDutyCheckRecipients(t *testing.T) {
	due := at(2024, 3, 8, 16, 0).Add(time.Nanosecond) // 24h before a 16:00 start, exactly 24h on time
	d := Duty{Kind: KindPlanned, Ref: "MC2", Recipients: []string{"ana@contoso.com", "bo@contoso.com", "cy@contoso.com", "dee@contoso.com"}, Due: due}
	msgs := []Message{
		{Kind: KindPlanned, Ref: "MC2", Sent: at(2024, 3, 8, 16, 0), Recipients: []string{"ANA@contoso.com", "Bo <bo@contoso.com>"}},
		{Kind: KindPlanned, Ref: "MC2", Sent: at(2024, 3, 8, 19, 0), Recipients: []string{"cy@contoso.com", "ana@contoso.com"}},
		{Kind: KindPlanned, Ref: "MC9", Sent: at(2024, 3, 1, 0, 0), Recipients: []string{"dee@contoso.com"}},  // another plan
		{Kind: KindOverrun, Ref: "MC2", Sent: at(2024, 3, 1, 0, 0), Recipients: []string{"dee@contoso.com"}},  // another kind
		{Kind: KindPlanned, Ref: "MC2", Sent: at(2024, 3, 20, 0, 0), Recipients: []string{"dee@contoso.com"}}, // after asOf
	}
	cases := []struct {
		name   string
		asOf   time.Time
		status Status
		errs   []string
	}{
		{"before any message: pending", at(2024, 3, 8, 12, 0), StatusPending, nil},
		{"just before due: ana and bo on time, others pending", at(2024, 3, 8, 16, 0), StatusPending, nil},
		{"at due: cy and dee not sent to", due, StatusMissed, []string{
			`planned-maintenance "MC2": comms: not notified: cy@contoso.com, dee@contoso.com (due before 2024-03-08T16:00:00.000000001Z)`,
		}},
		{"a week later: cy late by 3h, dee never (the later message does not count yet)", at(2024, 3, 15, 0, 0), StatusMissed, []string{
			`planned-maintenance "MC2": comms: not notified: dee@contoso.com (due before 2024-03-08T16:00:00.000000001Z)`,
			`planned-maintenance "MC2": comms: notification late: cy@contoso.com at 2024-03-08T19:00:00Z (late by 2h59m59.999999999s) (due before 2024-03-08T16:00:00.000000001Z)`,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, err := d.Check(msgs, c.asOf)
			assert.Equal(t, c.status, st)
			if c.errs == nil {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Equal(t, strings.Join(c.errs, "\n"), err.Error())
			assert.ErrorIs(t, err, ErrNotNotified)
			assert.Equal(t, len(c.errs) == 2, errors.Is(err, ErrNotificationLate))
			var de *DutyError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, "MC2", de.Duty.Ref)
		})
	}

	// Once dee's message counts, only lateness remains.
	st, err := d.Check(msgs, at(2024, 3, 21, 0, 0))
	assert.Equal(t, StatusLate, st)
	assert.ErrorIs(t, err, ErrNotificationLate)
	assert.NotErrorIs(t, err, ErrNotNotified)
	var de *DutyError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, []string{"cy@contoso.com", "dee@contoso.com"}, de.To)
	assert.True(t, de.Sent[1].Equal(at(2024, 3, 20, 0, 0)))
	assert.Equal(t, `planned-maintenance "MC2": comms: notification late: cy@contoso.com at 2024-03-08T19:00:00Z (late by 2h59m59.999999999s), `+
		`dee@contoso.com at 2024-03-20T00:00:00Z (late by 271h59m59.999999999s) (due before 2024-03-08T16:00:00.000000001Z)`, err.Error())
}

// TestDutyCheckPost pins Duty.Check for a post (no recipients): pending
// before Due, missed at Due, met by a post before it, late by the first
// post at or after it.
func TestDutyCheckPost(t *testing.T) {
	end := at(2024, 3, 10, 4, 10)
	d := Duty{Kind: KindOverrun, Ref: "MC10", Due: end}
	posted := func(t time.Time) []Message { return []Message{{Kind: KindOverrun, Ref: "MC10", Sent: t}} }

	st, err := d.Check(nil, end.Add(-time.Nanosecond))
	assert.Equal(t, StatusPending, st)
	assert.NoError(t, err)

	st, err = d.Check(nil, end)
	assert.Equal(t, StatusMissed, st)
	assert.ErrorIs(t, err, ErrNotNotified)
	assert.Equal(t, `maintenance-overrun "MC10": comms: not notified: nothing posted (due before 2024-03-10T04:10:00Z)`, err.Error())

	st, err = d.Check(posted(at(2024, 3, 10, 3, 30)), end)
	assert.Equal(t, StatusMet, st)
	assert.NoError(t, err)

	st, err = d.Check(append(posted(end), posted(end.Add(time.Hour))...), end.Add(2*time.Hour))
	assert.Equal(t, StatusLate, st)
	assert.ErrorIs(t, err, ErrNotificationLate)
	assert.Equal(t, `maintenance-overrun "MC10": comms: notification late: posted at 2024-03-10T04:10:00Z (late by 0s) (due before 2024-03-10T04:10:00Z)`, err.Error())
}

// TestDutyAndStatusStrings pins Duty.String and Status.String; the first
// Status past the table (4) is written as a number, never looked up past
// its end.
func TestDutyAndStatusStrings(t *testing.T) {
	d := Duty{Kind: KindPlanned, Ref: "MC2", Recipients: []string{"a@b.c"}, Due: at(2024, 3, 8, 16, 0), Reason: "why"}
	assert.Equal(t, `planned-maintenance "MC2" to 1 recipient, due before 2024-03-08T16:00:00Z: why`, d.String())
	d.Recipients = append(d.Recipients, "d@e.f")
	d.Reason = ""
	assert.Equal(t, `planned-maintenance "MC2" to 2 recipients, due before 2024-03-08T16:00:00Z`, d.String())
	d.Recipients = nil
	assert.Equal(t, `planned-maintenance "MC2" as a post, due before 2024-03-08T16:00:00Z`, d.String())
	for _, tc := range []struct {
		name   string
		status Status
		want   string
	}{
		{"met", StatusMet, "met"},
		{"pending", StatusPending, "pending"},
		{"late", StatusLate, "late"},
		{"missed, the last in the table", StatusMissed, "missed"},
		{"first value past the table", 4, "Status(4)"},
		{"far past the table", 9, "Status(9)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.status.String())
		})
	}
}
