package main

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// failingReader returns its data, then an error that is not io.EOF.
type failingReader struct{ data io.Reader }

func (f failingReader) Read(p []byte) (int, error) {
	n, err := f.data.Read(p)
	if err == io.EOF {
		return n, errors.New("disk on fire")
	}
	return n, err
}

func TestReadErrorIsFatal(t *testing.T) {
	for _, format := range []string{"jsonl", "csv"} {
		t.Run(format, func(t *testing.T) {
			data := mustRead(t, "testdata/showcase."+format)
			var out, errOut bytes.Buffer
			code := run([]string{"-format", format, "-"}, failingReader{strings.NewReader(data)}, &out, &errOut)
			assert.Equal(t, 1, code)
			assert.Empty(t, out.String(), "no summary for an input not read to its end")
			assert.Contains(t, errOut.String(), "fleet: disk on fire (no summary")
		})
	}
}
