package fleetrec

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stdDecodeJSON is DecodeJSON without the scanner: encoding/json only, as
// the fleet decoded before the scanner.
func stdDecodeJSON(line []byte, p Pos, loc *time.Location) (Record, string, []Problem) {
	jr, err := decodeStd(line)
	if err != nil {
		return Record{}, "", problems(p, err)
	}
	return checkJSON(&jr, p, loc)
}

// fastTaken are good records in the plain form, which decodeFast takes.
var fastTaken = []string{
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":"1"}`,
	` { "subscription" : "s" , "region":"NAM","month":"2024-03","fee":"1"} `,
	"{\"subscription\":\"s\",\t\"region\":\"NAM\",\r\"month\":\"2024-03\",\"fee\":\"1\"}",
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":"1","outages":[]}`,
	`{"fee":"1","outages":[],"notices":[],"month":"2024-03","region":"nam","subscription":"s"}`,
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":"1","outages":[{"cause":"preview","end":"2024-03-01T01:00:00+01:00","start":"2024-02-29T23:00:00.5Z"}]}`,
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":"1","notices":[{"start":"2024-03-01T00:00:00Z","end":"2024-03-01T01:00:00Z","announced":"2024-02-01T00:00:00Z"}]}`,
	// The optional fields.
	`{"subscription":"s","region":"DEU","month":"2024-04","fee":"3000.00","currency":"EUR","subscribed":{"start":"2024-04-16T00:00:00Z","end":"2024-05-01T00:00:00Z"}}`,
	`{"subscription":"s","region":"NAM","month":"2024-04","fee":"1","users":"1000","outages":[{"start":"2024-04-10T14:00:00Z","end":"2024-04-10T16:00:00Z","users":"100"},{"users":"0","start":"2024-04-11T14:00:00Z","end":"2024-04-11T16:00:00Z","cause":""}]}`,
	`{"subscription":"s","region":"NAM","month":"2024-04","fee":"1","currency":"jpy","subscribed":{"end":"2024-04-20T00:00:00Z","start":"2024-03-20T00:00:00Z"}}`,
}

// fastLeft are lines decodeFast leaves to encoding/json: not in the plain
// form, or with a problem.
var fastLeft = []string{
	`{"Subscription":"s","region":"NAM","month":"2024-03","fee":"1"}`,
	`{"subscription":"s","subscription":"t","region":"NAM","month":"2024-03","fee":"1"}`,
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":null}`,
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":"1","outages":null}`,
	`{"subscription":"s\u00e9","region":"NAM","month":"2024-03","fee":"1"}`,
	`{"subscription":"s\"q","region":"NAM","month":"2024-03","fee":"1"}`,
	"{\"subscription\":\"s\xff\",\"region\":\"NAM\",\"month\":\"2024-03\",\"fee\":\"1\"}",
	`{"subscription":"sé","region":"NAM","month":"2024-03","fee":"1"}`,
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":"1"}x`,
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":"1"}{}`,
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":"1",}`,
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":1}`,
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":"1","outages":[{"start":"2024-03-01T00:00:00Z","end":"2024-03-01T01:00:00Z"},]}`,
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":"1","outages":[{"start":"2024-03-01T00:00:00Z","start":"2024-03-01T01:00:00Z"}]}`,
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":"1","outages":[{"Start":"2024-03-01T00:00:00Z","end":"2024-03-01T01:00:00Z"}]}`,
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":"1","outages":[{"start":"2024-03-01T00:00:00Z","end":"2024-03-01T01:00:00Z","announced":"x"}]}`,
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":"1","outages":[[]]}`,
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":"1","outages":{}}`,
	`{"subscription":"s","region":"NAM","month":"2024-03","fee":"1"`,
	`[1]`,
	`"x"`,
	`nul`,
	// The optional fields, not plain or with a problem.
	`{"subscription":"s","region":"NAM","month":"2024-04","fee":"1","subscribed":{}}`,
	`{"subscription":"s","region":"NAM","month":"2024-04","fee":"1","subscribed":{"start":"2024-04-16T00:00:00Z"}}`,
	`{"subscription":"s","region":"NAM","month":"2024-04","fee":"1","subscribed":{"start":"2024-04-16T00:00:00Z","end":"2024-04-16T00:00:00Z"}}`,
	`{"subscription":"s","region":"NAM","month":"2024-04","fee":"1","subscribed":{"start":"2024-04-16T00:00:00Z","end":"2024-04-17T00:00:00Z","users":"1"}}`,
	`{"subscription":"s","region":"NAM","month":"2024-04","fee":"1","subscribed":null}`,
	`{"subscription":"s","region":"NAM","month":"2024-04","fee":"1","users":"-1"}`,
	`{"subscription":"s","region":"NAM","month":"2024-04","fee":"1","users":"1.5"}`,
	`{"subscription":"s","region":"NAM","month":"2024-04","fee":"1","users":"1000000001"}`,
	`{"subscription":"s","region":"NAM","month":"2024-04","fee":"1","users":"99999999999"}`,
	`{"subscription":"s","region":"NAM","month":"2024-04","fee":"1","currency":"XXX"}`,
	`{"subscription":"s","region":"NAM","month":"2024-04","fee":"1","currency":"XAU"}`,
	`{"subscription":"s","region":"NAM","month":"2024-04","fee":"1","currency":"EUR","currency":"USD"}`,
	`{"subscription":"s","region":"NAM","month":"2024-04","fee":"1","outages":[{"start":"2024-04-10T14:00:00Z","end":"2024-04-10T16:00:00Z","users":"many"}]}`,
	`{"subscription":"s","region":"NAM","month":"2024-04","fee":"1","notices":[{"start":"2024-04-10T14:00:00Z","end":"2024-04-10T16:00:00Z","announced":"2024-04-01T00:00:00Z","users":"1"}]}`,
}

// FuzzDecodeJSON holds the fast path to encoding/json: DecodeJSON gives
// the same record, key and problems as encoding/json and checkJSON alone
// for every line, and a line decodeFast takes has no problem there.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range append(fastTaken, fastLeft...) {
		f.Add([]byte(s))
	}
	for _, name := range []string{"../../fleet/testdata/showcase.jsonl", "../../fleet/testdata/bad.jsonl"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range bytes.Split(b, []byte("\n")) {
			f.Add(line)
		}
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		p := Pos{File: "f", Line: 1}
		wantRec, wantK, wantErrs := stdDecodeJSON(line, p, time.UTC)
		if rec, k, ok := decodeFast(line, time.UTC); ok {
			require.Empty(t, wantErrs, "decodeFast took a line with problems")
			require.Equal(t, wantK, k)
			require.True(t, reflect.DeepEqual(wantRec, rec), "records differ:\n%#v\n%#v", rec, wantRec)
		}
		rec, k, errs := DecodeJSON(line, p, time.UTC)
		assert.Equal(t, wantErrs, errs)
		assert.Equal(t, wantK, k)
		assert.True(t, reflect.DeepEqual(wantRec, rec), "records differ:\n%#v\n%#v", rec, wantRec)
	})
}

func TestDecodeFastTakesThePlainForm(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJSONL(&b, GenConfig{N: 500, Seed: 1, Outages: -1}))
	require.NoError(t, WriteJSONL(&b, GenConfig{N: 50, Seed: 2, Outages: 20}))
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		_, _, ok := decodeFast([]byte(line), time.UTC)
		require.True(t, ok, "decodeFast leaves the generator's line %s", line)
	}
	for _, s := range fastTaken {
		_, _, ok := decodeFast([]byte(s), time.UTC)
		assert.True(t, ok, "decodeFast leaves %s", s)
	}
	for _, s := range fastLeft {
		_, _, ok := decodeFast([]byte(s), time.UTC)
		assert.False(t, ok, "decodeFast takes %s", s)
	}
}

// FuzzParseTime holds parseUTCSeconds to time.Parse: what it takes,
// time.Parse reads as the same Time (==, so the location too), and a
// string of its shape that time.Parse reads, it takes.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{
		"2024-03-05T14:00:00Z", "2024-02-29T23:59:59Z", "2023-02-29T00:00:00Z", "0000-01-01T00:00:00Z",
		"9999-12-31T23:59:59Z", "2024-13-01T00:00:00Z", "2024-04-31T00:00:00Z", "2024-03-05T24:00:00Z",
		"2024-03-05T14:60:00Z", "2024-03-05T14:00:60Z", "2024-03-05t14:00:00z", "2024-03-05T14:00:00+01:00",
		"2024-03-05T14:00:00.5Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "+024-03-05T14:00:00Z",
		"2024-03-00T00:00:00Z", "2024-00-10T00:00:00Z", "1969-12-31T23:59:59Z", "0000-02-29T12:00:00Z",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseUTCSeconds(s)
		want, err := time.Parse(time.RFC3339Nano, s)
		if ok {
			require.NoError(t, err, "parseUTCSeconds takes %q", s)
			require.True(t, got == want, "%q: %v (%#v) != %v (%#v)", s, got, got, want, want)
		}
		shape := len(s) == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' && s[19] == 'Z'
		if shape && err == nil && strings.Trim(s[:19], "0123456789-T:") == "" {
			assert.True(t, ok, "parseUTCSeconds leaves %q, which time.Parse reads", s)
		}
		got2, err2 := parseTime("start", s)
		if err == nil {
			require.NoError(t, err2)
			require.True(t, got2.Equal(want), "%q", s)
		} else {
			require.Error(t, err2)
		}
	})
}

// TestDecodeJSONKeepsNothingOfLine: decodeFast reads the line in place;
// the record must not change when the line's bytes do afterwards.
func TestDecodeJSONKeepsNothingOfLine(t *testing.T) {
	const in = `{"subscription":"sub-x","region":"NAM","month":"2024-03","fee":"12.50",` +
		`"outages":[{"start":"2024-03-05T14:00:00Z","end":"2024-03-05T15:00:00Z","cause":"preview"}]}`
	want, wantK, errs := DecodeJSON([]byte(in), Pos{"f", 1}, time.UTC)
	require.Empty(t, errs)
	line := []byte(in)
	got, k, errs := DecodeJSON(line, Pos{"f", 1}, time.UTC)
	require.Empty(t, errs)
	for i := range line {
		line[i] = 'x'
	}
	assert.Equal(t, wantK, k)
	assert.True(t, reflect.DeepEqual(want, got), "the record changed with its line:\n%#v\n%#v", got, want)
	assert.Equal(t, "sub-x", got.subscription)
	assert.Equal(t, "12.50", got.feeText)
	assert.Equal(t, "preview", string(got.outages[0].Cause))
}
