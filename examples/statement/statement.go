package main

import (
	"fmt"
	"io"
	"math/big"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/maintenance/comms"
	"github.com/slapolicy/slapolicy/sla"
)

// writeStatement writes the customer statement for st.
func writeStatement(w io.Writer, st statement) {
	writeHeader(w, st)
	writeReasons(w, st)
	writeParts(w, st)
	writeUptime(w, st)
	writeCredit(w, st)
	writeDeadlines(w, st)
	writeAudit(w, st)
}

func writeHeader(w io.Writer, st statement) {
	in, loc := st.in, st.in.loc
	fmt.Fprintln(w, "SERVICE CREDIT STATEMENT")
	fmt.Fprintln(w)
	data := fmt.Sprintf("%d outages, %d maintenance notices", len(in.outages), len(in.notices))
	if out := st.a.Outside; out.Outages > 0 || out.Notices > 0 {
		data += fmt.Sprintf(" (%d outages and %d notices lie wholly outside the month: they count for nothing)", out.Outages, out.Notices)
	}
	if in.sample {
		data = "built-in sample: " + data
	}
	t := table{}
	t.add("Region", fmt.Sprintf("%s (%s), maintenance window %s UTC every day", in.region.Code, in.region.Host, in.region.Window))
	t.add("Month", fmt.Sprintf("%s, %s to %s, %s minutes", in.month, when(in.month.Start(), loc), when(in.month.End(), loc), minutes(st.a.Total)))
	t.add("Policy", fmt.Sprintf("%s: service level %s %%", in.policyName, percent(in.policy.Level)))
	t.add("Fee", amount(in.currency, in.fee))
	t.add("Data", data)
	t.write(w)
}

// writeReasons writes where every minute of the month went. The rows add up
// to the month exactly: Total = Up + Downtime + Σ Excluded.
func writeReasons(w io.Writer, st statement) {
	a := st.a
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Minutes by reason")
	t := table{right: map[int]bool{1: true, 2: true}}
	t.add("reason", "minutes", "h:mm:ss")
	row := func(name string, d time.Duration) { t.add(name, minutes(d), hms(d)) }
	row("up", a.Up)
	row("counted downtime", a.Downtime)
	for _, r := range reasons(st.in.policy) {
		row(reasonLabel(st.in.policy, r), a.Excluded[r])
	}
	row("total", a.Total)
	t.write(w)
	if a.Rounding > 0 {
		fmt.Fprintf(w, "  counted downtime includes %s (%s min) of rounding up: each period to a whole %s, the policy's resolution; taken from up\n",
			hms(a.Rounding), minutes(a.Rounding), st.in.policy.Resolution)
	}
}

// reasons lists the policy's exclusion reasons in the statement's order:
// window, notice, intermittent, then each excluded cause in the policy's
// order.
func reasons(p sla.Policy) []sla.Reason {
	out := []sla.Reason{sla.ReasonWindow, sla.ReasonNotice, sla.ReasonIntermittent}
	for _, c := range p.ExcludedCauses {
		out = append(out, c.Reason())
	}
	return out
}

// reasonLabel names a reason for a customer.
func reasonLabel(p sla.Policy, r sla.Reason) string {
	switch r {
	case sla.ReasonCounted:
		return "counted downtime"
	case sla.ReasonWindow:
		return "maintenance window"
	case sla.ReasonNotice:
		return "announced maintenance"
	case sla.ReasonIntermittent:
		return "intermittent (≤ " + minutes(p.IntermittentLimit) + " min)"
	}
	return "cause: " + string(r)
}

// writeParts writes every piece of outage time in the month with its
// reason, then the counted downtime periods.
func writeParts(w io.Writer, st statement) {
	loc := st.in.loc
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Outage time in the month, piece by piece")
	if len(st.a.Parts()) == 0 {
		fmt.Fprintln(w, "  none")
	} else {
		t := table{right: map[int]bool{2: true}}
		t.add("from", "to", "minutes", "reason")
		for _, p := range st.a.Parts() {
			t.add(when(p.Span.Start, loc), when(p.Span.End, loc), minutes(p.Span.Duration()), reasonLabel(st.in.policy, p.Reason))
		}
		t.write(w)
	}

	fmt.Fprintln(w)
	fmt.Fprintf(w, "Counted downtime periods: %d, %s minutes\n", len(st.a.Periods()), minutes(st.a.Downtime))
	if len(st.a.Periods()) == 0 {
		return
	}
	t := table{right: map[int]bool{0: true, 3: true}}
	t.add("#", "from", "to", "minutes")
	for i, p := range st.a.Periods() {
		t.add(fmt.Sprint(i+1), when(p.Start, loc), when(p.End, loc), minutes(p.Duration()))
	}
	t.write(w)
}

// writeUptime writes the Monthly Uptime Percentage: the fraction it comes
// from, 4 places truncated (never rounded up: 99.89999 must not read as
// 99.9000, which would meet a 99.9 level it misses), and the exact figure.
func writeUptime(w io.Writer, st statement) {
	a := st.a
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Monthly Uptime Percentage")
	num, den, unit := fraction(a.Total-a.Downtime, a.Total)
	fmt.Fprintf(w, "  (total − counted) / total = %s / %s %s\n", num, den, unit)
	fmt.Fprintf(w, "  uptime  %s %%  (4 places, truncated toward zero)\n", a.Uptime.Truncate(4).StringFixed(4))
	if isExactUptime(a) {
		fmt.Fprintf(w, "  exact   %s %%\n", a.Uptime)
	} else {
		fmt.Fprintf(w, "  exact   %s… %%  (20 places, truncated; the decimal does not end)\n", a.Uptime)
	}
}

// fraction writes up and total in the largest unit both are whole
// multiples of: minutes, seconds or nanoseconds.
func fraction(up, total time.Duration) (num, den, unit string) {
	d, unit := time.Nanosecond, "nanoseconds"
	switch {
	case up%time.Minute == 0 && total%time.Minute == 0:
		d, unit = time.Minute, "minutes"
	case up%time.Second == 0 && total%time.Second == 0:
		d, unit = time.Second, "seconds"
	}
	return fmt.Sprint(int64(up / d)), fmt.Sprint(int64(total / d)), unit
}

// isExactUptime reports whether a.Uptime is the uptime percentage exactly:
// Uptime × Total = (Total − Downtime) × 100, in integers.
func isExactUptime(a sla.Assessment) bool {
	if a.Total <= 0 {
		return true
	}
	lhs := a.Uptime.Mul(decimal.NewFromBigInt(big.NewInt(int64(a.Total)), 0))
	rhs := decimal.NewFromInt(int64(a.Total - a.Downtime)).Mul(decimal.NewFromInt(100))
	return lhs.Equal(rhs)
}

// writeCredit writes whether the level was met, the tier and the credit on
// the fee.
func writeCredit(w io.Writer, st statement) {
	a, p, pay, cur := st.a, st.in.policy, st.payout, st.in.currency
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Service credit")
	if a.Met {
		fmt.Fprintf(w, "  service level %s %% met: no credit\n", percent(p.Level))
		return
	}
	fmt.Fprintf(w, "  service level %s %% missed\n", percent(p.Level))
	i := tierIndex(p, a.Credit)
	if i < 0 {
		fmt.Fprintf(w, "  uptime is not below the first tier (%s %%): no credit\n", percent(p.Tiers[0].Below))
		return
	}
	tier := fmt.Sprintf("uptime below %s %%", percent(p.Tiers[i].Below))
	if i+1 < len(p.Tiers) {
		tier += fmt.Sprintf(" and not below %s %%", percent(p.Tiers[i+1].Below))
	}
	fmt.Fprintf(w, "  tier    %s → %s %% of the fee\n", tier, percent(p.Tiers[i].Credit))
	fmt.Fprintf(w, "  credit  %s %% × %s = %s\n", percent(pay.Percent), amount(cur, pay.ProratedFee), cur.Format(pay.Amount))
	if !pay.Unrounded.Equal(pay.Amount) {
		exactly := "exactly"
		if !pay.Exact {
			exactly = "truncated"
		}
		fmt.Fprintf(w, "          (%s %s %s, rounded once, half away from zero, to %d places)\n", exactly, pay.Unrounded, cur, cur.Places())
	}
	if pay.Capped {
		fmt.Fprintf(w, "          (capped at %s %% of the fee)\n", percent(p.CreditCap))
	}
}

// tierIndex returns the index of the tier whose Credit is credit (tiers'
// credits are strictly increasing, so there is at most one), or -1.
func tierIndex(p sla.Policy, credit decimal.Decimal) int {
	if credit.IsZero() {
		return -1
	}
	for i, t := range p.Tiers {
		if t.Credit.Equal(credit) {
			return i
		}
	}
	return -1
}

// writeDeadlines writes the claim deadlines: notice of each incident with
// counted downtime, evidence for the month and, given a submission time,
// processing.
func writeDeadlines(w io.Writer, st statement) {
	in, r, loc := st.in, st.rules, st.in.loc
	holidays := in.region.Holidays.Name()
	if holidays == "" {
		holidays = "no holiday list"
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Claim deadlines (each is the first instant that is late)")
	fmt.Fprintf(w, "  business days: Monday to Friday in %s, less %s\n", loc, holidays)
	for _, c := range in.closures.For(in.region.Code) {
		d := time.Date(c.Date.Year, c.Date.Month, c.Date.Day, 12, 0, 0, 0, time.UTC)
		fmt.Fprintf(w, "    closed %s %s: %s (%s)\n", d.Format("Mon"), c.Date, c.Name, in.closuresOf)
	}
	fmt.Fprintf(w, "  notice of each incident: by the end of the %s business day after service was restored\n", ordinal(r.NoticeBusinessDays))
	if len(st.incidents) == 0 {
		fmt.Fprintln(w, "    no incident with counted downtime")
	} else {
		t := table{right: map[int]bool{3: true}, indent: "    "}
		t.add("incident from", "service restored", "notice late from", "counted min")
		for _, inc := range st.incidents {
			var counted time.Duration
			for _, p := range inc.counted {
				counted += p.Duration()
			}
			t.add(when(inc.span.Start, loc), when(inc.span.End, loc), when(inc.notice, loc), minutes(counted))
		}
		t.write(w)
	}
	fmt.Fprintf(w, "  evidence for %s: late from %s\n", in.month, when(st.evidence, loc))
	if st.process.IsZero() {
		fmt.Fprintln(w, "  processing: give -submitted to see when the provider must have processed the claim")
	} else {
		fmt.Fprintf(w, "  processing of a claim submitted %s: late from %s (%d calendar days)\n",
			when(in.submitted, loc), when(st.process, loc), r.ProcessingDays)
	}
}

// ordinal writes 1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, 21st.
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// writeAudit writes the communications audit, when there is one: each
// duty with its status and first late instant, then what was found wrong.
func writeAudit(w io.Writer, st statement) {
	if !st.hasAudit {
		return
	}
	a, loc := st.audit, st.in.loc
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Communications audit of the sample record, as of %s\n", when(a.AsOf, loc))
	fmt.Fprintf(w, "  %d duties: %d met, %d pending, %d late, %d missed\n", len(a.Items),
		a.Count(comms.StatusMet), a.Count(comms.StatusPending),
		a.Count(comms.StatusLate), a.Count(comms.StatusMissed))
	status := map[comms.Status]string{
		comms.StatusMet: "ok", comms.StatusPending: "pending",
		comms.StatusLate: "LATE", comms.StatusMissed: "MISSED",
	}
	if len(a.Items) == 0 {
		return
	}
	t := table{}
	t.add("status", "duty", "about", "late from")
	var findings []string
	for _, it := range a.Items {
		t.add(status[it.Status], string(it.Duty.Kind), it.Duty.Ref, when(it.Duty.Due, loc))
		if it.Err != nil {
			findings = append(findings, errorLines(it.Err)...)
		}
	}
	for _, e := range a.Settings {
		findings = append(findings, errorLines(e)...)
	}
	t.write(w)
	if len(findings) > 0 {
		fmt.Fprintln(w, "  findings:")
		for _, f := range findings {
			fmt.Fprintln(w, "    "+f)
		}
	}
}
