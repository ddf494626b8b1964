package sla

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

// maxVersionsBytes is the largest versions document ParseVersions reads.
const maxVersionsBytes = 8 << 20

// versionsKeys and versionKeys are the keys of the versions' JSON form.
var (
	versionsKeys = []string{"versions"}
	versionKeys  = []string{"name", "effective", "policy"}
)

type versionsJSON struct {
	Versions []versionJSON `json:"versions"`
}

type versionJSON struct {
	Name      string `json:"name"`
	Effective string `json:"effective"`
	Policy    Policy `json:"policy"`
}

// MarshalJSON writes vs in the versions' JSON form, sorted by Effective:
//
//	{"versions":[{"name":"2019-07","effective":"2019-07-01T00:00:00Z","policy":{...}}]}
//
// effective is RFC 3339 with nanoseconds when there are any, in the
// instant's own location; policy is Policy's JSON form. The zero Versions
// is refused (NewVersions cannot read it back).
func (vs Versions) MarshalJSON() ([]byte, error) {
	if len(vs.list) == 0 {
		return nil, fmt.Errorf("%w: no versions (at least one is needed)", ErrInvalidVersions)
	}
	out := versionsJSON{Versions: make([]versionJSON, len(vs.list))}
	for i, v := range vs.list {
		out.Versions[i] = versionJSON{Name: v.Name, Effective: formatEffective(v.Effective), Policy: v.Policy}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads the versions' JSON form (see MarshalJSON) into vs:
// an object with exactly the key "versions", a list of objects with
// exactly the keys "name" (a string), "effective" (an RFC 3339 instant
// such as "2019-07-01T00:00:00Z") and "policy" (Policy's JSON form). Keys
// are matched case-sensitively and any other key is an error. The versions
// may be listed in any order; the result is built by NewVersions, so it is
// sorted and validated. Every problem is reported at once (errors.Join),
// each wrapping ErrInvalidVersions and naming its JSON path
// ("versions[1].policy: ..."); on error vs is left unchanged.
func (vs *Versions) UnmarshalJSON(b []byte) error {
	v, err := decodeVersions(b)
	if err != nil {
		return err
	}
	*vs = v
	return nil
}

// ParseVersions reads one versions document (see UnmarshalJSON) from r,
// up to 8 MiB, and returns it sorted and validated. Anything after the
// object other than white space is an error.
func ParseVersions(r io.Reader) (Versions, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxVersionsBytes+1))
	if err != nil {
		return Versions{}, fmt.Errorf("%w: reading: %w", ErrInvalidVersions, err)
	}
	if len(b) > maxVersionsBytes {
		return Versions{}, fmt.Errorf("%w: document is longer than %d bytes", ErrInvalidVersions, maxVersionsBytes)
	}
	return decodeVersions(b)
}

// decodeVersions reads and validates the versions' JSON form.
func decodeVersions(b []byte) (Versions, error) {
	top, err := versionsObject("document", b, versionsKeys)
	if err != nil {
		return Versions{}, err
	}
	raw, ok := top["versions"]
	if !ok {
		return Versions{}, fmt.Errorf("%w: document has no \"versions\" list", ErrInvalidVersions)
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return Versions{}, fmt.Errorf("%w: versions %s: want a list of {\"name\", \"effective\", \"policy\"} objects", ErrInvalidVersions, clipRaw(raw))
	}
	list := make([]Version, len(items))
	var errs []error
	for i, item := range items {
		path := fmt.Sprintf("versions[%d]", i)
		fields, err := versionsObject(path, item, versionKeys)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if raw, ok := fields["name"]; ok {
			if err := json.Unmarshal(raw, &list[i].Name); err != nil {
				errs = append(errs, fmt.Errorf("%w: %s.name %s: want a string such as \"2019-07\"", ErrInvalidVersions, path, clipRaw(raw)))
			}
		}
		if raw, ok := fields["effective"]; ok {
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				errs = append(errs, fmt.Errorf("%w: %s.effective %s: want an RFC 3339 string such as \"2019-07-01T00:00:00Z\"", ErrInvalidVersions, path, clipRaw(raw)))
			} else if t, err := time.Parse(time.RFC3339Nano, s); err != nil {
				errs = append(errs, fmt.Errorf("%w: %s.effective %q: want an RFC 3339 instant such as \"2019-07-01T00:00:00Z\"", ErrInvalidVersions, path, clipString(s)))
			} else {
				list[i].Effective = t
			}
		}
		raw, ok := fields["policy"]
		if !ok {
			errs = append(errs, fmt.Errorf("%w: %s has no \"policy\"", ErrInvalidVersions, path))
			continue
		}
		if err := json.Unmarshal(raw, &list[i].Policy); err != nil {
			for _, e := range splitJoined(err) {
				errs = append(errs, fmt.Errorf("%w: %s.policy: %w", ErrInvalidVersions, path, e))
			}
		}
	}
	if len(errs) > 0 {
		return Versions{}, errors.Join(errs...)
	}
	return NewVersions(list...)
}

// versionsObject reads b as a JSON object whose keys must all be in keys
// (case-sensitively) and returns its values by key, leaving out nulls.
// path names the object in errors.
func versionsObject(path string, b []byte, keys []string) (map[string]json.RawMessage, error) {
	var fields map[string]json.RawMessage
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		return nil, fmt.Errorf("%w: %s is null, want an object", ErrInvalidVersions, path)
	}
	if err := json.Unmarshal(b, &fields); err != nil {
		return nil, fmt.Errorf("%w: %s is not a JSON object: %w", ErrInvalidVersions, path, err)
	}
	var errs []error
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		if !slices.Contains(keys, k) {
			errs = append(errs, fmt.Errorf("%w: %s has unknown key %q (known keys: %v)", ErrInvalidVersions, path, clipString(k), keys))
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

// clipString cuts s to 60 bytes for an error message.
func clipString(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}

// clipRaw returns raw JSON for an error message, cut to 60 bytes.
func clipRaw(raw json.RawMessage) string { return clipString(string(raw)) }

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
