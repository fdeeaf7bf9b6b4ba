package allocs_test

import (
	"testing"

	"github.com/strikemap/strikemap/geo/internal/allocs"
)

var sink []byte

func TestBytesSeesALargeAllocation(t *testing.T) {
	if n := allocs.Bytes(func() { sink = make([]byte, 4<<20) }); n < 4<<20 || n > 5<<20 {
		t.Errorf("Bytes(make 4 MiB) = %d", n)
	}
	if n := allocs.Bytes(func() {}); n > 64<<10 {
		t.Errorf("Bytes(nothing) = %d", n)
	}
}
