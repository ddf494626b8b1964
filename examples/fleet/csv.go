package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/sla"
)

// The CSV columns, by header name. The header row is required; columns may
// come in any order, letter case and white space around names are ignored.
var (
	csvRequired = []string{"subscription", "region", "month", "fee", "start", "end"}
	csvOptional = []string{"kind", "cause", "announced"}
)

// csvRow is one data row of a CSV input, fields trimmed of white space.
type csvRow struct {
	at                                pos
	subscription, region, month, fee  string
	kind, start, end, cause, announce string
}

// csvSource reads the CSV form: one row per outage or notice, the rows of a
// subscription-month consecutive (see the package comment). It groups rows
// into records; decoding is left to decodeCSV, in the workers.
type csvSource struct {
	name   string
	r      *csv.Reader
	cols   map[string]int // column index by name
	ncols  int
	cur    *raw   // the group being read
	curKey string // its subscription and month, as written
	// broken are the problems of rows that could not be read since the
	// last good row: they belong to the group before or the one after.
	broken []error
	out    []raw // groups ready to hand out
	eof    bool
}

func newCSVSource(name string, r io.Reader) *csvSource {
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
		return fmt.Errorf("%s:%d: header: %w", s.name, line, errors.Join(errs...))
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

// next returns the next subscription-month group. A row that cannot be read
// (bad CSV, wrong number of fields) is reported with the group before it
// when the row after it continues that group; otherwise it may belong to
// either neighbour, and both are reported bad: a month is never assessed
// with a row missing.
func (s *csvSource) next() (raw, error) {
	if s.cols == nil {
		if err := s.header(); err != nil {
			return raw{}, err
		}
	}
	for len(s.out) == 0 {
		if s.eof {
			return raw{}, io.EOF
		}
		if err := s.readRow(); err != nil {
			return raw{}, err
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
			s.cur.errs = append(s.cur.errs, s.broken...)
			s.out = append(s.out, *s.cur)
			s.cur = nil
		} else if len(s.broken) > 0 {
			s.out = append(s.out, raw{at: s.broken[0].(*lineError).at, errs: s.broken})
		}
		s.broken = nil
		return nil
	case errors.As(err, &pe):
		p := pos{file: s.name, line: pe.StartLine}
		s.broken = append(s.broken, at(p, fmt.Errorf("not valid CSV: %w", pe.Err))...)
		return nil
	case err != nil:
		return err
	}
	line, _ := s.r.FieldPos(0)
	p := pos{file: s.name, line: line}
	if len(rec) != s.ncols {
		s.broken = append(s.broken, at(p, fmt.Errorf("row has %d fields, the header has %d", len(rec), s.ncols))...)
		return nil
	}
	row := csvRow{
		at:           p,
		subscription: s.field(rec, "subscription"),
		region:       s.field(rec, "region"),
		month:        s.field(rec, "month"),
		fee:          s.field(rec, "fee"),
		kind:         s.field(rec, "kind"),
		start:        s.field(rec, "start"),
		end:          s.field(rec, "end"),
		cause:        s.field(rec, "cause"),
		announce:     s.field(rec, "announced"),
	}
	k := row.subscription + "\x00" + row.month
	if s.cur != nil && k == s.curKey {
		s.cur.errs = append(s.cur.errs, s.broken...)
		s.broken = nil
		s.cur.rows = append(s.cur.rows, row)
		return nil
	}
	// Size the new group like the last one, up to 64 rows: most groups
	// are alike.
	size := 1
	if s.cur != nil {
		size = min(len(s.cur.rows), 64)
	}
	next := &raw{at: p, rows: append(make([]csvRow, 0, size), row)}
	if len(s.broken) > 0 {
		if s.cur != nil {
			s.cur.errs = append(s.cur.errs, s.broken...)
			for _, b := range s.broken {
				next.errs = append(next.errs, &lineError{at: b.(*lineError).at,
					err: fmt.Errorf("the row that could not be read may belong to subscription %q month %q, which starts on line %d", row.subscription, row.month, p.line)})
			}
		} else {
			next.errs = append(next.errs, s.broken...)
		}
		s.broken = nil
	}
	if s.cur != nil {
		s.out = append(s.out, *s.cur)
	}
	s.cur, s.curKey = next, k
	return nil
}

// decodeCSV decodes and checks the rows of one subscription-month. Every
// row must repeat the first row's region and fee. A row's kind is
// "outage", "notice", or empty: an outage when start or end is set, and
// otherwise a row that only names the month (a month with no outage).
// Problems are reported at the line of the row they are in.
func decodeCSV(rows []csvRow, loc *time.Location) (record, string, []error) {
	var errs []error
	add := func(p pos, e ...error) {
		for _, err := range e {
			errs = append(errs, at(p, err)...)
		}
	}
	first := rows[0]
	rec := record{outages: make([]sla.Outage, 0, len(rows))}
	var err error
	var k string
	if rec.subscription, err = parseSubscription("subscription", first.subscription); err != nil {
		add(first.at, err)
	}
	if rec.region, err = parseRegion("region", first.region); err != nil {
		add(first.at, err)
	}
	if rec.month, err = parseMonth("month", first.month, loc); err != nil {
		add(first.at, err)
	} else if rec.subscription != "" {
		k = key(rec.subscription, rec.month)
	}
	if rec.fee, err = parseFee("fee", first.fee); err != nil {
		add(first.at, err)
	}
	for _, r := range rows {
		if r.region != first.region {
			add(r.at, fmt.Errorf("region %q differs from %q on line %d for the same subscription-month", r.region, first.region, first.at.line))
		}
		if r.fee != first.fee {
			add(r.at, fmt.Errorf("fee %q differs from %q on line %d for the same subscription-month", r.fee, first.fee, first.at.line))
		}
		kind := strings.ToLower(r.kind)
		if kind == "" && (r.start != "" || r.end != "") {
			kind = "outage"
		}
		switch kind {
		case "outage":
			o, e := parseOutage(r.start, r.end, r.cause)
			if r.announce != "" {
				e = append(e, fmt.Errorf("announced %q is only for notices (kind \"notice\")", r.announce))
			}
			add(r.at, e...)
			rec.outages = append(rec.outages, o)
		case "notice":
			n, e := parseNotice(r.start, r.end, r.announce)
			if r.cause != "" {
				e = append(e, fmt.Errorf("cause %q is only for outages", r.cause))
			}
			add(r.at, e...)
			rec.notices = append(rec.notices, n)
		case "":
			if r.cause != "" || r.announce != "" {
				add(r.at, errors.New("a row with no start and no end names only the month: cause and announced must be empty"))
			}
		default:
			add(r.at, fmt.Errorf("kind %q is not \"outage\", \"notice\" or empty", r.kind))
		}
	}
	if len(errs) > 0 {
		return record{}, k, errs
	}
	return rec, k, nil
}
