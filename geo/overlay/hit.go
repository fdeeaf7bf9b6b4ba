package overlay

import "math"

// Hit returns the item drawn at pixel x, y, following the drawing order: single markers
// are drawn over cluster bubbles, so the nearest single whose symbol lies within tolerance
// pixels wins; otherwise the nearest such cluster.
func Hit(items []Item, x, y, tolerance, scale float64) (Item, bool) {
	best, bestSingle := -1, false
	bestD := math.Inf(1)
	for i, it := range items {
		d := math.Hypot(it.X-x, it.Y-y)
		if d-symbolRadius(it.Count(), scale) > tolerance*scale {
			continue
		}
		single := it.Count() == 1
		if best < 0 || single && !bestSingle || single == bestSingle && d < bestD {
			best, bestSingle, bestD = i, single, d
		}
	}
	if best < 0 {
		return Item{}, false
	}
	return items[best], true
}

// symbolRadius is the radius in device pixels of a marker (count 1) or a cluster bubble,
// which grows with the log of its count so that big clusters stand out without covering the map.
func symbolRadius(count int, scale float64) float64 {
	if count <= 1 {
		return markerRadius * scale
	}
	return (11 + 4*math.Log10(float64(count))) * scale
}

// markerRadius is a single marker's radius in pixels at device scale 1.
const markerRadius = 6.0
