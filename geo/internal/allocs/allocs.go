// Package allocs measures how many bytes a call allocates, for the fuzz tests of
// the decoders of embedded data: a corrupt length or count must not make them
// allocate far beyond what their input holds.
package allocs

import "runtime"

// Bytes returns how many bytes of heap fn allocates; other goroutines'
// allocations meanwhile count too. It reads runtime.MemStats, which stops the
// world but is exact: runtime/metrics counts small objects a span late, which is
// a megabyte off when fn's allocations spread over many sizes.
func Bytes(fn func()) uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before := m.TotalAlloc
	fn()
	runtime.ReadMemStats(&m)
	return m.TotalAlloc - before
}
