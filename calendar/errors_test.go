package calendar

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	errA = errors.New("problem a")
	errB = errors.New("problem b")
	errC = errors.New("problem c")
)

// multiError unwraps to errs and has the message msg, so a test can build
// errors that look like errors.Join's and errors that do not.
type multiError struct {
	msg  string
	errs []error
}

func (e *multiError) Error() string   { return e.msg }
func (e *multiError) Unwrap() []error { return e.errs }

// typedError is a problem errors.As can find.
type typedError struct{ field string }

func (e *typedError) Error() string { return "bad " + e.field }

func TestErrorListAdd(t *testing.T) {
	wrapsTwo := fmt.Errorf("%w and %w", errA, errB)
	joinLike := &multiError{"problem a\nproblem b", []error{errA, errB}}
	ownMessage := &multiError{"two problems", []error{errA, errB}}
	holdsNil := &multiError{"problem a\n", []error{errA, nil}}
	holdsNothing := &multiError{"", nil}
	tests := []struct {
		name string
		add  []error
		want []error // the entries, compared with ==
	}{
		{"nil adds nothing", []error{nil}, nil},
		{"one error", []error{errA}, []error{errA}},
		{"in order", []error{errB, errA, errC}, []error{errB, errA, errC}},
		{"errors.Join is flattened", []error{errors.Join(errA, errB)}, []error{errA, errB}},
		{"errors.Join of one error", []error{errors.Join(errA, nil)}, []error{errA}},
		{"errors.Join of nils is nil", []error{errors.Join(nil, nil)}, nil},
		{"nested errors.Join", []error{errors.Join(errA, errors.Join(errB, errC))}, []error{errA, errB, errC}},
		{"an ErrorList is flattened", []error{ErrorList{errA, errB}}, []error{errA, errB}},
		{"nested ErrorLists", []error{ErrorList{errA, ErrorList{errB, ErrorList{errC}}}}, []error{errA, errB, errC}},
		{"an ErrorList inside errors.Join", []error{errors.Join(ErrorList{errA, errB}, errC)}, []error{errA, errB, errC}},
		{"an empty ErrorList adds nothing", []error{ErrorList{}}, nil},
		// One message that wraps two errors is one problem.
		{"fmt.Errorf with two %w is not split", []error{wrapsTwo}, []error{wrapsTwo}},
		{"fmt.Errorf with two %w inside errors.Join", []error{errors.Join(wrapsTwo, errC)}, []error{wrapsTwo, errC}},
		// Only a message that is the parts' messages, one per line, is
		// split.
		{"a multi-error with errors.Join's message is split", []error{joinLike}, []error{errA, errB}},
		{"a multi-error with its own message is not split", []error{ownMessage}, []error{ownMessage}},
		{"a multi-error holding a nil is not split", []error{holdsNil}, []error{holdsNil}},
		{"a multi-error holding nothing is one problem", []error{holdsNothing}, []error{holdsNothing}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var l ErrorList
			for _, err := range tc.add {
				l.Add(err)
			}
			require.Len(t, l, len(tc.want), "%q", l.Error())
			for i := range tc.want {
				assert.True(t, l[i] == tc.want[i], "entry %d: got %v want %v", i, l[i], tc.want[i])
				_, isList := l[i].(ErrorList)
				assert.False(t, isList, "entry %d is itself a list", i)
			}
		})
	}
}

func TestErrorListAddf(t *testing.T) {
	errSentinel := errors.New("pkg: invalid thing")

	var l ErrorList
	l.Addf(errA, "outages[%d]", 3)
	l.Addf(nil, "outages[%d]", 4) // adds nothing
	l.Addf(errors.Join(errB, &typedError{"level"}), "%w: versions[%d].policy", errSentinel, 2)
	l.Addf(ErrorList{errC}, "tiers")
	require.Len(t, l, 4)
	assert.Equal(t, "outages[3]: problem a", l[0].Error())
	assert.Equal(t, "pkg: invalid thing: versions[2].policy: problem b", l[1].Error())
	assert.Equal(t, "pkg: invalid thing: versions[2].policy: bad level", l[2].Error())
	assert.Equal(t, "tiers: problem c", l[3].Error())

	// Each entry still is the problem it wraps, and the format's sentinel.
	assert.ErrorIs(t, l[0], errA)
	assert.NotErrorIs(t, l[0], errSentinel)
	for _, e := range l[1:3] {
		assert.ErrorIs(t, e, errSentinel, "%v", e)
	}
	assert.ErrorIs(t, l[1], errB)
	var typed *typedError
	require.ErrorAs(t, l[2], &typed)
	assert.Equal(t, "level", typed.field)
	assert.ErrorIs(t, l[3], errC)

	// The whole list answers for every entry.
	err := l.Err()
	for _, target := range []error{errA, errB, errC, errSentinel} {
		assert.ErrorIs(t, err, target)
	}
}

func TestErrorListErr(t *testing.T) {
	var none ErrorList
	assert.NoError(t, none.Err())
	assert.NoError(t, ErrorList{}.Err())
	assert.Nil(t, none.Err(), "an untyped nil, so err != nil is false")

	l := ErrorList{errA, errB}
	err := l.Err()
	require.Error(t, err)
	var got ErrorList
	require.True(t, errors.As(err, &got))
	assert.Equal(t, l, got)
	assert.Equal(t, "problem a\nproblem b", err.Error())
}

// TestErrorListError: one problem a line, at most 20 of them, then
// "and N more".
func TestErrorListError(t *testing.T) {
	list := func(n int) ErrorList {
		var l ErrorList
		for i := range n {
			l.Add(errors.New("problem " + strconv.Itoa(i)))
		}
		return l
	}
	lines := func(from, to int) string {
		var s []string
		for i := from; i < to; i++ {
			s = append(s, "problem "+strconv.Itoa(i))
		}
		return strings.Join(s, "\n")
	}
	tests := []struct {
		name string
		n    int
		want string
	}{
		{"empty", 0, ""},
		{"one", 1, "problem 0"},
		{"twenty, all written", 20, lines(0, 20)},
		{"twenty-one: the last is counted", 21, lines(0, 20) + "\nand 1 more"},
		{"a thousand", 1000, lines(0, 20) + "\nand 980 more"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := list(tc.n)
			assert.Equal(t, tc.want, l.Error())
			assert.Len(t, l, tc.n, "the list keeps every problem")
			assert.LessOrEqual(t, strings.Count(l.Error(), "\n"), 20, "at most 21 lines")
		})
	}
	// A problem whose message spans lines is written as it is.
	assert.Equal(t, "problem a\nline 1\nline 2", ErrorList{errA, errors.New("line 1\nline 2")}.Error())
}

func TestErrorListUnwrap(t *testing.T) {
	typed := &typedError{"host"}
	l := ErrorList{errA, fmt.Errorf("regions[1]: %w", typed)}
	assert.Equal(t, []error(l), l.Unwrap())
	assert.ErrorIs(t, l, errA)
	assert.NotErrorIs(t, l, errB)
	var got *typedError
	require.ErrorAs(t, l, &got)
	assert.Same(t, typed, got)
	assert.Empty(t, ErrorList(nil).Unwrap())
	// A list inside another error is still seen through.
	wrapped := fmt.Errorf("policy: %w", l)
	assert.ErrorIs(t, wrapped, errA)
	var inner ErrorList
	require.ErrorAs(t, wrapped, &inner)
	assert.Len(t, inner, 2)
}

// TestErrorListAddPointer: a *ErrorList is flattened like an ErrorList,
// however many problems it holds (its message stops listing after 20,
// which must not stop Add from seeing them).
func TestErrorListAddPointer(t *testing.T) {
	var inner ErrorList
	for i := range 25 {
		inner.Add(fmt.Errorf("problem %d", i))
	}
	var outer ErrorList
	outer.Add(&inner)
	require.Len(t, outer, 25)
	outer.Add((*ErrorList)(nil))
	require.Len(t, outer, 25)
}
