package maintenance

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/clip"
)

// ErrInvalidClosures is wrapped by every error NewClosures and
// ParseClosures return for closures that cannot be used.
var ErrInvalidClosures = errors.New("maintenance: invalid closures")

// MaxClosureNameBytes and MaxClosureSourceBytes are the longest Name and
// Source a Closure may have: a name is a short phrase that statements
// print ("company shutdown"), a source one or a few addresses.
const (
	MaxClosureNameBytes   = 200
	MaxClosureSourceBytes = 1000
)

// Closure is a day on which a customer's business is closed in a region
// beyond the region's holiday calendar: a holiday the calendar leaves out
// because it is held only in the customer's state or city, a bank day, a
// day a government proclaims after this library's release, a company
// shutdown. A region's business days with its closures (Closures.Apply)
// count it as a holiday, so claim and report deadlines move past it.
//
// The zero Closure is invalid (no region, no date, no name). Closure is a
// comparable value, safe for concurrent use.
type Closure struct {
	Region string        // the region's code ("NAM"), matched ignoring letter case and surrounding white space
	Date   calendar.Date // the day closed, read in whatever location the business days are read in
	Name   string        // why the day is closed: "company shutdown"; at most MaxClosureNameBytes
	Source string        // optional: where the closure is published; at most MaxClosureSourceBytes
}

// Closures is a checked set of closures, by region: the caller's own days
// off, as data (NewClosures, or ParseClosures from a JSON file). Apply
// adds a region's closures to its business days.
//
// The zero Closures holds none, and Apply then returns every region
// unchanged. Closures is immutable and safe for concurrent use.
type Closures struct {
	list []Closure // checked, in the order given, codes trimmed
}

// NewClosures returns the closures given, checked against table t: each
// needs a region that is in some edition of t (the code matched ignoring
// letter case and surrounding white space; Dynamics() for the built-in
// regions), a date that calendar.Date.Validate accepts (years 1 to 9999),
// and a name of 1 to MaxClosureNameBytes bytes after trimming white space;
// a Source longer than MaxClosureSourceBytes is refused; and a region's
// date may be closed only once. Codes, names and sources are stored
// trimmed. It reports every problem at once, as a calendar.ErrorList whose
// entries wrap ErrInvalidClosures and name the closure by its index and
// the field ("closures[3].date"); the result is then the zero Closures.
func NewClosures(t Table, closures ...Closure) (Closures, error) {
	errs := checkClosures(t, closures, nil)
	if err := errs.Err(); err != nil {
		return Closures{}, err
	}
	out := make([]Closure, len(closures))
	for i, c := range closures {
		out[i] = Closure{Region: strings.TrimSpace(c.Region), Date: c.Date,
			Name: strings.TrimSpace(c.Name), Source: strings.TrimSpace(c.Source)}
	}
	return Closures{list: out}, nil
}

// unread marks the fields of a closure that a document did not give, or
// gave in the wrong form, and which checkClosures therefore leaves alone.
type unread struct{ region, date, name bool }

// checkClosures reports what keeps closures from being used with table t,
// naming each by its index and field; the fields skip marks for a closure
// (by index; skip may be nil or short) are not checked.
func checkClosures(t Table, closures []Closure, skip []unread) calendar.ErrorList {
	var errs calendar.ErrorList
	bad := func(i int, format string, args ...any) {
		errs.Add(fmt.Errorf("%w: closures[%d]"+format, append([]any{ErrInvalidClosures, i}, args...)...))
	}
	known := make(map[string]bool)
	var codes []string
	for _, e := range t.Editions() {
		for _, r := range e.Regions {
			if k := codeKey(r.Code); !known[k] {
				known[k] = true
				codes = append(codes, r.Code)
			}
		}
	}
	type day struct {
		code string
		date calendar.Date
	}
	seen := make(map[day]int, len(closures))
	for i, c := range closures {
		var sk unread
		if i < len(skip) {
			sk = skip[i]
		}
		code := strings.TrimSpace(c.Region)
		switch {
		case sk.region:
			code = ""
		case code == "":
			bad(i, ".region %s is empty", clip.Quote(c.Region))
		case !known[codeKey(code)]:
			list := strings.Join(codes, ", ")
			if list == "" {
				list = "none"
			}
			bad(i, ".region %s is not in the region table (known: %s)", clip.Quote(c.Region), clip.Quote(list))
		}
		dateOK := !sk.date && c.Date.Validate() == nil
		if err := c.Date.Validate(); err != nil && !sk.date {
			bad(i, ".date: %w", err)
		}
		switch name := strings.TrimSpace(c.Name); {
		case sk.name:
		case name == "":
			bad(i, ".name %s is empty (say why the day is closed)", clip.Quote(c.Name))
		case len(name) > MaxClosureNameBytes:
			bad(i, ".name %s is longer than %d bytes", clip.Quote(name), MaxClosureNameBytes)
		}
		if src := strings.TrimSpace(c.Source); len(src) > MaxClosureSourceBytes {
			bad(i, ".source %s is longer than %d bytes", clip.Quote(src), MaxClosureSourceBytes)
		}
		if code == "" || !dateOK {
			continue
		}
		k := day{codeKey(code), c.Date}
		if j, dup := seen[k]; dup {
			bad(i, ": region %s date %s repeats closures[%d]", clip.Quote(code), c.Date, j)
			continue
		}
		seen[k] = i
	}
	return errs
}

// Len returns the number of closures.
func (c Closures) Len() int { return len(c.list) }

// List returns every closure, in the order given, in a new slice.
func (c Closures) List() []Closure { return slices.Clone(c.list) }

// For returns the closures of the region whose code is code (ignoring
// letter case and surrounding white space), in the order given, in a new
// slice; nil when it has none.
func (c Closures) For(code string) []Closure {
	code = strings.TrimSpace(code)
	var out []Closure
	for _, cl := range c.list {
		if strings.EqualFold(cl.Region, code) {
			out = append(out, cl)
		}
	}
	return out
}

// Apply returns region r with its closures (For(r.Code)) added to its
// holidays: r.Holidays.With, one dated calendar.Correction per closure,
// a holiday, with the closure's name and source. The calendar is named
// after r's, with the count: "us.Holidays + 2 closures" ("2 closures" for
// a region without holidays). A closure of a day r's calendar removes
// (Easter Monday in CAN) makes it a holiday again. A region without
// closures is returned unchanged, sharing its calendar.
//
// Each call builds a new calendar, and regions compare by their
// calendar's pointer: apply the closures once per region and keep the
// result. The region's calendar cannot then be written to a region table
// in JSON, which names only built-in calendars.
func (c Closures) Apply(r Region) Region {
	mine := c.For(r.Code)
	if len(mine) == 0 {
		return r
	}
	fixes := make([]calendar.Correction, len(mine))
	for i, cl := range mine {
		fixes[i] = calendar.Correction{Date: cl.Date, Holiday: true, Name: cl.Name, Source: cl.Source,
			Law: "closure of the customer's own"}
	}
	name := fmt.Sprintf("%d closures", len(mine))
	if len(mine) == 1 {
		name = "1 closure"
	}
	if base := r.Holidays.Name(); base != "" {
		name = base + " + " + name
	}
	h, err := r.Holidays.With(name, fixes...)
	if err != nil {
		// Unreachable: NewClosures admits only valid dates, each once per
		// region.
		return r
	}
	r.Holidays = h
	return r
}
