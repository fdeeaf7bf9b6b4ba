package view

import (
	"math"

	"github.com/paulmach/orb"
)

// MaxLat is the latitude where Web Mercator's square world ends, in
// degrees: atan(sinh(π)). Tile servers draw nothing beyond it.
const MaxLat = 85.05112877980659

// Zoom limits of OpenStreetMap's tile pyramid.
const (
	MinZoom = 0
	MaxZoom = 19
)

// TileSize is the edge of an XYZ tile in pixels at device scale 1.
const TileSize = 256

// ClampLat limits a latitude to Web Mercator's range.
func ClampLat(lat float64) float64 { return max(-MaxLat, min(MaxLat, lat)) }

// ClampZoom limits a zoom to MinZoom..MaxZoom.
func ClampZoom(z float64) float64 { return max(MinZoom, min(MaxZoom, z)) }

// WrapLon brings a longitude into [-180, 180).
func WrapLon(lon float64) float64 {
	lon = math.Mod(lon+180, 360)
	if lon < 0 {
		lon += 360
	}
	return lon - 180
}

// WorldXY returns where a longitude/latitude lies on the Web Mercator
// world square, x and y in [0, 1], x growing east and y south; multiply by
// a viewport's WorldSize for pixels. Latitude is clamped to MaxLat.
func WorldXY(ll orb.Point) (x, y float64) { return mercX(ll[0]), mercY(ll[1]) }

// FromWorldXY is the inverse of WorldXY.
func FromWorldXY(x, y float64) orb.Point { return orb.Point{lonOf(x), latOf(y)} }

// mercX and mercY map longitude and latitude to [0, 1] across the world
// square, x growing east and y south as in tile and pixel coordinates.
func mercX(lon float64) float64 { return lon/360 + 0.5 }

func mercY(lat float64) float64 {
	s := math.Sin(ClampLat(lat) * math.Pi / 180)
	return 0.5 - math.Log((1+s)/(1-s))/(4*math.Pi)
}

func lonOf(x float64) float64 { return (x - 0.5) * 360 }

func latOf(y float64) float64 {
	return math.Atan(math.Sinh((0.5-y)*2*math.Pi)) * 180 / math.Pi
}
