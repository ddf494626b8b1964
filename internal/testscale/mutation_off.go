//go:build !mutation

package testscale

const mutation = false
