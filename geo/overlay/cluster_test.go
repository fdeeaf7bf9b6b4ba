package overlay_test

import (
	"testing"

	"github.com/paulmach/orb"
	"github.com/strikemap/strikemap/geo/overlay"
	"github.com/strikemap/strikemap/geo/view"
)

// raqqa and palmyra are 150 km apart: one cluster at zoom 4, apart at zoom 9.
var (
	raqqa   = orb.Point{39.01, 35.95}
	palmyra = orb.Point{38.28, 34.56}
)

func markersAt(pts ...orb.Point) []overlay.Marker {
	ms := make([]overlay.Marker, len(pts))
	for i, p := range pts {
		ms[i] = overlay.Marker{ID: int64(i + 1), At: p}
	}
	return ms
}

func TestCluster(t *testing.T) {
	near := func(p orb.Point, d float64) orb.Point { return orb.Point{p[0] + d, p[1] + d} }
	ms := markersAt(raqqa, near(raqqa, 0.01), near(raqqa, 0.02), palmyra, near(palmyra, 0.01), near(palmyra, 0.02))
	for name, tc := range map[string]struct {
		center orb.Point
		zoom   float64
		shown  int
		counts map[int]int // cluster size → how many items of that size
	}{
		"zoom 4: all in one":                   {orb.Point{38.6, 35.2}, 4, 6, map[int]int{6: 1}},
		"zoom 7: one per town":                 {orb.Point{38.6, 35.2}, 7, 6, map[int]int{3: 2}},
		"zoom 14: every marker in Raqqa alone": {near(raqqa, 0.01), 14, 3, map[int]int{1: 3}},
	} {
		t.Run(name, func(t *testing.T) {
			v := view.New(tc.center, tc.zoom, 1200, 800, 1)
			got := map[int]int{}
			seen := map[int]bool{}
			for _, it := range overlay.Cluster(ms, v, overlay.DefaultOptions) {
				got[it.Count()]++
				for _, m := range it.Members {
					if seen[m] {
						t.Errorf("marker %d in two items", m)
					}
					seen[m] = true
				}
			}
			if len(seen) != tc.shown {
				t.Errorf("%d markers drawn, want %d", len(seen), tc.shown)
			}
			for size, n := range tc.counts {
				if got[size] != n {
					t.Errorf("items by size %v, want %v", got, tc.counts)
				}
			}
		})
	}
}

func TestClusterLeavesOutWhatIsOffScreen(t *testing.T) {
	ms := markersAt(raqqa, orb.Point{-74, 40.7}) // Raqqa and New York
	v := view.New(raqqa, 8, 800, 600, 1)
	items := overlay.Cluster(ms, v, overlay.DefaultOptions)
	if len(items) != 1 || items[0].Members[0] != 0 {
		t.Errorf("items %+v, want Raqqa alone", items)
	}
}

func TestClustersStayPutWhilePanning(t *testing.T) {
	var ms []overlay.Marker
	for i := 0; i < 200; i++ {
		ms = append(ms, overlay.Marker{At: orb.Point{36 + float64(i%20)*0.2, 33 + float64(i/20)*0.3}})
	}
	v := view.New(orb.Point{38, 35}, 6, 1200, 800, 1)
	before := overlay.Cluster(ms, v, overlay.DefaultOptions)
	after := overlay.Cluster(ms, v.Pan(10, 7), overlay.DefaultOptions)
	key := func(items []overlay.Item) map[int]int {
		m := map[int]int{}
		for _, it := range items {
			m[it.Members[0]] = it.Count()
		}
		return m
	}
	b, a := key(before), key(after)
	for k, n := range b {
		if a[k] != n {
			t.Fatalf("panning 10 px regrouped the markers: %v became %v", b, a)
		}
	}
}

func TestHit(t *testing.T) {
	items := []overlay.Item{{X: 100, Y: 100, Members: []int{0}}, {X: 300, Y: 300, Members: []int{1, 2, 3, 4}}, {X: 106, Y: 100, Members: []int{5, 6, 7}}}
	for name, tc := range map[string]struct {
		x, y float64
		want int // first member of the item hit, -1 for none
	}{
		"on the marker":              {100, 100, 0},
		"inside the bubble":          {310, 300, 1},
		"nothing there":              {200, 200, -1},
		"single drawn over a bubble": {104, 100, 0},
		"bubble beside a single":     {116, 100, 5},
	} {
		t.Run(name, func(t *testing.T) {
			it, ok := overlay.Hit(items, tc.x, tc.y, 3, 1)
			got := -1
			if ok {
				got = it.Members[0]
			}
			if got != tc.want {
				t.Errorf("hit %d, want %d", got, tc.want)
			}
		})
	}
}

func TestShapeFor(t *testing.T) {
	for target, want := range map[string]overlay.Shape{
		"market": overlay.ShapeCircle, "bridge": overlay.ShapeSquare, "convoy": overlay.ShapeDiamond,
		"military position": overlay.ShapeTriangle, "command centre": overlay.ShapeStar,
		"unknown": overlay.ShapeRing, "a goat farm": overlay.ShapeRing,
	} {
		if got := overlay.ShapeFor(target); got != want {
			t.Errorf("ShapeFor(%q) = %v, want %v", target, got, want)
		}
	}
}
