package calendar

import (
	"errors"
	"fmt"
	"slices"

	"github.com/slapolicy/slapolicy/internal/clip"
)

// ErrInvalidCorrection is wrapped by every error Holidays.With returns for
// a correction it cannot apply.
var ErrInvalidCorrection = errors.New("calendar: invalid holiday correction")

// Correction is one change that a Holidays calendar makes to the days its
// github.com/rickar/cal/v2 rules give, with the public record it rests on:
// where rickar/cal misses a day that a government proclaimed (the United
// Kingdom's bank holiday for the State Funeral of Queen Elizabeth II,
// Monday 2022-09-19), where it holds a day the calendar's law does not
// make a holiday, or a caller's own closure (a company shutdown).
//
// A correction is one of two kinds:
//
//   - A dated correction names a Date and says whether that day is a
//     holiday (Holiday true: a day added) or not (Holiday false: a day
//     removed, whichever rule gave it, as an actual or an observed date).
//   - A rule correction names Rule, the name of one of the calendar's
//     rickar/cal holidays as cal.Holiday.Name spells it ("Easter Monday",
//     "Carnaval"), and removes that holiday's actual and observed dates for
//     the holiday's years FromYear to ToYear (inclusive; 0 leaves that end
//     open, so both 0 removes it in every year). A date another holiday
//     also gives stays a holiday. A rule correction only removes: Holiday
//     must be false.
//
// Name, Source and Law are what documentation and statements cite: the
// day's name, the addresses of its public sources (a government's
// announcement, a gazette notice, a law's text; several are separated by
// " ; "), and the law or proclamation that makes the day a holiday or not ("Banking and
// Financial Dealings Act 1971, s.1(3); proclamation of 10 September
// 2022"). The calendar does not read them; they may be empty.
//
// The zero Correction is invalid (it names neither a date nor a rule).
// Correction is a comparable value, safe for concurrent use.
type Correction struct {
	Date    Date   // the day, for a dated correction; the zero Date for a rule correction
	Holiday bool   // dated: true adds Date as a holiday, false removes it; rule: false
	Rule    string // the rickar/cal holiday a rule correction removes; "" for a dated one

	FromYear int // a rule correction's first year, 1 to 9999; 0: from the first
	ToYear   int // a rule correction's last year, 1 to 9999; 0: to the last

	Name   string // the day's name: "State Funeral of Queen Elizabeth II"
	Source string // public sources: "https://www.thegazette.co.uk/notice/4158896"
	Law    string // the law or proclamation: "Banking and Financial Dealings Act 1971, s.1(3)"
}

// IsRule reports whether c is a rule correction (it names a Rule).
func (c Correction) IsRule() bool { return c.Rule != "" }

// String writes c briefly, for messages and listings: "2022-09-19 added
// (State Funeral of Queen Elizabeth II)", "2017-10-31 removed",
// "Easter Monday removed in every year", "Dia da Consciência Negra
// removed in 1 to 2023".
func (c Correction) String() string {
	var s string
	switch {
	case c.IsRule():
		s = c.Rule + " removed in " + c.years()
	case c.Holiday:
		s = c.Date.String() + " added"
	default:
		s = c.Date.String() + " removed"
	}
	if c.Name != "" && c.Name != c.Rule {
		s += " (" + c.Name + ")"
	}
	return s
}

// years writes a rule correction's years: "every year", "2024 to 9999".
func (c Correction) years() string {
	if c.FromYear == 0 && c.ToYear == 0 {
		return "every year"
	}
	from, to := c.FromYear, c.ToYear
	if from == 0 {
		from = minYear
	}
	if to == 0 {
		to = maxYear
	}
	if from == to {
		return fmt.Sprint(from)
	}
	return fmt.Sprintf("%d to %d", from, to)
}

// covers reports whether a rule correction applies to the holiday's year y.
func (c Correction) covers(y int) bool {
	return (c.FromYear == 0 || y >= c.FromYear) && (c.ToYear == 0 || y <= c.ToYear)
}

// dayFix is a dated correction as Holidays applies it.
type dayFix struct {
	year, doy int
	holiday   bool
}

// With returns a new calendar named name: c's holidays with the given
// corrections layered over c's own (see Correction). Rule corrections act
// first, on the rules; then the dated corrections of every layer, c's
// first and these after them, set or clear their days, so a later layer's
// dated correction of a day overrides an earlier one's: a caller's
// closure on a day the built-in calendar removed makes it a holiday
// again. c is unchanged, and remains a separate calendar (a different
// pointer). A nil c is a calendar with no rules, to which only dated
// corrections can be applied.
//
// It returns every problem at once, as an ErrorList whose entries wrap
// ErrInvalidCorrection and name the correction by its index
// ("corrections[2]"): a correction that names both a date and a rule, or
// neither; a date that Date.Validate refuses; a rule that is no holiday
// of c, one that adds (Holiday true), or one with years outside 1 to 9999
// or FromYear after ToYear; years on a dated correction; the same date
// corrected twice in the list. The error's calendar is nil.
func (c *Holidays) With(name string, corrections ...Correction) (*Holidays, error) {
	var errs ErrorList
	bad := func(i int, format string, args ...any) {
		errs.Add(fmt.Errorf("%w: corrections[%d]: "+format, append([]any{ErrInvalidCorrection, i}, args...)...))
	}
	out := &Holidays{name: name}
	if c != nil {
		out.hs = c.hs // immutable once built, so shared
		out.fixes = slices.Clone(c.fixes)
		out.days = slices.Clone(c.days)
		out.drops = slices.Clone(c.drops)
	}
	if out.drops == nil {
		out.drops = make([][]Correction, len(out.hs))
	}
	seen := make(map[Date]int, len(corrections))
	for i, fix := range corrections {
		switch {
		case fix.IsRule() && !fix.Date.IsZero():
			bad(i, "names both date %s and rule %s (a correction is one or the other)", fix.Date, clip.Quote(fix.Rule))
		case fix.IsRule():
			c.checkRule(fix, func(format string, args ...any) { bad(i, format, args...) })
		case fix.Date.IsZero():
			bad(i, "names neither a date nor a rule")
		default:
			if err := fix.Date.Validate(); err != nil {
				bad(i, "date: %w", err)
				continue
			}
			if fix.FromYear != 0 || fix.ToYear != 0 {
				bad(i, "date %s has years %d to %d (only a rule correction has years)", fix.Date, fix.FromYear, fix.ToYear)
			}
			if j, dup := seen[fix.Date]; dup {
				bad(i, "date %s repeats corrections[%d]", fix.Date, j)
			}
			seen[fix.Date] = i
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	for _, fix := range corrections {
		out.fixes = append(out.fixes, fix)
		if fix.IsRule() {
			for k := range out.hs {
				if out.hs[k].Name == fix.Rule {
					out.drops[k] = append(slices.Clone(out.drops[k]), fix)
				}
			}
			continue
		}
		d := fix.Date
		out.days = append(out.days, dayFix{year: d.Year, doy: dayOfYear(d.Year, d.Month, d.Day), holiday: fix.Holiday})
	}
	return out, nil
}

// checkRule reports through bad what keeps rule correction fix from
// applying to c.
func (c *Holidays) checkRule(fix Correction, bad func(format string, args ...any)) {
	if fix.Holiday {
		bad("rule %s adds (a rule correction only removes a holiday's dates; add days as dated corrections)", clip.Quote(fix.Rule))
	}
	for _, y := range []struct {
		name string
		v    int
	}{{"from year", fix.FromYear}, {"to year", fix.ToYear}} {
		if y.v != 0 && (y.v < minYear || y.v > maxYear) {
			bad("rule %s: %s %d is outside %d to %d", clip.Quote(fix.Rule), y.name, y.v, minYear, maxYear)
		}
	}
	if fix.FromYear != 0 && fix.ToYear != 0 && fix.FromYear > fix.ToYear {
		bad("rule %s: from year %d is after to year %d", clip.Quote(fix.Rule), fix.FromYear, fix.ToYear)
	}
	if c != nil {
		for i := range c.hs {
			if c.hs[i].Name == fix.Rule {
				return
			}
		}
	}
	bad("rule %s is not a holiday of calendar %s", clip.Quote(fix.Rule), clip.Quote(c.Name()))
}

// Corrections returns the corrections c applies over its rickar/cal
// rules, every layer's (see With) in the order they were applied, in a
// new slice; nil when there are none, and for a nil c.
func (c *Holidays) Corrections() []Correction {
	if c == nil {
		return nil
	}
	return slices.Clone(c.fixes)
}

// dropped reports whether rule k of c is removed in the holiday's year y.
func (c *Holidays) dropped(k, y int) bool {
	if len(c.drops) == 0 {
		return false
	}
	for _, fix := range c.drops[k] {
		if fix.covers(y) {
			return true
		}
	}
	return false
}
