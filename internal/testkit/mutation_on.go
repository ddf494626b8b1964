//go:build mutation

package testkit

const mutation = true
