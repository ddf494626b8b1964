package maintenance

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/clip"
	"github.com/slapolicy/slapolicy/internal/dated"
	"github.com/slapolicy/slapolicy/internal/strictjson"
)

// maxTableBytes is the largest table document ParseTable reads.
const maxTableBytes = 4 << 20

// The keys of the table's JSON form, at each level.
var (
	editionKeys = []string{"effective", "regions"}
	regionKeys  = []string{"code", "host", "window", "zone", "holidays"}
)

type tableJSON struct {
	Editions []editionJSON `json:"editions"`
}

type editionJSON struct {
	Effective string       `json:"effective"`
	Regions   []regionJSON `json:"regions"`
}

type regionJSON struct {
	Code     string `json:"code"`
	Host     string `json:"host"`
	Window   string `json:"window"`
	Zone     string `json:"zone,omitempty"`
	Holidays string `json:"holidays,omitempty"`
}

// MarshalJSON writes t in the table's JSON form, editions sorted by
// Effective, regions in published order:
//
//	{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[
//	  {"code":"NAM","host":"crm.dynamics.com","window":"2 AM to 11 AM",
//	   "zone":"America/New_York","holidays":"us.Holidays"}, ...]}]}
//
// effective is RFC 3339 with nanoseconds when there are any, in the
// instant's own location; windows are in Window.String's canonical form;
// zone and holidays are left out when empty (UTC, weekends only). A
// region's holidays are written by name, so only a built-in calendar (see
// DynamicsHolidays) can be written: a table whose regions carry a
// calendar of the caller's own is refused, as is the zero Table
// (ParseTable could read neither back).
func (t Table) MarshalJSON() ([]byte, error) {
	if t.editions.Len() == 0 {
		return nil, fmt.Errorf("%w: no editions (at least one is needed)", ErrInvalidTable)
	}
	out := tableJSON{Editions: make([]editionJSON, t.editions.Len())}
	for i, e := range t.Editions() {
		rs := make([]regionJSON, len(e.Regions))
		for j, r := range e.Regions {
			name := r.Holidays.Name()
			if h, ok := DynamicsHolidays(name); r.Holidays != nil && (!ok || h != r.Holidays) {
				return nil, fmt.Errorf("%w: editions[%d].regions[%d] %s: holidays %s is not a built-in calendar and cannot be written by name",
					ErrInvalidTable, i, j, clip.Quote(r.Code), clip.Quote(name))
			}
			rs[j] = regionJSON{Code: r.Code, Host: r.Host, Window: r.Window.String(), Zone: r.Zone, Holidays: name}
		}
		out.Editions[i] = editionJSON{Effective: dated.Format(e.Effective), Regions: rs}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads the table's JSON form (see MarshalJSON) into t: an
// object with the key "editions", a list of objects with the keys
// "effective" (an RFC 3339 instant) and "regions", a list of objects with
// the keys "code", "host" and "window" (all strings; the window in any
// spelling ParseWindow accepts, such as "3 PM to 12 AM" or
// "19:30-01:00"), and optionally "zone" (an IANA time zone name the
// system knows, such as "Asia/Tokyo"; UTC when left out) and "holidays"
// (a built-in calendar's name, see DynamicsHolidays; weekends only when
// left out). Keys are matched case-sensitively; any other key, and a key
// given twice, is an error. The editions may come in any order; the
// result is built by NewTable, so it is sorted and validated. Every
// problem is reported at once, as a calendar.ErrorList whose entries wrap
// ErrInvalidTable and name their JSON path
// ("editions[1].regions[2].window"); on error t is left unchanged.
func (t *Table) UnmarshalJSON(b []byte) error {
	v, err := decodeTable(b)
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// ParseTable reads one table document (see UnmarshalJSON) from r, of at
// most 4 MiB (4,194,304 bytes; a document of exactly that length is read),
// and returns it sorted and validated. Anything after the object other
// than white space is an error.
func ParseTable(r io.Reader) (Table, error) {
	b, err := strictjson.Read(r, maxTableBytes, "region table document", ErrInvalidTable)
	if err != nil {
		return Table{}, err
	}
	return decodeTable(b)
}

// decodeTable reads and validates the table's JSON form.
func decodeTable(b []byte) (Table, error) {
	items, problems := strictjson.Items(b, "editions", "a list of editions", ErrInvalidTable)
	errs := calendar.ErrorList(problems)
	if items == nil {
		return Table{}, errs
	}
	editions := make([]Edition, len(items))
	for i, item := range items {
		path := fmt.Sprintf("editions[%d]", i)
		fields, keyErrs := strictjson.Object(item, path, editionKeys, ErrInvalidTable)
		errs.Add(calendar.ErrorList(keyErrs))
		if fields == nil {
			continue
		}
		at, err := dated.ParseEffective(fields["effective"], path, ErrInvalidTable)
		errs.Add(err)
		editions[i].Effective = at
		regions, err := strictjson.List(fields["regions"], path+".regions", "a list of regions", ErrInvalidTable)
		if err != nil {
			errs.Add(err)
			continue
		}
		editions[i].Regions = make([]Region, len(regions))
		for j, raw := range regions {
			errs.Add(decodeRegion(raw, fmt.Sprintf("%s.regions[%d]", path, j), &editions[i].Regions[j]))
		}
	}
	if err := errs.Err(); err != nil {
		return Table{}, err
	}
	return NewTable(editions...)
}

// decodeRegion reads one region of the table's JSON form into r.
func decodeRegion(raw []byte, path string, r *Region) error {
	fields, keyErrs := strictjson.Object(raw, path, regionKeys, ErrInvalidTable)
	errs := calendar.ErrorList(keyErrs)
	if fields == nil {
		return errs
	}
	for _, k := range []struct {
		key string
		dst *string
	}{{"code", &r.Code}, {"host", &r.Host}, {"zone", &r.Zone}} {
		errs.Add(strictjson.String(fields[k.key], k.dst, path+"."+k.key, "a string", ErrInvalidTable))
	}
	if r.Zone != "" {
		if _, err := r.Location(); err != nil {
			errs.Addf(err, "%s.zone", path)
		}
	}
	var holidays string
	if err := strictjson.String(fields["holidays"], &holidays, path+".holidays", `a calendar name such as "us.Holidays"`, ErrInvalidTable); err != nil {
		errs.Add(err)
	} else if holidays != "" {
		h, ok := DynamicsHolidays(holidays)
		if !ok {
			errs.Add(fmt.Errorf("%w: %s.holidays %s is not a built-in calendar (see maintenance.DynamicsHolidays)", ErrInvalidTable, path, strictjson.Quote(holidays)))
		}
		r.Holidays = h
	}
	v, ok := fields["window"]
	if !ok {
		errs.Add(fmt.Errorf("%w: %s has no \"window\"", ErrInvalidTable, path))
		return errs.Err()
	}
	var s string
	if err := strictjson.String(v, &s, path+".window", `a string such as "2 PM to 8 PM"`, ErrInvalidTable); err != nil {
		errs.Add(err)
		return errs.Err()
	}
	w, err := ParseWindow(s)
	if err != nil {
		errs.Add(fmt.Errorf("%w: %s.window: %w", ErrInvalidTable, path, err))
		return errs.Err()
	}
	r.Window = w
	return errs.Err()
}
