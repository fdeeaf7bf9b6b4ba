// Package allocs measures how many bytes a call allocates, for the fuzz tests of
// the decoders of embedded data: a corrupt length or count must not make them
// allocate far beyond what their input holds.
package allocs

import "runtime/metrics"

// Bytes returns how many bytes of heap fn allocates, rounded up as the runtime
// accounts them (small objects by the span, so to within some kilobytes). Other
// goroutines' allocations meanwhile count too.
func Bytes(fn func()) uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	before := s[0].Value.Uint64()
	fn()
	metrics.Read(s)
	return s[0].Value.Uint64() - before
}
