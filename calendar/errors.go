package calendar

import (
	"fmt"
	"strconv"
	"strings"
)

// maxListed is how many problems ErrorList.Error writes before it says
// how many more there are.
const maxListed = 20

// ErrorList is a list of problems found at once. Every validation in this
// module (a policy, a period, a region table, a claim, an audit's input)
// reports all it finds as an ErrorList, returned as an error, so a caller
// can show every problem at once, as go/scanner.ErrorList does for a
// parser:
//
//	var list calendar.ErrorList
//	if errors.As(err, &list) {
//		for _, e := range list {
//			fmt.Println(e)
//		}
//	}
//
// Each entry is one problem, never itself a list; errors.Is and errors.As
// see every entry (Unwrap returns them). The zero ErrorList is empty. An
// ErrorList is not modified after it is returned; it is then safe for
// concurrent use.
type ErrorList []error

// Add appends err to l. A nil err adds nothing; an ErrorList, or an error
// made by errors.Join, adds each of its problems (and theirs, however
// deeply nested), so that l stays flat. An error that wraps several in one
// message of its own, as fmt.Errorf("%w and %w", a, b) does, is one
// problem and is added whole.
func (l *ErrorList) Add(err error) {
	switch e := err.(type) {
	case nil:
	case ErrorList:
		for _, x := range e {
			l.Add(x)
		}
	case *ErrorList:
		if e != nil {
			l.Add(*e)
		}
	default:
		if parts, ok := joined(err); ok {
			for _, x := range parts {
				l.Add(x)
			}
			return
		}
		*l = append(*l, err)
	}
}

// Addf adds each problem of err as Add does, wrapped with a prefix:
// fmt.Errorf(format+": %w", args..., problem), so that errors.Is and
// errors.As still find the problem, and any error the format wraps with
// %w (a sentinel of the caller's) too. A nil err adds nothing:
//
//	list.Addf(err, "outages[%d]", i)
//	list.Addf(err, "%w: versions[%d].policy", ErrInvalid, i)
func (l *ErrorList) Addf(err error, format string, args ...any) {
	var parts ErrorList
	parts.Add(err)
	for _, e := range parts {
		*l = append(*l, fmt.Errorf(format+": %w", append(args, e)...))
	}
}

// joined returns the errors err holds when it was made by errors.Join: it
// unwraps to several errors and its message is theirs, one per line (see
// Add).
func joined(err error) ([]error, bool) {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return nil, false
	}
	parts := j.Unwrap()
	msgs := make([]string, len(parts))
	for i, e := range parts {
		if e == nil {
			return nil, false
		}
		msgs[i] = e.Error()
	}
	return parts, len(parts) > 0 && err.Error() == strings.Join(msgs, "\n")
}

// Err returns l as an error, or nil when l is empty; a function that
// collects problems in an ErrorList ends with return l.Err().
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error writes the problems one per line, in order: at most the first 20,
// then, when there are more, one last line "and N more" (N = len(l) − 20),
// so that a message stays short however many problems a large input
// holds; the list itself keeps them all. An empty list writes "".
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i == maxListed {
			b.WriteString("\nand " + strconv.Itoa(len(l)-maxListed) + " more")
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the problems, so that errors.Is and errors.As look at
// each of them.
func (l ErrorList) Unwrap() []error { return l }
