package cluster

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// TestSortKeyed compares the chunked, merged sort with a plain stable sort, on keys with
// many repeats, for inputs too small to split and large enough for 2 to 4 chunks.
func TestSortKeyed(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, procs := range []int{1, 2, 3, 4} {
		for _, n := range []int{0, 1, 5, minChunk*2 - 1, minChunk*3 + 7, minChunk * 4} {
			t.Run(fmt.Sprintf("%d cores %d points", procs, n), func(t *testing.T) {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				a := make([]keyed, n)
				for i := range a {
					// Few distinct high digits, so that some radix passes are skipped.
					a[i] = keyed{rng.Uint64N(1<<20)<<30 | rng.Uint64N(50), int32(i)}
				}
				want := slices.Clone(a)
				slices.SortStableFunc(want, func(x, y keyed) int { return cmp.Compare(x.key, y.key) })
				if got := sortKeyed(a, make([]keyed, n)); !slices.Equal(got, want) {
					t.Errorf("sorted differently from a stable sort")
				}
			})
		}
	}
}
