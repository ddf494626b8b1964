package claims

import (
	"errors"
	"strings"
	"time"
)

// PostIncidentReport is the report the provider publishes after a major
// service incident, with the seed's six parts: Summary, User Experience,
// Start date and time, Resolution date and time, Root Cause, Next steps;
// plus when it was published. Rules.CheckReport checks it; String renders
// it as plain text.
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
// seed's heading, and its text (times formatted in RFC 3339, "" when zero).
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

// CheckReport reports every problem with p at once (errors.Join), or nil:
//
//   - ErrIncomplete (*MissingError): each of the six parts that is blank
//     or a zero time, named by its field and the seed's heading
//     ("RootCause", "Root Cause"); a zero Published;
//   - ErrReportLate (*LateError on field Published): Published is not
//     before PostIncidentReportDue(p.Resolution);
//   - ErrInvalid: Resolution before Start, a due date outside years 1 to
//     9999, or rules that fail Validate.
//
// Lateness is not judged without both Resolution and Published, nor under
// rules that fail Validate. CheckReport
// never panics.
func (r Rules) CheckReport(p PostIncidentReport) error {
	var errs []error
	rulesOK := addAll(&errs, r.Validate())
	for _, part := range p.parts() {
		if isBlank(part.text) {
			errs = append(errs, &MissingError{Field: part.field, What: "post-incident report part \"" + part.heading + "\""})
		}
	}
	if !p.Start.IsZero() && !p.Resolution.IsZero() && p.Resolution.Before(p.Start) {
		errs = append(errs, invalid("Resolution", "%q is before Start %q",
			formatTime(p.Resolution), formatTime(p.Start)))
	}
	switch {
	case p.Published.IsZero():
		errs = append(errs, &MissingError{Field: "Published", What: "when the report was published"})
	case !p.Resolution.IsZero() && rulesOK:
		due, err := r.businessDeadline(p.Resolution, r.ReportBusinessDays)
		switch {
		case err != nil:
			errs = append(errs, err)
		case !p.Published.Before(due):
			errs = append(errs, &LateError{Field: "Published", Got: p.Published, Deadline: due, Err: ErrReportLate})
		}
	}
	return errors.Join(errs...)
}

// newlines turns CR LF and lone CR into LF, so String indents every line.
var newlines = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// String renders p as plain text: a title line, then one "Heading: text"
// line per part in the seed's order, then "Published: ..." when Published
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
