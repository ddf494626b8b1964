package sla

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Causes lists the exclusions of section D.1.b in its order, as a copy;
// only they are known, and each is reported under the Reason of the same
// name.
func TestCauses(t *testing.T) {
	assert.Equal(t, []Cause{"outside-control", "add-on", "customer-systems", "customer-actions", "ignored-advice", "preview"}, Causes())
	c := Causes()
	c[0] = "x"
	assert.Equal(t, CauseOutsideControl, Causes()[0], "Causes returns a copy")
	for _, k := range Causes() {
		assert.True(t, k.Known(), k)
		assert.Equal(t, Reason(k), k.Reason())
	}
	for _, k := range []Cause{"", "window", "notice", "intermittent", "Add-On", "add-0n"} {
		assert.False(t, k.Known(), k)
	}
	assert.Equal(t, ReasonCounted, Cause("").Reason())
}

// Every reason a part can carry has its one code: the four reasons that
// are not causes and every known cause, in section D's order, each with
// its own code, and causeCode finds the causes' codes and nothing else.
func TestReasonCodes(t *testing.T) {
	want := []Reason{ReasonCounted, ReasonWindow, ReasonNotice, ReasonIntermittent}
	for _, c := range Causes() {
		want = append(want, c.Reason())
	}
	require.Len(t, want, int(numCodes))
	for i, r := range want {
		assert.Equal(t, r, code(i).reason(), "code %d", i)
	}
	for i, c := range Causes() {
		k, ok := causeCode(c)
		require.True(t, ok, "%q", c)
		assert.Equal(t, codeCause0+code(i), k, "%q", c)
	}
	for _, c := range []Cause{"", "window", "notice", "intermittent", "Preview", "preview ", "add-on-", "customer"} {
		_, ok := causeCode(c)
		assert.False(t, ok, "%q", c)
		assert.False(t, c.Known(), "%q", c)
	}
}
