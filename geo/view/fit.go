package view

import (
	"math"

	"github.com/paulmach/orb"
)

// Fit returns the viewport of the given pixel size that shows bound whole, with pad
// device pixels to spare on every side, zoomed in no further than maxZoom (a single
// point would otherwise fill the world).
func Fit(bound orb.Bound, width, height int, scale, pad, maxZoom float64) Viewport {
	if scale == 0 {
		scale = 1
	}
	x0, y1 := WorldXY(orb.Point{bound.Min[0], ClampLat(bound.Min[1])})
	x1, y0 := WorldXY(orb.Point{bound.Max[0], ClampLat(bound.Max[1])})
	center := FromWorldXY((x0+x1)/2, (y0+y1)/2)
	w, h := math.Max(float64(width)-2*pad, 1), math.Max(float64(height)-2*pad, 1)
	zoom := maxZoom
	if dx, dy := x1-x0, y1-y0; dx > 0 || dy > 0 {
		// At zoom z the world is TileSize·scale·2^z pixels wide.
		zx := math.Log2(w / (math.Max(dx, 1e-12) * TileSize * scale))
		zy := math.Log2(h / (math.Max(dy, 1e-12) * TileSize * scale))
		zoom = math.Min(maxZoom, math.Min(zx, zy))
	}
	return New(center, zoom, width, height, scale)
}
