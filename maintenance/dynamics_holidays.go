package maintenance

import (
	"slices"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/au"
	"github.com/rickar/cal/v2/br"
	"github.com/rickar/cal/v2/ca"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/ecb"
	"github.com/rickar/cal/v2/fr"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/jp"
	"github.com/rickar/cal/v2/us"

	"github.com/slapolicy/slapolicy/calendar"
)

// The built-in holiday calendars: rickar/cal/v2's lists, by the name Go
// code spells them with, each with this library's corrections over it.
// The package documentation ("Holiday calendars") says, region by region,
// which days each calendar holds and which it leaves out, and why; the
// tests hold every calendar to an independent list of its region's
// holidays for 2015 to 2035 (testdata/holidays).
//
// The rule: a region's calendar holds the days its country's national law,
// or a national proclamation, makes holidays, as its government publishes
// them, and no day that is only optional, or a holiday only in some
// states or cities. A correction is made only where rickar/cal's list
// departs from that rule; no holiday rule is written here by hand.

// dynamicsHolidayLists are the rickar/cal/v2 lists of the built-in
// calendars. rickar/cal has no national Australian list, so New South
// Wales (Sydney) stands in for OCE; it has none for India or Singapore.
var dynamicsHolidayLists = map[string][]*cal.Holiday{
	"us.Holidays":    us.Holidays,
	"ca.Holidays":    ca.Holidays,
	"de.Holidays":    de.Holidays,
	"fr.Holidays":    fr.Holidays,
	"gb.Holidays":    gb.Holidays,
	"jp.Holidays":    jp.Holidays,
	"au.HolidaysNSW": au.HolidaysNSW,
	"br.Holidays":    br.Holidays,
	"ecb.Holidays":   ecb.Holidays,
}

// Public sources the corrections cite more than once.
const (
	// The Canada Labour Code, s.166, as in force from 3 August 2021 (the
	// version that added the National Day for Truth and Reconciliation).
	canadaLabourCode      = "https://laws-lois.justice.gc.ca/eng/ACTS/L-2/section-166-20210803.html"
	canadaGeneralHolidays = "Canada Labour Code (R.S.C. 1985, c. L-2), s.166: a \"general holiday\" is " +
		"New Year's Day, Good Friday, Victoria Day, Canada Day, Labour Day, National Day for Truth and " +
		"Reconciliation (30 September, from 2021), Thanksgiving Day, Remembrance Day, Christmas Day or " +
		"Boxing Day; this day is not one (rickar/cal holds it as a paid holiday of the federal public " +
		"service, under the Treasury Board's collective agreements)"

	// Brazil's federal executive lists the year's national holidays and
	// optional days ("ponto facultativo") in a yearly portaria; the 2025
	// one is Portaria MGI nº 9.783 of 30 December 2024.
	brazilPortaria2025 = "https://notisul.com.br/feriados-e-pontos-facultativos-de-2025-veja-as-datas/ ; " +
		"https://www.capitalnews.com.br/cotidiano/geral/veja-calendario-de-feriados-nacionais-e-pontos-facultativos-em-2025/414868"
	brazilNationalHolidays = "national holidays are those a federal law declares: Lei 662/1949 as rewritten by " +
		"Lei 10.607/2002 (1 January, 21 April, 1 May, 7 September, 2 November, 15 November, 25 December), " +
		"Lei 6.802/1980 (12 October), Lei 14.759/2023 (20 November, from 2024), and Good Friday among the " +
		"religious holidays of Lei 9.093/1995, art. 2"

	nswAnzac = "Public Holidays Act 2010 (NSW); Public Holidays Order 2011 as amended by the Public Holidays " +
		"Amendment (Anzac Day) Order 2026: the Monday after Anzac Day in 2026 and 2027 is a public holiday " +
		"for the whole state"
	nswAnzacSource = "https://www.miragenews.com/minns-labor-govt-adds-extra-public-holiday-1620067 " +
		"(NSW Government media release of 15 February 2026) ; " +
		"https://lgnsw.org.au/Public/Public/Members-Services/NSW_Public_Holidays.aspx ; " +
		"https://www.nsw.gov.au/about-nsw/public-holidays"
)

// dynamicsCorrections are the corrections each built-in calendar makes
// over its rickar/cal/v2 list (v2.1.26), by the calendar's name. A
// calendar without an entry is rickar/cal's list as it stands: us.Holidays,
// ecb.Holidays, fr.Holidays and jp.Holidays agree with their countries'
// law and with the independent list for 2015 to 2035. A rule correction
// names its holiday by the rickar/cal variable's own Name, so that a
// renamed holiday is still found.
var dynamicsCorrections = map[string][]calendar.Correction{
	"gb.Holidays": {{
		Date:    calendar.Date{Year: 2022, Month: 9, Day: 19},
		Holiday: true,
		Name:    "Bank holiday for the State Funeral of Queen Elizabeth II",
		Source: "https://www.thegazette.co.uk/notice/4158896 ; " +
			"https://www.gov.uk/government/news/bank-holiday-announced-for-her-majesty-queen-elizabeth-iis-state-funeral-on-monday-19-september",
		Law: "Banking and Financial Dealings Act 1971, s.1(3): Royal Proclamation appointing Monday 19th " +
			"September 2022 as a bank holiday in England, Wales and Northern Ireland, approved at the " +
			"Accession Council on 10 September 2022",
	}},
	"de.Holidays": {{
		Date:    calendar.Date{Year: 2017, Month: 10, Day: 31},
		Holiday: true,
		Name:    "Reformationstag (500. Jahrestag der Reformation)",
		Source: "http://kirchenrecht-nordkirche.de/document/33624 ; " +
			"https://www.tah.de/newssingle/reformationstag-ist-gesetzlicher-feiertag",
		Law: "a statutory holiday in all 16 Länder in 2017: every year under the holiday laws of " +
			"Brandenburg, Mecklenburg-Vorpommern, Sachsen, Sachsen-Anhalt and Thüringen, once by Land law " +
			"or ordinance in the others (e.g. Schleswig-Holstein's Landesverordnung über den " +
			"Reformationstag 2017 of 24 November 2014, §1: \"Der 31. Oktober 2017 (Reformationstag) wird " +
			"zum einmaligen Feiertag erklärt\")",
	}},
	"au.HolidaysNSW": {
		{
			Date:    calendar.Date{Year: 2026, Month: 4, Day: 27},
			Holiday: true,
			Name:    "Additional public holiday for Anzac Day (Saturday 25 April 2026)",
			Source:  nswAnzacSource,
			Law:     nswAnzac,
		},
		{
			Date:    calendar.Date{Year: 2027, Month: 4, Day: 26},
			Holiday: true,
			Name:    "Additional public holiday for Anzac Day (Sunday 25 April 2027)",
			Source:  nswAnzacSource,
			Law:     nswAnzac,
		},
	},
	"ca.Holidays": {
		{Rule: ca.EasterMonday.Name, Name: "Easter Monday", Source: canadaLabourCode, Law: canadaGeneralHolidays},
		{Rule: ca.CivicDay.Name, Name: "Civic Holiday (first Monday of August)", Source: canadaLabourCode, Law: canadaGeneralHolidays},
	},
	"br.Holidays": {
		{
			Rule:   br.Carnaval.Name,
			Name:   "Carnival Tuesday (Carnaval)",
			Source: brazilPortaria2025,
			Law: "not a national holiday: " + brazilNationalHolidays + "; the federal portaria (for 2025, " +
				"Portaria MGI nº 9.783 of 30 December 2024) makes Carnival Monday and Tuesday \"ponto " +
				"facultativo\", an optional day off",
		},
		{
			Rule:   br.CorpusChristi.Name,
			Name:   "Corpus Christi",
			Source: brazilPortaria2025,
			Law: "not a national holiday: " + brazilNationalHolidays + "; the federal portaria makes Corpus " +
				"Christi \"ponto facultativo\", and it is a holiday only where a municipal law makes it one",
		},
		{
			Rule:   br.ConscienciaNegra.Name,
			ToYear: 2023,
			Name:   "Dia Nacional de Zumbi e da Consciência Negra before 2024",
			Source: "https://legisweb.com.br/legislacao/?legislacao=453626 ; " +
				"https://web.archive.org/web/20250402234552/https://www2.camara.leg.br/legin/fed/lei/2023/lei-14759-21-dezembro-2023-795091-publicacaooriginal-170522-pl.html",
			Law: "Lei 14.759 of 21 December 2023 (DOU 22 December 2023), art. 1: \"Fica declarado feriado " +
				"nacional o dia 20 de novembro\", in force from its publication: a national holiday from " +
				"20 November 2024; before, only in some states and cities",
		},
	},
}

// newDynamicsHolidays builds the built-in calendars: each rickar/cal list
// with its corrections. It runs once, at package initialisation, on the
// constant data above, which the tests check applies in full. A program
// may build this package with a later rickar/cal than the one it was
// tested with; should that release leave out of a list a holiday that a
// rule correction removes, the correction is moot and is not applied
// (TestDynamicsCorrections then fails, asking for a review), rather than
// the program failing to start.
func newDynamicsHolidays() map[string]*calendar.Holidays {
	out := make(map[string]*calendar.Holidays, len(dynamicsHolidayLists))
	for name, list := range dynamicsHolidayLists {
		base := calendar.NewHolidays(name, list...)
		var fixes []calendar.Correction
		for _, c := range dynamicsCorrections[name] {
			if !c.IsRule() || slices.ContainsFunc(list, func(h *cal.Holiday) bool { return h.Name == c.Rule }) {
				fixes = append(fixes, c)
			}
		}
		h, err := base.With(name, fixes...)
		if err != nil {
			h = base // unreachable: the dated corrections are constant and valid (tested)
		}
		out[name] = h
	}
	return out
}
