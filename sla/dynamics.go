package sla

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/slapolicy/slapolicy/maintenance"
)

// The built-in data of this package: the Microsoft Dynamics CRM Online
// Service Level Agreement as a Policy. Nothing in the package consults it
// on its own; it is reached only through DynamicsCRMOnline, and a policy
// of the caller's own (ParsePolicy, or a Policy literal) works wherever it
// does.

// DynamicsCRMOnline returns the policy of the Microsoft Dynamics CRM Online
// Service Level Agreement: service level 99.9 % (section A); credits of
// 25 % of the month's fee below 99.9 %, 50 % below 99 % and 100 % below
// 95 % (section B, the published figures: see the package documentation);
// maintenance announced at least 24 hours ahead is Scheduled Downtime,
// exactly 24 hours counting, and window time always is (section E,
// definition 11); intermittent periods of 10 minutes or less are excluded
// (section D.1.b.vii); every Cause is excluded, in section D.1.b's order;
// downtime is measured exactly, to the nanosecond; credits are capped at
// 100 % of the fee (section B.3) and rounded to 2 places. Each call returns
// new slices.
func DynamicsCRMOnline() Policy {
	return Policy{
		Level: decimal.New(999, -1),
		Tiers: []Tier{
			{Below: decimal.New(999, -1), Credit: decimal.New(25, 0)},
			{Below: decimal.New(99, 0), Credit: decimal.New(50, 0)},
			{Below: decimal.New(95, 0), Credit: decimal.New(100, 0)},
		},
		ScheduledDowntime: maintenance.ScheduledDowntime{NoticeLead: 24 * time.Hour, WindowNeedsNotice: false},
		IntermittentLimit: 10 * time.Minute,
		ExcludedCauses:    Causes(),
		Resolution:        0,
		CreditCap:         decimal.New(100, 0),
		CurrencyPlaces:    2,
	}
}
