package cluster

import (
	"math"
	"slices"

	"github.com/strikemap/strikemap/geo/view"
)

// Options tune clustering. Lengths are in pixels at device scale 1; Query multiplies
// them by the viewport's Scale, so clusters look alike on every screen.
type Options struct {
	CellPx     float64 // the grid's cell edge is CellPx to 2·CellPx; a cell's events form one cluster
	MaxZoom    float64 // from this zoom on, every event stands alone
	MarginPx   float64 // cells this far outside the viewport still count, so edge clusters don't flicker
	MinCluster int     // a cell with fewer selected events than this shows them one by one
}

// DefaultOptions are the clustering settings of the map view.
var DefaultOptions = Options{CellPx: 64, MaxZoom: 13, MarginPx: 64, MinCluster: 3}

// Item is what the overlay shows at one spot: one event or a cluster.
type Item struct {
	X, Y   float64 // device pixels in the viewport
	Count  int     // selected events it stands for
	Row    int32   // Count == 1: the event's row; else the first selected row
	Lo, Hi int32   // the rows holding its members: the selected rows in [Lo, Hi) of Cells
	Cells  Cells   // the cells a cluster's members come from; Members reads them
}

// Cells names the quadtree cells a cluster's members come from: a block of up to 4×4
// cells at Level whose top-left cell is (X, Y), bit 4·dy+dx of Mask standing for cell
// (X+dx, Y+dy), x wrapping around the world. A cluster of one cell has Mask 1 and all of
// its rows in [Lo, Hi); a single event has Mask 0.
type Cells struct {
	X, Y  uint32
	Level uint8
	Mask  uint16
}

// minCellPx bounds how fine a grid Query lays, so that a tiny CellPx cannot make it
// visit millions of cells.
const minCellPx = 8

// A cluster is placed by adding up its points one by one, a nanosecond or two each,
// unless they are packed denser than densePerPixel to the pixel: then it is split into
// quarters, down to quarters under a pixel wide, whose centres stand for their points;
// that costs a popcount per 64 rows and a few binary searches per quarter, however many
// points there are. Below exactCount points adding up is always cheaper.
const (
	exactCount    = 256
	densePerPixel = 4
)

// Query appends to out[:0] the items of viewport v and returns it. sel is a bitset over
// the rows of p (nil selects every row). Cells are quadtree cells at the level whose edge
// is CellPx to 2·CellPx, laid on the world rather than the viewport, so clusters stay put
// while panning. Cells meeting the viewport widened by MarginPx count whole. A cell with
// fewer than MinCluster selected points, and every cell from MaxZoom on, gives single
// items, those within the margin; the others give clusters, and clusters whose bubbles
// (of Radius) would overlap are joined, up to blocks of 4×4 cells. A cluster sits at the
// mean of its selected points. Where the view is wider than the world each point is
// shown once. Query allocates only when out must grow.
func Query(p *Points, sel []uint64, v view.Viewport, o Options, out []Item) []Item {
	out = out[:0]
	if p == nil || p.Len() == 0 {
		return out
	}
	v = v.Clamp()
	g := newGrid(v, o)
	alone := v.Zoom >= o.MaxZoom
	minCluster := max(o.MinCluster, 2)
	for cy := g.y0; cy <= g.y1; cy++ {
		for i := g.x0; i <= g.x1; i++ {
			cx := (i%g.n + g.n) % g.n
			shift := float64((i - cx) / g.n) // which copy of the world, east or west
			lo, hi := CellRange(g.level, uint32(cx), uint32(cy))
			a, b := rowsOf(p.Keys, lo, hi)
			if a == b {
				continue
			}
			count := selectedIn(sel, a, b)
			switch {
			case count == 0:
			case alone || count < minCluster:
				out = g.singles(out, p, sel, a, b, shift)
			default:
				sx, sy := g.weigh(p, sel, a, b, count, g.level, uint32(cx), uint32(cy))
				x, y := g.pixel(sx/float64(count)+shift, sy/float64(count))
				out = append(out, Item{X: x, Y: y, Count: count, Row: int32(firstSelected(sel, a, b)),
					Lo: int32(a), Hi: int32(b), Cells: Cells{uint32(cx), uint32(cy), uint8(g.level), 1}})
			}
		}
	}
	if alone {
		return out
	}
	return g.merge(out, v.Scale)
}

// grid is the quadtree level a query clusters at and the cells of the view.
type grid struct {
	level, leaf    int     // the cells' level; the level where a cell is under a pixel wide
	n              int64   // cells along each axis
	size, edge     float64 // the world's and a cell's edge in device pixels
	ox, oy         float64 // the viewport's top-left corner in world pixels
	x0, x1, y0, y1 int64   // the cells covered, inclusive; x may run past the world's edges
	minX, minY     float64 // the viewport widened by the margin, in viewport pixels
	maxX, maxY     float64
}

func newGrid(v view.Viewport, o Options) grid {
	var g grid
	g.size = v.WorldSize()
	cellPx := o.CellPx
	if !(cellPx >= minCellPx) { // also NaN
		cellPx = minCellPx
	}
	g.level = max(0, min(KeyBits, int(math.Floor(math.Log2(g.size/(cellPx*v.Scale))))))
	g.leaf = max(g.level, min(KeyBits, int(math.Floor(math.Log2(g.size)))+1))
	g.n = int64(1) << g.level
	g.edge = g.size / float64(g.n)
	w, h := float64(v.Width), float64(v.Height)
	cx, cy := view.WorldXY(v.Center)
	g.ox, g.oy = cx*g.size-w/2, cy*g.size-h/2
	m := 0.0
	if o.MarginPx > 0 {
		m = min(o.MarginPx*v.Scale, max(w, h)) // a margin wider than the view only costs time
	}
	g.minX, g.minY, g.maxX, g.maxY = -m, -m, w+m, h+m
	g.x0 = int64(math.Floor((g.ox - m) / g.edge))
	g.x1 = int64(math.Floor((g.ox + w + m) / g.edge))
	if g.x1-g.x0 >= g.n { // wider than the world: each column once, around the centre
		g.x0 = int64(math.Floor(cx*g.size/g.edge)) - g.n/2
		g.x1 = g.x0 + g.n - 1
	}
	g.y0 = max(0, int64(math.Floor((g.oy-m)/g.edge)))
	g.y1 = min(g.n-1, int64(math.Floor((g.oy+h+m)/g.edge)))
	return g
}

// pixel converts world coordinates to viewport pixels.
func (g *grid) pixel(wx, wy float64) (x, y float64) {
	return wx*g.size - g.ox, wy*g.size - g.oy
}

// singles appends an item for each selected row in [a, b) that lies within the margin.
func (g *grid) singles(out []Item, p *Points, sel []uint64, a, b int, shift float64) []Item {
	for r := firstSelected(sel, a, b); r >= 0; r = firstSelected(sel, r+1, b) {
		x, y := g.pixel(float64(p.X[r])+shift, float64(p.Y[r]))
		if x >= g.minX && x <= g.maxX && y >= g.minY && y <= g.maxY {
			out = append(out, Item{X: x, Y: y, Count: 1, Row: int32(r), Lo: int32(r), Hi: int32(r + 1)})
		}
	}
	return out
}

// weigh returns the sums of the world coordinates of the count selected rows in [a, b),
// which are the rows of cell (cx, cy) at level: exactly, unless the points are dense.
func (g *grid) weigh(p *Points, sel []uint64, a, b, count, level int, cx, cy uint32) (sx, sy float64) {
	if count <= exactCount || g.leaf-level > 20 || count <= densePerPixel<<(2*(g.leaf-level)) {
		return sumSelected(p, sel, a, b)
	}
	if level >= g.leaf {
		s := float64(count) / float64(uint64(1)<<level)
		return (float64(cx) + 0.5) * s, (float64(cy) + 0.5) * s
	}
	lo, _ := CellRange(level, cx, cy)
	quarter := uint64(1) << (2 * (KeyBits - level - 1))
	start := a
	for q := range uint32(4) {
		end := b
		if q < 3 {
			end, _ = slices.BinarySearch(p.Keys[start:b], lo+uint64(q+1)*quarter)
			end += start
		}
		if c := selectedIn(sel, start, end); c > 0 {
			x, y := g.weigh(p, sel, start, end, c, level+1, 2*cx+(q&1), 2*cy+(q>>1))
			sx, sy = sx+x, sy+y
		}
		start = end
	}
	return sx, sy
}

// rowsOf returns the rows [a, b) whose keys lie in [lo, hi].
func rowsOf(keys []uint64, lo, hi uint64) (a, b int) {
	a, _ = slices.BinarySearch(keys, lo)
	if hi == math.MaxUint64 {
		return a, len(keys)
	}
	b, _ = slices.BinarySearch(keys[a:], hi+1)
	return a, a + b
}
