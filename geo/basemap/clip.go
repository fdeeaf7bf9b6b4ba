package basemap

// x/image/vector walks every row between a segment's ends, even rows far
// above the canvas, and its fixed-point maths overflows for coordinates
// in the millions that deep zooms produce. So rings are clipped to the
// tile (grown by a pixel) before they reach it: Sutherland–Hodgman
// against each edge, then runs of points along one edge collapsed, as
// they add nothing but up-and-down motion outside the canvas.

// fpt is a point in tile pixels.
type fpt struct{ X, Y float64 }

// clipper clips closed rings to a square, reusing its buffers.
type clipper struct {
	a, b []fpt
}

// clip returns ring clipped to [lo, hi]², in a buffer valid until the next
// call. The ring is implicitly closed.
func (c *clipper) clip(ring []fpt, lo, hi float64) []fpt {
	in := ring
	bufs := [2]*[]fpt{&c.a, &c.b}
	for edge := range 4 {
		dst := bufs[edge%2]
		*dst = clipEdge((*dst)[:0], in, edge, lo, hi)
		in = *dst
		if len(in) < 3 {
			return nil
		}
	}
	return collapse(in, lo, hi)
}

// clipEdge keeps the part of ring inside one edge of the square: edge 0
// x ≥ lo, 1 x ≤ hi, 2 y ≥ lo, 3 y ≤ hi. Crossing points are set exactly on
// the edge so collapse can recognise them.
func clipEdge(out, ring []fpt, edge int, lo, hi float64) []fpt {
	inside := func(p fpt) bool {
		switch edge {
		case 0:
			return p.X >= lo
		case 1:
			return p.X <= hi
		case 2:
			return p.Y >= lo
		}
		return p.Y <= hi
	}
	cross := func(p, q fpt) fpt {
		switch edge {
		case 0, 1:
			v := lo
			if edge == 1 {
				v = hi
			}
			return fpt{v, p.Y + (q.Y-p.Y)*(v-p.X)/(q.X-p.X)}
		}
		v := lo
		if edge == 3 {
			v = hi
		}
		return fpt{p.X + (q.X-p.X)*(v-p.Y)/(q.Y-p.Y), v}
	}
	prev := ring[len(ring)-1]
	prevIn := inside(prev)
	for _, p := range ring {
		pIn := inside(p)
		if pIn != prevIn {
			out = append(out, cross(prev, p))
		}
		if pIn {
			out = append(out, p)
		}
		prev, prevIn = p, pIn
	}
	return out
}

// collapse drops, in place, each point that lies on one edge line of the
// square together with the points before and after it.
func collapse(ring []fpt, lo, hi float64) []fpt {
	same := func(a, b, c fpt) bool {
		return (a.X == lo && b.X == lo && c.X == lo) || (a.X == hi && b.X == hi && c.X == hi) ||
			(a.Y == lo && b.Y == lo && c.Y == lo) || (a.Y == hi && b.Y == hi && c.Y == hi)
	}
	out := ring[:1]
	for i := 1; i < len(ring)-1; i++ {
		if same(out[len(out)-1], ring[i], ring[i+1]) {
			continue
		}
		out = append(out, ring[i])
	}
	return append(out, ring[len(ring)-1])
}
