package cluster

import "math"

// MarkerRadius is a single event's symbol radius in pixels at device scale 1.
const MarkerRadius = 6.0

// Radius is the radius in device pixels of the symbol of an item of count events: a
// marker, or a cluster bubble that grows with the log of its count, so that big
// clusters stand out without covering the map.
func Radius(count int, scale float64) float64 {
	if count <= 1 {
		return MarkerRadius * scale
	}
	return (11 + 4*math.Log10(float64(count))) * scale
}

// Hit returns the item drawn at pixel x, y, following the drawing order: single markers
// are drawn over cluster bubbles, so the nearest single whose symbol lies within tolerance
// pixels (at device scale 1) wins; otherwise the nearest such cluster.
func Hit(items []Item, x, y, tolerance, scale float64) (Item, bool) {
	best, bestSingle := -1, false
	bestD := math.Inf(1)
	for i, it := range items {
		d := math.Hypot(it.X-x, it.Y-y)
		if d-Radius(it.Count, scale) > tolerance*scale {
			continue
		}
		single := it.Count == 1
		if best < 0 || single && !bestSingle || single == bestSingle && d < bestD {
			best, bestSingle, bestD = i, single, d
		}
	}
	if best < 0 {
		return Item{}, false
	}
	return items[best], true
}
