#!/usr/bin/env python3
"""Writes REGION.tsv here: each built-in region's holidays for 2015 to 2035
from python-holidays (https://github.com/vacanza/holidays), an independent
holiday library, for maintenance's TestDynamicsHolidaysAgainstReference.

    pip install holidays==0.101        # the version the files name
    python3 maintenance/testdata/holidays/generate.py

The dates are facts: the files are generated once per python-holidays
release and committed. Lines of an existing file that start with
"differs" (the intended differences, written by hand) are kept.
"""

import datetime
import os
import sys

import holidays

VERSION = "0.101"
COMMIT = "df61082e59ea1943bbd99776404d9d84e3b27499"  # tag v0.101
FIRST, LAST = 2015, 2035

# region: (python-holidays call, its arguments, what the call holds)
REGIONS = {
    "NAM": ("country_holidays", ("US",), {},
            "United States, federal: the 11 legal public holidays of 5 U.S.C. 6103 with the federal "
            "in-lieu days (also GCC's)"),
    "CAN": ("country_holidays", ("CA",), {"categories": ("government",)},
            "Canada, federally regulated workplaces: the general holidays of the Canada Labour Code, "
            "with the days in lieu"),
    "SAM": ("country_holidays", ("BR",), {}, "Brazil, national holidays only (no state or city)"),
    "EUR": ("financial_holidays", ("XECB",), {}, "European Central Bank: TARGET2/T2 closing days"),
    "FRA": ("country_holidays", ("FR",), {},
            "France, metropolitan, national (not Alsace-Moselle, not overseas)"),
    "DEU": ("country_holidays", ("DE",), {}, "Germany: the days that are holidays in every Land"),
    "GBR": ("country_holidays", ("GB",), {"subdiv": "ENG"},
            "United Kingdom, England (the same bank holidays as Wales)"),
    "JPN": ("country_holidays", ("JP",), {},
            "Japan: the national holidays, substitute and citizens' holidays (not the bank days)"),
    "OCE": ("country_holidays", ("AU",), {"subdiv": "NSW"},
            "Australia, New South Wales: public holidays (not the bank holiday)"),
}


def spell(func, args, kwargs):
    parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return f"holidays.{func}({', '.join(parts)}, years={FIRST - 1}..{LAST + 1})"


def main():
    if holidays.__version__ != VERSION:
        sys.exit(f"python-holidays is {holidays.__version__}, want {VERSION}: "
                 "update VERSION and COMMIT first")
    here = os.path.dirname(os.path.abspath(__file__))
    today = datetime.date.today().isoformat()
    for region, (func, args, kwargs, scope) in REGIONS.items():
        path = os.path.join(here, region + ".tsv")
        kept = []
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                kept = [line for line in f if line.startswith("differs\t")]
        # A year either side: a day observed across the year end (US New
        # Year's Day 2022 on Friday 2021-12-31) belongs to the next year.
        days = getattr(holidays, func)(*args, years=range(FIRST - 1, LAST + 2), **kwargs)
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"# region: {region}\n")
            f.write(f"# reference: python-holidays {VERSION} (github.com/vacanza/holidays, "
                    f"tag v{VERSION}, commit {COMMIT})\n")
            f.write(f"# call: {spell(func, args, kwargs)}, observed days included (the default)\n")
            f.write(f"# scope: {scope}\n")
            f.write(f"# years: {FIRST} to {LAST}, every date the call lists, weekends included\n")
            f.write(f"# generated: {today} by generate.py in this folder\n")
            f.write("# lines: YYYY-MM-DD<TAB>names, several joined by '; '; or, written by hand,\n")
            f.write("#   differs<TAB>YYYY-MM-DD<TAB>library|reference<TAB>why: a day that only the\n")
            f.write("#   library's calendar (library) or only this list (reference) holds, on purpose\n")
            for d in sorted(days):
                if FIRST <= d.year <= LAST:
                    f.write(f"{d.isoformat()}\t{'; '.join(days.get_list(d))}\n")
            f.writelines(kept)
        print(f"{region}.tsv")


if __name__ == "__main__":
    main()
