//go:build !unix

package fleetrec

import "time"

// cpuTime is not measured on this system: the cpu-us/month metric reads 0.
func cpuTime() time.Duration { return 0 }
