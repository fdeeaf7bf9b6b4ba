// Package cluster groups the selected events of a viewport into cluster bubbles and single
// markers. Points are kept sorted along a Z-order (Morton) curve, so every quadtree cell is
// one contiguous run of rows, and a filter is a bitset over those rows: counting a cell's
// selected events is a popcount over its run, and nothing is rebuilt when the filter changes.
package cluster

import "math/bits"

// KeyBits is the resolution of a Key along each axis: 2^32 cells over the world's width.
const KeyBits = 32

// Key returns the Morton code of world coordinates x, y in [0,1] (Web Mercator, y down):
// the bits of the two quantised coordinates interleaved, x in the even bits. Sorting
// points by Key puts every quadtree cell's points in one contiguous run.
func Key(x, y float64) uint64 {
	return spread(quantise(x)) | spread(quantise(y))<<1
}

// quantise maps [0,1] onto the 2^KeyBits grid, clamping what lies outside.
func quantise(v float64) uint32 {
	if !(v > 0) { // also NaN
		return 0
	}
	if v >= 1 {
		return 1<<KeyBits - 1
	}
	return uint32(v * (1 << KeyBits))
}

// spread moves the bits of v to the even positions of a uint64.
func spread(v uint32) uint64 {
	x := uint64(v)
	x = (x | x<<16) & 0x0000ffff0000ffff
	x = (x | x<<8) & 0x00ff00ff00ff00ff
	x = (x | x<<4) & 0x0f0f0f0f0f0f0f0f
	x = (x | x<<2) & 0x3333333333333333
	x = (x | x<<1) & 0x5555555555555555
	return x
}

// compact gathers the even bits of v: the inverse of spread.
func compact(v uint64) uint32 {
	x := v & 0x5555555555555555
	x = (x | x>>1) & 0x3333333333333333
	x = (x | x>>2) & 0x0f0f0f0f0f0f0f0f
	x = (x | x>>4) & 0x00ff00ff00ff00ff
	x = (x | x>>8) & 0x0000ffff0000ffff
	x = (x | x>>16) & 0x00000000ffffffff
	return uint32(x)
}

// CellRange returns the keys [lo, hi] of the quadtree cell (cx, cy) at level: a cell at
// level L is 2^-L of the world's width, and its points' keys all share the cell's prefix.
func CellRange(level int, cx, cy uint32) (lo, hi uint64) {
	shift := uint(2 * (KeyBits - level))
	prefix := spread(cx) | spread(cy)<<1
	lo = prefix << shift
	return lo, lo | (1<<shift - 1)
}

// onesIn counts the set bits of a word; here so that the callers read as what they mean.
func onesIn(w uint64) int { return bits.OnesCount64(w) }
