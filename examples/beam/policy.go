package main

// The pipeline's use of the slapolicy library besides fleetrec: reading
// the policy and carrying it to the workers as its JSON form.

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/slapolicy/slapolicy/examples/internal/fleetrec"
)

// policyJSON returns the policy file's policy, or the built-in Dynamics
// CRM Online policy when file is "", in the JSON form sla.Policy writes:
// the form the DoFns carry to the workers and parse in their Setup.
func policyJSON(file string) (string, error) {
	p := fleetrec.DefaultPolicy()
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return "", err
		}
		defer f.Close()
		if p, err = fleetrec.ParsePolicy(f); err != nil {
			return "", fmt.Errorf("policy %s: %w", file, err)
		}
	}
	b, err := json.Marshal(p)
	if err != nil {
		return "", fmt.Errorf("policy: %w", err)
	}
	return string(b), nil
}

// parsePolicy reads a policy carried by a DoFn.
func parsePolicy(js string) (fleetrec.Policy, error) {
	return fleetrec.ParsePolicy(strings.NewReader(js))
}
