package sla

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
)

// ErrInvalidVersions is wrapped by every error that reports a bad set of
// SLA versions: from NewVersions, and from UnmarshalJSON and ParseVersions
// for a document in the versions' JSON form. An invalid policy inside a
// version also matches ErrInvalidPolicy. Test for it with errors.Is.
var ErrInvalidVersions = errors.New("sla: invalid versions")

// ErrNoVersion is wrapped by the error Governing, GoverningAt and
// GoverningParts return when no version was effective when the governing
// term began: the subscription started before the first version's
// Effective instant.
var ErrNoVersion = errors.New("sla: no SLA version in force")

// Version is one published edition of an SLA: its Policy applies to every
// subscription term that begins at or after Effective, until a later
// version becomes effective (seed 004, first paragraph: the SLA is fixed for
// the initial term, and a renewal term takes the version current when it
// commences).
//
// Name identifies the version in statements ("2019-07"); Effective is the
// first instant at which the version is current (inclusive: a term that
// begins exactly at Effective takes this version). The zero Version is
// invalid (no name, no effective instant, invalid policy). Version is a
// value; its Policy holds slices, so treat a Version as read-only once
// shared, which makes it safe for concurrent use.
type Version struct {
	Name      string    // how statements cite the version, e.g. "2019-07"; non-empty
	Effective time.Time // first instant the version is current; not the zero time
	Policy    Policy    // the SLA's rules in this version; must pass Validate
}

// Versions is a set of SLA versions sorted by Effective, built by
// NewVersions or read from JSON: the answer to "which SLA applies to this
// month of this subscription" (Governing).
//
// The zero Versions holds no version: every lookup reports ErrNoVersion
// (or false). Versions is immutable: NewVersions copies the policies'
// slices, and every method returns copies, so a Versions is safe for
// concurrent use.
type Versions struct {
	list []Version // sorted by Effective, distinct instants, each valid
}

// NewVersions returns the versions vs, sorted by Effective (they may be
// given in any order). It reports every problem at once (errors.Join),
// each wrapping ErrInvalidVersions and naming the version by its index in
// vs ("versions[2]"): no versions at all, an empty name, a name used twice,
// a zero Effective, two versions effective at the same instant (compared
// as instants, whatever their locations), and each problem its policy's
// Validate reports (which also matches ErrInvalidPolicy).
func NewVersions(vs ...Version) (Versions, error) {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrInvalidVersions}, args...)...))
	}
	if len(vs) == 0 {
		bad("no versions (at least one is needed)")
	}
	names := make(map[string]int, len(vs))
	for i, v := range vs {
		switch {
		case strings.TrimSpace(v.Name) == "":
			bad("versions[%d]: name %q is empty", i, v.Name)
		default:
			if j, dup := names[v.Name]; dup {
				bad("versions[%d]: name %q repeats versions[%d]", i, v.Name, j)
			} else {
				names[v.Name] = i
			}
		}
		if v.Effective.IsZero() {
			bad("versions[%d] %q: effective is the zero time (set the instant the version became current)", i, v.Name)
		}
		if y := v.Effective.UTC().Year(); y < 0 || y > 9999 {
			bad("versions[%d] %q: effective %s is outside years 0000 to 9999 (UTC)", i, v.Name, v.Effective)
		}
		for _, e := range splitJoined(v.Policy.Validate()) {
			errs = append(errs, fmt.Errorf("%w: versions[%d] %q: policy: %w", ErrInvalidVersions, i, v.Name, e))
		}
	}
	order := make([]int, len(vs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return vs[a].Effective.Compare(vs[b].Effective) })
	for k := 1; k < len(order); k++ {
		a, b := vs[order[k-1]], vs[order[k]]
		if !a.Effective.IsZero() && a.Effective.Equal(b.Effective) {
			bad("versions[%d] %q and versions[%d] %q are both effective at %s",
				min(order[k-1], order[k]), vs[min(order[k-1], order[k])].Name,
				max(order[k-1], order[k]), vs[max(order[k-1], order[k])].Name,
				a.Effective.Format(time.RFC3339Nano))
		}
	}
	if len(errs) > 0 {
		return Versions{}, errors.Join(errs...)
	}
	list := make([]Version, len(vs))
	for k, i := range order {
		list[k] = cloneVersion(vs[i])
	}
	return Versions{list: list}, nil
}

// splitJoined returns the errors joined in err (one level of errors.Join),
// or err itself, or nil.
func splitJoined(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// cloneVersion copies v with new slices in its policy, so that the caller's
// later changes to its slices cannot change a Versions.
func cloneVersion(v Version) Version {
	v.Policy.Tiers = slices.Clone(v.Policy.Tiers)
	v.Policy.ExcludedCauses = slices.Clone(v.Policy.ExcludedCauses)
	return v
}

// Len returns the number of versions.
func (vs Versions) Len() int { return len(vs.list) }

// List returns the versions sorted by Effective, earliest first, as copies
// the caller may modify.
func (vs Versions) List() []Version {
	out := make([]Version, len(vs.list))
	for i, v := range vs.list {
		out[i] = cloneVersion(v)
	}
	return out
}

// At returns the version current at instant t, the one with the latest
// Effective at or before t, and true; or the zero Version and false when t
// is before every version (or vs is empty). A version is current from its
// Effective instant on: At(v.Effective) is v.
func (vs Versions) At(t time.Time) (Version, bool) {
	i := vs.index(t)
	if i < 0 {
		return Version{}, false
	}
	return cloneVersion(vs.list[i]), true
}

// index returns the position of the version current at t, or -1. It costs
// O(log n).
func (vs Versions) index(t time.Time) int {
	// first version effective after t; the one before it is current.
	i, _ := slices.BinarySearchFunc(vs.list, t, func(v Version, t time.Time) int {
		if v.Effective.After(t) {
			return 1
		}
		return -1
	})
	return i - 1
}

// Governing returns the version that governs calendar month m of sub, in
// m's location: the version current (see At) when the governing term
// began. The governing term is the term in force at the month's first
// subscribed instant, the earliest instant of m that lies in one of
// sub.Terms.
//
// A month that straddles a renewal is governed wholly by the term in force
// at its first subscribed instant: with a renewal on 15 January 2025, all
// of January 2025 is governed by the version of the term that began in
// 2024, and February 2025 by the renewal's. A subscription that starts on
// 15 January is governed in January by its initial term. Use GoverningParts
// to split such a month at the renewal instead.
//
// It returns an error wrapping ErrInvalidSubscription for a subscription
// that fails Validate or a zero m, one wrapping ErrNotSubscribed when no
// term overlaps m, and one wrapping ErrNoVersion when the governing term
// began before every version. It costs O(terms + log versions).
func (vs Versions) Governing(sub Subscription, m calendar.Month) (Version, error) {
	parts, err := vs.GoverningParts(sub, m)
	if err != nil {
		return Version{}, err
	}
	return parts[0].Version, nil
}

// GoverningAt returns the version that governs instant t of sub: the
// version current when the term containing t began. It returns an error
// wrapping ErrInvalidSubscription for a subscription that fails Validate,
// one wrapping ErrNotSubscribed when no term contains t (terms are
// half-open: a term's End belongs to the next term, if any), and one
// wrapping ErrNoVersion when that term began before every version.
func (vs Versions) GoverningAt(sub Subscription, t time.Time) (Version, error) {
	if err := sub.Validate(); err != nil {
		return Version{}, err
	}
	i, ok := sub.termAt(t)
	if !ok {
		return Version{}, fmt.Errorf("%w: %s is in no term of the subscription", ErrNotSubscribed, t.Format(time.RFC3339Nano))
	}
	return vs.forTerm(sub, i)
}

// GoverningPart is the part of a month that one subscription term covers,
// with the SLA version that governs it.
type GoverningPart struct {
	Span    calendar.Span // [Start, End) inside the month, in the month's location; never empty
	Term    int           // index into Subscription.Terms: 0 the initial term, 1 the first renewal, ...
	Version Version       // the version current when that term began
}

// GoverningParts splits calendar month m at the boundaries of sub's terms
// and returns each subscribed part, in order, with the version that
// governs it: the version current when its term began. A month inside one
// term gives one part, the month itself; a month in which a renewal
// begins gives two; the month a subscription starts (or lapses) in gives
// only the subscribed part. Time in no term is in no part.
//
// Its errors are Governing's: ErrInvalidSubscription, ErrNotSubscribed
// when no term overlaps m, ErrNoVersion when a term that overlaps m began
// before every version (the whole call fails, so that no part of a month
// is billed under a guess).
func (vs Versions) GoverningParts(sub Subscription, m calendar.Month) ([]GoverningPart, error) {
	if m.IsZero() {
		return nil, fmt.Errorf("%w: month is the zero Month (year 0)", ErrInvalidSubscription)
	}
	if err := sub.Validate(); err != nil {
		return nil, err
	}
	ms := m.Span()
	loc := m.Location()
	var parts []GoverningPart
	for i, term := range sub.Terms {
		part, ok := term.Intersect(ms)
		if !ok {
			continue
		}
		v, err := vs.forTerm(sub, i)
		if err != nil {
			return nil, err
		}
		parts = append(parts, GoverningPart{Span: part.In(loc), Term: i, Version: v})
	}
	if len(parts) == 0 {
		return nil, fmt.Errorf("%w: month %s (%s) overlaps no term of the subscription", ErrNotSubscribed, m, ms)
	}
	return parts, nil
}

// forTerm returns the version current at the start of sub.Terms[i].
func (vs Versions) forTerm(sub Subscription, i int) (Version, error) {
	start := sub.Terms[i].Start
	v, ok := vs.At(start)
	if !ok {
		first := "there are no versions"
		if len(vs.list) > 0 {
			first = fmt.Sprintf("the first version %q is effective from %s", vs.list[0].Name, vs.list[0].Effective.Format(time.RFC3339Nano))
		}
		return Version{}, fmt.Errorf("%w: terms[%d] began at %s, but %s", ErrNoVersion, i, start.Format(time.RFC3339Nano), first)
	}
	return v, nil
}
