package maintenance

import (
	"fmt"
	"strings"

	"github.com/slapolicy/slapolicy/internal/clip"
)

// ParseWindow reads a daily UTC window written either in 12-hour form, as
// the "Maintenance timeline" of "Policies and Communications for Dynamics
// 365 for Customer Engagement" spells it, or in 24-hour form:
//
//	"2 AM to 11 AM"   "12 AM to 10 AM"   "11AM to 9PM"   "7:30PM to 1AM"
//	"19:30-01:00"     "18:00 to 03:00"   "15:00-24:00"
//
// Letter case does not matter and white space around the text, around the
// separator and before AM/PM is ignored. The ends are separated by "to",
// "-" or an en dash "–". A 12-hour time is an hour from 1 to 12, optionally
// ":MM", then AM or PM; "12 AM" is midnight and "12 PM" noon. A 24-hour
// time is H:MM or HH:MM with an hour from 0 to 23; "24:00" is accepted as
// an end only, meaning midnight. Both ends must use the same form.
//
// An end before the start gives a window that crosses midnight ("6 PM to
// 3 AM"); an end of midnight closes the window at the end of the day ("3 PM
// to 12 AM" lasts 9 hours). An end equal to the start is an error, never a
// 24-hour window.
//
// Every error wraps ErrInvalidWindow, quotes s and says what is wrong: an hour
// over 12 with AM/PM or over 23 without, minutes over 59, a missing hour,
// separator, end or AM/PM, mixed forms, or trailing text. The empty string
// is an error (UnmarshalText, not ParseWindow, reads it as the zero Window).
func ParseWindow(s string) (Window, error) {
	p := windowParser{s: strings.ToLower(strings.TrimSpace(s))}
	w, err := p.parse()
	if err != nil {
		return Window{}, fmt.Errorf("%w %s: %s", ErrInvalidWindow, clip.Quote(s), err)
	}
	return w, nil
}

// windowParser reads one window from s, a trimmed, lower-cased copy of the
// input.
type windowParser struct {
	s   string
	pos int
}

// clock is one parsed end of a window.
type clock struct {
	minute int  // minute of the day, 0..1439
	twelve bool // written with AM or PM
}

func (p *windowParser) parse() (Window, error) {
	if p.s == "" {
		return Window{}, fmt.Errorf("empty window")
	}
	start, err := p.clock("start")
	if err != nil {
		return Window{}, err
	}
	p.spaces()
	if err := p.separator(); err != nil {
		return Window{}, err
	}
	p.spaces()
	if p.pos == len(p.s) {
		return Window{}, fmt.Errorf("missing end time")
	}
	end, err := p.clock("end")
	if err != nil {
		return Window{}, err
	}
	if p.pos != len(p.s) {
		return Window{}, fmt.Errorf("unexpected %s after the end time", clip.Quote(strings.TrimSpace(p.s[p.pos:])))
	}
	if start.twelve != end.twelve {
		return Window{}, fmt.Errorf("mixes 12-hour (AM/PM) and 24-hour times")
	}
	if start.minute == end.minute {
		return Window{}, fmt.Errorf("end equals start (a window is never 24 hours)")
	}
	w, _ := windowFromMinutes(start.minute, end.minute, "")
	return w, nil
}

// spaces skips white space.
func (p *windowParser) spaces() {
	for p.pos < len(p.s) && isSpace(p.s[p.pos]) {
		p.pos++
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// separator reads "to", "-" or "–".
func (p *windowParser) separator() error {
	rest := p.s[p.pos:]
	for _, sep := range []string{"to", "-", "–"} {
		if strings.HasPrefix(rest, sep) {
			p.pos += len(sep)
			return nil
		}
	}
	if rest == "" {
		return fmt.Errorf("missing \"to\" and end time")
	}
	return fmt.Errorf("expected \"to\" or \"-\" before %s", clip.Quote(rest))
}

// digits reads up to 2 decimal digits and reports their value and count; a
// third digit is an error.
func (p *windowParser) digits(what string) (int, int, error) {
	v, n := 0, 0
	for p.pos < len(p.s) && p.s[p.pos] >= '0' && p.s[p.pos] <= '9' {
		if n == 2 {
			return 0, 0, fmt.Errorf("%s has more than 2 digits", what)
		}
		v = v*10 + int(p.s[p.pos]-'0')
		n++
		p.pos++
	}
	return v, n, nil
}

// clock reads one end: H[:MM] [AM|PM] or H:MM / HH:MM.
func (p *windowParser) clock(field string) (clock, error) {
	hour, n, err := p.digits(field + " hour")
	if err != nil {
		return clock{}, err
	}
	if n == 0 {
		if p.pos == len(p.s) {
			return clock{}, fmt.Errorf("missing %s hour", field)
		}
		return clock{}, fmt.Errorf("missing %s hour before %s", field, clip.Quote(p.s[p.pos:]))
	}
	minute, colon := 0, false
	if p.pos < len(p.s) && p.s[p.pos] == ':' {
		colon = true
		p.pos++
		var m int
		minute, m, err = p.digits(field + " minutes")
		if err != nil {
			return clock{}, err
		}
		if m != 2 {
			return clock{}, fmt.Errorf("%s minutes must be 2 digits", field)
		}
		if minute > 59 {
			return clock{}, fmt.Errorf("%s minutes %02d over 59", field, minute)
		}
	}
	afterTime := p.pos
	p.spaces()
	rest := p.s[p.pos:]
	switch {
	case strings.HasPrefix(rest, "am"), strings.HasPrefix(rest, "pm"):
		pm := rest[0] == 'p'
		p.pos += 2
		if hour == 0 || hour > 12 {
			if hour == 0 {
				return clock{}, fmt.Errorf("%s hour 0 with AM/PM (midnight is 12 AM)", field)
			}
			return clock{}, fmt.Errorf("%s hour %d over 12 with AM/PM", field, hour)
		}
		hour %= 12
		if pm {
			hour += 12
		}
		return clock{minute: hour*60 + minute, twelve: true}, nil
	}
	p.pos = afterTime
	if !colon {
		return clock{}, fmt.Errorf("%s time %d has neither AM/PM nor :MM", field, hour)
	}
	if hour == 24 && minute == 0 && field == "end" {
		return clock{minute: 0}, nil // "24:00" ends at midnight
	}
	if hour > 23 {
		return clock{}, fmt.Errorf("%s hour %d over 23", field, hour)
	}
	return clock{minute: hour*60 + minute}, nil
}
