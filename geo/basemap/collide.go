package basemap

import "math"

// rect is an axis-aligned box in world pixels: min x, min y, max x, max y.
type rect [4]float64

func (b rect) grow(d float64) rect { return rect{b[0] - d, b[1] - d, b[2] + d, b[3] + d} }

func (b rect) union(o rect) rect {
	return rect{min(b[0], o[0]), min(b[1], o[1]), max(b[2], o[2]), max(b[3], o[3])}
}

// cellKey packs grid cell or tile coordinates into a map key; they may
// be slightly negative for labels over the world's west edge.
func cellKey(x, y int) uint64 { return uint64(uint32(int32(x)))<<32 | uint64(uint32(int32(y))) }

// cellSize is larger than most labels, so a box touches one to four cells.
const cellSize = 128

// collider finds overlaps among placed boxes with a uniform hash grid.
// Each cell holds a linked list threaded through one slice, because a map
// of small slices cost a hundred megabytes of garbage at zoom 12.
type collider struct {
	boxes []rect
	head  map[uint64]int32 // cell → index+1 of its first entry
	links []link
}

type link struct{ box, next int32 } // next is an index+1, 0 ending the list

// newCollider returns a collider sized for about n boxes: growing slices
// of a hundred thousand boxes by appending alone made most of placement's
// garbage.
func newCollider(n int) *collider {
	return &collider{boxes: make([]rect, 0, n), head: make(map[uint64]int32, n), links: make([]link, 0, 2*n)}
}

func cells(b rect, size float64) (x0, y0, x1, y1 int) {
	return int(math.Floor(b[0] / size)), int(math.Floor(b[1] / size)), int(math.Floor(b[2] / size)), int(math.Floor(b[3] / size))
}

func (c *collider) hits(b rect) bool {
	x0, y0, x1, y1 := cells(b, cellSize)
	for cy := y0; cy <= y1; cy++ {
		for cx := x0; cx <= x1; cx++ {
			for e := c.head[cellKey(cx, cy)]; e != 0; e = c.links[e-1].next {
				o := c.boxes[c.links[e-1].box]
				if b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3] {
					return true
				}
			}
		}
	}
	return false
}

func (c *collider) add(b rect) {
	i := int32(len(c.boxes))
	c.boxes = append(c.boxes, b)
	x0, y0, x1, y1 := cells(b, cellSize)
	for cy := y0; cy <= y1; cy++ {
		for cx := x0; cx <= x1; cx++ {
			k := cellKey(cx, cy)
			c.links = append(c.links, link{box: i, next: c.head[k]})
			c.head[k] = int32(len(c.links))
		}
	}
}

// tileIndex lists, per tile, the labels that reach into it, in placement
// order. The lists share one flat slice: per-tile appends would cost an
// allocation each, and sorting the pairs instead took a quarter of
// placement's time.
type tileIndex map[uint64][]int32

type tilePair struct {
	tile  uint64
	label int32
}

// pairsFor appends the tiles box b reaches to pairs.
func pairsFor(pairs []tilePair, label int32, b rect, tileSize float64) []tilePair {
	x0, y0, x1, y1 := cells(b, tileSize)
	for ty := y0; ty <= y1; ty++ {
		for tx := x0; tx <= x1; tx++ {
			pairs = append(pairs, tilePair{cellKey(tx, ty), label})
		}
	}
	return pairs
}

func newTileIndex(pairs []tilePair) tileIndex {
	counts := map[uint64]int{}
	for _, p := range pairs {
		counts[p.tile]++
	}
	flat := make([]int32, len(pairs))
	idx := make(tileIndex, len(counts))
	off := 0
	for t, n := range counts {
		idx[t] = flat[off : off : off+n]
		off += n
	}
	for _, p := range pairs {
		idx[p.tile] = append(idx[p.tile], p.label)
	}
	return idx
}
