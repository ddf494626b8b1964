// Package maintenance models the maintenance side of an online service's
// policy: the daily maintenance window each region publishes, the region
// table and its editions, announced maintenance (notices), and the SLA's
// Scheduled Downtime rule that decides which of that time does not count.
//
// # Scheduled Downtime
//
// The Microsoft Dynamics CRM Online Service Level Agreement counts
// Scheduled Downtime among its exclusions (section D.1.a) and defines it
// (section E, definition 11) as published maintenance windows, or downtime
// Microsoft notified at least 24 hours before it began. This package
// supplies both halves and the rule:
//
//   - Window: a published window, recurring every day at fixed UTC times
//     with minute precision ("7:30PM to 1AM"), each occurrence half-open;
//     Window states how one that crosses midnight is read. Overlap says
//     how much of any span falls in the window in O(1); Intersect and
//     Subtract split a calendar.SpanSet of outages into window time and
//     the rest.
//   - Notice: maintenance announced at a given instant; Meets(24*time.Hour)
//     tells whether it was announced early enough (exactly 24 hours counts).
//   - ScheduledDowntime: the rule itself as a value (the notice lead, and
//     whether window time needs a notice too), quoted and stated in full
//     there. Package sla holds it in its Policy and package
//     maintenance/comms takes it in its checks, so the assessment and the
//     communication checks read it alike.
//
// The package sla decides what else counts; this package only measures.
//
// # Regions
//
// Regions returns the built-in table ("Maintenance timeline" of "Policies
// and Communications for Dynamics 365 for Customer Engagement") in its
// published order; Lookup and LookupHost find entries by code or host (EUR
// and FRA share crm4.dynamics.com). Each Region names its default holiday
// calendar (see "Holiday calendars" below for what each holds) and builds
// its business days for the claim and report deadlines; IND and APJ,
// which rickar/cal does not cover, default to weekends only.
//
// Published tables change: Table holds editions of the region table with
// their effective instants (Dynamics has the built-in one, in force from
// 2019-08-02, the publication's date) and answers Lookup at an instant;
// ParseTable reads editions from JSON. Every function that needs a region
// takes a Region or a Table: a caller's own table works wherever the
// built-in one does.
//
// The built-in data is reached only by name (Regions, Lookup, LookupHost,
// Dynamics, DynamicsHolidays).
//
// # Holiday calendars
//
// Each built-in region counts its business days with one of rickar/cal
// v2.1.26's holiday lists, corrected where the list departs from the rule
// this library follows: a region's calendar holds the days that its
// country's national law, or a national proclamation, makes holidays, as
// its government publishes them, and no day that is only optional, or a
// holiday only in some states, provinces or cities. The corrections are
// data (calendar.Correction, each with its public source and law; list
// them with Corrections on the region's Holidays); no holiday rule is
// written by hand. A customer whose contract counts more days off (a
// state's or a city's holidays, bank days, a company shutdown, a day
// proclaimed after this release) adds them as closures, without code: a
// JSON list of dates per region (ParseClosures; NewClosures from Go),
// which Closures.Apply adds to a region's holidays (claims.ForRegionWith
// for the claim rules). Every calendar reads a day as a holiday on its
// actual and its observed date. The tests hold each one to an independent
// list of its region's holidays for 2015 to 2035 (python-holidays 0.101),
// and each correction to a notice deadline worked by hand.
//
// NAM and GCC, us.Holidays: the 11 legal public holidays of 5 U.S.C.
// 6103(a), New Year's Day, Birthday of Martin Luther King Jr. (third
// Monday of January), Washington's Birthday (third Monday of February),
// Memorial Day (last Monday of May), Juneteenth (19 June, from 2021),
// Independence Day (4 July), Labor Day (first Monday of September),
// Columbus Day (second Monday of October), Veterans Day (11 November),
// Thanksgiving Day (fourth Thursday of November) and Christmas Day, with
// the federal in-lieu days (5 U.S.C. 6103(b), Executive Order 11582): a
// Saturday holiday is off on the Friday before, a Sunday one on the
// Monday after, so New Year's Day 2022, 2028 and 2033 make 31 December of
// the year before a day off. Left out: the day after Thanksgiving,
// Inauguration Day (Washington, D.C. area only), state holidays, and the
// days an executive order closes federal agencies (such as 24 December
// 2024, Executive Order 14129, or the national day of mourning for
// President Carter, 9 January 2025, Executive Order 14133), which make no
// day a public holiday. No corrections.
//
// CAN, ca.Holidays, corrected: the general holidays of the Canada Labour
// Code (s.166), the federal law for federally regulated workplaces: New
// Year's Day, Good Friday, Victoria Day (the Monday before 25 May), Canada
// Day (1 July), Labour Day (first Monday of September), the National Day
// for Truth and Reconciliation (30 September, from 2021), Thanksgiving Day
// (second Monday of October), Remembrance Day (11 November), Christmas Day
// and Boxing Day; one of them on a Saturday or Sunday is also off on the
// Monday after (Boxing Day after a weekend Christmas on the Tuesday), as
// the Code's day in lieu is commonly given. Corrections: Easter Monday and
// the Civic Holiday (first Monday of August) are removed in every year:
// rickar/cal holds them as paid holidays of the federal public service,
// but the Code makes neither a general holiday. Left out too: the
// provinces' own holidays (Family Day, la Fête nationale du Québec, ...)
// and the National Day of Mourning of 19 September 2022 (a holiday for
// federal public servants only).
//
// SAM, br.Holidays, corrected: Brazil's national holidays, those a federal
// law declares: Confraternização Universal (1 January), Tiradentes (21
// April), Dia do Trabalhador (1 May), Independência (7 September), Finados
// (2 November), Proclamação da República (15 November) and Natal (25
// December) (Lei 662/1949 as rewritten by Lei 10.607/2002), Nossa Senhora
// Aparecida (12 October, Lei 6.802/1980), Dia Nacional de Zumbi e da
// Consciência Negra (20 November, from 2024: Lei 14.759/2023), and
// Sexta-feira Santa (Good Friday, which Lei 9.093/1995, art. 2, puts among
// every municipality's religious holidays and the federal calendar lists
// as a national holiday). Brazil has no substitute days. Corrections:
// Carnival Tuesday (rickar/cal's "Carnaval") and Corpus Christi are
// removed in every year, being "ponto facultativo" (an optional day off in
// the federal executive's yearly portaria), not holidays; 20 November is
// removed before 2024. Left out too: Carnival Monday and Ash Wednesday
// (ponto facultativo), each state's data magna and the municipal holidays
// (São Paulo's 25 January, Corpus Christi where a city law makes it one).
// Banks close on more days: Resolução CMN 4.880/2020 makes Carnival Monday
// and Tuesday no business days for the financial market, and banks and B3
// close on Corpus Christi too; a contract that counts bank days adds them
// as closures.
//
// EUR, ecb.Holidays: the closing days of the European Central Bank's
// TARGET2/T2 payment system (ECB decision of 14 December 2000): New Year's
// Day, Good Friday, Easter Monday, 1 May, 25 and 26 December. Left out:
// the national holidays of the euro-area states. No corrections.
//
// FRA, fr.Holidays: the 11 jours fériés of the Code du travail, art.
// L3133-1: 1 January, Easter Monday, 1 May, 8 May, Ascension Day, Whit
// Monday (also where it is the journée de solidarité), 14 July, 15 August,
// 1 November, 11 November and 25 December; France has no substitute days.
// Left out: Alsace-Moselle's Good Friday and 26 December (art. L3134-13)
// and the overseas departments' abolition of slavery days (art. L3422-2).
// No corrections.
//
// DEU, de.Holidays, corrected: the nine days that are holidays in all 16
// Länder: Neujahrstag, Karfreitag, Ostermontag, Tag der Arbeit (1 May),
// Christi Himmelfahrt, Pfingstmontag, Tag der Deutschen Einheit (3
// October, the one federal holiday: Einigungsvertrag, art. 2(2)), and the
// 1. and 2. Weihnachtstag (25 and 26 December); Germany has no substitute
// days. Correction: Tuesday 2017-10-31, Reformationstag of the
// Reformation's 500th anniversary, added: that year a holiday in every
// Land, by Land law or ordinance. Left out: the days that are holidays in
// some Länder only (Heilige Drei Könige, Internationaler Frauentag,
// Fronleichnam, Mariä Himmelfahrt, Weltkindertag, Reformationstag in other
// years, Allerheiligen, Buß- und Bettag, Augsburg's Friedensfest), Berlin's
// one-off days (8 May 2020 and 2025), and Heiligabend and Silvester, which
// are no holidays.
//
// GBR, gb.Holidays, corrected: the bank holidays of England and Wales
// (Banking and Financial Dealings Act 1971, Schedule 1, and Royal
// Proclamations): New Year's Day, Good Friday, Easter Monday, the early
// May bank holiday (first Monday of May; Friday 8 May in 2020, VE Day),
// the spring bank holiday (last Monday of May; Thursday 2 June in 2022,
// and Friday 3 June 2022, the Platinum Jubilee), the summer bank holiday
// (last Monday of August), Christmas Day and Boxing Day, each on a weekend
// moved to the next weekday free, and Monday 2023-05-08, the Coronation of
// King Charles III. Correction: Monday 2022-09-19, the State Funeral of
// Queen Elizabeth II, added (a bank holiday by proclamation under s.1(3)
// of the Act). Left out: Scotland's days (2 January, the first Monday of
// August, St Andrew's Day, Monday 15 June 2026) and Northern Ireland's (17
// March, 12 July).
//
// JPN, jp.Holidays: the national holidays of the Act on National Holidays
// (国民の祝日に関する法律, Act No. 178 of 1948), with its substitute
// holidays (art. 3(2): a holiday on a Sunday moves to the next day that is
// not a holiday) and citizens' holidays (art. 3(3): a day between two
// holidays), the moves for the 2020 Olympics in 2020 and 2021, and the
// accession days of 2019; the equinox days follow the astronomical
// formula, which the government confirms each February for the next year.
// Left out: the banks' closing days, 2 and 3 January and 31 December. No
// corrections.
//
// OCE, au.HolidaysNSW, corrected: rickar/cal has no national Australian
// list, so New South Wales (Sydney) stands in: the public holidays of the
// Public Holidays Act 2010 (NSW), s.4: New Year's Day, Australia Day (26
// January, the Monday after when it falls on a weekend), Good Friday,
// Easter Saturday, Easter Sunday, Easter Monday, Anzac Day (25 April),
// the King's Birthday (second Monday of June), Labour Day (first Monday of
// October), Christmas Day and Boxing Day (with the additional days when
// they fall on a weekend), and the National Day of Mourning for Queen
// Elizabeth II, Thursday 2022-09-22. Corrections: Monday 2026-04-27 and
// Monday 2027-04-26 added, the additional public holidays for Anzac Day
// on a weekend (Public Holidays Amendment (Anzac Day) Order 2026). Left
// out: the NSW bank holiday (first Monday of August, for banks only),
// local public holidays and other states' holidays. rickar/cal also marks
// Australia Day's weekend date, which the Act does not; a weekend day is
// no business day either way.
//
// IND and APJ: no holiday list (rickar/cal has none for India or
// Singapore): weekends only. Add the holidays a contract counts as
// closures.
//
// # Time
//
// The package never reads the clock: every instant comes from the caller.
// Instants in any location are judged in UTC; spans it returns are in UTC
// unless a method says otherwise. All exported types are immutable values,
// safe for concurrent use.
package maintenance
