package comms

import (
	"fmt"
	"strings"
	"testing"
)

// naiveCheckMissing is the baseline for BenchmarkDutyCheck: for every
// recipient it scans every message's recipients with strings.EqualFold,
// O(recipients × sent).
func naiveCheckMissing(d Duty, msgs []Message) int {
	missing := 0
	for _, to := range d.Recipients {
		found := false
		for _, m := range msgs {
			if m.Kind != d.Kind || m.Ref != d.Ref {
				continue
			}
			for _, r := range m.Recipients {
				if strings.EqualFold(r, to) {
					found = true
				}
			}
		}
		if !found {
			missing++
		}
	}
	return missing
}

// BenchmarkDutyCheck measures Duty.Check on a planned-maintenance notice to
// n recipients sent in batches of 50, against the naive nested scan. The
// claim: Check grows linearly with n, the scan quadratically.
func BenchmarkDutyCheck(b *testing.B) {
	for _, n := range []int{100, 1000, 5000} {
		d := Duty{Kind: KindPlanned, Ref: "MC1", Due: at(2024, 3, 9, 20, 0)}
		var msgs []Message
		for i := range n {
			addr := fmt.Sprintf("user%d@contoso.com", i)
			d.Recipients = append(d.Recipients, addr)
			if i%50 == 0 {
				msgs = append(msgs, Message{Kind: KindPlanned, Ref: "MC1", Sent: at(2024, 3, 8, 9, 0)})
			}
			if i%10 != 0 { // every tenth recipient is missed
				msgs[len(msgs)-1].Recipients = append(msgs[len(msgs)-1].Recipients, strings.ToUpper(addr))
			}
		}
		asOf := at(2024, 3, 31, 0, 0)
		b.Run(fmt.Sprintf("n=%d/Check", n), func(b *testing.B) {
			for range b.N {
				if _, err := d.Check(msgs, asOf); err == nil {
					b.Fatal("expected missing recipients")
				}
			}
		})
		b.Run(fmt.Sprintf("n=%d/naive", n), func(b *testing.B) {
			for range b.N {
				if naiveCheckMissing(d, msgs) != n/10 {
					b.Fatal("wrong count")
				}
			}
		})
	}
}
