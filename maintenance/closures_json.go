package maintenance

import (
	"fmt"
	"io"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/strictjson"
)

// maxClosuresBytes is the largest closures document ParseClosures reads.
const maxClosuresBytes = 1 << 20

// closureKeys are the keys of one closure in the closures' JSON form.
var closureKeys = []string{"region", "date", "name", "source"}

// ParseClosures reads a closures document from r, of at most 1 MiB
// (1,048,576 bytes; a document of exactly that length is read), and
// checks it against table t as NewClosures does (Dynamics() for the
// built-in regions). The document is an object with the one key
// "closures", a list of objects with the keys "region" (a region code of
// t), "date" (a calendar date, "YYYY-MM-DD") and "name" (why the day is
// closed), all strings, and optionally "source" (a string: where the
// closure is published):
//
//	{"closures": [
//	  {"region": "NAM", "date": "2024-12-24", "name": "company shutdown"},
//	  {"region": "SAM", "date": "2025-03-03", "name": "Carnival Monday, banks closed",
//	   "source": "Resolução CMN 4.880/2020"}
//	]}
//
// Keys are matched case-sensitively; any other key, a key given twice, and
// anything after the object other than white space are errors. Every
// problem is reported at once, as a calendar.ErrorList whose entries wrap
// ErrInvalidClosures and name their JSON path ("closures[2].date"); the
// result is then the zero Closures.
func ParseClosures(r io.Reader, t Table) (Closures, error) {
	b, err := strictjson.Read(r, maxClosuresBytes, "closures document", ErrInvalidClosures)
	if err != nil {
		return Closures{}, err
	}
	items, problems := strictjson.Items(b, "closures", "a list of closures", ErrInvalidClosures)
	errs := calendar.ErrorList(problems)
	if items == nil {
		return Closures{}, errs
	}
	list := make([]Closure, len(items))
	check := newClosureChecker(t)
	for i, raw := range items {
		path := fmt.Sprintf("closures[%d]", i)
		skip := decodeClosure(raw, path, &list[i], &errs)
		errs.Add(check.check(i, list[i], skip))
	}
	if err := errs.Err(); err != nil {
		return Closures{}, err
	}
	return NewClosures(t, list...)
}

// decodeClosure reads one closure of the JSON form into c, adding its
// problems to errs, and returns the fields it could not read (missing, or
// not in their form), which NewClosures' checks then leave alone; an
// unknown or repeated key keeps no check from the rest.
func decodeClosure(raw []byte, path string, c *Closure, errs *calendar.ErrorList) unread {
	fields, keyErrs := strictjson.Object(raw, path, closureKeys, ErrInvalidClosures)
	errs.Add(calendar.ErrorList(keyErrs))
	if fields == nil {
		return unread{region: true, date: true, name: true}
	}
	var out unread
	for _, k := range []struct {
		key, want string
		dst       *string
		missing   *bool // nil: optional
	}{
		{"region", `a region code such as "NAM"`, &c.Region, &out.region},
		{"name", `a string such as "company shutdown"`, &c.Name, &out.name},
		{"source", "a string", &c.Source, nil},
	} {
		if _, present := fields[k.key]; !present && k.missing != nil {
			errs.Add(fmt.Errorf("%w: %s has no %q", ErrInvalidClosures, path, k.key))
			*k.missing = true
		} else if err := strictjson.String(fields[k.key], k.dst, path+"."+k.key, k.want, ErrInvalidClosures); err != nil {
			errs.Add(err)
			if k.missing != nil {
				*k.missing = true
			}
		}
	}
	var date string
	switch raw, present := fields["date"]; {
	case !present:
		errs.Add(fmt.Errorf("%w: %s has no \"date\"", ErrInvalidClosures, path))
		out.date = true
	default:
		if err := strictjson.String(raw, &date, path+".date", `a date such as "2024-12-24"`, ErrInvalidClosures); err != nil {
			errs.Add(err)
			out.date = true
			break
		}
		d, err := calendar.ParseDate(date)
		if err != nil {
			errs.Add(fmt.Errorf("%w: %s.date: %w", ErrInvalidClosures, path, err))
			out.date = true
		}
		c.Date = d
	}
	return out
}
