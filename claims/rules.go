package claims

import (
	"fmt"

	"github.com/slapolicy/slapolicy/calendar"
)

// NoticeFrom says which end of an incident the notice period counts from.
// The zero value, FromRestored, is how the Microsoft Dynamics CRM Online
// Service Level Agreement's notice is read (see the package
// documentation). NoticeFrom is an integer value, safe for concurrent use.
type NoticeFrom int

const (
	// FromRestored counts the notice period from the day service was
	// restored (the incident's End), that day not counted.
	FromRestored NoticeFrom = iota
	// FromStart counts it from the day the incident started (its Start),
	// that day not counted, as some other SLAs do.
	FromStart
)

// String returns "restored" or "start"; another value is written as
// "NoticeFrom(n)".
func (f NoticeFrom) String() string {
	switch f {
	case FromRestored:
		return "restored"
	case FromStart:
		return "start"
	}
	return fmt.Sprintf("NoticeFrom(%d)", int(f))
}

// Bounds Validate enforces, each inclusive; the deadline methods clamp
// the fields into them, so no field value can make them overflow.
const (
	// MaxBusinessDays is the largest notice or report period accepted, in
	// business days: 2,600, about ten years of them.
	MaxBusinessDays = 2600
	// MaxMonths is the largest EvidenceMonths accepted, in months: 120,
	// ten years.
	MaxMonths = 120
	// MaxCalendarDays is the largest EvidenceDays or ProcessingDays
	// accepted, in calendar days: 3,660, about ten years.
	MaxCalendarDays = 3660
)

// Rules are a service's claim rules as data: which business calendar
// counts, how many business days a customer has to give notice of an
// incident, when evidence is due, how long the provider takes to process a
// claim, and when a post-incident report is due. DynamicsCRMOnline returns
// those of the Microsoft Dynamics CRM Online Service Level Agreement;
// other SLAs fill the fields in differently, without code. Every deadline
// a Rules method returns is the first late instant, in the calendar's
// location (see the package documentation).
//
// A nil Calendar means a weekends-only calendar in UTC (Saturday and
// Sunday off, no holidays), the zero calendar.BusinessDays. The zero Rules
// therefore has a UTC weekends-only calendar and every period zero: notice
// and report due by the end of the day of restoration (the next business
// day's end when that day is not a business day), evidence by the end of
// the claimed month, processing at the instant of submission. It is valid
// but rarely what a caller wants; start from DynamicsCRMOnline.
//
// Rules is a small value; copies share the *calendar.BusinessDays, which
// is safe for concurrent use, so a Rules is safe for concurrent use.
type Rules struct {
	// Calendar decides which days are business days and in which location
	// days are read and deadlines given. Nil: weekends only, UTC.
	Calendar *calendar.BusinessDays

	// NoticeBusinessDays is the notice period, in business days after the
	// day NoticeFrom names (that day itself not counted): notice is due by
	// the end of that many-th business day. 0 means by the end of that day
	// itself if it is a business day, else by the end of the next business
	// day. Dynamics CRM Online: 5 (section E, definition 9).
	NoticeBusinessDays int

	// NoticeFrom says whether the notice period counts from the day the
	// incident ended (FromRestored, the zero value, Dynamics CRM Online's)
	// or the day it started (FromStart).
	NoticeFrom NoticeFrom

	// EvidenceMonths and EvidenceDays set the evidence deadline: evidence
	// is due by the end of the EvidenceMonths-th month after the claimed
	// month, plus EvidenceDays calendar days. Dynamics CRM Online: 1 and 0
	// ("by the end of the month following", section C.4). An SLA that
	// wants evidence "within 30 days after the end of the month" sets 0
	// and 30.
	EvidenceMonths int
	EvidenceDays   int

	// ProcessingDays is how long the provider takes to process a claim, in
	// calendar days after submission, at the same wall-clock time in the
	// calendar's location. Dynamics CRM Online: 45 (section C.6).
	ProcessingDays int

	// ReportBusinessDays is when a post-incident report is due, in business
	// days after the day service was restored, counted like
	// NoticeBusinessDays. Dynamics CRM Online: 5 ("after 5 business days",
	// "Post-Incident Report").
	ReportBusinessDays int
}

// Validate reports every field outside its range at once, as a
// calendar.ErrorList whose entries wrap ErrInvalid and name the field and
// its value: business-day counts must be in 0..MaxBusinessDays,
// EvidenceMonths in 0..MaxMonths, calendar-day counts in
// 0..MaxCalendarDays, each inclusive, and NoticeFrom FromRestored or
// FromStart. It returns nil for valid rules; the zero Rules is valid.
func (r Rules) Validate() error {
	var errs calendar.ErrorList
	check := func(field string, v, maxV int) {
		if v < 0 || v > maxV {
			errs.Add(invalid(field, "%d is outside 0..%d", v, maxV))
		}
	}
	check("NoticeBusinessDays", r.NoticeBusinessDays, MaxBusinessDays)
	if r.NoticeFrom != FromRestored && r.NoticeFrom != FromStart {
		errs.Add(invalid("NoticeFrom", "%d is neither FromRestored (0) nor FromStart (1)", int(r.NoticeFrom)))
	}
	check("EvidenceMonths", r.EvidenceMonths, MaxMonths)
	check("EvidenceDays", r.EvidenceDays, MaxCalendarDays)
	check("ProcessingDays", r.ProcessingDays, MaxCalendarDays)
	check("ReportBusinessDays", r.ReportBusinessDays, MaxBusinessDays)
	return errs.Err()
}

// clamp returns v limited to 0..maxV.
func clamp(v, maxV int) int {
	return min(max(v, 0), maxV)
}
