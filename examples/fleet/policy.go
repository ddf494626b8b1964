package main

// The fleet's use of the slapolicy library besides fleetrec: the policy.

import (
	"fmt"
	"os"

	"github.com/slapolicy/slapolicy/examples/internal/fleetrec"
)

// defaultPolicy is the built-in Dynamics CRM Online policy.
func defaultPolicy() fleetrec.Policy { return fleetrec.DefaultPolicy() }

// readPolicy reads a policy file in the JSON form of sla.Policy.
func readPolicy(name string) (fleetrec.Policy, error) {
	f, err := os.Open(name)
	if err != nil {
		return fleetrec.Policy{}, err
	}
	defer f.Close()
	p, err := fleetrec.ParsePolicy(f)
	if err != nil {
		return fleetrec.Policy{}, fmt.Errorf("policy %s: %w", name, err)
	}
	return p, nil
}
