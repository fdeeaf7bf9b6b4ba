package basemap

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/image/font/sfnt"

	"github.com/strikemap/strikemap/geo/paint"
	"github.com/strikemap/strikemap/geo/places"
	"github.com/strikemap/strikemap/geo/view"
)

// Labels are placed once per zoom for the whole world, not per tile. A
// tile then draws every label that touches it, including the halves of
// labels that straddle its edge, and its neighbour draws the other half of
// the same label at the same spot, so labels join seamlessly across tiles.
// Placing per tile would either cut labels at tile edges or drop every
// label near an edge, leaving bare strips in a regular grid; placing per
// tile with a margin can still disagree with the neighbour when a chain of
// collisions crosses the margin. The price is one pass over the candidate
// places the first time a zoom is drawn (all 138,000 from zoom 9 on: about
// 0.15 s and 60 MB of garbage; zoom 6 takes 12 ms), after which the layout
// is kept for the six zooms most recently used.

// label is one placed label, in world pixels at device scale 1.
type label struct {
	text    string
	style   textStyle
	x, y    float64 // baseline start
	dotX    float64 // town dot centre; dot 0 for a country name
	dotY    float64
	dot     float64 // radius
	capital bool
}

// placement is every label of one zoom and which tiles each touches.
type placement struct {
	labels []label
	byTile tileIndex
}

// placements keeps the label layouts of the zooms most recently drawn;
// one for zoom 12 takes about 10 MB, so not every zoom is kept forever.
var (
	placementsMu sync.Mutex
	placements   = must(lru.New[int, func() (*placement, error)](6))
)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// placementFor returns zoom z's labels, placing them on first use. Only
// one goroutine places a zoom; others wait for it.
func placementFor(z int) (*placement, error) {
	placementsMu.Lock()
	f, ok := placements.Get(z)
	if !ok {
		f = sync.OnceValues(func() (*placement, error) { return place(z) })
		placements.Add(z, f)
	}
	placementsMu.Unlock()
	return f()
}

// ranked is every place in label priority order: the national capital
// and then division seats first, then by population.
var ranked = sync.OnceValue(func() []int32 {
	all := places.All()
	idx := make([]int32, len(all))
	for i := range idx {
		idx[i] = int32(i)
	}
	score := func(p places.Place) float64 {
		switch p.Feature {
		case "PPLC":
			return float64(p.Population) * 8
		case "PPLA":
			return float64(p.Population) * 3
		}
		return float64(p.Population)
	}
	slices.SortStableFunc(idx, func(a, b int32) int { return cmp.Compare(score(all[b]), score(all[a])) })
	return idx
})

// labelGap is the clear space kept around every label and dot, so the map
// breathes instead of tiling itself with text.
const labelGap = 4

// place lays out zoom z's labels: country names first where the country
// is large enough to hold its name, then towns in rank order, each in the
// first of four spots around its dot that is clear of everything placed.
func place(z int) (*placement, error) {
	world := float64(view.TileSize) * math.Exp2(float64(z))
	all := places.All()
	minPop := minPopulation(z)
	candidate := func(p *places.Place) bool {
		seat := p.Feature == "PPLA" || p.Feature == "PPLC"
		return p.Population >= minPop || (seat && z >= 5)
	}
	n := 300 // country names
	for i := range all {
		if candidate(&all[i]) {
			n++
		}
	}
	col := newCollider(2 * n)
	pl := &placement{labels: make([]label, 0, n)}
	pairs := make([]tilePair, 0, 2*n)
	measurers := map[textStyle]*measurer{}
	measure := func(s textStyle) (*measurer, error) {
		if m, ok := measurers[s]; ok {
			return m, nil
		}
		m, err := newMeasurer(s)
		measurers[s] = m
		return m, err
	}
	add := func(l label, b rect) {
		// The tiles a label touches, with room for antialiasing.
		pairs = pairsFor(pairs, int32(len(pl.labels)), b.grow(3), view.TileSize)
		pl.labels = append(pl.labels, l)
	}

	if z >= 2 && z <= 7 {
		w, err := worldFor(z)
		if err != nil {
			return nil, err
		}
		for _, c := range w.labels {
			s := countryStyle(c.area)
			m, err := measure(s)
			if err != nil {
				return nil, err
			}
			text := strings.ToUpper(c.name)
			tw := m.width(text)
			x, y := float64(c.at.X)/gridSize*world, float64(c.at.Y)/gridSize*world
			// A country's width on screen, roughly: the side of a square of
			// its area, widened by Mercator's stretch at its latitude.
			lat := view.FromWorldXY(0, y/world)[1]
			if tw > 1.3*math.Sqrt(c.area)*world/360/math.Cos(lat*math.Pi/180) {
				continue
			}
			asc, desc := m.capH, m.descent
			b := rect{x - tw/2, y - asc/2 - 1, x + tw/2, y + asc/2 + desc/2}
			if col.hits(b.grow(labelGap)) {
				continue
			}
			col.add(b.grow(labelGap))
			add(label{text: text, style: s, x: x - tw/2, y: y + asc/2}, b.grow(s.halo))
		}
	}

	var buf sfnt.Buffer
	for _, i := range ranked() {
		p := &all[i]
		if !candidate(p) {
			continue
		}
		seat := p.Feature == "PPLA" || p.Feature == "PPLC"
		s, r := townStyle(p.Population, seat)
		m, err := measure(s)
		if err != nil {
			return nil, err
		}
		wx, wy := view.WorldXY([2]float64{p.Lon, p.Lat})
		dx, dy := wx*world, wy*world
		dotBox := rect{dx - r - 1, dy - r - 1, dx + r + 1, dy + r + 1}
		if col.hits(dotBox) {
			continue
		}
		f, err := paint.Font(s.bold)
		if err != nil {
			return nil, err
		}
		text := displayName(p.Name, f, &buf)
		if text == "" {
			continue
		}
		tw := m.width(text)
		capH, desc := m.capH, m.descent
		// Right of the dot, left of it, above, below: the usual order of
		// preference in cartography, reading on from the point.
		for _, at := range [4][2]float64{
			{dx + r + 3, dy + capH/2},
			{dx - r - 3 - tw, dy + capH/2},
			{dx - tw/2, dy - r - 3 - desc},
			{dx - tw/2, dy + r + 3 + capH},
		} {
			b := rect{at[0], at[1] - capH - 1, at[0] + tw, at[1] + desc}
			if col.hits(b.grow(labelGap)) {
				continue
			}
			col.add(b.grow(labelGap))
			col.add(dotBox.grow(labelGap))
			add(label{text: text, style: s, x: at[0], y: at[1], dotX: dx, dotY: dy, dot: r, capital: p.Feature == "PPLC"},
				b.union(dotBox).grow(s.halo))
			break
		}
	}
	pl.byTile = newTileIndex(pairs)
	return pl, nil
}
