package claims_test

import (
	"errors"
	"fmt"
	"go/doc"
	"go/parser"
	"go/token"
	"strings"
	"testing"
	"time"

	"github.com/rickar/cal/v2/us"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/slapolicy/slapolicy/calendar"
	"github.com/slapolicy/slapolicy/claims"
	"github.com/slapolicy/slapolicy/maintenance"
	"github.com/slapolicy/slapolicy/maintenance/comms"
)

// A claim that fails for two reasons at once: notice came too late, and
// the customer's attempts to resolve the incident are missing. Check
// reports both; each is matchable with errors.Is.
func ExampleRules_Check() {
	rules := claims.DynamicsCRMOnline(calendar.NewBusinessDays(time.UTC, us.Holidays...))
	claim := claims.Claim{
		Month: calendar.NewMonth(2024, time.February, nil),
		// Restored Friday 2024-02-02: notice is due by the end of Friday
		// 2024-02-09.
		Incident: calendar.Span{
			Start: time.Date(2024, 2, 2, 14, 0, 0, 0, time.UTC),
			End:   time.Date(2024, 2, 2, 16, 30, 0, 0, time.UTC),
		},
		Description:      "Sign-in to contoso.crm.dynamics.com failed with HTTP 503.",
		AffectedUsers:    120,
		UserLocations:    []string{"Seattle, WA"},
		NoticeGiven:      time.Date(2024, 2, 12, 9, 0, 0, 0, time.UTC),
		EvidenceSupplied: time.Date(2024, 2, 12, 9, 0, 0, 0, time.UTC),
		Submitted:        time.Date(2024, 2, 12, 9, 0, 0, 0, time.UTC),
		AcceptableUse:    true,
	}
	err := rules.Check(claim)
	var problems calendar.ErrorList
	if errors.As(err, &problems) {
		for _, e := range problems {
			fmt.Println(e)
		}
	}
	fmt.Println("notice late:", errors.Is(err, claims.ErrNoticeLate))
	fmt.Println("incomplete:", errors.Is(err, claims.ErrIncomplete))
	fmt.Println("evidence late:", errors.Is(err, claims.ErrEvidenceLate))
	// Output:
	// claims: incomplete: field ResolutionAttempts (attempts made by the customer to resolve the incident) is missing
	// claims: notice late: field NoticeGiven "2024-02-12T09:00:00Z" is not before the deadline "2024-02-10T00:00:00Z" (first late instant; late by 57h0m0s)
	// notice late: true
	// incomplete: true
	// evidence late: false
}

// A complete claim, on time: Check returns nil, and the provider should
// have processed it 45 calendar days after submission.
func ExampleRules_Check_complete() {
	rules := claims.DynamicsCRMOnline(calendar.NewBusinessDays(time.UTC, us.Holidays...))
	claim := claims.Claim{
		Month: calendar.NewMonth(2024, time.January, nil),
		Incident: calendar.Span{
			Start: time.Date(2024, 1, 15, 9, 0, 0, 0, time.UTC),
			End:   time.Date(2024, 1, 15, 11, 30, 0, 0, time.UTC),
		},
		Description:        "All Customer Engagement apps returned errors.",
		AffectedUsers:      120,
		UserLocations:      []string{"Seattle, WA", "Dublin"},
		ResolutionAttempts: []string{"Cleared browser caches", "Tried another network"},
		NoticeGiven:        time.Date(2024, 1, 20, 10, 0, 0, 0, time.UTC),
		EvidenceSupplied:   time.Date(2024, 2, 10, 10, 0, 0, 0, time.UTC),
		Submitted:          time.Date(2024, 2, 10, 10, 0, 0, 0, time.UTC),
		AcceptableUse:      true,
	}
	fmt.Println("problems:", rules.Check(claim))
	fmt.Println("notice due before:", rules.NoticeDeadline(claim.Incident.End))
	fmt.Println("evidence due before:", rules.EvidenceDeadline(claim.Month))
	fmt.Println("processing due by:", rules.ProcessingDeadline(claim.Submitted))
	// Output:
	// problems: <nil>
	// notice due before: 2024-01-23 00:00:00 +0000 UTC
	// evidence due before: 2024-03-01 00:00:00 +0000 UTC
	// processing due by: 2024-03-26 10:00:00 +0000 UTC
}

// Notice is due by the end of the fifth business day after the day service
// was restored; the deadline returned is the first instant that is late.
func ExampleRules_NoticeDeadline() {
	rules := claims.DynamicsCRMOnline(calendar.NewBusinessDays(time.UTC, us.Holidays...))

	// Restored on a Friday: the fifth business day is the next Friday, so
	// notice is late from Saturday 00:00, not Monday.
	fmt.Println(rules.NoticeDeadline(time.Date(2024, 2, 2, 16, 30, 0, 0, time.UTC)))

	// Restored Tuesday 2021-12-28: New Year's Day 2022 (a Saturday) was
	// observed on Friday 31, so the fifth business day is Wed 2022-01-05.
	fmt.Println(rules.NoticeDeadline(time.Date(2021, 12, 28, 16, 30, 0, 0, time.UTC)))

	// Days are read in the calendar's location: 03:00 UTC on 8 March is
	// still Thursday 7 March in New York.
	ny, errNy := time.LoadLocation("America/New_York")
	if errNy != nil {
		fmt.Println(errNy)
		return
	}
	nyRules := claims.DynamicsCRMOnline(calendar.NewBusinessDays(ny, us.Holidays...))
	fmt.Println(nyRules.NoticeDeadline(time.Date(2024, 3, 8, 3, 0, 0, 0, time.UTC)))
	// Output:
	// 2024-02-10 00:00:00 +0000 UTC
	// 2022-01-06 00:00:00 +0000 UTC
	// 2024-03-15 00:00:00 -0400 EDT
}

// Evidence is due by the end of the month following the claimed month;
// another SLA's "30 days after the end of the month" is the same Rules
// with other numbers.
func ExampleRules_EvidenceDeadline() {
	rules := claims.DynamicsCRMOnline(nil) // weekends only, UTC
	jan := calendar.NewMonth(2024, time.January, nil)
	fmt.Println(rules.EvidenceDeadline(jan)) // February 2024 has 29 days

	other := rules
	other.EvidenceMonths, other.EvidenceDays = 0, 30
	fmt.Println(other.EvidenceDeadline(jan))
	// Output:
	// 2024-03-01 00:00:00 +0000 UTC
	// 2024-03-02 00:00:00 +0000 UTC
}

// Several claims on one month: the credits add up, but never above the
// month's fee (Dynamics CRM Online caps them at 100% of the fee).
func ExampleSumCredits() {
	fee := decimal.RequireFromString("1000.00")
	m, err := claims.SumCredits(fee, decimal.NewFromInt(100),
		decimal.RequireFromString("500.00"),  // a 50% credit
		decimal.RequireFromString("1000.00"), // a 100% credit for the same month
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("claimed:", m.Claimed, "cap:", m.Cap, "awarded:", m.Awarded.StringFixed(2), "capped:", m.Capped())

	_, err = claims.SumCredits(fee, decimal.NewFromInt(100), decimal.RequireFromString("-5"))
	fmt.Println(err)
	// Output:
	// claimed: 1500 cap: 1000 awarded: 1000.00 capped: true
	// claims: invalid: field credits[0]: -5 is negative
}

// A region's default business calendar, in its own zone when no location
// is given: NAM counts US holidays in New York, IND has none (weekends
// only) in Kolkata. Unknown codes are an error.
func ExampleForRegion() {
	restored := time.Date(2021, 12, 28, 15, 0, 0, 0, time.UTC) // Tuesday
	for _, code := range []string{"NAM", "IND", "XYZ"} {
		rules, err := claims.ForRegion(code, nil)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(code, rules.NoticeDeadline(restored))
	}
	// Output:
	// NAM 2022-01-06 00:00:00 -0500 EST
	// IND 2022-01-05 00:00:00 +0530 IST
	// claims: unknown region "XYZ"
}

// Every deadline of a major incident in JPN, in one call, counted in the
// region's own zone (Asia/Tokyo, nil location): restored on Friday
// 8 November 2024, it affected two organizations, so a post-incident
// report is owed; the claim for November was submitted on 12 November.
// Worked by hand (Microsoft Dynamics CRM Online Service Level Agreement,
// sections C and E): the five business days after Friday 8 are Monday 11
// to Friday 15 (no Japanese holiday falls between), so notice and report
// are late from Saturday 16 November 00:00 JST; evidence for November is
// due by the end of December; processing takes 45 days from submission,
// 12 November 09:00 + 45 days = 27 December 09:00.
func ExampleRules_Deadlines() {
	rules, err := claims.ForRegion("JPN", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	tokyo := rules.Calendar.Location()
	incident := comms.Incident{
		Span:                  calendar.Span{Start: time.Date(2024, 11, 8, 7, 0, 0, 0, tokyo), End: time.Date(2024, 11, 8, 10, 0, 0, 0, tokyo)},
		OrganizationsAffected: 2,
	}
	month := calendar.NewMonth(2024, time.November, tokyo)
	d, err := rules.Deadlines(incident, month, time.Date(2024, 11, 12, 9, 0, 0, 0, tokyo))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("notice late from    ", d.Notice)
	fmt.Println("evidence late from  ", d.Evidence)
	fmt.Println("processing late from", d.Processing)
	fmt.Println("report late from    ", d.Report)
	// Output:
	// notice late from     2024-11-16 00:00:00 +0900 JST
	// evidence late from   2025-01-01 00:00:00 +0900 JST
	// processing late from 2024-12-27 09:00:00 +0900 JST
	// report late from     2024-11-16 00:00:00 +0900 JST
}

// TestExamplesHaveOutput checks that every Example in this file has an
// Output comment, so that go test runs it and its output documents it.
func TestExamplesHaveOutput(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "example_test.go", nil, parser.ParseComments)
	require.NoError(t, err)
	examples := doc.Examples(f)
	require.NotEmpty(t, examples)
	for _, ex := range examples {
		assert.True(t, ex.Output != "" && !ex.EmptyOutput, "Example%s has no output", ex.Name)
		assert.NotEmpty(t, ex.Doc, "Example%s says nothing of what it shows", ex.Name)
	}
}

// A customer's own closures move its notice deadlines: NAM closed on
// Tuesday 24 and Thursday 26 December 2024 (beside Christmas and New
// Year's Day, US federal holidays). Restored on Friday 20 December, the
// five business days after are Monday 23, Friday 27, Monday 30, Tuesday 31
// December and Thursday 2 January, so the notice is late from Friday
// 3 January 2025 00:00 in New York; without the closures, from Tuesday
// 31 December (Microsoft Dynamics CRM Online Service Level Agreement, E.9:
// "within five business days").
func ExampleForRegionWith() {
	doc := `{"closures": [
		{"region": "NAM", "date": "2024-12-24", "name": "company shutdown"},
		{"region": "NAM", "date": "2024-12-26", "name": "company shutdown"}]}`
	closures, err := maintenance.ParseClosures(strings.NewReader(doc), maintenance.Dynamics())
	if err != nil {
		fmt.Println(err)
		return
	}
	restored := time.Date(2024, time.December, 20, 15, 0, 0, 0, time.UTC)
	plain, err := claims.ForRegion("NAM", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	closed, err := claims.ForRegionWith("NAM", nil, closures)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("without closures:", plain.NoticeDeadline(restored))
	fmt.Println("with closures:   ", closed.NoticeDeadline(restored))
	// Output:
	// without closures: 2024-12-31 00:00:00 -0500 EST
	// with closures:    2025-01-03 00:00:00 -0500 EST
}
