// Package view is Strikemap's Web Mercator viewport: the one place that
// converts between latitude/longitude and screen pixels, lists the XYZ
// tiles a view covers, and pans and zooms. The desktop map and
// strikedb render both draw through it.
package view

import (
	"math"

	"github.com/paulmach/orb"
)

// Viewport is a rectangle of pixels looking at the Web Mercator world.
// Pixels are device pixels, those of the image being drawn: with Scale 2
// a tile of zoom z covers 512 of them. Zoom is in OpenStreetMap's terms (at
// zoom z the world is 256·2^z pixels wide at Scale 1) and may be
// fractional. The zero Scale means 1.
type Viewport struct {
	Center        orb.Point // longitude, latitude in degrees, as orb orders them
	Zoom          float64
	Width, Height int // device pixels
	Scale         float64
}

// New returns a clamped viewport; see Clamp.
func New(center orb.Point, zoom float64, width, height int, scale float64) Viewport {
	return Viewport{Center: center, Zoom: zoom, Width: width, Height: height, Scale: scale}.Clamp()
}

// Clamp returns v with latitude within MaxLat, longitude wrapped into
// [-180, 180), zoom within MinZoom..MaxZoom and a Scale of at least a
// hundredth (zero becomes 1).
func (v Viewport) Clamp() Viewport {
	v.Center = orb.Point{WrapLon(v.Center[0]), ClampLat(v.Center[1])}
	v.Zoom = ClampZoom(v.Zoom)
	v.Scale = v.scale()
	return v
}

func (v Viewport) scale() float64 {
	if v.Scale == 0 {
		return 1
	}
	return max(v.Scale, 0.01)
}

// WorldSize is the width (and height) of the whole world in device pixels.
func (v Viewport) WorldSize() float64 {
	return TileSize * v.scale() * math.Exp2(v.Zoom)
}

// origin is the world pixel at the viewport's top-left corner.
func (v Viewport) origin() (x, y float64) {
	w := v.WorldSize()
	return mercX(v.Center[0])*w - float64(v.Width)/2, mercY(v.Center[1])*w - float64(v.Height)/2
}

// Pixel returns where a longitude/latitude falls in the viewport. The
// world repeats east and west; of its copies the one nearest the centre
// is chosen, so a point just across the antimeridian lands beside it.
func (v Viewport) Pixel(ll orb.Point) (x, y float64) {
	w := v.WorldSize()
	ox, oy := v.origin()
	x = mercX(ll[0])*w - ox
	if d := x - float64(v.Width)/2; math.Abs(d) > w/2 {
		x -= w * math.Round(d/w)
	}
	return x, mercY(ll[1])*w - oy
}

// LatLon returns the longitude/latitude at a pixel, longitude wrapped
// into [-180, 180) and latitude within MaxLat.
func (v Viewport) LatLon(x, y float64) orb.Point {
	w := v.WorldSize()
	ox, oy := v.origin()
	wy := max(0, min(w, oy+y))
	return orb.Point{WrapLon(lonOf((ox + x) / w)), latOf(wy / w)}
}

// Bound is the longitude/latitude box the viewport shows. Longitudes are
// not wrapped, so a view across the antimeridian gives one beyond ±180,
// and a view wider than the world spans more than 360°.
func (v Viewport) Bound() orb.Bound {
	w := v.WorldSize()
	ox, oy := v.origin()
	return orb.Bound{
		Min: orb.Point{lonOf(ox / w), latOf(max(0, min(w, oy+float64(v.Height))) / w)},
		Max: orb.Point{lonOf((ox + float64(v.Width)) / w), latOf(max(0, min(w, oy)) / w)},
	}
}

// Pan moves the map by dx, dy device pixels the way a drag does: what was
// under the pointer stays under it.
func (v Viewport) Pan(dx, dy float64) Viewport {
	w := v.WorldSize()
	v.Center = orb.Point{
		lonOf(mercX(v.Center[0]) - dx/w),
		latOf(max(0, min(1, mercY(v.Center[1])-dy/w))),
	}
	return v.Clamp()
}

// ZoomAt changes the zoom by dz, keeping the place under pixel x, y where
// it is, as a scroll wheel or pinch does. At the zoom limits, or where the
// latitude clamp bites, the point may move.
func (v Viewport) ZoomAt(x, y, dz float64) Viewport {
	ll := v.LatLon(x, y)
	n := v
	n.Zoom = ClampZoom(v.Zoom + dz)
	w := n.WorldSize()
	// Put ll at x, y: its world pixel minus the offset from the centre.
	cx := mercX(ll[0])*w - (x - float64(v.Width)/2)
	cy := mercY(ll[1])*w - (y - float64(v.Height)/2)
	n.Center = orb.Point{lonOf(cx / w), latOf(max(0, min(w, cy)) / w)}
	return n.Clamp()
}

// MetersPerPixel is the ground distance one device pixel covers at the
// centre's latitude, for scale bars.
func (v Viewport) MetersPerPixel() float64 {
	return 2 * math.Pi * orb.EarthRadius * math.Cos(v.Center[1]*math.Pi/180) / v.WorldSize()
}
