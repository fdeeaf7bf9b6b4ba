package cluster_test

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/view"
)

// TestQueryAgainstBruteForce checks Query on random points, selections and viewports
// against what a look at every point says: each selected point in view is in exactly
// one item, counts are those of the points' cells, clusters sit at their members' mean.
func TestQueryAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	p, _ := towns(20000, 40, 5)
	for i := range 120 {
		share := []float64{0, 0.01, 0.3, 0.9, 1}[i%5]
		var sel []uint64
		if share < 1 {
			sel = randomSelection(rng, p.Len(), share)
		}
		th := theatres[rng.IntN(len(theatres))]
		v := view.New(randomIn(rng, th), 2+12*rng.Float64(), 200+rng.IntN(1800), 200+rng.IntN(1000), []float64{1, 1.5, 2}[rng.IntN(3)])
		t.Run(fmt.Sprintf("%d share %.2f z%.1f", i, share, v.Zoom), func(t *testing.T) {
			checkQuery(t, &p, sel, v, cluster.DefaultOptions)
		})
	}
}

// Where a cell holds more points than its pixels, Query places clusters from the counts
// of sub-cells instead of adding up every point; they must still sit at the mean.
func TestQueryDensePoints(t *testing.T) {
	p, town := towns(200_000, 3, 11)
	rng := rand.New(rand.NewPCG(5, 6))
	for _, zoom := range []float64{1.5, 3, 4.2, 6} {
		for _, share := range []float64{0.5, 1} {
			var sel []uint64
			if share < 1 {
				sel = randomSelection(rng, p.Len(), share)
			}
			t.Run(fmt.Sprintf("zoom %v share %v", zoom, share), func(t *testing.T) {
				checkQuery(t, &p, sel, view.New(town, zoom, 1200, 800, 1), cluster.DefaultOptions)
			})
		}
	}
}

func checkQuery(t *testing.T, p *cluster.Points, sel []uint64, v view.Viewport, o cluster.Options) {
	t.Helper()
	items := cluster.Query(p, sel, v, o, nil)
	size := v.WorldSize()
	level := int(math.Floor(math.Log2(size / (o.CellPx * v.Scale))))
	shift := uint(2 * (cluster.KeyBits - level))
	selected := func(r int) bool { return sel == nil || sel[r/64]&(1<<(r%64)) != 0 }
	perCell := map[uint64]int{}
	for r := range p.Len() {
		if selected(r) {
			perCell[p.Keys[r]>>shift]++
		}
	}
	// pixel is where the viewport draws row r; mod compares x across copies of the world.
	pixel := func(wx, wy float64) (float64, float64) { return v.Pixel(view.FromWorldXY(wx, wy)) }
	near := func(x0, y0, x1, y1 float64) bool {
		dx := math.Mod(math.Abs(x0-x1)+size/2, size) - size/2
		return math.Abs(dx) < 1 && math.Abs(y0-y1) < 1
	}
	seen := map[int32]bool{}
	for _, it := range items {
		ms := cluster.Members(p, sel, it, nil)
		if len(ms) != it.Count || it.Count == 0 || ms[0] != it.Row {
			t.Fatalf("item %+v: members %v", it, ms)
		}
		var sx, sy float64
		for _, r := range ms {
			if seen[r] {
				t.Fatalf("row %d in two items", r)
			}
			seen[r] = true
			// Across the antimeridian, x is taken beside the first member's.
			x := float64(p.X[r])
			x -= math.Round(x - float64(p.X[ms[0]]))
			sx, sy = sx+x, sy+float64(p.Y[r])
		}
		n := float64(it.Count)
		if x, y := pixel(sx/n, sy/n); !near(x, y, it.X, it.Y) {
			t.Errorf("item of %d at %.1f,%.1f, its members' mean at %.1f,%.1f", it.Count, it.X, it.Y, x, y)
		}
		if it.Count > 1 && (it.Count < o.MinCluster || v.Zoom >= o.MaxZoom) {
			t.Errorf("cluster of %d at zoom %.1f", it.Count, v.Zoom)
		}
		if it.Count == 1 && v.Zoom < o.MaxZoom && perCell[p.Keys[it.Row]>>shift] >= o.MinCluster {
			t.Errorf("row %d alone in a cell of %d", it.Row, perCell[p.Keys[it.Row]>>shift])
		}
		if it.Count > 1 {
			// A cluster is the whole of the cells it names.
			cells := map[uint64]bool{}
			for _, r := range ms {
				cells[p.Keys[r]>>shift] = true
			}
			sum := 0
			for c := range cells {
				sum += perCell[c]
			}
			if sum != it.Count || len(cells) != bits.OnesCount16(it.Cells.Mask) {
				t.Errorf("cluster of %d from %d cells holding %d, mask %016b", it.Count, len(cells), sum, it.Cells.Mask)
			}
		}
	}
	for i, a := range items {
		for _, b := range items[i+1:] {
			r := cluster.Radius(a.Count, v.Scale) + cluster.Radius(b.Count, v.Scale)
			if a.Count > 1 && b.Count > 1 && math.Hypot(a.X-b.X, a.Y-b.Y) < r && level >= 2 && fitsBlock(a.Cells, b.Cells) {
				t.Errorf("clusters of %d and %d overlap: %.0f,%.0f and %.0f,%.0f", a.Count, b.Count, a.X, a.Y, b.X, b.Y)
			}
		}
	}
	for r := range p.Len() {
		x, y := pixel(float64(p.X[r]), float64(p.Y[r]))
		in := x >= 0 && y >= 0 && x <= float64(v.Width) && y <= float64(v.Height)
		if in && selected(r) && !seen[int32(r)] {
			t.Fatalf("row %d at %.1f,%.1f is in view and in no item", r, x, y)
		}
		if seen[int32(r)] && !selected(r) {
			t.Fatalf("row %d is not selected but shown", r)
		}
	}
}

// fitsBlock reports whether the cells of a and b fit in one block of 4×4.
func fitsBlock(a, b cluster.Cells) bool {
	x0, y0, x1, y1 := math.MaxInt, math.MaxInt, math.MinInt, math.MinInt
	for _, c := range []cluster.Cells{a, b} {
		for i := range 16 {
			if c.Mask&(1<<i) != 0 {
				x, y := int(c.X)+i%4, int(c.Y)+i/4
				x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
			}
		}
	}
	return x1-x0 < 4 && y1-y0 < 4
}

// points builds Points at longitudes and latitudes.
func points(lls ...orb.Point) *cluster.Points {
	p, _ := pointsPerm(lls...)
	return p
}

// pointsPerm builds Points at longitudes and latitudes and says which row is which.
func pointsPerm(lls ...orb.Point) (*cluster.Points, []int32) {
	xs, ys := make([]float64, len(lls)), make([]float64, len(lls))
	for i, ll := range lls {
		xs[i], ys[i] = view.WorldXY(ll)
	}
	p, perm := cluster.NewPoints(xs, ys)
	return &p, perm
}

// selecting returns the bitset of the rows of the given points.
func selecting(perm []int32, points ...int32) []uint64 {
	sel := make([]uint64, (len(perm)+63)/64)
	for r, i := range perm {
		if slices.Contains(points, i) {
			sel[r/64] |= 1 << (r % 64)
		}
	}
	return sel
}

// raqqa and palmyra are 150 km apart: one cluster at zoom 4, apart at zoom 9.
var (
	raqqa   = orb.Point{39.01, 35.95}
	palmyra = orb.Point{38.28, 34.56}
)

func TestQueryGroups(t *testing.T) {
	near := func(p orb.Point, d float64) orb.Point { return orb.Point{p[0] + d, p[1] + d} }
	p, perm := pointsPerm(raqqa, near(raqqa, 0.01), near(raqqa, 0.02), palmyra, near(palmyra, 0.01), near(palmyra, 0.02))
	for name, tc := range map[string]struct {
		center orb.Point
		zoom   float64
		sel    []uint64
		counts map[int]int // cluster size → how many items of that size
	}{
		"zoom 4: all in one":                   {orb.Point{38.6, 35.2}, 4, nil, map[int]int{6: 1}},
		"zoom 7: one per town":                 {orb.Point{38.6, 35.2}, 7, nil, map[int]int{3: 2}},
		"zoom 7, two of Palmyra selected":      {orb.Point{38.6, 35.2}, 7, selecting(perm, 0, 1, 2, 3, 4), map[int]int{3: 1, 1: 2}},
		"zoom 14: every marker in Raqqa alone": {near(raqqa, 0.01), 14, nil, map[int]int{1: 3}},
		"nothing selected":                     {orb.Point{38.6, 35.2}, 7, []uint64{0}, map[int]int{}},
	} {
		t.Run(name, func(t *testing.T) {
			v := view.New(tc.center, tc.zoom, 1200, 800, 1)
			got := map[int]int{}
			for _, it := range cluster.Query(p, tc.sel, v, cluster.DefaultOptions, nil) {
				got[it.Count]++
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.counts) {
				t.Errorf("items by size %v, want %v", got, tc.counts)
			}
		})
	}
}

func TestQueryLeavesOutWhatIsOffScreen(t *testing.T) {
	p := points(raqqa, orb.Point{-74, 40.7}) // Raqqa and New York
	v := view.New(raqqa, 8, 800, 600, 1)
	items := cluster.Query(p, nil, v, cluster.DefaultOptions, nil)
	if len(items) != 1 || math.Abs(items[0].X-400) > 0.01 || math.Abs(items[0].Y-300) > 0.01 {
		t.Errorf("items %+v, want Raqqa alone in the middle", items)
	}
}

func TestClustersStayPutWhilePanning(t *testing.T) {
	var lls []orb.Point
	for i := range 200 {
		lls = append(lls, orb.Point{36 + float64(i%20)*0.2, 33 + float64(i/20)*0.3})
	}
	p := points(lls...)
	v := view.New(orb.Point{38, 35}, 6, 1200, 800, 1)
	key := func(items []cluster.Item) map[int32]int {
		m := map[int32]int{}
		for _, it := range items {
			m[it.Row] = it.Count
		}
		return m
	}
	before := key(cluster.Query(p, nil, v, cluster.DefaultOptions, nil))
	after := key(cluster.Query(p, nil, v.Pan(10, 7), cluster.DefaultOptions, nil))
	for k, n := range before {
		if after[k] != n {
			t.Fatalf("panning 10 px regrouped the markers: %v became %v", before, after)
		}
	}
}

// Fiji straddles the antimeridian: events on both sides show beside each other, in one
// cluster where their bubbles would overlap.
func TestQueryAcrossTheAntimeridian(t *testing.T) {
	var lls []orb.Point
	for i := range 40 {
		lls = append(lls, orb.Point{179.5 + float64(i)*0.025, -17})
	}
	p := points(lls...) // the second half wraps to -180..-179.5
	for zoom, want := range map[float64]int{0: 1, 6: 1, 9: 6} {
		v := view.New(orb.Point{180, -17}, zoom, 1000, 600, 1)
		checkQuery(t, p, nil, v, cluster.DefaultOptions)
		items := cluster.Query(p, nil, v, cluster.DefaultOptions, nil)
		for _, it := range items {
			if it.X < 0 || it.X > 1000 {
				t.Errorf("zoom %v: item of %d at x %.0f, off screen", zoom, it.Count, it.X)
			}
		}
		if len(items) != want {
			t.Errorf("zoom %v: %d items, want %d", zoom, len(items), want)
		}
	}
}

// A world narrower than the view shows each event once, not once per copy.
func TestQueryWiderThanTheWorld(t *testing.T) {
	p := points(raqqa, palmyra, orb.Point{-74, 40.7}, orb.Point{151.2, -33.9}, orb.Point{-179.9, 0})
	v := view.New(orb.Point{0, 0}, 0, 1920, 1080, 1)
	checkQuery(t, p, nil, v, cluster.Options{CellPx: 8, MaxZoom: 13, MarginPx: 64, MinCluster: 3})
}

func TestQueryBadInput(t *testing.T) {
	p := points(raqqa, palmyra)
	v := view.New(raqqa, 5, 800, 600, 1)
	for name, tc := range map[string]struct {
		p   *cluster.Points
		sel []uint64
		o   cluster.Options
	}{
		"no points":                {nil, nil, cluster.DefaultOptions},
		"empty points":             {&cluster.Points{}, nil, cluster.DefaultOptions},
		"selection too short":      {p, []uint64{}, cluster.DefaultOptions},
		"zero options":             {p, nil, cluster.Options{}},
		"NaN cell":                 {p, nil, cluster.Options{CellPx: math.NaN(), MarginPx: math.Inf(1)}},
		"negative margin and cell": {p, nil, cluster.Options{CellPx: -5, MarginPx: -5, MinCluster: -1, MaxZoom: 20}},
	} {
		t.Run(name, func(t *testing.T) {
			for _, it := range cluster.Query(tc.p, tc.sel, v, tc.o, nil) {
				if it.Count < 1 || math.IsNaN(it.X) {
					t.Errorf("item %+v", it)
				}
			}
		})
	}
}

// Once out has room, a query allocates nothing, however many points it looks at.
func TestQueryAllocatesNothing(t *testing.T) {
	p, town := towns(100000, 50, 9)
	sel := randomSelection(rand.New(rand.NewPCG(1, 1)), p.Len(), 0.3)
	for _, zoom := range []float64{3, 9, 14} {
		v := view.New(town, zoom, 1920, 1080, 1)
		out := cluster.Query(&p, sel, v, cluster.DefaultOptions, nil)
		if n := testing.AllocsPerRun(5, func() { out = cluster.Query(&p, sel, v, cluster.DefaultOptions, out) }); n != 0 {
			t.Errorf("zoom %v: %v allocations per query", zoom, n)
		}
	}
}
