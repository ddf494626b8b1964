// Package fleetrec is the record side of the fleet examples: the fleet's
// input formats (JSON-lines and CSV), their readers and decoders, the
// assessment of one subscription-month, the per-record result line and the
// per-tier summary. examples/fleet runs it on goroutines, examples/beam on
// Apache Beam; both give the same answers because both call this package.
//
// The types that travel between the stages of a Beam pipeline (Pos,
// Problem, Raw, Row, Outcome) hold only exported fields of plain types
// (strings, ints, byte slices), so that any Beam coder carries them whole:
// money is a decimal string, never a decimal.Decimal, whose unexported
// fields a schema coder drops.
package fleetrec

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Pos is where a record, or one row of it, starts: the input's name and the
// 1-based line number.
type Pos struct {
	File string
	Line int
}

// String returns "file:line".
func (p Pos) String() string { return p.File + ":" + strconv.Itoa(p.Line) }

// Problem is one thing wrong at a position of the input. Msg is a single
// line.
type Problem struct {
	At  Pos
	Msg string
}

// String returns the problem as the fleet reports it: "file:line: what is
// wrong".
func (p Problem) String() string { return p.At.String() + ": " + p.Msg }

// problems attaches position p to err, splitting a list of problems (the
// library's calendar.ErrorList, which every validation returns) into one
// Problem per entry so that each is reported on its own line.
func problems(p Pos, err error) []Problem {
	if err == nil {
		return nil
	}
	if list, ok := errorList(err); ok {
		var out []Problem
		for _, e := range list {
			out = append(out, problems(p, e)...)
		}
		return out
	}
	return []Problem{{At: p, Msg: strings.ReplaceAll(err.Error(), "\n", "; ")}}
}

// Record is one subscription-month, decoded and checked field by field:
// everything the assessment needs, plus the fee and the subscription.
type Record struct {
	subscription string
	region       region
	month        month
	fee          decimal.Decimal
	feeText      string // the fee as written
	outages      []outage
	notices      []notice
	users        int      // licensed users, for a user-minutes policy; 0: not given
	subscribed   span     // the subscribed part of the month; zero: the whole month
	currency     Currency // the record's currency; zero when not given
}

// Fee returns the month's fee.
func (r Record) Fee() decimal.Decimal { return r.fee }

// key identifies a subscription-month for the duplicate check: the
// subscription and the month as "YYYY-MM".
func key(subscription string, m month) string {
	return subscription + " " + monthText(m)
}

// The field parsers below return errors that start with the field's name
// ("end", "span", "announced") and quote the value; DecodeJSON puts the
// item before it ("outages[2].end").

func parseSubscription(field, s string) (string, error) {
	if s == "" {
		return "", fmt.Errorf("%s is missing", field)
	}
	return s, nil
}

func parseRegion(field, s string) (region, error) {
	if s == "" {
		return region{}, fmt.Errorf("%s is missing", field)
	}
	r, ok := lookupRegion(s)
	if !ok {
		return region{}, fmt.Errorf("%s %q is not in the region table (%s)", field, s, strings.Join(regionList(), ", "))
	}
	return r, nil
}

func parseMonth(field, s string, loc *time.Location) (month, error) {
	if s == "" {
		return month{}, fmt.Errorf("%s is missing", field)
	}
	m, err := parseMonthLib(s, loc)
	if err != nil {
		return month{}, fmt.Errorf("%s: %w", field, err)
	}
	return m, nil
}

// parseFee reads a fee such as "1250.00": a plain decimal, not negative,
// that sla.Assessment.Payout accepts (decimal exponent within ±64).
func parseFee(field, s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Decimal{}, fmt.Errorf("%s is missing", field)
	}
	if fee, ok := plainFee(s); ok {
		return fee, nil
	}
	if len(s) > 100 {
		return decimal.Decimal{}, fmt.Errorf("%s %.20q... is longer than 100 characters", field, s)
	}
	fee, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%s %q is not a decimal number such as \"1250.00\"", field, s)
	}
	if err := checkFee(fee); err != nil {
		return decimal.Decimal{}, fmt.Errorf("%s %q: %w", field, s, err)
	}
	return fee, nil
}

// plainFee reads the form of fee most exports write, digits with at most
// one '.' between digits ("1250.00", "99"), at most 18 digits in all, and
// returns what decimal.NewFromString returns for it. Such a fee is below
// 10^18, not negative and has at most 18 places, so sla.Assessment.Payout
// never refuses it (it refuses negative fees and exponents outside ±64):
// checkFee is not needed. Any other form is left to parseFee's general
// path (ok false). TestPlainFee holds the two paths to the same answer.
func plainFee(s string) (decimal.Decimal, bool) {
	var c int64
	digits, dot := 0, -1
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch >= '0' && ch <= '9':
			c = c*10 + int64(ch-'0')
			digits++
		case ch == '.' && dot < 0 && i > 0 && i < len(s)-1:
			dot = i
		default:
			return decimal.Decimal{}, false
		}
	}
	if digits == 0 || digits > 18 {
		return decimal.Decimal{}, false
	}
	exp := int32(0)
	if dot >= 0 {
		exp = -int32(len(s) - dot - 1)
	}
	return decimal.New(c, exp), true
}

// parseTime reads an RFC 3339 instant with its offset, such as
// "2024-03-05T14:00:00Z" or "2024-03-05T15:00:00.5+01:00".
func parseTime(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, fmt.Errorf("%s is missing", field)
	}
	if t, ok := parseUTCSeconds(s); ok {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q is not an RFC 3339 time such as \"2024-03-05T14:00:00Z\"", field, s)
	}
	return t, nil
}

// parseUTCSeconds reads the one form of RFC 3339 that exports write most,
// "2024-03-05T14:00:00Z", and returns what time.Parse(time.RFC3339Nano, s)
// returns for it. Any other form, and any value out of range, is left to
// time.Parse (ok false). FuzzParseTime holds the two to the same answer.
func parseUTCSeconds(s string) (t time.Time, ok bool) {
	if len(s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z' {
		return time.Time{}, false
	}
	// Each digit less '0', as a byte: anything but a digit is above 9.
	y0, y1, y2, y3 := s[0]-'0', s[1]-'0', s[2]-'0', s[3]-'0'
	m0, m1, d0, d1 := s[5]-'0', s[6]-'0', s[8]-'0', s[9]-'0'
	h0, h1, i0, i1, s0, s1 := s[11]-'0', s[12]-'0', s[14]-'0', s[15]-'0', s[17]-'0', s[18]-'0'
	if y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9 ||
		h0 > 9 || h1 > 9 || i0 > 9 || i1 > 9 || s0 > 9 || s1 > 9 {
		return time.Time{}, false
	}
	y := int(y0)*1000 + int(y1)*100 + int(y2)*10 + int(y3)
	mo, d := int(m0)*10+int(m1), int(d0)*10+int(d1)
	h, mi, sec := int(h0)*10+int(h1), int(i0)*10+int(i1), int(s0)*10+int(s1)
	if mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false
	}
	if d > daysIn(mo, y) {
		return time.Time{}, false
	}
	// Days since 1970-01-01 of the proleptic Gregorian date (H. Hinnant's
	// days_from_civil), so that no time.Date is needed; time.Unix(...).UTC()
	// is the same Time as time.Date(..., time.UTC) and as time.Parse's.
	yy := int64(y)
	if mo <= 2 {
		yy--
	}
	era := yy
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := yy - era*400
	mp := int64(mo+9) % 12
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := era*146097 + doe - 719468
	return time.Unix(days*86400+int64(h*3600+mi*60+sec), 0).UTC(), true
}

// daysIn returns the number of days of month m (1 to 12) of year y.
func daysIn(m, y int) int {
	if m == 2 {
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 30 + (m+m/8)%2
}

// maxUsers is the largest user count a record may give.
const maxUsers = 1_000_000_000

// parseUsers reads a user count such as "250": decimal digits only, at
// most maxUsers; "" is 0 (not given).
func parseUsers(field, s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' || len(s) > 10 {
			return 0, fmt.Errorf("%s %s is not a whole number of users such as \"250\"", field, quote(s))
		}
		n = n*10 + int(c-'0')
	}
	if n > maxUsers {
		return 0, fmt.Errorf("%s %s is more than %d users", field, quote(s), maxUsers)
	}
	return n, nil
}

// parseCurrency reads an ISO 4217 code such as "EUR"; "" is none (the
// zero Currency). Assess checks it against the run's currency.
func parseCurrency(field, s string) (Currency, error) {
	if s == "" {
		return Currency{}, nil
	}
	c, err := parseCurrencyLib(s)
	if err != nil {
		return Currency{}, fmt.Errorf("%s: %w", field, err)
	}
	return c, nil
}

// parseCause reads an outage's cause: "" for the service's own fault, or
// one of the known causes, returned as the library names it (not s).
func parseCause(field, s string) (string, error) {
	if s == "" {
		return "", nil
	}
	c, ok := knownCause(s)
	if !ok {
		return "", fmt.Errorf("%s %q is not a known cause (empty for the service's own fault, or one of %s)",
			field, s, strings.Join(knownCauses, ", "))
	}
	return c, nil
}

// parseSpan reads the start and end of an outage or notice, which must not
// end before it starts.
func parseSpan(start, end string) (span, []error) {
	s, err1 := parseTime("start", start)
	e, err2 := parseTime("end", end)
	if err1 != nil || err2 != nil {
		return span{}, nonNil(err1, err2)
	}
	sp, err := newSpan(s, e)
	if err != nil {
		return span{}, []error{fmt.Errorf("span: %w", err)}
	}
	return sp, nil
}

func parseOutage(start, end, cause, users string) (outage, []error) {
	sp, errs := parseSpan(start, end)
	c, err := parseCause("cause", cause)
	errs = append(errs, nonNil(err)...)
	u, err := parseUsers("users", users)
	errs = append(errs, nonNil(err)...)
	return makeOutage(sp, c, u), errs
}

// parseSubscribed reads the subscribed part of a month, [start, end), as a
// record gives it (a "subscribed" object or CSV row). Its errors name the
// field: "subscribed: start and end are missing" when both are empty,
// else "subscribed.start ...", "subscribed.span ..." and so on.
func parseSubscribed(start, end string) (span, []error) {
	if start == "" && end == "" {
		return span{}, []error{errors.New("subscribed: start and end are missing")}
	}
	sp, errs := parseSpan(start, end)
	if len(errs) == 0 && sp.IsEmpty() {
		errs = []error{fmt.Errorf("span [%s, %s) is empty: a month with no subscribed time has no uptime", start, end)}
	}
	return sp, prefixAll("subscribed", errs)
}

func parseNotice(start, end, announced string) (notice, []error) {
	sp, errs := parseSpan(start, end)
	a, err := parseTime("announced", announced)
	errs = append(errs, nonNil(err)...)
	if len(errs) > 0 {
		return notice{}, errs
	}
	n, err := makeNotice(sp, a)
	if err != nil {
		return notice{}, prefixed("announced", err)
	}
	return n, nil
}

// prefixed returns err, or each error of its list, prefixed by "field: ".
func prefixed(field string, err error) []error {
	if errs, ok := errorList(err); ok {
		var out []error
		for _, e := range errs {
			out = append(out, prefixed(field, e)...)
		}
		return out
	}
	return []error{fmt.Errorf("%s: %w", field, err)}
}

// nonNil returns the errors that are not nil.
func nonNil(errs ...error) []error {
	var out []error
	for _, e := range errs {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}
