package overlay

import (
	"math"

	"github.com/strikemap/strikemap/geo/view"
)

// Item is what the overlay shows at one spot: a single marker or a cluster of several.
type Item struct {
	X, Y    float64 // device pixels in the viewport
	Members []int   // indexes into the markers clustered; one for a single marker
}

// Count returns how many events the item stands for.
func (it Item) Count() int { return len(it.Members) }

// Options tune clustering.
type Options struct {
	CellPx     float64 // grid cell edge in device pixels; markers in one cell form a cluster
	MaxZoom    float64 // from this zoom on, every marker stands alone
	MarginPx   float64 // markers this far outside the viewport still count, so edge clusters don't flicker
	MinCluster int     // fewer markers than this in a cell are drawn one by one
}

// DefaultOptions are the clustering settings of the map view at device scale 1.
var DefaultOptions = Options{CellPx: 64, MaxZoom: 13, MarginPx: 64, MinCluster: 3}

// Cluster groups the markers visible in v. The grid is laid on the whole world in world
// pixels, not on the viewport, so panning moves clusters with the map instead of
// reshuffling them. A cluster sits at the mean position of its members.
func Cluster(ms []Marker, v view.Viewport, o Options) []Item {
	v = v.Clamp()
	cell := o.CellPx * v.Scale
	margin := o.MarginPx * v.Scale
	type acc struct {
		sx, sy  float64
		members []int
	}
	cells := map[[2]int64]*acc{}
	var order [][2]int64
	var items []Item
	w, h := float64(v.Width), float64(v.Height)
	for i := range ms {
		x, y := v.Pixel(ms[i].At)
		if x < -margin || y < -margin || x > w+margin || y > h+margin {
			continue
		}
		if v.Zoom >= o.MaxZoom {
			items = append(items, Item{X: x, Y: y, Members: []int{i}})
			continue
		}
		wx, wy := view.WorldXY(ms[i].At)
		size := v.WorldSize()
		k := [2]int64{int64(math.Floor(wx * size / cell)), int64(math.Floor(wy * size / cell))}
		a := cells[k]
		if a == nil {
			a = &acc{}
			cells[k] = a
			order = append(order, k)
		}
		a.sx, a.sy = a.sx+x, a.sy+y
		a.members = append(a.members, i)
	}
	for _, k := range order {
		a := cells[k]
		if len(a.members) < o.MinCluster {
			for _, i := range a.members {
				x, y := v.Pixel(ms[i].At)
				items = append(items, Item{X: x, Y: y, Members: []int{i}})
			}
			continue
		}
		n := float64(len(a.members))
		items = append(items, Item{X: a.sx / n, Y: a.sy / n, Members: a.members})
	}
	return items
}
