package versions

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/clip"
	"github.com/slapolicy/slapolicy/internal/dated"
	"github.com/slapolicy/slapolicy/sla"
)

// ErrInvalid is wrapped by every error that reports a bad set of SLA
// versions: from New, and from UnmarshalJSON and Parse for a document in
// the versions' JSON form. An invalid policy inside a version also matches
// sla.ErrInvalidPolicy. Test for it with errors.Is.
var ErrInvalid = errors.New("versions: invalid versions")

// ErrNoVersion is wrapped by the error Governing returns when no version
// was effective when a governing term began: the subscription started
// before the first version's Effective instant.
var ErrNoVersion = errors.New("versions: no SLA version in force")

// Version is one published edition of an SLA: its Policy applies to every
// subscription term that begins at or after Effective, until a later
// version becomes effective (the Microsoft Dynamics CRM Online Service
// Level Agreement's first paragraph: the SLA is fixed for the initial
// term, and a renewal term takes the version current when it commences).
//
// Name identifies the version in statements ("2019-07"); Effective is the
// first instant at which the version is current (inclusive: a term that
// begins exactly at Effective takes this version). The zero Version is
// invalid (no name, no effective instant, invalid policy). Version is a
// value; its Policy holds slices, so treat a Version as read-only once
// shared, which makes it safe for concurrent use.
type Version struct {
	Name      string     // how statements cite the version, e.g. "2019-07"; non-empty
	Effective time.Time  // first instant the version is current; not the zero time
	Policy    sla.Policy // the SLA's rules in this version; must pass Validate
}

// History is every published version of an SLA, sorted by Effective, built
// by New or read from JSON: the answer to "which SLA applies to this month
// of this subscription" (Governing).
//
// The zero History holds no version: every lookup reports ErrNoVersion (or
// false). A History is immutable: New copies the policies' slices, and
// every method returns copies, so a History is safe for concurrent use.
type History struct {
	list dated.List[Version] // each valid
}

// New returns the history of the versions vs, sorted by Effective (they
// may be given in any order). It reports every problem at once, as a
// calendar.ErrorList whose entries wrap ErrInvalid and name the version by
// its index in vs ("versions[2]"): no versions at all, an empty name, a
// name used twice, a zero Effective or one outside years 0000 to 9999, two
// versions effective at the same instant (compared as instants, whatever
// their locations), and each problem its policy's Validate reports (which
// also matches sla.ErrInvalidPolicy).
func New(vs ...Version) (History, error) {
	var errs calendar.ErrorList
	bad := func(format string, args ...any) {
		errs.Add(fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...))
	}
	if len(vs) == 0 {
		bad("no versions (at least one is needed)")
	}
	name := func(i int) string { return fmt.Sprintf("versions[%d] %s", i, clip.Quote(vs[i].Name)) }
	names := make(map[string]int, len(vs))
	effective := make([]time.Time, len(vs))
	copies := make([]Version, len(vs))
	for i, v := range vs {
		switch j, dup := names[v.Name]; {
		case strings.TrimSpace(v.Name) == "":
			bad("versions[%d]: name %s is empty", i, clip.Quote(v.Name))
		case dup:
			bad("versions[%d]: name %s repeats versions[%d]", i, clip.Quote(v.Name), j)
		default:
			names[v.Name] = i
		}
		errs.Addf(v.Policy.Validate(), "%w: %s: policy", ErrInvalid, name(i))
		effective[i], copies[i] = v.Effective, cloneVersion(v)
	}
	list, problems := dated.New(effective, copies, name)
	for _, p := range problems {
		bad("%s", p)
	}
	if err := errs.Err(); err != nil {
		return History{}, err
	}
	return History{list: list}, nil
}

// cloneVersion copies v with new slices in its policy, so that the caller's
// later changes to its slices cannot change a History.
func cloneVersion(v Version) Version {
	v.Policy.Tiers = slices.Clone(v.Policy.Tiers)
	v.Policy.ExcludedCauses = slices.Clone(v.Policy.ExcludedCauses)
	return v
}

// Len returns the number of versions.
func (h History) Len() int { return h.list.Len() }

// List returns the versions sorted by Effective, earliest first, as copies
// the caller may modify.
func (h History) List() []Version {
	out := make([]Version, h.list.Len())
	for k := range out {
		_, v := h.list.Entry(k)
		out[k] = cloneVersion(v)
	}
	return out
}

// At returns the version current at instant t, the one with the latest
// Effective at or before t, and true; or the zero Version and false when t
// is before every version (or h is empty). A version is current from its
// Effective instant on: At(v.Effective) is v.
func (h History) At(t time.Time) (Version, bool) {
	k := h.list.Index(t)
	if k < 0 {
		return Version{}, false
	}
	_, v := h.list.Entry(k)
	return cloneVersion(v), true
}

// Part is the part of a month that one subscription term covers, with the
// SLA version that governs it.
type Part struct {
	Span    calendar.Span // [Start, End) inside the month, in the month's location; never empty
	Term    int           // index into Subscription.Terms: 0 the initial term, 1 the first renewal, ...
	Version Version       // the version current when that term began
}

// Governing splits calendar month m at the boundaries of sub's terms and
// returns each subscribed part, in order, with the version that governs
// it: the version current (see At) when its term began. A month inside one
// term gives one part, the month itself; a month in which a renewal begins
// gives two (with a renewal on 15 January 2025, January's first part is
// governed by the version of the term that began in 2024, its second by
// the renewal's); the month a subscription starts (or lapses) in gives
// only the subscribed part. Time in no term is in no part. Assess each
// part on its own (sla.Period.Subscribed), or the first part alone to
// govern the whole month by the term in force at its first subscribed
// instant.
//
// It returns an error wrapping ErrInvalidSubscription for a subscription
// that fails Validate or a zero m, one wrapping sla.ErrNotSubscribed when
// no term overlaps m, and one wrapping ErrNoVersion when a term that
// overlaps m began before every version (the whole call fails, so that no
// part of a month is billed under a guess).
func (h History) Governing(sub Subscription, m calendar.Month) ([]Part, error) {
	if m.IsZero() {
		return nil, fmt.Errorf("%w: month is the zero Month (year 0)", ErrInvalidSubscription)
	}
	if err := sub.Validate(); err != nil {
		return nil, err
	}
	ms := m.Span()
	loc := m.Location()
	var parts []Part
	for i, term := range sub.Terms {
		part, ok := term.Intersect(ms)
		if !ok {
			continue
		}
		v, err := h.forTerm(sub, i)
		if err != nil {
			return nil, err
		}
		parts = append(parts, Part{Span: part.In(loc), Term: i, Version: v})
	}
	if len(parts) == 0 {
		return nil, fmt.Errorf("%w: month %s (%s) overlaps no term of the subscription", sla.ErrNotSubscribed, m, ms)
	}
	return parts, nil
}

// forTerm returns the version current at the start of sub.Terms[i].
func (h History) forTerm(sub Subscription, i int) (Version, error) {
	start := sub.Terms[i].Start
	v, ok := h.At(start)
	if !ok {
		first := "there are no versions"
		if h.list.Len() > 0 {
			at, v0 := h.list.Entry(0)
			first = fmt.Sprintf("the first version %s is effective from %s", clip.Quote(v0.Name), at.Format(time.RFC3339Nano))
		}
		return Version{}, fmt.Errorf("%w: terms[%d] began at %s, but %s", ErrNoVersion, i, start.Format(time.RFC3339Nano), first)
	}
	return v, nil
}
