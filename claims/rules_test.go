package claims

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/testkit"
)

// TestDynamicsCRMOnline pins the claim rules of the Microsoft Dynamics CRM
// Online Service Level Agreement: notice within five business days
// (section E, definition 9), counted from restoration; evidence by the end
// of the month following (section C.4); processing within 45 days (section
// C.6); and the post-incident report "after 5 business days" ("Policies
// and Communications for Dynamics 365 for Customer Engagement",
// "Post-Incident Report").
func TestDynamicsCRMOnline(t *testing.T) {
	r := DynamicsCRMOnline(usUTC)
	assert.Same(t, usUTC, r.Calendar)
	assert.Equal(t, 5, r.NoticeBusinessDays)
	assert.Equal(t, FromRestored, r.NoticeFrom)
	assert.Equal(t, 1, r.EvidenceMonths)
	assert.Equal(t, 0, r.EvidenceDays)
	assert.Equal(t, 45, r.ProcessingDays)
	assert.Equal(t, 5, r.ReportBusinessDays)
}

func TestNoticeFromString(t *testing.T) {
	tests := []struct {
		name string
		from NoticeFrom
		want string
	}{
		{"restored", FromRestored, "restored"},
		{"start", FromStart, "start"},
		{"unknown value", NoticeFrom(7), "NoticeFrom(7)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.from.String())
		})
	}
}

// TestRulesValidate: the Dynamics CRM Online and the zero rules are valid;
// rules with every field bad report every one at once.
func TestRulesValidate(t *testing.T) {
	require.NoError(t, DynamicsCRMOnline(nil).Validate())
	require.NoError(t, Rules{}.Validate(), "the zero Rules is valid")

	bad := Rules{NoticeBusinessDays: -1, NoticeFrom: 7, EvidenceMonths: MaxMonths + 1,
		EvidenceDays: -2, ProcessingDays: MaxCalendarDays + 1, ReportBusinessDays: MaxBusinessDays + 1}
	err := bad.Validate()
	require.Error(t, err)
	problems := joined(err)
	assert.Len(t, problems, 6, "every bad field at once")
	for _, field := range []string{"NoticeBusinessDays", "NoticeFrom", "EvidenceMonths", "EvidenceDays", "ProcessingDays", "ReportBusinessDays"} {
		assert.ErrorContains(t, err, "field "+field+":")
	}
	for _, p := range problems {
		assert.ErrorIs(t, p, ErrInvalid)
	}
}

// TestRulesValidateBounds: each count is valid from 0 to its maximum
// inclusive, and invalid one beyond either end, with a message naming the
// field and the range; NoticeFrom takes exactly its two values.
func TestRulesValidateBounds(t *testing.T) {
	fields := []struct {
		name string
		set  func(r *Rules, v int)
		max  int
	}{
		{"NoticeBusinessDays", func(r *Rules, v int) { r.NoticeBusinessDays = v }, MaxBusinessDays},
		{"EvidenceMonths", func(r *Rules, v int) { r.EvidenceMonths = v }, MaxMonths},
		{"EvidenceDays", func(r *Rules, v int) { r.EvidenceDays = v }, MaxCalendarDays},
		{"ProcessingDays", func(r *Rules, v int) { r.ProcessingDays = v }, MaxCalendarDays},
		{"ReportBusinessDays", func(r *Rules, v int) { r.ReportBusinessDays = v }, MaxBusinessDays},
	}
	for _, f := range fields {
		t.Run(f.name, func(t *testing.T) {
			for _, v := range []int{0, 1, f.max - 1, f.max} {
				r := DynamicsCRMOnline(nil)
				f.set(&r, v)
				assert.NoError(t, r.Validate(), "%s = %d", f.name, v)
			}
			for _, v := range []int{-1, f.max + 1} {
				r := DynamicsCRMOnline(nil)
				f.set(&r, v)
				err := r.Validate()
				require.Error(t, err, "%s = %d", f.name, v)
				assert.True(t, errors.Is(err, ErrInvalid))
				assert.Contains(t, err.Error(), f.name)
				assert.Contains(t, err.Error(), "outside 0..")
			}
		})
	}
	t.Run("NoticeFrom", func(t *testing.T) {
		r := DynamicsCRMOnline(nil)
		for _, f := range []NoticeFrom{FromRestored, FromStart} {
			r.NoticeFrom = f
			assert.NoError(t, r.Validate())
		}
		for _, f := range []NoticeFrom{-1, 2} {
			r.NoticeFrom = f
			assert.ErrorIs(t, r.Validate(), ErrInvalid)
		}
	})
}

// TestRulesConcurrent shares one Rules, over one cold BusinessDays of the
// US holidays read in New York, among many goroutines (run under -race):
// every deadline, every claim check and every monthly sum must equal the
// answer a warm copy gave on one goroutine first.
func TestRulesConcurrent(t *testing.T) {
	ny := newYork(t)
	ref, err := ForRegion("NAM", ny)
	require.NoError(t, err)
	shared, err := ForRegion("NAM", ny)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(8, 80))
	type query struct {
		at    time.Time
		month calendar.Month
		claim Claim
		fee   decimal.Decimal
	}
	queries := make([]query, 200)
	for i := range queries {
		at := time.Date(1990+rng.IntN(60), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), 0, 0, ny)
		c := goodClaim()
		c.Month = calendar.MonthOf(at)
		c.Incident = calendar.Span{Start: at, End: at.Add(time.Duration(rng.IntN(600)) * time.Minute)}
		c.NoticeGiven = at.Add(time.Duration(rng.IntN(10*24)) * time.Hour)
		c.EvidenceSupplied = at.Add(time.Duration(rng.IntN(70*24)) * time.Hour)
		c.Submitted = c.NoticeGiven
		if rng.IntN(5) == 0 {
			c.Description = ""
		}
		queries[i] = query{at: at, month: c.Month, claim: c, fee: decimal.New(int64(rng.IntN(100000)), -2)}
	}
	answer := func(r Rules, q query) string {
		m, err := SumCredits(q.fee, decimal.NewFromInt(100), q.fee.Shift(-1), q.fee.Shift(-2))
		return fmt.Sprint(
			r.NoticeDeadline(q.at), r.PostIncidentReportDue(q.at), r.EvidenceDeadline(q.month),
			r.ProcessingDeadline(q.at), r.Check(q.claim), m.Awarded.String(), m.Capped(), err,
		)
	}
	// Agree computes every answer once on this goroutine before it starts
	// the others: those first answers come from ref, so that shared's
	// calendar is still cold when the goroutines start and fills its year
	// cache concurrently.
	var calls atomic.Int64
	testkit.Agree(t, len(queries), func(i int) string {
		if calls.Add(1) <= int64(len(queries)) {
			return answer(ref, queries[i])
		}
		return answer(shared, queries[i])
	})
}
