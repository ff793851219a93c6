//go:build !linux

package graph

// hugePages is a Linux hint; elsewhere it does nothing.
func hugePages[T any](s []T) {}
