package maintenance

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"
)

// maxTableBytes is the largest table document ParseTable reads.
const maxTableBytes = 4 << 20

// The keys of the table's JSON form, at each level.
var (
	tableKeys   = []string{"editions"}
	editionKeys = []string{"effective", "regions"}
	regionKeys  = []string{"code", "host", "window"}
)

type tableJSON struct {
	Editions []editionJSON `json:"editions"`
}

type editionJSON struct {
	Effective string       `json:"effective"`
	Regions   []regionJSON `json:"regions"`
}

type regionJSON struct {
	Code   string `json:"code"`
	Host   string `json:"host"`
	Window string `json:"window"`
}

// MarshalJSON writes t in the table's JSON form, editions sorted by
// Effective, regions in published order:
//
//	{"editions":[{"effective":"2019-08-02T00:00:00Z","regions":[
//	  {"code":"NAM","host":"crm.dynamics.com","window":"2 AM to 11 AM"}, ...]}]}
//
// effective is RFC 3339 with nanoseconds when there are any, in the
// instant's own location; windows are in Window.String's canonical form.
// The zero Table is refused (ParseTable cannot read it back).
func (t Table) MarshalJSON() ([]byte, error) {
	if len(t.editions) == 0 {
		return nil, fmt.Errorf("%w: no editions (at least one is needed)", ErrBadTable)
	}
	out := tableJSON{Editions: make([]editionJSON, len(t.editions))}
	for i, e := range t.editions {
		rs := make([]regionJSON, len(e.Regions))
		for j, r := range e.Regions {
			rs[j] = regionJSON{Code: r.Code, Host: r.Host, Window: r.Window.String()}
		}
		out.Editions[i] = editionJSON{Effective: formatEffective(e.Effective), Regions: rs}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads the table's JSON form (see MarshalJSON) into t: an
// object with exactly the key "editions", a list of objects with exactly
// the keys "effective" (an RFC 3339 instant) and "regions", a list of
// objects with exactly the keys "code", "host" and "window" (all strings;
// the window in any spelling ParseWindow accepts, such as "3 PM to 12 AM"
// or "19:30-01:00"). Keys are matched case-sensitively; any other key is an
// error. The editions may come in any order; the result is built by
// NewTable, so it is sorted and validated. Every problem is reported at
// once (errors.Join), each wrapping ErrBadTable and naming its JSON path
// ("editions[1].regions[2].window"); on error t is left unchanged.
func (t *Table) UnmarshalJSON(b []byte) error {
	v, err := decodeTable(b)
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// ParseTable reads one table document (see UnmarshalJSON) from r, up to
// 4 MiB, and returns it sorted and validated. Anything after the object
// other than white space is an error.
func ParseTable(r io.Reader) (Table, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxTableBytes+1))
	if err != nil {
		return Table{}, fmt.Errorf("%w: reading: %w", ErrBadTable, err)
	}
	if len(b) > maxTableBytes {
		return Table{}, fmt.Errorf("%w: document is longer than %d bytes", ErrBadTable, maxTableBytes)
	}
	return decodeTable(b)
}

// decodeTable reads and validates the table's JSON form.
func decodeTable(b []byte) (Table, error) {
	top, err := tableObject("document", b, tableKeys)
	if err != nil {
		return Table{}, err
	}
	var items []json.RawMessage
	if err := tableList("editions", top["editions"], &items); err != nil {
		return Table{}, err
	}
	editions := make([]Edition, len(items))
	var errs []error
	for i, item := range items {
		path := fmt.Sprintf("editions[%d]", i)
		fields, err := tableObject(path, item, editionKeys)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if raw, ok := fields["effective"]; ok {
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				errs = append(errs, fmt.Errorf("%w: %s.effective %s: want an RFC 3339 string such as \"2019-08-02T00:00:00Z\"", ErrBadTable, path, clipText(string(raw))))
			} else if at, err := time.Parse(time.RFC3339Nano, s); err != nil {
				errs = append(errs, fmt.Errorf("%w: %s.effective %q: want an RFC 3339 instant such as \"2019-08-02T00:00:00Z\"", ErrBadTable, path, clipText(s)))
			} else {
				editions[i].Effective = at
			}
		}
		var regions []json.RawMessage
		if err := tableList(path+".regions", fields["regions"], &regions); err != nil {
			errs = append(errs, err)
			continue
		}
		editions[i].Regions = make([]Region, len(regions))
		for j, raw := range regions {
			rpath := fmt.Sprintf("%s.regions[%d]", path, j)
			rf, err := tableObject(rpath, raw, regionKeys)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			r := &editions[i].Regions[j]
			for _, k := range []struct {
				key string
				dst *string
			}{{"code", &r.Code}, {"host", &r.Host}} {
				if v, ok := rf[k.key]; ok {
					if err := json.Unmarshal(v, k.dst); err != nil {
						errs = append(errs, fmt.Errorf("%w: %s.%s %s: want a string", ErrBadTable, rpath, k.key, clipText(string(v))))
					}
				}
			}
			v, ok := rf["window"]
			if !ok {
				errs = append(errs, fmt.Errorf("%w: %s has no \"window\"", ErrBadTable, rpath))
				continue
			}
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				errs = append(errs, fmt.Errorf("%w: %s.window %s: want a string such as \"2 PM to 8 PM\"", ErrBadTable, rpath, clipText(string(v))))
				continue
			}
			w, err := ParseWindow(s)
			if err != nil {
				errs = append(errs, fmt.Errorf("%w: %s.window: %w", ErrBadTable, rpath, err))
				continue
			}
			r.Window = w
		}
	}
	if len(errs) > 0 {
		return Table{}, errors.Join(errs...)
	}
	return NewTable(editions...)
}

// tableObject reads b as a JSON object whose keys must all be in keys
// (case-sensitively) and returns its values by key, leaving out nulls.
// path names the object in errors.
func tableObject(path string, b []byte, keys []string) (map[string]json.RawMessage, error) {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return nil, fmt.Errorf("%w: %s is null, want an object", ErrBadTable, path)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil {
		return nil, fmt.Errorf("%w: %s is not a JSON object: %w", ErrBadTable, path, err)
	}
	var errs []error
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		if !slices.Contains(keys, k) {
			errs = append(errs, fmt.Errorf("%w: %s has unknown key %q (known keys: %v)", ErrBadTable, path, clipText(k), keys))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for k, v := range fields {
		if bytes.Equal(v, []byte("null")) {
			delete(fields, k)
		}
	}
	return fields, nil
}

// tableList reads raw, which must be present, as a JSON list.
func tableList(path string, raw json.RawMessage, dst *[]json.RawMessage) error {
	if raw == nil {
		return fmt.Errorf("%w: %s is missing, want a list", ErrBadTable, path)
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return fmt.Errorf("%w: %s %s: want a list", ErrBadTable, path, clipText(string(raw)))
	}
	return nil
}

// clipText cuts s to 60 bytes for an error message.
func clipText(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}

// formatEffective writes t in RFC 3339 with nanoseconds, in t's own
// location when that reads back as the same instant, else in UTC (a
// location whose offset is not a whole minute, or a local year outside
// 0000..9999).
func formatEffective(t time.Time) string {
	s := t.Format(time.RFC3339Nano)
	if back, err := time.Parse(time.RFC3339Nano, s); err == nil && back.Equal(t) {
		return s
	}
	return t.UTC().Format(time.RFC3339Nano)
}
