package render_test

import (
	"fmt"
	"image"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/overlay"
	"github.com/strikemap/strikemap/geo/render"
	"github.com/strikemap/strikemap/geo/view"
)

// events is a render.Events of n synthetic events around a few towns of Syria and Iraq,
// a share of them selected, as the desktop app's index gives them.
type events struct {
	points cluster.Points
	sel    []uint64
}

func newEvents(n int, share float64) *events {
	rng := rand.New(rand.NewPCG(uint64(n), 1))
	towns := []orb.Point{{39.01, 35.95}, {37.16, 36.2}, {36.29, 33.51}, {44.36, 33.31}, {43.13, 36.34}, {40.14, 35.34}}
	xs, ys := make([]float64, n), make([]float64, n)
	for i := range n {
		t := towns[rng.IntN(len(towns))]
		xs[i], ys[i] = view.WorldXY(orb.Point{t[0] + 0.3*rng.NormFloat64(), t[1] + 0.3*rng.NormFloat64()})
	}
	e := &events{}
	e.points, _ = cluster.NewPoints(xs, ys)
	if share < 1 {
		e.sel = make([]uint64, (n+63)/64)
		for r := range n {
			if rng.Float64() < share {
				e.sel[r/64] |= 1 << (r % 64)
			}
		}
	}
	return e
}

func (e *events) Points() *cluster.Points { return &e.points }
func (e *events) Selection() []uint64     { return e.sel }
func (e *events) Marker(row int) overlay.Marker {
	return overlay.Marker{ID: int64(row + 1), At: view.FromWorldXY(float64(e.points.X[row]), float64(e.points.Y[row])),
		Color: row%8 - 1, Shape: overlay.Shape(row % 6)}
}

func TestDrawKeepsItemsForHitTesting(t *testing.T) {
	ms := []overlay.Marker{{ID: 7, At: orb.Point{39.01, 35.95}}, {ID: 8, At: orb.Point{38.28, 34.56}}}
	r := render.NewRenderer()
	m := &render.Map{View: view.New(orb.Point{38.6, 35.2}, 8, 600, 400, 1), Events: overlay.NewSet(ms)}
	img := image.NewRGBA(image.Rect(0, 0, 600, 400))
	if err := r.Draw(img, m); err != nil {
		t.Fatal(err)
	}
	if len(r.Items()) != 2 {
		t.Fatalf("items %+v, want the two events", r.Items())
	}
	x, y := m.View.Pixel(ms[1].At)
	it, ok := cluster.Hit(r.Items(), x+2, y, 4, 1)
	if !ok || m.Events.Marker(int(it.Row)).ID != 8 {
		t.Errorf("hit %+v, %v; want event 8", it, ok)
	}
	m.Events = nil
	if err := r.Draw(img, m); err != nil || len(r.Items()) != 0 {
		t.Errorf("without events: %v, items %v", err, r.Items())
	}
}

// A warm renderer's frame allocates the same over a million events as over a thousand.
func TestDrawAllocationsDoNotGrowWithEvents(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts vary under the race detector")
	}
	allocs := map[int]float64{}
	for _, n := range []int{1000, 1_000_000} {
		r := render.NewRenderer()
		m := &render.Map{Events: newEvents(n, 0.3)}
		img := image.NewRGBA(image.Rect(0, 0, 1200, 800))
		for _, zoom := range []float64{4, 6, 8, 10, 14} {
			m.View = view.New(orb.Point{39, 35}, zoom, 1200, 800, 1)
			r.Draw(img, m) // warm the symbol caches
			allocs[n] += testing.AllocsPerRun(3, func() {
				if err := r.Draw(img, m); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
	if allocs[1_000_000] > allocs[1000] {
		t.Errorf("allocations per frame over the zooms: %v with a million events, %v with a thousand", allocs[1_000_000], allocs[1000])
	}
}

// BenchmarkDraw draws 1920×1080 frames, without a basemap, of a million events of which
// 30% are selected: clustering, overlay and furniture.
func BenchmarkDraw(b *testing.B) {
	e := newEvents(1_000_000, 0.3)
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	for _, zoom := range []float64{3, 6, 9, 12} {
		r := render.NewRenderer()
		m := &render.Map{View: view.New(orb.Point{39, 35.9}, zoom, 1920, 1080, 1), Events: e,
			Legend: &render.Legend{Title: "300,000 of 1,000,000 events", Actors: []render.Swatch{{Name: "a", Color: 0}, {Name: "b", Color: 1}}}}
		b.Run(fmt.Sprintf("zoom %v", zoom), func(b *testing.B) {
			if err := r.Draw(img, m); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				r.Draw(img, m)
			}
			b.ReportMetric(float64(len(r.Items())), "items")
		})
	}
}
