package cluster

import "math/bits"

// The selection is a bitset over rows: bit r%64 of word r/64 is row r. A nil selection
// selects every row; a short one leaves the rows past its end out.

// selectedIn counts the selected rows in [lo, hi).
func selectedIn(sel []uint64, lo, hi int) int {
	if sel == nil {
		return hi - lo
	}
	hi = min(hi, len(sel)*64)
	if lo >= hi {
		return 0
	}
	w0, w1 := lo/64, (hi-1)/64
	first := sel[w0] &^ (1<<(lo%64) - 1)
	if w0 == w1 {
		return onesIn(first & tailMask(hi))
	}
	n := onesIn(first) + onesIn(sel[w1]&tailMask(hi))
	for _, w := range sel[w0+1 : w1] {
		n += onesIn(w)
	}
	return n
}

// tailMask keeps the bits of the last word of [.., hi) that lie below hi.
func tailMask(hi int) uint64 {
	if hi%64 == 0 {
		return ^uint64(0)
	}
	return 1<<(hi%64) - 1
}

// word returns the bits of word w restricted to rows [lo, hi), for walking set bits.
func word(sel []uint64, w, lo, hi int) uint64 {
	x := sel[w]
	if w == lo/64 {
		x &^= 1<<(lo%64) - 1
	}
	if w == (hi-1)/64 {
		x &= tailMask(hi)
	}
	return x
}

// firstSelected returns the first selected row in [lo, hi), or -1.
func firstSelected(sel []uint64, lo, hi int) int {
	if sel == nil {
		if lo < hi {
			return lo
		}
		return -1
	}
	hi = min(hi, len(sel)*64)
	for w := lo / 64; lo < hi && w <= (hi-1)/64; w++ {
		if x := word(sel, w, lo, hi); x != 0 {
			return w*64 + bits.TrailingZeros64(x)
		}
	}
	return -1
}

// sumSelected adds up the world coordinates of the selected rows in [lo, hi).
func sumSelected(p *Points, sel []uint64, lo, hi int) (sx, sy float64) {
	if sel == nil {
		for r := lo; r < hi; r++ {
			sx += float64(p.X[r])
			sy += float64(p.Y[r])
		}
		return sx, sy
	}
	hi = min(hi, len(sel)*64)
	for w := lo / 64; lo < hi && w <= (hi-1)/64; w++ {
		for x := word(sel, w, lo, hi); x != 0; x &= x - 1 {
			r := w*64 + bits.TrailingZeros64(x)
			sx += float64(p.X[r])
			sy += float64(p.Y[r])
		}
	}
	return sx, sy
}

// Members appends the rows of the events it stands for to out, in row order: the
// selected rows in [it.Lo, it.Hi) that lie in it.Cells.
func Members(p *Points, sel []uint64, it Item, out []int32) []int32 {
	lo, hi := max(int(it.Lo), 0), min(int(it.Hi), p.Len())
	joined := bits.OnesCount16(it.Cells.Mask) > 1 // else every row in [Lo, Hi) is its own
	add := func(r int) {
		if !joined || it.Cells.has(p.Keys[r]) {
			out = append(out, int32(r))
		}
	}
	if sel == nil {
		for r := lo; r < hi; r++ {
			add(r)
		}
		return out
	}
	hi = min(hi, len(sel)*64)
	for w := lo / 64; lo < hi && w <= (hi-1)/64; w++ {
		for x := word(sel, w, lo, hi); x != 0; x &= x - 1 {
			add(w*64 + bits.TrailingZeros64(x))
		}
	}
	return out
}
