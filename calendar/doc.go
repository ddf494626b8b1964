// Package calendar holds the time algebra that SLA arithmetic stands on:
// half-open spans of time, sets of spans, calendar months and business days.
//
// Every span is half-open, [Start, End): its Start is inside, its End is
// the first instant after it, so a month's spans and a day's spans tile time
// without overlap or gap. A span whose End is before its Start is invalid
// and is rejected with an error wrapping ErrReversed wherever a caller hands
// one in.
//
// A Month is a calendar month in a location (UTC unless the caller says
// otherwise). Its length is real elapsed time: February 2024 is 41,760
// minutes, February 2023 is 40,320, and March 2024 in America/New_York is
// 44,580 because the clocks skip an hour.
//
// A SpanSet merges any number of spans, in any order, into sorted disjoint
// spans in O(n log n), and then forms unions, differences and intersections
// in linear time. The SLA assessment in package sla is built from these
// operations.
//
// BusinessDays counts business days (weekdays that are not holidays, from
// github.com/rickar/cal/v2 calendars or the caller's own source) in a
// location, for the claim deadlines of package claims.
//
// The package never reads the clock: every instant comes from the caller.
// All exported types are values or are safe for concurrent use once built.
package calendar
