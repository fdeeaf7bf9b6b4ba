package cluster

import (
	"math"
	"math/bits"
)

// A grid cell's cluster sits at its points' mean, so the clusters of two neighbouring
// cells lie close together wherever a town straddles the cells' edge, and their bubbles
// would cover each other. Joining such clusters keeps the map readable and a town in one
// bubble; a joined cluster names its cells, so that Members still finds its rows.

// merge joins the clusters among items whose bubbles overlap, until none that fit one
// block of cells do, and drops the clusters joined into others.
func (g *grid) merge(items []Item, scale float64) []Item {
	// A cell's place in a block is its column east of the block's, modulo the world's n
	// columns (see Cells.has): unambiguous while a block, 4 wide, is no wider than n.
	if g.n < 4 {
		return items
	}
	for joined := true; joined; {
		joined = false
		biggest := 0
		for i := range items {
			biggest = max(biggest, items[i].Count)
		}
		reach := 2 * Radius(biggest, scale) // no two bubbles are further apart and touch
		for s := range items {
			a := &items[s]
			for j := s + 1; j < len(items) && a.Count > 1; j++ {
				b := &items[j]
				dx, dy := a.X-b.X, a.Y-b.Y
				if b.Count < 2 || math.Abs(dx) >= reach || math.Abs(dy) >= reach {
					continue
				}
				if r := Radius(a.Count, scale) + Radius(b.Count, scale); dx*dx+dy*dy < r*r && g.join(a, b) {
					joined = true
				}
			}
		}
	}
	kept := items[:0]
	for _, it := range items {
		if it.Count > 0 {
			kept = append(kept, it)
		}
	}
	return kept
}

// join merges cluster b into a, leaving b empty, when their cells fit one block, and
// reports whether it did.
func (g *grid) join(a, b *Item) bool {
	n := uint64(g.n)
	dx := int64((uint64(b.Cells.X) - uint64(a.Cells.X)) & (n - 1)) // b's column east of a's, around the world
	if dx >= int64(n/2) {
		dx -= int64(n)
	}
	dy := int64(b.Cells.Y) - int64(a.Cells.Y)
	ox, oy := min(0, dx), min(0, dy)
	var mask uint16
	if !place(&mask, a.Cells.Mask, -ox, -oy) || !place(&mask, b.Cells.Mask, dx-ox, dy-oy) {
		return false
	}
	a.Cells.X = uint32(uint64(int64(a.Cells.X)+ox) & (n - 1))
	a.Cells.Y = uint32(int64(a.Cells.Y) + oy)
	a.Cells.Mask = mask
	na, nb := float64(a.Count), float64(b.Count)
	a.X, a.Y = (a.X*na+b.X*nb)/(na+nb), (a.Y*na+b.Y*nb)/(na+nb)
	a.Count += b.Count
	a.Row, a.Lo, a.Hi = min(a.Row, b.Row), min(a.Lo, b.Lo), max(a.Hi, b.Hi)
	*b = Item{}
	return true
}

// place adds the cells of a block's mask, moved by sx, sy ≥ 0, to m, and reports
// whether they all stay inside the block.
func place(m *uint16, mask uint16, sx, sy int64) bool {
	for rest := mask; rest != 0; rest &= rest - 1 {
		i := int64(bits.TrailingZeros16(rest))
		x, y := i%4+sx, i/4+sy
		if x >= 4 || y >= 4 {
			return false
		}
		*m |= 1 << (4*y + x)
	}
	return true
}

// has reports whether a key lies in one of the cells c names.
func (c Cells) has(key uint64) bool {
	shift := uint(2 * (KeyBits - int(c.Level)))
	cell := key >> shift
	if shift == 64 {
		cell = 0
	}
	mask := uint32(1)<<c.Level - 1 // wraps to all ones at level 32
	dx, dy := (compact(cell)-c.X)&mask, compact(cell>>1)-c.Y
	return dx < 4 && dy < 4 && c.Mask&(1<<(4*dy+dx)) != 0
}
