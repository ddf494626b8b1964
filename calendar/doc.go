// Package calendar holds the time algebra that SLA arithmetic stands on:
// half-open spans of time, sets of spans, calendar months and business days.
//
// Every Span is half-open, [Start, End), so a month's spans and a day's
// spans tile time without overlap or gap; Span states the rule and what
// happens to a reversed span.
//
// A Month is a calendar month in a location (UTC unless the caller says
// otherwise). Its length is real elapsed time: February 2024 is 41,760
// minutes, February 2023 is 40,320, and March 2024 in America/New_York is
// 44,580 because the clocks skip an hour. The Monthly Uptime Percentage of
// the Microsoft Dynamics CRM Online Service Level Agreement (section A) is
// reckoned over such a month; SplitByMonth cuts an outage at month
// boundaries.
//
// A SpanSet merges any number of spans, in any order, into sorted disjoint
// spans in O(n log n), and then forms unions, differences and intersections
// in linear time; Merge is the same merge into the caller's buffer. The SLA
// assessment in package sla is built from these operations.
//
// BusinessDays counts business days (weekdays that are not holidays) in a
// location, for the claim deadlines of package claims, such as the notice
// due "within five business days" (section E, definition 9). Its holidays
// come from a Holidays calendar of github.com/rickar/cal/v2 rules, which
// counts a holiday's actual and observed dates alike and may carry
// Corrections (days added or removed, rules left out for some years, each
// with its public source; a caller's closures are corrections too), or
// from the caller's own HolidaySource. A Date is a calendar date with no
// location ("2022-09-19", ParseDate).
//
// ErrorList is how every validation of this module reports all the
// problems it finds at once.
//
// The package never reads the clock: every instant comes from the caller.
// All exported types are values or are safe for concurrent use once built.
package calendar
