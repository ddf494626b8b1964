package claims

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestSentinels: every sentinel carries the package prefix and no
// sentinel matches another.
func TestSentinels(t *testing.T) {
	all := append(append([]error(nil), sentinels...), ErrUnknownRegion)
	for i, s := range all {
		assert.True(t, strings.HasPrefix(s.Error(), "claims: "), "%q", s)
		for j, o := range all {
			assert.Equal(t, i == j, errors.Is(s, o), "%q is %q", s, o)
		}
	}
}

// TestLateError pins the message (both instants in RFC 3339, in their own
// locations, and by how much the first late instant was missed) and the
// sentinel a *LateError unwraps to.
func TestLateError(t *testing.T) {
	ny := newYork(t)
	tests := []struct {
		name string
		err  *LateError
		want string
	}{
		{"notice nine hours late",
			&LateError{Field: "NoticeGiven", Got: utc(2024, 1, 23, 9, 0), Deadline: utc(2024, 1, 23, 0, 0), Err: ErrNoticeLate},
			`claims: notice late: field NoticeGiven "2024-01-23T09:00:00Z" is not before the deadline "2024-01-23T00:00:00Z" (first late instant; late by 9h0m0s)`},
		{"evidence at the first late instant",
			&LateError{Field: "EvidenceSupplied", Got: utc(2024, 3, 1, 0, 0), Deadline: utc(2024, 3, 1, 0, 0), Err: ErrEvidenceLate},
			`claims: evidence late: field EvidenceSupplied "2024-03-01T00:00:00Z" is not before the deadline "2024-03-01T00:00:00Z" (first late instant; late by 0s)`},
		// Friday 15 March 2024 00:00 EDT is 04:00Z: 1ns past it.
		{"new york deadline, one nanosecond late",
			&LateError{Field: "NoticeGiven", Got: utc(2024, 3, 15, 4, 0).Add(1), Deadline: time.Date(2024, 3, 15, 0, 0, 0, 0, ny), Err: ErrNoticeLate},
			`claims: notice late: field NoticeGiven "2024-03-15T04:00:00.000000001Z" is not before the deadline "2024-03-15T00:00:00-04:00" (first late instant; late by 1ns)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.err.Error())
			assert.Same(t, tc.err.Err, tc.err.Unwrap())
			assert.ErrorIs(t, tc.err, tc.err.Err)
			assert.Equal(t, []error{tc.err.Err}, kinds(t, tc.err), "matches its sentinel only")
		})
	}
}

// TestMissingError pins the message with and without what the field
// should hold, and that a *MissingError is ErrIncomplete.
func TestMissingError(t *testing.T) {
	tests := []struct {
		name string
		err  *MissingError
		want string
	}{
		{"with what it holds", &MissingError{Field: "Description", What: "detailed description of the incident"},
			"claims: incomplete: field Description (detailed description of the incident) is missing"},
		{"field only", &MissingError{Field: "X"}, "claims: incomplete: field X is missing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.err.Error())
			assert.Same(t, ErrIncomplete, tc.err.Unwrap())
			assert.Equal(t, []error{ErrIncomplete}, kinds(t, tc.err))
		})
	}
}
