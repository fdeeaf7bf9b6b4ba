package allocs_test

import (
	"testing"

	"github.com/strikemap/strikemap/geo/internal/allocs"
)

var sink [][]byte

func TestBytes(t *testing.T) {
	for name, tc := range map[string]struct {
		fn       func()
		min, max uint64
	}{
		"nothing":   {func() {}, 0, 1 << 10},
		"one large": {func() { sink = append(sink[:0], make([]byte, 4<<20)) }, 4 << 20, 4<<20 + 64<<10},
		"many small": {func() {
			sink = sink[:0]
			for range 1000 {
				sink = append(sink, make([]byte, 16))
			}
		}, 16000, 64 << 10},
	} {
		t.Run(name, func(t *testing.T) {
			// Other goroutines' allocations count too (the race detector's, the test
			// runner's), now and then: the least of a few tries is fn's own.
			n := uint64(1 << 63)
			for range 5 {
				sink = make([][]byte, 0, 1024)
				n = min(n, allocs.Bytes(tc.fn))
			}
			if n < tc.min || n > tc.max {
				t.Errorf("Bytes = %d, want %d..%d", n, tc.min, tc.max)
			}
		})
	}
}
