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
	errs := checkClosures(t, closures)
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
// gave in the wrong form, and which closureChecker therefore leaves alone.
type unread struct{ region, date, name bool }

// checkClosures reports what keeps closures from being used with table t,
// naming each by its index and field.
func checkClosures(t Table, closures []Closure) calendar.ErrorList {
	var errs calendar.ErrorList
	check := newClosureChecker(t)
	for i, c := range closures {
		errs.Add(check.check(i, c, unread{}))
	}
	return errs
}

// closureChecker checks closures one by one against a table's regions,
// remembering the days closed so far.
type closureChecker struct {
	known map[string]bool // codeKey of every code in the table
	codes string          // the table's codes, for messages
	seen  map[closedDay]int
}

// closedDay is a region's day, by the region's codeKey.
type closedDay struct {
	code string
	date calendar.Date
}

func newClosureChecker(t Table) *closureChecker {
	c := &closureChecker{known: make(map[string]bool), seen: make(map[closedDay]int)}
	var codes []string
	for _, e := range t.Editions() {
		for _, r := range e.Regions {
			if k := codeKey(r.Code); !c.known[k] {
				c.known[k] = true
				codes = append(codes, r.Code)
			}
		}
	}
	c.codes = strings.Join(codes, ", ")
	if c.codes == "" {
		c.codes = "none"
	}
	return c
}

// check reports what keeps closure cl, at index i, from being used, as
// an ErrorList (nil when nothing does); the fields sk marks are not
// checked.
func (c *closureChecker) check(i int, cl Closure, sk unread) error {
	var errs calendar.ErrorList
	bad := func(format string, args ...any) {
		errs.Add(fmt.Errorf("%w: closures[%d]"+format, append([]any{ErrInvalidClosures, i}, args...)...))
	}
	code := strings.TrimSpace(cl.Region)
	switch {
	case sk.region:
		code = ""
	case code == "":
		bad(".region %s is empty", clip.Quote(cl.Region))
	case !c.known[codeKey(code)]:
		bad(".region %s is not in the region table (known: %s)", clip.Quote(cl.Region), clip.Quote(c.codes))
	}
	dateErr := cl.Date.Validate()
	if dateErr != nil && !sk.date {
		bad(".date: %w", dateErr)
	}
	switch name := strings.TrimSpace(cl.Name); {
	case sk.name:
	case name == "":
		bad(".name %s is empty (say why the day is closed)", clip.Quote(cl.Name))
	case len(name) > MaxClosureNameBytes:
		bad(".name %s is longer than %d bytes", clip.Quote(name), MaxClosureNameBytes)
	}
	if src := strings.TrimSpace(cl.Source); len(src) > MaxClosureSourceBytes {
		bad(".source %s is longer than %d bytes", clip.Quote(src), MaxClosureSourceBytes)
	}
	if code == "" || sk.date || dateErr != nil {
		return errs.Err()
	}
	k := closedDay{codeKey(code), cl.Date}
	if j, dup := c.seen[k]; dup {
		bad(": region %s date %s repeats closures[%d]", clip.Quote(code), cl.Date, j)
	} else {
		c.seen[k] = i
	}
	return errs.Err()
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
