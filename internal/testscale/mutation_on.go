//go:build mutation

package testscale

const mutation = true
