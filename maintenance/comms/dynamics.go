package comms

import "time"

// The built-in data of this package: Dynamics 365's communication rules
// and release calendar, as "Policies and Communications for Dynamics 365
// for Customer Engagement" publishes them. Nothing in the package reads
// them on its own; a caller passes them (or its own) to every check.

// DynamicsCRMOnline returns the published communication rules: planned
// maintenance with expected downtime or user impact is notified to the
// organization's admins, the instance's notification addresses and users
// with the System Administrator role ("Prior notification"); the
// "Unplanned Maintenance" email goes to the System Administrators of every
// affected instance ("Unplanned maintenance"). The policy gives no
// figures for how far ahead a notification inside the window goes out,
// nor for how late a dashboard post or an unplanned email may follow, so
// NotifyLead, DashboardGrace and UnplannedGrace are 0: due before the
// work starts, or before it ends.
func DynamicsCRMOnline() Rules {
	return Rules{
		SystemAdminRole: "System Administrator",
		Planned:         OrgAdmins | NotificationEmails | SystemAdmins,
		Unplanned:       SystemAdmins,
	}
}

// DynamicsCRMOnlineReleases returns the published release calendar
// ("Scheduled system updates"): two major release events a year, in April
// and October, and minor service updates every week.
func DynamicsCRMOnlineReleases() ReleaseCalendar {
	return ReleaseCalendar{MajorMonths: []time.Month{time.April, time.October}, MinorCadence: 7 * 24 * time.Hour}
}
