package claims

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRulesValidateBounds: each count is valid from 0 to its maximum
// inclusive, and invalid one beyond either end, with a message naming the
// field and the range.
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
	// NoticeFrom takes exactly its two values.
	r := DynamicsCRMOnline(nil)
	for _, f := range []NoticeFrom{FromRestored, FromStart} {
		r.NoticeFrom = f
		assert.NoError(t, r.Validate())
	}
	for _, f := range []NoticeFrom{-1, 2} {
		r.NoticeFrom = f
		assert.ErrorIs(t, r.Validate(), ErrInvalid)
	}
}
