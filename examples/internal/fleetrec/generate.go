package fleetrec

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"time"
)

// GenConfig says what sample data to generate.
type GenConfig struct {
	N       int    // subscription-months
	Seed    uint64 // the random generator's seed; the same seed, the same data
	Outages int    // outages per month; below 0: a realistic mix, mostly none
	// Extras gives the random months the optional fields too: Currency
	// (when not "") on every month, 250 licensed users with some outages
	// affecting fewer, and every fourth month subscribed only from or
	// until a day within it. The other fields are drawn as without
	// Extras, so the months differ only in these.
	Extras   bool
	Currency string
}

// Showcase are the first months of the default sample data: one of each
// case a billing engineer asks about, each worked by hand (month lengths
// from calendar.Month.Duration; windows from the seed's region table, UTC;
// tiers of sla.DynamicsCRMOnline: below 99.9 → 25 %, below 99 → 50 %,
// below 95 → 100 %; credits rounded to cents, half away from zero).
// examples/fleet/main_test.go checks the summary of these nine.
var Showcase = []JSONRecord{
	// No outage: 100 %, level met, no credit.
	{Subscription: "sub-000001", Region: "NAM", Month: "2024-03", Fee: "1250.00"},
	// 43m12s of 43,200 minutes (April) is exactly 99.9 %: the level is met,
	// no credit. 14:00 UTC is outside NAM's 2 AM–11 AM window.
	{Subscription: "sub-000002", Region: "NAM", Month: "2024-04", Fee: "1000.00",
		Outages: []JSONOutage{{Start: "2024-04-10T14:00:00Z", End: "2024-04-10T14:43:12Z"}}},
	// One second more: 99.89996 % is below 99.9, 25 % of 1000.00 = 250.00.
	{Subscription: "sub-000003", Region: "NAM", Month: "2024-04", Fee: "1000.00",
		Outages: []JSONOutage{{Start: "2024-04-10T14:00:00Z", End: "2024-04-10T14:43:13Z"}}},
	// 8 hours outside EUR's 6 PM–3 AM window: 480 of 41,760 minutes
	// (February 2024) is 98.85 %, below 99: 50 % of 333.33 = 166.665,
	// rounded half away from zero to 166.67.
	{Subscription: "sub-000004", Region: "EUR", Month: "2024-02", Fee: "333.33",
		Outages: []JSONOutage{{Start: "2024-02-12T09:00:00Z", End: "2024-02-12T17:00:00Z"}}},
	// 3 hours inside EUR's window (Scheduled Downtime) and a 9-minute blip
	// (intermittent, 10 minutes or less): no Downtime, no credit.
	{Subscription: "sub-000005", Region: "EUR", Month: "2024-02", Fee: "200.00",
		Outages: []JSONOutage{
			{Start: "2024-02-14T20:00:00Z", End: "2024-02-14T23:00:00Z"},
			{Start: "2024-02-15T12:00:00Z", End: "2024-02-15T12:09:00Z"},
		}},
	// 63 hours down, 19:00 on the 10th to 10:00 on the 13th; JPN's window,
	// 10 AM–7 PM, covers 9 hours on the 11th and on the 12th. Counted:
	// 3 nights of 15 hours = 2,700 of 43,200 minutes (June) = 93.75 %,
	// below 95: 100 % of 99.99 = 99.99.
	{Subscription: "sub-000006", Region: "JPN", Month: "2024-06", Fee: "99.99",
		Outages: []JSONOutage{{Start: "2024-06-10T19:00:00Z", End: "2024-06-13T10:00:00Z"}}},
	// 8 hours announced 48 hours ahead (Scheduled Downtime) and 5 hours of
	// the customer's own systems (excluded cause): no credit.
	{Subscription: "sub-000007", Region: "NAM", Month: "2024-03", Fee: "500.00",
		Outages: []JSONOutage{
			{Start: "2024-03-20T12:00:00Z", End: "2024-03-20T20:00:00Z"},
			{Start: "2024-03-25T12:00:00Z", End: "2024-03-25T17:00:00Z", Cause: "customer-systems"},
		},
		Notices: []JSONNotice{{Start: "2024-03-20T12:00:00Z", End: "2024-03-20T20:00:00Z", Announced: "2024-03-18T12:00:00Z"}}},
	// The same 8 hours announced only 2 hours ahead: Downtime. 480 of
	// 44,640 minutes (March) = 98.92 %, below 99: 50 % of 500.00 = 250.00.
	{Subscription: "sub-000008", Region: "NAM", Month: "2024-03", Fee: "500.00",
		Outages: []JSONOutage{{Start: "2024-03-20T12:00:00Z", End: "2024-03-20T20:00:00Z"}},
		Notices: []JSONNotice{{Start: "2024-03-20T12:00:00Z", End: "2024-03-20T20:00:00Z", Announced: "2024-03-20T10:00:00Z"}}},
	// An outage across the month's end, noon 31 January to noon 1 February:
	// January holds 12 hours, of which 18:00–24:00 is GBR's 6 PM–3 AM
	// window. Counted: 6 hours = 360 of 44,640 minutes = 99.19 %, below
	// 99.9: 25 % of 120.00 = 30.00.
	{Subscription: "sub-000009", Region: "GBR", Month: "2024-01", Fee: "120.00",
		Outages: []JSONOutage{{Start: "2024-01-31T12:00:00Z", End: "2024-02-01T12:00:00Z"}}},
}

// Generate calls emit with cfg.N subscription-months: the Showcase first
// (unless cfg.Outages fixes the number of outages), then random months
// drawn from a PCG generator seeded with cfg.Seed, so the same cfg always
// gives the same months. It stops at emit's first error.
func Generate(cfg GenConfig, emit func(JSONRecord) error) error {
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	regions := regionList()
	causes := causeList()
	for i := range cfg.N {
		if cfg.Outages < 0 && i < len(Showcase) {
			if err := emit(Showcase[i]); err != nil {
				return err
			}
			continue
		}
		year, month := 2024, time.Month(1+rng.IntN(12))
		start := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
		length := start.AddDate(0, 1, 0).Sub(start)
		r := JSONRecord{
			Subscription: fmt.Sprintf("sub-%06d", i+1),
			Region:       regions[rng.IntN(len(regions))],
			Month:        start.Format("2006-01"),
			Fee:          fmt.Sprintf("%d.%02d", 10+rng.IntN(4990), rng.IntN(100)),
		}
		k := cfg.Outages
		if k < 0 {
			k = [...]int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 3, 5}[rng.IntN(20)]
		}
		for range k {
			// Start anywhere from an hour before the month to its end, so
			// that some outages cross into it; whole seconds.
			from := start.Add(time.Duration(rng.Int64N(int64(length+time.Hour)/1e9))*time.Second - time.Hour)
			var d time.Duration
			switch u := rng.IntN(100); {
			case u < 70: // a blip: 1 to 15 minutes
				d = time.Minute + time.Duration(rng.IntN(14*60))*time.Second
			case u < 95: // 15 minutes to 4 hours
				d = 15*time.Minute + time.Duration(rng.IntN(225))*time.Minute
			default: // 4 hours to 3 days
				d = 4*time.Hour + time.Duration(rng.IntN(68*60))*time.Minute
			}
			o := JSONOutage{Start: rfc3339(from), End: rfc3339(from.Add(d))}
			if rng.IntN(100) < 15 {
				o.Cause = causes[rng.IntN(len(causes))]
			}
			r.Outages = append(r.Outages, o)
			if rng.IntN(100) < 10 {
				// Announced maintenance: 72 hours ahead (Scheduled
				// Downtime) or 2 hours ahead (too late to count).
				lead := 72 * time.Hour
				if rng.IntN(2) == 0 {
					lead = 2 * time.Hour
				}
				r.Notices = append(r.Notices, JSONNotice{Start: o.Start, End: o.End, Announced: rfc3339(from.Add(-lead))})
			}
		}
		if cfg.Extras {
			addExtras(&r, rng, start, cfg.Currency)
		}
		if err := emit(r); err != nil {
			return err
		}
	}
	return nil
}

// addExtras gives r, a month starting at start, the optional fields (see
// GenConfig.Extras).
func addExtras(r *JSONRecord, rng *rand.Rand, start time.Time, currency string) {
	r.Currency = currency
	r.Users = "250"
	for i := range r.Outages {
		if rng.IntN(3) == 0 {
			r.Outages[i].Users = fmt.Sprint(1 + rng.IntN(250))
		}
	}
	if rng.IntN(4) == 0 {
		day := start.AddDate(0, 0, 1+rng.IntN(27))
		end := start.AddDate(0, 1, 0)
		if rng.IntN(2) == 0 {
			r.Subscribed = &JSONSpan{Start: rfc3339(day), End: rfc3339(end)} // starts within the month
		} else {
			r.Subscribed = &JSONSpan{Start: rfc3339(start), End: rfc3339(day)} // ends within it
		}
	}
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// WriteJSONL writes cfg's months to w as JSON-lines.
func WriteJSONL(w io.Writer, cfg GenConfig) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return Generate(cfg, func(r JSONRecord) error { return enc.Encode(r) })
}

// CSVHeader is the header WriteCSV writes; with GenConfig.Extras it is
// followed by CSVExtras.
var (
	CSVHeader = []string{"subscription", "region", "month", "fee", "kind", "start", "end", "cause", "announced"}
	CSVExtras = []string{"currency", "users", "affected_users"}
)

// WriteCSV writes cfg's months to w in the CSV form: a row per outage, then
// a row per notice, then the subscribed part's row, and a single row with
// no kind for a month with none of them.
func WriteCSV(w io.Writer, cfg GenConfig) error {
	cw := csv.NewWriter(w)
	header := CSVHeader
	if cfg.Extras {
		header = append(slices.Clip(header), CSVExtras...)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	err := Generate(cfg, func(r JSONRecord) error {
		row := func(kind, start, end, cause, announced, affected string) error {
			rec := []string{r.Subscription, r.Region, r.Month, r.Fee, kind, start, end, cause, announced}
			if cfg.Extras {
				rec = append(rec, r.Currency, r.Users, affected)
			}
			return cw.Write(rec)
		}
		if len(r.Outages) == 0 && len(r.Notices) == 0 && r.Subscribed == nil {
			return row("", "", "", "", "", "")
		}
		for _, o := range r.Outages {
			if err := row("outage", o.Start, o.End, o.Cause, "", o.Users); err != nil {
				return err
			}
		}
		for _, n := range r.Notices {
			if err := row("notice", n.Start, n.End, "", n.Announced, ""); err != nil {
				return err
			}
		}
		if r.Subscribed != nil {
			return row("subscribed", r.Subscribed.Start, r.Subscribed.End, "", "", "")
		}
		return nil
	})
	cw.Flush()
	if err != nil {
		return err
	}
	return cw.Error()
}
