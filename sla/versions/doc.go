// Package versions says which version of an SLA governs which month of a
// subscription.
//
// The Microsoft Dynamics CRM Online Service Level Agreement is "fixed for
// the duration of the initial term of the Service subscription", and at a
// renewal "the version of this SLA that is current at the time the
// renewal term commences will apply throughout the renewal term" (its
// first paragraph). A History holds every published Version (an
// sla.Policy with a name and the instant it became current), loaded from
// JSON with Parse; a Subscription holds the initial term and its renewals
// (NewSubscription for regular terms); History.Governing splits a month at
// the subscription's term boundaries and names the version that governs
// each part.
//
// The package never reads the clock. Validation reports every problem at
// once as a calendar.ErrorList; errors wrap ErrInvalid,
// ErrInvalidSubscription, ErrNoVersion or sla.ErrNotSubscribed. History is
// immutable and safe for concurrent use.
package versions
