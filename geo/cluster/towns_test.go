package cluster_test

import (
	"math"
	"math/rand/v2"

	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/view"
)

// theatre is a country's box and its share of the events.
type theatre struct {
	min, max orb.Point
	share    float64
}

// theatres spreads synthetic events like the real ones: Syria, Iraq, Yemen, Ukraine.
var theatres = []theatre{
	{orb.Point{35.7, 32.3}, orb.Point{42.4, 37.3}, 0.35},
	{orb.Point{38.8, 29.1}, orb.Point{48.6, 37.4}, 0.25},
	{orb.Point{42.5, 12.6}, orb.Point{53.0, 19.0}, 0.20},
	{orb.Point{22.0, 44.4}, orb.Point{40.0, 52.4}, 0.20},
}

// towns returns n points around ntowns towns whose sizes fall off like a city's
// ranking (Zipf), a few kilometres to tens of kilometres across, with a tenth of the
// events strewn over the theatres; the first town is the biggest.
func towns(n, ntowns int, seed uint64) (p cluster.Points, biggest orb.Point) {
	rng := rand.New(rand.NewPCG(seed, 7))
	type town struct {
		at    orb.Point
		sigma float64 // degrees
		th    theatre
	}
	ts := make([]town, ntowns)
	weights := make([]float64, ntowns)
	total := 0.0
	for i := range ts {
		th := pickTheatre(rng.Float64())
		ts[i] = town{randomIn(rng, th), 0.01 + 0.15*rng.Float64()*rng.Float64(), th}
		weights[i] = 1 / math.Pow(float64(i+1), 0.8)
		total += weights[i]
	}
	xs, ys := make([]float64, n), make([]float64, n)
	for k := range n {
		var ll orb.Point
		if rng.Float64() < 0.1 {
			ll = randomIn(rng, pickTheatre(rng.Float64()))
		} else {
			u, i := rng.Float64()*total, 0
			for ; i < ntowns-1 && u > weights[i]; i++ {
				u -= weights[i]
			}
			t := ts[i]
			ll = orb.Point{t.at[0] + rng.NormFloat64()*t.sigma, t.at[1] + rng.NormFloat64()*t.sigma}
		}
		xs[k], ys[k] = view.WorldXY(ll)
	}
	p, _ = cluster.NewPoints(xs, ys)
	return p, ts[0].at
}

func pickTheatre(u float64) theatre {
	for _, th := range theatres {
		if u < th.share {
			return th
		}
		u -= th.share
	}
	return theatres[len(theatres)-1]
}

func randomIn(rng *rand.Rand, th theatre) orb.Point {
	return orb.Point{th.min[0] + rng.Float64()*(th.max[0]-th.min[0]), th.min[1] + rng.Float64()*(th.max[1]-th.min[1])}
}

// randomSelection selects each of n rows with probability share.
func randomSelection(rng *rand.Rand, n int, share float64) []uint64 {
	sel := make([]uint64, (n+63)/64)
	for r := range n {
		if rng.Float64() < share {
			sel[r/64] |= 1 << (r % 64)
		}
	}
	return sel
}
