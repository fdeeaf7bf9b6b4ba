package cluster

import (
	"runtime"
	"sync"
)

// keyed is a point's key and its index in the input.
type keyed struct {
	key uint64
	i   int32
}

// Sorting a million points takes tens of milliseconds on one core, on the critical path
// of loading an index, so large inputs are sorted in chunks at once, one per core, and
// merged. Below minChunk points a chunk is not worth a goroutine.
const (
	maxChunks = 4
	minChunk  = 1 << 16
)

// chunks returns how many parts of n points to work on at once.
func chunks(n int) int { return max(1, min(runtime.GOMAXPROCS(0), maxChunks, n/minChunk)) }

// inChunks calls fn on k consecutive parts of [0, n) at once and waits for them.
func inChunks(n, k int, fn func(c, lo, hi int)) {
	if k == 1 {
		fn(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for c := range k {
		wg.Go(func() { fn(c, n*c/k, n*(c+1)/k) })
	}
	wg.Wait()
}

// sortKeyed sorts a by key, stably, using b (as long as a) as scratch, and returns
// whichever of the two holds the result.
func sortKeyed(a, b []keyed) []keyed {
	k := chunks(len(a))
	if k == 1 {
		return radixSort(a, b)
	}
	// Each chunk sorted into a, then merged pairwise into b, back into a, and so on.
	bounds := make([]int, k+1)
	inChunks(len(a), k, func(c, lo, hi int) {
		bounds[c+1] = hi
		if s := radixSort(a[lo:hi], b[lo:hi]); &s[0] != &a[lo] {
			copy(a[lo:hi], s)
		}
	})
	for len(bounds) > 2 {
		next := []int{0}
		var wg sync.WaitGroup
		for j := 0; j+1 < len(bounds); j += 2 {
			lo, mid, hi := bounds[j], bounds[j+1], bounds[min(j+2, len(bounds)-1)]
			next = append(next, hi)
			wg.Go(func() { merge(b[lo:hi], a[lo:mid], a[mid:hi]) })
		}
		wg.Wait()
		a, b, bounds = b, a, next
	}
	return a
}

// merge merges the sorted x and y into dst, x's point first of two with equal keys.
func merge(dst, x, y []keyed) {
	i, j, d := 0, 0, 0
	for i < len(x) && j < len(y) {
		if y[j].key < x[i].key {
			dst[d] = y[j]
			j++
		} else {
			dst[d] = x[i]
			i++
		}
		d++
	}
	d += copy(dst[d:], x[i:])
	copy(dst[d:], y[j:])
}

// radixSort sorts a by key, stably, using b as scratch, and returns whichever of the two
// holds the result. Four passes of 16 bits each, skipping digits that all points share
// (the high ones, for events in one part of the world), beat a comparison sort severalfold
// on a million points. The four digits are counted in one pass over the keys.
func radixSort(a, b []keyed) []keyed {
	if len(a) == 0 {
		return a
	}
	var counts [4][1 << 16]int32
	for _, k := range a {
		counts[0][k.key&0xffff]++
		counts[1][k.key>>16&0xffff]++
		counts[2][k.key>>32&0xffff]++
		counts[3][k.key>>48]++
	}
	for digit := range 4 {
		shift := 16 * digit
		c := &counts[digit]
		if int(c[a[0].key>>shift&0xffff]) == len(a) {
			continue
		}
		sum := int32(0)
		for d, n := range c {
			c[d], sum = sum, sum+n
		}
		for _, k := range a {
			d := k.key >> shift & 0xffff
			b[c[d]] = k
			c[d]++
		}
		a, b = b, a
	}
	return a
}
