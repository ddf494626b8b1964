package comms

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/internal/clip"
)

// Errors of a post-incident report. Each problem wraps one of them, so
// callers branch with errors.Is.
var (
	// ErrReportMissing reports a major incident's post-incident report not
	// published by the audit's instant, which is at or after its deadline.
	ErrReportMissing = errors.New("comms: post-incident report missing")
	// ErrReportLate reports a post-incident report published at or after
	// its deadline, the first late instant. Carried by a *DutyError.
	ErrReportLate = errors.New("comms: post-incident report late")
	// ErrReportIncomplete reports one of the report's six parts, or its
	// publication instant, missing. Carried by a *ReportPartError.
	ErrReportIncomplete = errors.New("comms: post-incident report incomplete")
	// ErrInvalidReport reports a report whose Resolution is before its
	// Start.
	ErrInvalidReport = errors.New("comms: invalid post-incident report")
)

// ReportDeadline says when a post-incident report is due: the first late
// instant for a report on an incident restored at restored, or the zero
// time when no deadline exists (outside years 1 to 9999). The claim rules
// of the SLA implement it (claims.Rules.PostIncidentReportDue: by the end
// of the fifth business day after service was restored); a caller may
// pass its own.
type ReportDeadline interface {
	PostIncidentReportDue(restored time.Time) time.Time
}

// ReportPartError reports a part of a post-incident report that is blank
// or a zero time: Field is its field name ("RootCause"), Heading the
// policy's heading ("Root Cause"). errors.Is(e, ErrReportIncomplete)
// holds. A *ReportPartError is not modified after it is returned and is
// safe for concurrent use.
type ReportPartError struct {
	Field   string
	Heading string
}

// Error reads `comms: post-incident report incomplete: RootCause ("Root
// Cause") is missing`.
func (e *ReportPartError) Error() string {
	return fmt.Sprintf("%v: %s (%s) is missing", ErrReportIncomplete, e.Field, clip.Quote(e.Heading))
}

// Unwrap returns ErrReportIncomplete.
func (e *ReportPartError) Unwrap() error { return ErrReportIncomplete }

// PostIncidentReport is the report the provider publishes after a major
// service incident, with the six parts the policy lists ("Post-Incident
// Report"): Summary, User Experience, Start date and time, Resolution date
// and time, Root Cause, Next steps; plus when it was published. Check
// checks it; String renders it as plain text.
//
// The zero PostIncidentReport is an empty draft. It is a value, safe for
// concurrent use.
type PostIncidentReport struct {
	Summary        string    // what happened, in brief
	UserExperience string    // what users saw
	Start          time.Time // when the incident started
	Resolution     time.Time // when service was restored; the report is due counting from it
	RootCause      string    // why it happened
	NextSteps      string    // what the provider will do so it does not recur
	Published      time.Time // when the report was published; zero: not yet
}

// reportPart is one part of a post-incident report: its field name, the
// policy's heading, and its text (times formatted in RFC 3339, "" when zero).
type reportPart struct {
	field, heading, text string
}

func (p PostIncidentReport) parts() [6]reportPart {
	return [6]reportPart{
		{"Summary", "Summary", p.Summary},
		{"UserExperience", "User Experience", p.UserExperience},
		{"Start", "Start date and time", formatTime(p.Start)},
		{"Resolution", "Resolution date and time", formatTime(p.Resolution)},
		{"RootCause", "Root Cause", p.RootCause},
		{"NextSteps", "Next steps", p.NextSteps},
	}
}

// formatTime writes t in RFC 3339 in its own location, "" for the zero
// time.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

// Check reports every problem with p at once, as a calendar.ErrorList, or
// nil; due is the first late instant (a ReportDeadline's answer for
// p.Resolution), or the zero time to leave lateness unjudged:
//
//   - ErrReportIncomplete (*ReportPartError): each of the six parts that
//     is blank or a zero time, and a zero Published;
//   - ErrReportLate (*DutyError of KindPostIncidentReport): Published is
//     not before due;
//   - ErrInvalidReport: Resolution before Start.
//
// Check never panics.
func (p PostIncidentReport) Check(due time.Time) error {
	var errs calendar.ErrorList
	for _, part := range p.parts() {
		if isBlank(part.text) {
			errs.Add(&ReportPartError{Field: part.field, Heading: part.heading})
		}
	}
	if !p.Start.IsZero() && !p.Resolution.IsZero() && p.Resolution.Before(p.Start) {
		errs.Add(fmt.Errorf("%w: resolution %q is before start %q", ErrInvalidReport,
			formatTime(p.Resolution), formatTime(p.Start)))
	}
	switch {
	case p.Published.IsZero():
		errs.Add(&ReportPartError{Field: "Published", Heading: "when the report was published"})
	case !due.IsZero() && !p.Published.Before(due):
		errs.Add(&DutyError{Duty: Duty{Kind: KindPostIncidentReport, Due: due}, Err: ErrReportLate, Sent: []time.Time{p.Published}})
	}
	return errs.Err()
}

// isBlank reports whether s holds nothing but white space.
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// newlines turns CR LF and lone CR into LF, so String indents every line.
var newlines = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// String renders p as plain text: a title line, then one "Heading: text"
// line per part in the policy's order, then "Published: ..." when Published
// is set. Times are RFC 3339 in their own locations; a missing part reads
// "(missing)". Lines inside a multi-line part are indented by two spaces,
// so every heading starts a line and nothing can forge one.
func (p PostIncidentReport) String() string {
	var b strings.Builder
	b.WriteString("Post-Incident Report\n")
	write := func(heading, text string) {
		b.WriteString(heading)
		b.WriteString(":")
		text = strings.TrimSpace(newlines.Replace(text))
		if text == "" {
			text = "(missing)"
		}
		for i, line := range strings.Split(text, "\n") {
			if i > 0 {
				b.WriteString("\n ")
			}
			b.WriteString(" ")
			b.WriteString(strings.TrimRight(line, " \t"))
		}
		b.WriteString("\n")
	}
	for _, part := range p.parts() {
		write(part.heading, part.text)
	}
	if !p.Published.IsZero() {
		write("Published", formatTime(p.Published))
	}
	return b.String()
}
