package view

import (
	"cmp"
	"image"
	"math"
	"slices"

	"github.com/paulmach/orb/maptile"
)

// TileRect is one tile of a view and the device-pixel rectangle it covers.
type TileRect struct {
	Tile maptile.Tile
	Rect image.Rectangle
}

// TileZoom is the zoom of the tiles that draw the view: the nearest whole
// zoom, so a tile is never stretched or shrunk by more than √2.
func (v Viewport) TileZoom() maptile.Zoom {
	return maptile.Zoom(ClampZoom(math.Round(v.Zoom)))
}

// TilePixels is the size in device pixels at which a tile should be
// rendered for this view: 256 at Scale 1, 512 at Scale 2.
func (v Viewport) TilePixels() int {
	return int(math.Round(TileSize * v.scale()))
}

// Tiles lists the tiles at TileZoom covering the view, nearest the centre
// first so that fetching in order fills the middle first. Tiles west and
// east of the world wrap around: at low zoom one tile may appear more than
// once. Tile edges are rounded to whole pixels from the same edge values,
// so neighbouring rectangles abut with neither gap nor overlap.
func (v Viewport) Tiles() []TileRect {
	z := v.TileZoom()
	n := int(1) << z
	ts := v.WorldSize() / float64(n) // tile size in device pixels
	ox, oy := v.origin()
	x0 := int(math.Floor(ox / ts))
	x1 := int(math.Ceil((ox + float64(v.Width)) / ts))
	y0 := max(0, int(math.Floor(oy/ts)))
	y1 := min(n, int(math.Ceil((oy+float64(v.Height))/ts)))
	edge := func(i int, o float64) int { return int(math.Round(float64(i)*ts - o)) }
	var out []TileRect
	for ty := y0; ty < y1; ty++ {
		for tx := x0; tx < x1; tx++ {
			out = append(out, TileRect{
				Tile: maptile.New(uint32(((tx%n)+n)%n), uint32(ty), z),
				Rect: image.Rect(edge(tx, ox), edge(ty, oy), edge(tx+1, ox), edge(ty+1, oy)),
			})
		}
	}
	cx, cy := v.Width/2, v.Height/2
	dist := func(r image.Rectangle) int {
		c := r.Min.Add(r.Max).Div(2)
		return (c.X-cx)*(c.X-cx) + (c.Y-cy)*(c.Y-cy)
	}
	slices.SortStableFunc(out, func(a, b TileRect) int { return cmp.Compare(dist(a.Rect), dist(b.Rect)) })
	return out
}
