package strictjson

import (
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errTest = errors.New("test: invalid document")

func TestQuoteRaw(t *testing.T) {
	sixty := strings.Repeat("0123456789", 6)
	tests := []struct {
		name, in, want string
	}{
		{"a string, not quoted again", ` "abc" `, `"abc"`},
		{"a number", "12.5", "12.5"},
		{"an object", `{"a":[1,2]}`, `{"a":[1,2]}`},
		{"white space is trimmed before measuring", "\n\t" + sixty + "  ", sixty},
		{"61 bytes: quoted and cut", sixty + "1", `"` + sixty + `"... (61 bytes)`},
		{"a long string value", `"` + strings.Repeat("x", 70) + `"`, `"\"` + strings.Repeat("x", 59) + `"... (72 bytes)`},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, QuoteRaw([]byte(tc.in)))
		})
	}
}

// TestRead: the limit is inclusive; one byte more is an error.
func TestRead(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		limit int
		err   string // "" when the read succeeds
	}{
		{"empty", "", 10, ""},
		{"under the limit", "abc", 10, ""},
		{"exactly the limit", "0123456789", 10, ""},
		{"one byte over", "0123456789x", 10, "test: invalid document: policy document is longer than 10 bytes"},
		{"far over", strings.Repeat("x", 1<<20), 10, "test: invalid document: policy document is longer than 10 bytes"},
		{"limit 0, empty", "", 0, ""},
		{"limit 0, one byte", "x", 0, "test: invalid document: policy document is longer than 0 bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Read(strings.NewReader(tc.in), tc.limit, "policy document", errTest)
			if tc.err != "" {
				require.ErrorIs(t, err, errTest)
				assert.EqualError(t, err, tc.err)
				assert.Nil(t, b)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.in, string(b))
		})
	}
	errDisk := errors.New("disk on fire")
	_, err := Read(iotest.ErrReader(errDisk), 10, "policy document", errTest)
	require.ErrorIs(t, err, errTest)
	require.ErrorIs(t, err, errDisk)
	assert.EqualError(t, err, "test: invalid document: reading policy document: disk on fire")
}

// objectCases are Object's hand-worked documents; FuzzObject starts from
// them too.
var objectCases = []struct {
	name   string
	doc    string
	fields map[string]string // nil when the document is not one object
	errs   []string          // the messages, in order
}{
	{"all keys known", `{"a":1,"b":"x","c":[1, 2]}`, map[string]string{"a": "1", "b": `"x"`, "c": "[1, 2]"}, nil},
	{"empty object", `{}`, map[string]string{}, nil},
	{"white space around", " \n{ \"a\" : {\"z\":null} }\t ", map[string]string{"a": `{"z":null}`}, nil},
	{"null reads as missing", `{"a":null,"b":2}`, map[string]string{"b": "2"}, nil},
	{"unknown key", `{"a":1,"z":2}`, map[string]string{"a": "1"},
		[]string{`test: invalid document: doc has unknown key "z" (known keys: a, b, c)`}},
	{"keys match case-sensitively", `{"A":1}`, map[string]string{},
		[]string{`test: invalid document: doc has unknown key "A" (known keys: a, b, c)`}},
	{"key given twice: the first is kept", `{"a":1,"a":2}`, map[string]string{"a": "1"},
		[]string{`test: invalid document: doc has key "a" more than once`}},
	{"key given twice, first as null", `{"a":null,"a":2}`, map[string]string{},
		[]string{`test: invalid document: doc has key "a" more than once`}},
	{"unknown key given twice", `{"z":1,"z":2}`, map[string]string{}, []string{
		`test: invalid document: doc has unknown key "z" (known keys: a, b, c)`,
		`test: invalid document: doc has key "z" more than once`}},
	{"every key problem, in order, with the fields", `{"y":1,"a":1,"b":[],"a":2,"x":3}`, map[string]string{"a": "1", "b": "[]"}, []string{
		`test: invalid document: doc has unknown key "y" (known keys: a, b, c)`,
		`test: invalid document: doc has key "a" more than once`,
		`test: invalid document: doc has unknown key "x" (known keys: a, b, c)`}},
	{"a long unknown key is quoted short", `{"` + strings.Repeat("k", 100) + `":1}`, map[string]string{},
		[]string{`test: invalid document: doc has unknown key "` + strings.Repeat("k", 60) + `"... (100 bytes) (known keys: a, b, c)`}},
	{"a list", `[1,2]`, nil, []string{"test: invalid document: doc [1,2] is not a JSON object"}},
	{"a string", ` "abc" `, nil, []string{`test: invalid document: doc "abc" is not a JSON object`}},
	{"a number", `12`, nil, []string{"test: invalid document: doc 12 is not a JSON object"}},
	{"a long list is quoted short", `[` + strings.Repeat("1,", 100) + `1]`, nil,
		[]string{`test: invalid document: doc "[` + strings.Repeat("1,", 29) + `1"... (203 bytes) is not a JSON object`}},
	{"null document", `null`, nil, []string{"test: invalid document: doc is null, want an object"}},
	{"null document with white space", " null\n", nil, []string{"test: invalid document: doc is null, want an object"}},
	{"empty document", ``, nil, []string{"test: invalid document: doc is not a JSON object: unexpected end of JSON input"}},
	{"cut short", `{"a":`, nil, []string{"test: invalid document: doc is not a JSON object: unexpected end of JSON input"}},
	{"trailing comma", `{"a":1,}`, nil, []string{"test: invalid document: doc is not a JSON object: invalid character '}' looking for beginning of object key string"}},
	{"trailing data", `{"a":1} x`, nil, []string{"test: invalid document: doc is not a JSON object: invalid character 'x' after top-level value"}},
	{"two objects", `{}{}`, nil, []string{"test: invalid document: doc is not a JSON object: invalid character '{' after top-level value"}},
	{"missing colon", `{"a" 1}`, nil, []string{"test: invalid document: doc is not a JSON object: invalid character '1' after object key"}},
}

func TestObject(t *testing.T) {
	known := []string{"a", "b", "c"}
	for _, tc := range objectCases {
		t.Run(tc.name, func(t *testing.T) {
			fields, errs := Object([]byte(tc.doc), "doc", known, errTest)
			require.Len(t, errs, len(tc.errs), "%q", errs)
			for i, err := range errs {
				assert.ErrorIs(t, err, errTest)
				assert.EqualError(t, err, tc.errs[i])
			}
			if tc.fields == nil {
				assert.Nil(t, fields)
				return
			}
			require.NotNil(t, fields, "the fields come with the key errors")
			got := map[string]string{}
			for k, v := range fields {
				got[k] = string(v)
			}
			assert.Equal(t, tc.fields, got)
		})
	}
}

// TestObjectSyntaxError: a syntax error is encoding/json's, with the offset
// of the byte after the bad one.
func TestObjectSyntaxError(t *testing.T) {
	tests := []struct {
		name   string
		doc    string
		offset int64
	}{
		{"empty document", ``, 0},
		{"cut short", `{"a":`, 5},
		{"trailing comma", `{"a":1,}`, 8},
		{"trailing data", `{"a":1} x`, 9},
		{"two objects", `{}{}`, 3},
		{"missing colon", `{"a" 1}`, 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := Object([]byte(tc.doc), "doc", []string{"a"}, errTest)
			require.Len(t, errs, 1)
			var syntax *json.SyntaxError
			require.ErrorAs(t, errs[0], &syntax)
			assert.Equal(t, tc.offset, syntax.Offset)
			assert.ErrorIs(t, errs[0], errTest)
		})
	}
}

func TestValueStringList(t *testing.T) {
	n := 7
	require.NoError(t, Value(nil, &n, "policy.places", "a whole number such as 2", errTest))
	assert.Equal(t, 7, n, "a missing value leaves dst alone")
	require.NoError(t, Value(json.RawMessage(`2`), &n, "policy.places", "a whole number such as 2", errTest))
	assert.Equal(t, 2, n)
	err := Value(json.RawMessage(`"two"`), &n, "policy.places", "a whole number such as 2", errTest)
	require.ErrorIs(t, err, errTest)
	assert.EqualError(t, err, `test: invalid document: policy.places "two": want a whole number such as 2`)
	err = Value(json.RawMessage(`"`+strings.Repeat("9", 100)+`"`), &n, "policy.places", "a whole number", errTest)
	assert.EqualError(t, err, `test: invalid document: policy.places "\"`+strings.Repeat("9", 59)+`"... (102 bytes): want a whole number`)

	s := "unchanged"
	require.NoError(t, String(nil, &s, "code", "a string", errTest))
	assert.Equal(t, "unchanged", s)
	require.NoError(t, String(json.RawMessage(`"NAM"`), &s, "code", "a string", errTest))
	assert.Equal(t, "NAM", s)
	err = String(json.RawMessage(`14`), &s, "code", "a string", errTest)
	require.ErrorIs(t, err, errTest)
	assert.EqualError(t, err, "test: invalid document: code 14: want a string")

	_, err = List(nil, "editions", "a list of editions", errTest)
	require.ErrorIs(t, err, errTest)
	assert.EqualError(t, err, "test: invalid document: editions is missing, want a list of editions")
	items, err := List(json.RawMessage(`[1, "a", {"b":2}]`), "editions", "a list of editions", errTest)
	require.NoError(t, err)
	require.Len(t, items, 3)
	assert.Equal(t, `{"b":2}`, string(items[2]))
	items, err = List(json.RawMessage(`[]`), "editions", "a list of editions", errTest)
	require.NoError(t, err)
	assert.Empty(t, items)
	_, err = List(json.RawMessage(`{}`), "editions", "a list of editions", errTest)
	assert.EqualError(t, err, "test: invalid document: editions {}: want a list of editions")
}

// TestDecimal: the plain decimal writer, from a caller's text and from
// coefficients and exponents at the edges of the plain range.
func TestDecimal(t *testing.T) {
	for in, want := range map[string]string{
		"99.9": "99.9", "99.900": "99.9", "100": "100", "0": "0", "0.00": "0", "-0.000": "0",
		"-0.5": "-0.5", "0.000001": "0.000001", "1e2": "100", "-3": "-3", "007": "7",
		"123456789012345678901.123456789012345678": "123456789012345678901.123456789012345678",
	} {
		d, err := decimal.NewFromString(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, Decimal(d), in)
	}
	tests := []struct {
		name string
		d    decimal.Decimal
		want string
	}{
		{"25", decimal.New(25, 0), "25"},
		{"99.9", decimal.New(999, -1), "99.9"},
		{"100", decimal.New(100, 0), "100"},
		{"1 × 10²", decimal.New(1, 2), "100"},
		{"negative with a positive exponent", decimal.New(-12, 2), "-1200"},
		{"-0.5", decimal.New(-5, -1), "-0.5"},
		{"-0.005", decimal.New(-5, -3), "-0.005"},
		{"0.005", decimal.New(5, -3), "0.005"},
		{"trailing zero dropped", decimal.New(120, -2), "1.2"},
		{"zero with places", decimal.New(0, -5), "0"},
		{"zero with a positive exponent", decimal.New(0, 3), "0"},
		{"-1", decimal.New(-1, 0), "-1"},
		{"18 places", decimal.New(7, -18), "0.000000000000000007"},
		{"exponent 18", decimal.New(1, 18), "1000000000000000000"},
		// Beyond the plain range (exponents -82 to 18): QuoteDecimal's form.
		{"exponent 19", decimal.New(1, 19), "1e19"},
		{"5 × 10¹⁹", decimal.New(5, 19), "5e19"},
		{"exponent -82, the last plain one", decimal.New(1, -82), "0." + strings.Repeat("0", 81) + "1"},
		{"exponent -83", decimal.New(1, -83), "1e-83"},
		{"exponent -100", decimal.New(1, -100), "1e-100"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Decimal(tc.d), "Decimal(%s)", tc.d.String())
		})
	}
}

func TestQuoteDecimal(t *testing.T) {
	forty := strings.Repeat("1234567890", 4)
	d40, err := decimal.NewFromString(forty)
	require.NoError(t, err)
	assert.Equal(t, forty+"e0", QuoteDecimal(d40), "40 digits are written whole")
	d41, err := decimal.NewFromString(forty + "7")
	require.NoError(t, err)
	assert.Equal(t, forty+"...e0", QuoteDecimal(d41), "41 digits are cut to 40")
	assert.Equal(t, forty+"...e-59", QuoteDecimal(d41.Shift(-59)))
	assert.Equal(t, "-5e-3", QuoteDecimal(decimal.New(-5, -3)))
	assert.Equal(t, "0e0", QuoteDecimal(decimal.Zero))
	assert.Equal(t, "1e-100", QuoteDecimal(decimal.New(1, -100)))
	d39, err := decimal.NewFromString("-" + forty[:39])
	require.NoError(t, err)
	assert.Equal(t, "-"+forty[:39]+"e0", QuoteDecimal(d39), "a negative coefficient of 39 digits is written whole")
}

// TestQuoteDecimalNegativeFortyDigits: the minus sign is not a digit, so a
// negative coefficient of exactly 40 digits is written whole, and one of
// 41 is cut to 40 and "...".
func TestQuoteDecimalNegativeFortyDigits(t *testing.T) {
	forty := strings.Repeat("9", 40)
	c, ok := new(big.Int).SetString("-"+forty, 10)
	require.True(t, ok)
	assert.Equal(t, "-"+forty+"e-3", QuoteDecimal(decimal.NewFromBigInt(c, -3)))
	c.SetString("-"+forty+"9", 10)
	assert.Equal(t, "-"+forty+"...e-3", QuoteDecimal(decimal.NewFromBigInt(c, -3)))
}
