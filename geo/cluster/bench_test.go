package cluster_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/view"
)

// BenchmarkQuery clusters a million events around 300 towns, 30% of them selected, in a
// 1920×1080 view: the whole region at zoom 3, Syria at 6, the biggest town at 9 and 12.
func BenchmarkQuery(b *testing.B) {
	p, town := towns(1_000_000, 300, 1)
	sel := randomSelection(rand.New(rand.NewPCG(2, 2)), p.Len(), 0.3)
	for _, tc := range []struct {
		zoom   float64
		center orb.Point
	}{{3, orb.Point{40, 33}}, {6, orb.Point{38.5, 35}}, {9, town}, {12, town}} {
		v := view.New(tc.center, tc.zoom, 1920, 1080, 1)
		for _, s := range []struct {
			name string
			sel  []uint64
		}{{"30%", sel}, {"all", nil}} {
			b.Run(fmt.Sprintf("zoom %v %s", tc.zoom, s.name), func(b *testing.B) {
				out := cluster.Query(&p, s.sel, v, cluster.DefaultOptions, nil)
				b.ReportAllocs()
				for b.Loop() {
					out = cluster.Query(&p, s.sel, v, cluster.DefaultOptions, out)
				}
				b.ReportMetric(float64(len(out)), "items")
			})
		}
	}
}

// BenchmarkNewPoints sorts a million events into Points, as loading an index does.
func BenchmarkNewPoints(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	xs, ys := make([]float64, 1_000_000), make([]float64, 1_000_000)
	for i := range xs {
		xs[i], ys[i] = 0.6+0.05*rng.Float64(), 0.4+0.05*rng.Float64()
	}
	b.ReportAllocs()
	for b.Loop() {
		cluster.NewPoints(xs, ys)
	}
}
