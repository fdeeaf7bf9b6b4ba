package cluster

import (
	"math"
	"slices"
)

// Points holds event positions in Web Mercator world coordinates ([0,1], y down), sorted
// by Key ascending: row r of every column of an index over them is row r here.
type Points struct {
	X, Y []float32
	Keys []uint64 // Key of X, Y: ascending
}

// NewPoints sorts the world coordinates x, y (as view.WorldXY gives them) by Key and
// returns them as Points with the permutation applied: row r of the result is point
// perm[r] of the input. An x outside [0,1) wraps around the world, as longitudes do; a y
// outside [0,1] is clamped onto the world's edge; NaN becomes 0. Keys are those of the
// stored float32 values, so that a point's cell and its drawn position agree. If x and
// y differ in length, the longer is cut short.
func NewPoints(x, y []float64) (Points, []int32) {
	n := min(len(x), len(y))
	k := chunks(n)
	order := make([]keyed, n)
	fx, fy := make([]float32, n), make([]float32, n)
	inChunks(n, k, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			fx[i], fy[i] = float32(wrapUnit(x[i])), float32(clampUnit(y[i]))
			order[i] = keyed{Key(float64(fx[i]), float64(fy[i])), int32(i)}
		}
	})
	order = sortKeyed(order, make([]keyed, n))
	p := Points{X: make([]float32, n), Y: make([]float32, n), Keys: make([]uint64, n)}
	perm := make([]int32, n)
	inChunks(n, k, func(_, lo, hi int) {
		for r := lo; r < hi; r++ {
			o := order[r]
			p.X[r], p.Y[r], p.Keys[r], perm[r] = fx[o.i], fy[o.i], o.key, o.i
		}
	})
	return p, perm
}

// Len returns the number of points.
func (p *Points) Len() int { return len(p.Keys) }

// wrapUnit brings v into [0,1) by whole turns around the world; NaN and ±Inf become 0.
func wrapUnit(v float64) float64 {
	v -= math.Floor(v)
	if !(v >= 0 && v < 1) { // NaN, or v so close below a whole number that it rounded up
		return 0
	}
	return v
}

// clampUnit brings v into [0,1]; NaN becomes 0.
func clampUnit(v float64) float64 {
	if !(v > 0) {
		return 0
	}
	return min(v, 1)
}

// SortedPoints returns x and y, as Points.X and Y held them, as Points again, computing
// their keys. ok is false unless they are as NewPoints leaves them: of one length, on the
// world, and in key order; so columns read back from storage are checked, not trusted.
func SortedPoints(x, y []float32) (p Points, ok bool) {
	n := len(x)
	if len(y) != n {
		return Points{}, false
	}
	p = Points{X: x, Y: y, Keys: make([]uint64, n)}
	k := chunks(n)
	bad := make([]bool, k)
	inChunks(n, k, func(c, lo, hi int) {
		for i := lo; i < hi; i++ {
			fx, fy := float64(x[i]), float64(y[i])
			if wrapUnit(fx) != fx || clampUnit(fy) != fy {
				bad[c] = true
				return
			}
			p.Keys[i] = Key(fx, fy)
			if i > lo && p.Keys[i] < p.Keys[i-1] {
				bad[c] = true
				return
			}
		}
	})
	for c := 1; c < k; c++ {
		if lo := n * c / k; lo > 0 && lo < n && p.Keys[lo] < p.Keys[lo-1] {
			bad[c] = true
		}
	}
	if slices.Contains(bad, true) {
		return Points{}, false
	}
	return p, true
}
