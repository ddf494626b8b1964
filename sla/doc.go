// Package sla turns a service level agreement into data and arithmetic:
// the Policy (service level, credit tiers, exclusions), the Monthly Uptime
// Percentage, the tier choice and the service credit.
//
// The seed is Microsoft Dynamics CRM Online's SLA (DynamicsCRMOnline). Other
// SLAs are other Policy values, kept in configuration files in the JSON
// form Policy.MarshalJSON writes.
package sla
