package maintenance

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
)

// referenceFile is the independent list of a region's holidays in
// testdata/holidays (see generate.py there and TESTING.md): every date
// python-holidays gives for the region, and the days on which the
// library's calendar differs from it on purpose, each with the reason.
type referenceFile struct {
	header   []string
	holidays map[calendar.Date]string // date → python-holidays' names
	differs  map[calendar.Date]difference
}

// difference is one intended difference: the side that holds the day
// ("library" or "reference") and why.
type difference struct{ side, why string }

// referenceFor returns the reference file a region's calendar is held to:
// GCC counts NAM's US federal holidays.
func referenceFor(code string) string {
	if code == "GCC" {
		return "NAM"
	}
	return code
}

// readReference reads testdata/holidays/REGION.tsv or fails the test.
func readReference(t *testing.T, region string) referenceFile {
	t.Helper()
	path := filepath.Join("testdata", "holidays", region+".tsv")
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	ref := referenceFile{holidays: map[calendar.Date]string{}, differs: map[calendar.Date]difference{}}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			ref.header = append(ref.header, line)
			continue
		}
		fields := strings.Split(line, "\t")
		if fields[0] == "differs" {
			require.Len(t, fields, 4, "%s:%d: want differs<TAB>date<TAB>side<TAB>why", path, n)
			d, err := calendar.ParseDate(fields[1])
			require.NoError(t, err, "%s:%d", path, n)
			require.Contains(t, []string{"library", "reference"}, fields[2], "%s:%d", path, n)
			require.NotEmpty(t, strings.TrimSpace(fields[3]), "%s:%d: a difference says why", path, n)
			_, dup := ref.differs[d]
			require.False(t, dup, "%s:%d: %s listed twice", path, n, d)
			ref.differs[d] = difference{side: fields[2], why: fields[3]}
			continue
		}
		require.Len(t, fields, 2, "%s:%d: want date<TAB>names", path, n)
		d, err := calendar.ParseDate(fields[0])
		require.NoError(t, err, "%s:%d", path, n)
		_, dup := ref.holidays[d]
		require.False(t, dup, "%s:%d: %s listed twice", path, n, d)
		ref.holidays[d] = fields[1]
	}
	require.NoError(t, sc.Err())
	return ref
}

// TestDynamicsHolidaysAgainstReference holds each built-in region's
// calendar to an independent list of its holidays, 2015 to 2035:
// python-holidays 0.101, called for the region's scope (each file's
// header names the call). Every day on which the two differ must be
// listed in the file as an intended difference, with the reason, and
// every difference listed must still be one; the business days then agree
// on every weekday that no listed difference names.
func TestDynamicsHolidaysAgainstReference(t *testing.T) {
	first, last := utcDate(2015, time.January, 1), utcDate(2035, time.December, 31)
	for _, r := range Regions() {
		t.Run(r.Code, func(t *testing.T) {
			if r.Holidays == nil {
				// IND and APJ: rickar/cal has no list; weekends only.
				assert.Contains(t, []string{"IND", "APJ"}, r.Code)
				return
			}
			ref := readReference(t, referenceFor(r.Code))
			assert.Contains(t, ref.header, "# region: "+referenceFor(r.Code))
			assert.Contains(t, ref.header,
				"# reference: python-holidays 0.101 (github.com/vacanza/holidays, tag v0.101, commit df61082e59ea1943bbd99776404d9d84e3b27499)")
			require.NotEmpty(t, ref.holidays)
			days, err := r.BusinessDays(time.UTC)
			require.NoError(t, err)
			for at := first; !at.After(last); at = at.AddDate(0, 0, 1) {
				d := calendar.DateOf(at)
				lib := r.Holidays.IsHoliday(at)
				_, inRef := ref.holidays[d]
				diff, listed := ref.differs[d]
				switch {
				case lib == inRef && listed:
					t.Errorf("%s %s: listed as a difference (%s), but both hold it or neither does", d, at.Weekday(), diff.why)
				case lib && !inRef && !(listed && diff.side == "library"):
					t.Errorf("%s %s: a holiday in %s, not in the reference and not listed as a difference", d, at.Weekday(), r.Holidays.Name())
				case !lib && inRef && !(listed && diff.side == "reference"):
					t.Errorf("%s %s: the reference's %q is not a holiday in %s and is not listed as a difference",
						d, at.Weekday(), ref.holidays[d], r.Holidays.Name())
				}
				weekday := at.Weekday() != time.Saturday && at.Weekday() != time.Sunday
				if !listed {
					assert.Equal(t, weekday && !inRef, days.IsBusinessDay(at), "%s %s", d, at.Weekday())
				}
			}
			for d := range ref.differs {
				at := utcDate(d.Year, d.Month, d.Day)
				assert.False(t, at.Before(first) || at.After(last), "difference %s outside 2015 to 2035", d)
			}
		})
	}
}
