package versions

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/dated"
	"github.com/slapolicy/slapolicy/internal/strictjson"
	"github.com/slapolicy/slapolicy/sla"
)

// maxBytes is the largest versions document Parse reads.
const maxBytes = 8 << 20

// versionKeys are the keys of one version in the versions' JSON form.
var (
	versionKeys = []string{"name", "effective", "policy"}
)

type historyJSON struct {
	Versions []versionJSON `json:"versions"`
}

type versionJSON struct {
	Name      string     `json:"name"`
	Effective string     `json:"effective"`
	Policy    sla.Policy `json:"policy"`
}

// MarshalJSON writes h in the versions' JSON form, sorted by Effective:
//
//	{"versions":[{"name":"2019-07","effective":"2019-07-01T00:00:00Z","policy":{...}}]}
//
// effective is RFC 3339 with nanoseconds when there are any, in the
// instant's own location (in UTC when that location does not read back);
// policy is sla.Policy's JSON form. The zero History is refused (New
// cannot read it back).
func (h History) MarshalJSON() ([]byte, error) {
	if h.Len() == 0 {
		return nil, fmt.Errorf("%w: no versions (at least one is needed)", ErrInvalid)
	}
	out := historyJSON{Versions: make([]versionJSON, h.Len())}
	for i, v := range h.List() {
		out.Versions[i] = versionJSON{Name: v.Name, Effective: dated.Format(v.Effective), Policy: v.Policy}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads the versions' JSON form (see MarshalJSON) into h:
// an object with exactly the key "versions", a list of objects with
// exactly the keys "name" (a string), "effective" (an RFC 3339 instant
// such as "2019-07-01T00:00:00Z") and "policy" (sla.Policy's JSON form).
// Keys are matched case-sensitively; any other key, and a key given twice,
// is an error. The versions may be listed in any order; the result is
// built by New, so it is sorted and validated. Every problem is reported
// at once, as a calendar.ErrorList whose entries wrap ErrInvalid and name
// their JSON path ("versions[1].policy: ..."); on error h is left
// unchanged.
func (h *History) UnmarshalJSON(b []byte) error {
	v, err := decode(b)
	if err != nil {
		return err
	}
	*h = v
	return nil
}

// Parse reads one versions document (see UnmarshalJSON) from r, up to 8
// MiB, and returns it sorted and validated. Anything after the object
// other than white space is an error.
func Parse(r io.Reader) (History, error) {
	b, err := strictjson.Read(r, maxBytes, "versions document", ErrInvalid)
	if err != nil {
		return History{}, err
	}
	return decode(b)
}

// decode reads and validates the versions' JSON form.
func decode(b []byte) (History, error) {
	items, problems := strictjson.Items(b, "versions", `a list of {"name", "effective", "policy"} objects`, ErrInvalid)
	errs := calendar.ErrorList(problems)
	if items == nil {
		return History{}, errs
	}
	list := make([]Version, len(items))
	for i, item := range items {
		path := fmt.Sprintf("versions[%d]", i)
		fields, keyErrs := strictjson.Object(item, path, versionKeys, ErrInvalid)
		errs.Add(calendar.ErrorList(keyErrs))
		if fields == nil {
			continue
		}
		errs.Add(strictjson.String(fields["name"], &list[i].Name, path+".name", `a string such as "2019-07"`, ErrInvalid))
		at, err := dated.ParseEffective(fields["effective"], path, ErrInvalid)
		errs.Add(err)
		list[i].Effective = at
		raw, ok := fields["policy"]
		if !ok {
			errs.Add(fmt.Errorf("%w: %s has no \"policy\"", ErrInvalid, path))
			continue
		}
		if err := json.Unmarshal(raw, &list[i].Policy); err != nil {
			errs.Addf(err, "%w: %s.policy", ErrInvalid, path)
		}
	}
	if err := errs.Err(); err != nil {
		return History{}, err
	}
	return New(list...)
}
