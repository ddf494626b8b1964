package fleetrec

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// The CSV columns, by header name. The header row is required; columns may
// come in any order, letter case and white space around names are ignored.
var (
	csvRequired = []string{"subscription", "region", "month", "fee", "start", "end"}
	csvOptional = []string{"kind", "cause", "announced", "currency", "users", "affected_users"}
)

// Row is one data row of a CSV input, fields trimmed of white space.
type Row struct {
	At                                Pos
	Subscription, Region, Month, Fee  string
	Kind, Start, End, Cause, Announce string
	Currency, Users, AffectedUsers    string
}

// csvSource reads the CSV form: one row per outage or notice, the rows of a
// subscription-month consecutive (see examples/fleet). It groups rows into
// records; decoding is left to DecodeCSV, in Assess.
type csvSource struct {
	name   string
	r      *csv.Reader
	cols   map[string]int // column index by name
	ncols  int
	cur    *Raw   // the group being read
	curKey string // its subscription and month, as written
	// broken are the problems of rows that could not be read since the
	// last good row: they belong to the group before or the one after.
	broken []Problem
	out    []Raw // groups ready to hand out
	eof    bool
}

// NewCSVSource returns the source of the CSV input r, named name in
// positions. Its first Next reads the header; a bad header is a fatal
// error, "name:line: header: ...".
func NewCSVSource(name string, r io.Reader) Source {
	cr := csv.NewReader(skipBOM(r))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	cr.Comment = '#'
	return &csvSource{name: name, r: cr}
}

// skipBOM returns r without a leading UTF-8 byte order mark, as spreadsheet
// programs write.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && string(b) == "\uFEFF" {
		_, _ = br.Discard(3)
	}
	return br
}

// header reads the header row. Its problems are fatal: no row of the file
// can be read without it.
func (s *csvSource) header() error {
	rec, err := s.r.Read()
	if err != nil {
		if err == io.EOF {
			return err
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return fmt.Errorf("%s:%d: header: not valid CSV: %w", s.name, pe.StartLine, pe.Err)
		}
		return err
	}
	line, _ := s.r.FieldPos(0)
	s.cols = make(map[string]int, len(rec))
	var errs []error
	for i, name := range rec {
		name = strings.ToLower(strings.TrimSpace(name))
		if _, dup := s.cols[name]; dup {
			errs = append(errs, fmt.Errorf("column %q appears twice", name))
			continue
		}
		if !slices.Contains(csvRequired, name) && !slices.Contains(csvOptional, name) {
			errs = append(errs, fmt.Errorf("unknown column %q (the columns are %s, and optionally %s)", name,
				strings.Join(csvRequired, ","), strings.Join(csvOptional, ",")))
			continue
		}
		s.cols[name] = i
	}
	for _, name := range csvRequired {
		if _, ok := s.cols[name]; !ok {
			errs = append(errs, fmt.Errorf("column %q is missing", name))
		}
	}
	s.ncols = len(rec)
	if len(errs) > 0 {
		return fmt.Errorf("%s:%d: header: %w", s.name, line, newErrorList(errs))
	}
	return nil
}

func (s *csvSource) field(rec []string, name string) string {
	i, ok := s.cols[name]
	if !ok {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// Next returns the next subscription-month group. A row that cannot be read
// (bad CSV, wrong number of fields) is reported with the group before it
// when the row after it continues that group; otherwise it may belong to
// either neighbour, and both are reported bad: a month is never assessed
// with a row missing.
func (s *csvSource) Next() (Raw, error) {
	if s.cols == nil {
		if err := s.header(); err != nil {
			return Raw{}, err
		}
	}
	for len(s.out) == 0 {
		if s.eof {
			return Raw{}, io.EOF
		}
		if err := s.readRow(); err != nil {
			return Raw{}, err
		}
	}
	g := s.out[0]
	s.out = s.out[1:]
	return g, nil
}

// readRow reads one row and files it, moving finished groups to s.out.
func (s *csvSource) readRow() error {
	rec, err := s.r.Read()
	var pe *csv.ParseError
	switch {
	case err == io.EOF:
		s.eof = true
		if s.cur != nil {
			s.cur.Errs = append(s.cur.Errs, s.broken...)
			s.out = append(s.out, *s.cur)
			s.cur = nil
		} else if len(s.broken) > 0 {
			s.out = append(s.out, Raw{At: s.broken[0].At, Errs: s.broken})
		}
		s.broken = nil
		return nil
	case errors.As(err, &pe):
		p := Pos{File: s.name, Line: pe.StartLine}
		s.broken = append(s.broken, problems(p, fmt.Errorf("not valid CSV: %w", pe.Err))...)
		return nil
	case err != nil:
		return err
	}
	line, _ := s.r.FieldPos(0)
	p := Pos{File: s.name, Line: line}
	if len(rec) != s.ncols {
		s.broken = append(s.broken, problems(p, fmt.Errorf("row has %d fields, the header has %d", len(rec), s.ncols))...)
		return nil
	}
	row := Row{
		At:            p,
		Subscription:  s.field(rec, "subscription"),
		Region:        s.field(rec, "region"),
		Month:         s.field(rec, "month"),
		Fee:           s.field(rec, "fee"),
		Kind:          s.field(rec, "kind"),
		Start:         s.field(rec, "start"),
		End:           s.field(rec, "end"),
		Cause:         s.field(rec, "cause"),
		Announce:      s.field(rec, "announced"),
		Currency:      s.field(rec, "currency"),
		Users:         s.field(rec, "users"),
		AffectedUsers: s.field(rec, "affected_users"),
	}
	k := row.Subscription + "\x00" + row.Month
	if s.cur != nil && k == s.curKey {
		s.cur.Errs = append(s.cur.Errs, s.broken...)
		s.broken = nil
		s.cur.Rows = append(s.cur.Rows, row)
		return nil
	}
	// Size the new group like the last one, up to 64 rows: most groups
	// are alike.
	size := 1
	if s.cur != nil {
		size = min(len(s.cur.Rows), 64)
	}
	next := &Raw{At: p, Rows: append(make([]Row, 0, size), row)}
	if len(s.broken) > 0 {
		if s.cur != nil {
			s.cur.Errs = append(s.cur.Errs, s.broken...)
			for _, b := range s.broken {
				next.Errs = append(next.Errs, Problem{At: b.At,
					Msg: fmt.Sprintf("the row that could not be read may belong to subscription %q month %q, which starts on line %d", row.Subscription, row.Month, p.Line)})
			}
		} else {
			next.Errs = append(next.Errs, s.broken...)
		}
		s.broken = nil
	}
	if s.cur != nil {
		s.out = append(s.out, *s.cur)
	}
	s.cur, s.curKey = next, k
	return nil
}

// DecodeCSV decodes and checks the rows of one subscription-month. Every
// row must repeat the first row's region, fee, currency and users. A row's
// kind is "outage", "notice", "subscribed" (start and end are the
// subscribed part of the month; at most one such row), or empty: an
// outage when start or end is set, and otherwise a row that only names the
// month (a month with no outage). affected_users is for outages only.
// Problems are reported at the line of the row they are in.
func DecodeCSV(rows []Row, loc *time.Location) (Record, string, []Problem) {
	var errs []Problem
	add := func(p Pos, e ...error) {
		for _, err := range e {
			errs = append(errs, problems(p, err)...)
		}
	}
	first := rows[0]
	rec := Record{outages: make([]outage, 0, len(rows)), feeText: first.Fee}
	var err error
	var k string
	if rec.subscription, err = parseSubscription("subscription", first.Subscription); err != nil {
		add(first.At, err)
	}
	if rec.region, err = parseRegion("region", first.Region); err != nil {
		add(first.At, err)
	}
	if rec.month, err = parseMonth("month", first.Month, loc); err != nil {
		add(first.At, err)
	} else if rec.subscription != "" {
		k = key(rec.subscription, rec.month)
	}
	if rec.fee, err = parseFee("fee", first.Fee); err != nil {
		add(first.At, err)
	}
	if rec.currency, err = parseCurrency("currency", first.Currency); err != nil {
		add(first.At, err)
	}
	if rec.users, err = parseUsers("users", first.Users); err != nil {
		add(first.At, err)
	}
	subscribedAt := 0
	for _, r := range rows {
		for _, c := range [...]struct{ name, got, want string }{
			{"region", r.Region, first.Region},
			{"fee", r.Fee, first.Fee},
			{"currency", r.Currency, first.Currency},
			{"users", r.Users, first.Users},
		} {
			if c.got != c.want {
				add(r.At, fmt.Errorf("%s %q differs from %q on line %d for the same subscription-month", c.name, c.got, c.want, first.At.Line))
			}
		}
		kind := strings.ToLower(r.Kind)
		if kind == "" && (r.Start != "" || r.End != "") {
			kind = "outage"
		}
		if kind != "outage" && r.AffectedUsers != "" {
			add(r.At, fmt.Errorf("affected_users %q is only for outages", r.AffectedUsers))
		}
		switch kind {
		case "outage":
			o, e := parseOutage(r.Start, r.End, r.Cause, r.AffectedUsers)
			if r.Announce != "" {
				e = append(e, fmt.Errorf("announced %q is only for notices (kind \"notice\")", r.Announce))
			}
			add(r.At, e...)
			rec.outages = append(rec.outages, o)
		case "notice":
			n, e := parseNotice(r.Start, r.End, r.Announce)
			if r.Cause != "" {
				e = append(e, fmt.Errorf("cause %q is only for outages", r.Cause))
			}
			add(r.At, e...)
			rec.notices = append(rec.notices, n)
		case "subscribed":
			sp, e := parseSubscribed(r.Start, r.End)
			if r.Cause != "" || r.Announce != "" {
				e = append(e, errors.New("subscribed: cause and announced must be empty"))
			}
			if subscribedAt > 0 {
				e = append(e, fmt.Errorf("subscribed: the month's subscribed part is given twice (first on line %d)", subscribedAt))
			} else {
				subscribedAt = r.At.Line
			}
			add(r.At, e...)
			rec.subscribed = sp
		case "":
			if r.Cause != "" || r.Announce != "" {
				add(r.At, errors.New("a row with no start and no end names only the month: cause and announced must be empty"))
			}
		default:
			add(r.At, fmt.Errorf("kind %q is not \"outage\", \"notice\", \"subscribed\" or empty", r.Kind))
		}
	}
	if len(errs) > 0 {
		return Record{}, k, errs
	}
	return rec, k, nil
}
