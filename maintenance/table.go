package maintenance

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/slapolicy/slapolicy/calendar"
)

// ErrBadTable is wrapped by every error that reports a region table or
// edition that cannot be used: from NewTable, With and LookupDuring, and
// from UnmarshalJSON and ParseTable for a document in the table's JSON form.
// Test for it with errors.Is; a window that does not parse also matches
// ErrBadWindow.
var ErrBadTable = errors.New("maintenance: bad region table")

// seedTableDate is the date of the seed document that publishes the
// built-in table (000_*, "ms.date: 08/02/2019", month first: 2 August
// 2019), as midnight UTC.
var seedTableDate = time.Date(2019, time.August, 2, 0, 0, 0, 0, time.UTC)

// Edition is the region table as published on one date: every region, in
// the published order, with its host and daily window. It is in force
// from Effective (inclusive) until the next edition's Effective; an
// edition replaces the whole table, so a region that a later edition
// leaves out is not in the table from then on.
//
// The zero Edition is invalid (no effective instant, no regions). Edition
// holds a slice; treat it as read-only once shared, which makes it safe for
// concurrent use (Table copies it).
type Edition struct {
	Effective time.Time // first instant the edition is in force; not the zero time
	Regions   []Region  // the whole table, in published order
}

// SeedEdition returns the seed's table (Regions, in the seed's order) as
// an edition in force from the seed document's date, 2 August 2019 at
// midnight UTC (000_*, "ms.date: 08/02/2019"). Each call returns a new
// slice.
func SeedEdition() Edition {
	return Edition{Effective: seedTableDate, Regions: Regions()}
}

// Table is a region table that changes over time: a list of editions,
// each in force from its Effective instant until the next one's. The
// provider publishes and revises its maintenance windows (an earlier
// edition had APJ at "2 PM to 8 PM"; later ones add regions), and a month
// must be assessed against the window that was published for it.
//
// Lookups take the instant whose table is wanted and use the edition in
// force then: the one with the latest Effective at or before it. Before the
// first edition nothing is found (Lookup reports false, Regions is nil):
// the table does not guess what was published before its first edition,
// so a caller with an older table adds it as an earlier edition.
//
// The zero Table has no editions and finds nothing. Table is immutable:
// NewTable and With copy the editions, every method returns copies, so a
// Table is safe for concurrent use.
type Table struct {
	editions []Edition // sorted by Effective, distinct instants, each valid
}

// DefaultTable returns the built-in table: the single edition
// SeedEdition, in force from 2 August 2019, 00:00 UTC. Lookups before that
// instant find nothing.
func DefaultTable() Table {
	return Table{editions: []Edition{SeedEdition()}}
}

// NewTable returns the table of the given editions, sorted by Effective
// (they may come in any order). It reports every problem at once
// (errors.Join), each wrapping ErrBadTable and naming the edition by its
// index in editions and the region by its index in the edition
// ("editions[1].regions[3]"): no editions; a zero Effective; two editions
// in force from the same instant (compared as instants); an edition with
// no regions; a region whose code or host is empty (after trimming white
// space), whose code repeats another's in the edition (ignoring letter
// case), or whose Window is the zero Window. Codes and hosts are stored
// trimmed of surrounding white space.
func NewTable(editions ...Edition) (Table, error) {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrBadTable}, args...)...))
	}
	if len(editions) == 0 {
		bad("no editions (at least one is needed)")
	}
	for i, e := range editions {
		if e.Effective.IsZero() {
			bad("editions[%d]: effective is the zero time (set the instant the edition took effect)", i)
		}
		if y := e.Effective.UTC().Year(); y < 0 || y > 9999 {
			bad("editions[%d]: effective %s is outside years 0000 to 9999 (UTC)", i, e.Effective)
		}
		if len(e.Regions) == 0 {
			bad("editions[%d]: regions is empty", i)
		}
		seen := make(map[string]int, len(e.Regions))
		for j, r := range e.Regions {
			code := strings.TrimSpace(r.Code)
			switch {
			case code == "":
				bad("editions[%d].regions[%d]: code %q is empty", i, j, r.Code)
			default:
				key := codeKey(code)
				if k, dup := seen[key]; dup {
					bad("editions[%d].regions[%d]: code %q repeats editions[%d].regions[%d]", i, j, r.Code, i, k)
				} else {
					seen[key] = j
				}
			}
			if strings.TrimSpace(r.Host) == "" {
				bad("editions[%d].regions[%d] %q: host %q is empty", i, j, code, r.Host)
			}
			if r.Window.IsZero() {
				bad("editions[%d].regions[%d] %q: window is the zero Window (every region needs its daily window)", i, j, code)
			}
		}
	}
	order := make([]int, len(editions))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return editions[a].Effective.Compare(editions[b].Effective) })
	for k := 1; k < len(order); k++ {
		a, b := order[k-1], order[k]
		if !editions[a].Effective.IsZero() && editions[a].Effective.Equal(editions[b].Effective) {
			bad("editions[%d] and editions[%d] are both in force from %s",
				min(a, b), max(a, b), editions[a].Effective.Format(time.RFC3339Nano))
		}
	}
	if len(errs) > 0 {
		return Table{}, errors.Join(errs...)
	}
	out := make([]Edition, len(editions))
	for k, i := range order {
		e := editions[i]
		regions := make([]Region, len(e.Regions))
		for j, r := range e.Regions {
			regions[j] = Region{Code: strings.TrimSpace(r.Code), Host: strings.TrimSpace(r.Host), Window: r.Window}
		}
		out[k] = Edition{Effective: e.Effective, Regions: regions}
	}
	return Table{editions: out}, nil
}

// With returns a new table holding t's editions and the given ones, as
// NewTable would build it from all of them: DefaultTable().With(later)
// adds a revision to the built-in table. Errors name the editions by
// their index in the combined list, t's editions first. t is unchanged.
func (t Table) With(editions ...Edition) (Table, error) {
	return NewTable(append(t.Editions(), editions...)...)
}

// Editions returns the table's editions sorted by Effective, earliest
// first, in new slices the caller may modify.
func (t Table) Editions() []Edition {
	out := make([]Edition, len(t.editions))
	for i, e := range t.editions {
		out[i] = Edition{Effective: e.Effective, Regions: slices.Clone(e.Regions)}
	}
	return out
}

// EditionAt returns the edition in force at instant at, the one with the
// latest Effective at or before it, as a copy, and true; or the zero
// Edition and false before the first edition.
func (t Table) EditionAt(at time.Time) (Edition, bool) {
	i := t.index(at)
	if i < 0 {
		return Edition{}, false
	}
	return Edition{Effective: t.editions[i].Effective, Regions: slices.Clone(t.editions[i].Regions)}, true
}

// index returns the position of the edition in force at at, or -1, in
// O(log editions).
func (t Table) index(at time.Time) int {
	i, _ := slices.BinarySearchFunc(t.editions, at, func(e Edition, at time.Time) int {
		if e.Effective.After(at) {
			return 1
		}
		return -1
	})
	return i - 1
}

// Regions returns the regions of the edition in force at instant at, in
// published order, in a new slice; nil before the first edition.
func (t Table) Regions(at time.Time) []Region {
	i := t.index(at)
	if i < 0 {
		return nil
	}
	return slices.Clone(t.editions[i].Regions)
}

// Lookup returns the region whose code is code in the edition in force at
// instant at, and true. Codes match ignoring letter case and surrounding
// white space, as the package-level Lookup does. It returns the zero
// Region and false when that edition has no such region, and before the
// first edition.
func (t Table) Lookup(code string, at time.Time) (Region, bool) {
	i := t.index(at)
	if i < 0 {
		return Region{}, false
	}
	return findCode(t.editions[i].Regions, code)
}

// codeKey returns code with every rune replaced by the smallest rune of
// its Unicode simple case-folding orbit, so that two codes have the same
// key exactly when strings.EqualFold reports them equal.
func codeKey(code string) string {
	var b strings.Builder
	for _, r := range code {
		lowest := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			lowest = min(lowest, f)
		}
		b.WriteRune(lowest)
	}
	return b.String()
}

// findCode returns the region of rs whose code is code, ignoring letter
// case and surrounding white space.
func findCode(rs []Region, code string) (Region, bool) {
	code = strings.TrimSpace(code)
	for _, r := range rs {
		if strings.EqualFold(r.Code, code) {
			return r, true
		}
	}
	return Region{}, false
}

// LookupHost returns the regions served by host in the edition in force at
// instant at, in published order, matching as the package-level
// LookupHost does (letter case, white space and a trailing dot ignored; an
// organisation's host under a region's host matches). It returns nil when
// none is, and before the first edition.
func (t Table) LookupHost(host string, at time.Time) []Region {
	i := t.index(at)
	if i < 0 {
		return nil
	}
	host = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(host)), ".")
	if host == "" {
		return nil
	}
	var out []Region
	for _, r := range t.editions[i].Regions {
		h := strings.ToLower(r.Host)
		if host == h || strings.HasSuffix(host, "."+h) {
			out = append(out, r)
		}
	}
	return out
}

// RegionSpan is a part of a span during which one entry of the region
// table was in force for a region.
type RegionSpan struct {
	Span   calendar.Span // [Start, End), never empty, in the location of the span asked about
	Region Region        // the region's entry in the edition(s) in force
}

// LookupDuring splits span s at the editions' Effective instants and
// returns, in order, the parts during which the table had an entry for
// code, each with that entry. Consecutive parts whose entries are equal
// (an edition that did not change this region) are merged, so a month in
// which APJ's window was revised gives two parts and a month in which
// only other regions changed gives one. Time before the first edition, or
// in an edition without the code, is in no part. An empty s gives no
// parts; an s that ends before it starts is an error wrapping ErrBadTable
// and calendar.ErrReversed. It costs O(log editions + editions inside s).
func (t Table) LookupDuring(code string, s calendar.Span) ([]RegionSpan, error) {
	if err := s.Validate(); err != nil {
		return nil, fmt.Errorf("%w: span: %w", ErrBadTable, err)
	}
	if s.IsEmpty() || len(t.editions) == 0 {
		return nil, nil
	}
	loc := s.Start.Location()
	var out []RegionSpan
	i := max(t.index(s.Start), 0)
	for ; i < len(t.editions) && t.editions[i].Effective.Before(s.End); i++ {
		from := t.editions[i].Effective
		to := s.End
		if i+1 < len(t.editions) && t.editions[i+1].Effective.Before(to) {
			to = t.editions[i+1].Effective
		}
		part, ok := calendar.Span{Start: from, End: to}.Intersect(s)
		if !ok {
			continue
		}
		r, found := findCode(t.editions[i].Regions, code)
		if !found {
			continue
		}
		part = part.In(loc)
		if n := len(out); n > 0 && out[n-1].Region == r && out[n-1].Span.End.Equal(part.Start) {
			out[n-1].Span.End = part.End
			continue
		}
		out = append(out, RegionSpan{Span: part, Region: r})
	}
	return out, nil
}
