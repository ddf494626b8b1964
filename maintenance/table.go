package maintenance

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/clip"
	"github.com/slapolicy/slapolicy/internal/dated"
)

// ErrInvalidTable is wrapped by every error that reports a region table or
// edition that cannot be used: from NewTable, With and LookupDuring, from
// UnmarshalJSON and ParseTable for a document in the table's JSON form,
// and from Region.Location for a zone the system does not know. Test for
// it with errors.Is; a window that does not parse also matches
// ErrInvalidWindow.
var ErrInvalidTable = errors.New("maintenance: invalid region table")

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

// Table is a region table that changes over time: a list of editions,
// each in force from its Effective instant until the next one's. The
// provider publishes and revises its maintenance windows (an earlier
// edition might have had APJ at "2 PM to 8 PM"; later ones add regions),
// and a month must be assessed against the window that was published for
// it.
//
// Lookups take the instant whose table is wanted and use the edition in
// force then: the one with the latest Effective at or before it. Before the
// first edition nothing is found (Lookup reports false, Regions is nil):
// the table does not guess what was published before its first edition,
// so a caller with an older table adds it as an earlier edition.
//
// The zero Table has no editions and finds nothing. Table is immutable:
// MaxCodeBytes and MaxHostBytes are the longest region code and host a
// Table accepts: a code is a short name ("NAM", "EUR"), a host a DNS name
// (at most 253 bytes, RFC 1035 section 2.3.4).
const (
	MaxCodeBytes = 32
	MaxHostBytes = 253
)

// NewTable and With copy the editions, every method returns copies, so a
// Table is safe for concurrent use.
type Table struct {
	editions dated.List[Edition] // each valid
}

// NewTable returns the table of the given editions, sorted by Effective
// (they may come in any order). It reports every problem at once, as a
// calendar.ErrorList whose entries wrap ErrInvalidTable and name the
// edition by its index in editions and the region by its index in the
// edition ("editions[1].regions[3]"): no editions; a zero Effective or one
// outside years 0000 to 9999; two editions in force from the same instant
// (compared as instants); an edition with no regions; a region whose code
// or host is empty (after trimming white space), whose code repeats
// another's in the edition (ignoring letter case), whose code is longer
// than MaxCodeBytes or host longer than MaxHostBytes, or whose Window is
// the zero Window. Codes and hosts are stored trimmed of surrounding white
// space. A region's Zone is loaded when it is used (Region.Location), so a
// table can be built on a machine without a time zone database;
// ParseTable checks the zones of the document it reads.
func NewTable(editions ...Edition) (Table, error) {
	var errs calendar.ErrorList
	bad := func(format string, args ...any) {
		errs.Add(fmt.Errorf("%w: "+format, append([]any{ErrInvalidTable}, args...)...))
	}
	if len(editions) == 0 {
		bad("no editions (at least one is needed)")
	}
	effective := make([]time.Time, len(editions))
	copies := make([]Edition, len(editions))
	for i, e := range editions {
		if len(e.Regions) == 0 {
			bad("editions[%d]: regions is empty", i)
		}
		seen := make(map[string]int, len(e.Regions))
		regions := make([]Region, len(e.Regions))
		for j, r := range e.Regions {
			code := strings.TrimSpace(r.Code)
			at := fmt.Sprintf("editions[%d].regions[%d]", i, j)
			if k, dup := seen[codeKey(code)]; dup && code != "" {
				bad("%s: code %s repeats editions[%d].regions[%d]", at, clip.Quote(r.Code), i, k)
			} else {
				seen[codeKey(code)] = j
			}
			r.problems(at, bad)
			r.Code, r.Host = code, strings.TrimSpace(r.Host)
			regions[j] = r
		}
		effective[i], copies[i] = e.Effective, Edition{Effective: e.Effective, Regions: regions}
	}
	list, problems := dated.New(effective, copies, func(i int) string { return fmt.Sprintf("editions[%d]", i) })
	for _, p := range problems {
		bad("%s", p)
	}
	if err := errs.Err(); err != nil {
		return Table{}, err
	}
	return Table{editions: list}, nil
}

// With returns a new table holding t's editions and the given ones, as
// NewTable would build it from all of them: Dynamics().With(later) adds a
// revision to the built-in table. Errors name the editions by their index
// in the combined list, t's editions first. t is unchanged.
func (t Table) With(editions ...Edition) (Table, error) {
	return NewTable(append(t.Editions(), editions...)...)
}

// Editions returns the table's editions sorted by Effective, earliest
// first, in new slices the caller may modify.
func (t Table) Editions() []Edition {
	out := make([]Edition, t.editions.Len())
	for k := range out {
		_, e := t.editions.Entry(k)
		out[k] = Edition{Effective: e.Effective, Regions: slices.Clone(e.Regions)}
	}
	return out
}

// EditionAt returns the edition in force at instant at, the one with the
// latest Effective at or before it, as a copy, and true; or the zero
// Edition and false before the first edition.
func (t Table) EditionAt(at time.Time) (Edition, bool) {
	rs, ok := t.at(at)
	if !ok {
		return Edition{}, false
	}
	_, e := t.editions.Entry(t.editions.Index(at))
	return Edition{Effective: e.Effective, Regions: slices.Clone(rs)}, true
}

// at returns the regions of the edition in force at instant at, not a
// copy, and whether there is one. It costs O(log editions).
func (t Table) at(at time.Time) ([]Region, bool) {
	k := t.editions.Index(at)
	if k < 0 {
		return nil, false
	}
	_, e := t.editions.Entry(k)
	return e.Regions, true
}

// Regions returns the regions of the edition in force at instant at, in
// published order, in a new slice; nil before the first edition.
func (t Table) Regions(at time.Time) []Region {
	rs, _ := t.at(at)
	return slices.Clone(rs)
}

// Lookup returns the region whose code is code in the edition in force at
// instant at, and true. Codes match ignoring letter case and surrounding
// white space, as the package-level Lookup does. It returns the zero
// Region and false when that edition has no such region, and before the
// first edition.
func (t Table) Lookup(code string, at time.Time) (Region, bool) {
	rs, _ := t.at(at)
	return findCode(rs, code)
}

// LookupHost returns the regions served by host in the edition in force at
// instant at, in published order, matching as the package-level
// LookupHost does (letter case, white space and a trailing dot ignored; an
// organisation's host under a region's host matches). It returns nil when
// none is, and before the first edition.
func (t Table) LookupHost(host string, at time.Time) []Region {
	rs, _ := t.at(at)
	return findHost(rs, host)
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
// parts; an s that ends before it starts is an error wrapping
// ErrInvalidTable and calendar.ErrReversed. It costs O(log editions +
// editions inside s).
func (t Table) LookupDuring(code string, s calendar.Span) ([]RegionSpan, error) {
	if err := s.Validate(); err != nil {
		return nil, fmt.Errorf("%w: span: %w", ErrInvalidTable, err)
	}
	var out []RegionSpan
	for part, k := range t.editions.Within(s) {
		_, e := t.editions.Entry(k)
		r, found := findCode(e.Regions, code)
		if !found {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Region == r && out[n-1].Span.End.Equal(part.Start) {
			out[n-1].Span.End = part.End
			continue
		}
		out = append(out, RegionSpan{Span: part, Region: r})
	}
	return out, nil
}

// zones caches the locations loadZone has loaded, by zone name: loading
// one reads the system's time zone database.
var zones sync.Map // string → *time.Location

// loadZone loads the IANA zone of the region with code: UTC for "", else
// time.LoadLocation, or an error wrapping ErrInvalidTable.
func loadZone(code, zone string) (*time.Location, error) {
	if zone == "" {
		return time.UTC, nil
	}
	if loc, ok := zones.Load(zone); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return nil, fmt.Errorf("%w: region %s: zone %s: %w", ErrInvalidTable, clip.Quote(code), clip.Quote(zone), err)
	}
	zones.Store(zone, loc)
	return loc, nil
}

// problems reports, through bad, what keeps r from being a region of a
// table: an empty or overlong code or host, a zero Window. at names r
// ("editions[0].regions[3]", "region").
func (r Region) problems(at string, bad func(format string, args ...any)) {
	code := strings.TrimSpace(r.Code)
	switch {
	case code == "":
		bad("%s: code %s is empty", at, clip.Quote(r.Code))
	case len(code) > MaxCodeBytes:
		bad("%s: code %s is longer than %d bytes", at, clip.Quote(code), MaxCodeBytes)
	}
	switch host := strings.TrimSpace(r.Host); {
	case host == "":
		bad("%s %s: host %s is empty", at, clip.Quote(code), clip.Quote(r.Host))
	case len(host) > MaxHostBytes:
		bad("%s %s: host %s is longer than %d bytes (a DNS name)", at, clip.Quote(code), clip.Quote(host), MaxHostBytes)
	}
	if r.Window.IsZero() {
		bad("%s %s: window is the zero Window (every region needs its daily window)", at, clip.Quote(code))
	}
}
