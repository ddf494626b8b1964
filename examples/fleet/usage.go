package main

// usage is what fleet -h prints before the flags: the reference of the
// command, its input formats and its output.
const usage = `usage: fleet [flags] [file.jsonl|file.csv|- ...]

fleet assesses subscription-months under an SLA policy (default: the
built-in Dynamics CRM Online policy) and prints how many months earn each
service-credit tier and the credits owed. With no file it assesses 1,000
generated sample months; "-" is standard input.

JSON-LINES INPUT (.jsonl, .ndjson, .json, or a first character '{')

One subscription-month per line; blank lines are skipped. Every value is a
string:

  {"subscription":"sub-001","region":"NAM","month":"2024-03","fee":"1250.00",
   "outages":[{"start":"2024-03-05T14:00:00Z","end":"2024-03-05T15:30:00Z","cause":""}],
   "notices":[{"start":"2024-03-09T02:00:00Z","end":"2024-03-09T04:00:00Z",
               "announced":"2024-03-01T09:00:00Z"}]}

  subscription  required; with month, identifies the record (once only)
  region        required; a code of the region table: NAM, DEU, SAM, CAN,
                EUR, FRA, APJ, OCE, JPN, IND, GCC, GBR
  month         required; "YYYY-MM", read in the -month-zone
  fee           required; the whole calendar month's fee, a plain decimal
                ("1250.00"), not negative
  outages       optional; start and end (RFC 3339 with an offset, a
                half-open span [start, end)), cause ("" or absent for the
                service's own fault, or one of the sla causes such as
                "customer-systems"), users (optional: the users it
                affected, for a user-minutes policy; absent means all)
  notices       optional; announced maintenance: start, end, announced
  subscribed    optional; {"start":...,"end":...}: the part of the month
                the customer was subscribed, for a month in which the
                subscription starts or ends. The fee is prorated by
                elapsed time (the library's Assessment.PayoutIn) and
                rounded once, so the run needs a -currency.
  users         optional; the licensed users ("250"), required by a
                user-minutes policy, ignored by a minutes policy
  currency      optional; the record's ISO 4217 code; it must be the
                run's -currency (a run sums credits in one currency)

Any other key is an error, so a misspelt key never drops data silently.
Keys match as encoding/json matches them: letter case is ignored, and a key
given twice keeps its last value.

CSV INPUT (.csv, or any other first character)

A header row, then one row per outage, notice or subscribed part:

  subscription,region,month,fee,kind,start,end,cause,announced
  sub-001,NAM,2024-03,1250.00,outage,2024-03-05T14:00:00Z,2024-03-05T15:30:00Z,,
  sub-001,NAM,2024-03,1250.00,notice,2024-03-09T02:00:00Z,2024-03-09T04:00:00Z,,2024-03-01T09:00:00Z
  sub-002,EUR,2024-03,980.00,,,,,

Columns may come in any order; subscription, region, month, fee, start and
end are required, kind, cause, announced, currency, users and
affected_users optional. kind is "outage", "notice", "subscribed" (start
and end are the subscribed part of the month, at most one such row), or
empty: an outage when start or end is set, else a row that only names a
month without outages (sub-002 above). affected_users is an outage's users.
The rows of one subscription-month must be consecutive and repeat the same
region, fee, currency and users; they make one record, bad as a whole if
any row is. Lines starting with # are comments. A row that cannot be read
at all (bad quoting, wrong number of fields) makes bad the
subscription-month it sits in, or, between two, both: a month is never
assessed with a row missing.

In both forms a subscription-month may appear once; a later record for the
same subscription and month is reported and left out.

MONTHS AND MONEY

-month-zone says where months begin and end: UTC (the default), region
(each record's region's zone as the library's region table gives it: NAM
America/New_York, EUR Europe/Amsterdam, JPN Asia/Tokyo, ...), or an IANA
zone name for every record. Maintenance windows stay in UTC, as the region
table publishes them.

-currency gives the run a currency: credits are rounded to its minor unit
(ISO 4217: EUR 2 places, JPY 0, KWD 3) half away from zero, a partial
month's fee is prorated in it, and result lines name it. Without it credits
are rounded to the policy's currency places, and a record with a subscribed
part or a currency of its own is bad.

OUTPUT

Standard output gets the summary: months and credits per tier, the total,
and the number of bad records. Each month's credit is rounded before the
sum, as an invoice line would be.

With -results FILE, FILE gets one line per assessed month, in input order,
a JSON object of strings, keys in this order:

  {"record":"months.jsonl:3","subscription":"sub-000003","month":"2024-04","fee":"1000.00",
   "uptime":"99.89997685185185185185","credit_percent":"25","credit":"250.00"}

(on one line; with -currency a last key "currency":"EUR"): where the record
starts, the fee as written, the Monthly Uptime Percentage (truncated to 20
places), the credit in percent and the credit rounded as in the summary.
Bad records have no line. examples/beam writes the same lines.

Standard error gets one line per problem, "file:line: what is wrong", and
the progress lines. A bad record is left out of the summary and the run
goes on.

Exit status: 0 when every record was assessed; 2 when some records were bad
(the summary covers the others); 1 when the run could not be done at all
(bad flags, a file that cannot be opened or read, a bad policy file, a CSV
file whose header is wrong); no summary is printed then.

FLAGS

`
