package tiles

import (
	"image"
	"image/color"
	"image/draw"

	"github.com/strikemap/strikemap/geo/view"
)

// PlaceholderColor fills a tile not yet loaded: a neutral light grey that
// reads as "nothing here yet", not as land or sea. A faint grid on it
// keeps panning visible.
var PlaceholderColor = color.RGBA{0xe6, 0xe6, 0xe3, 0xff}

var (
	placeholderFill = image.NewUniform(PlaceholderColor)
	placeholderGrid = image.NewUniform(color.RGBA{0xd4, 0xd4, 0xd0, 0xff})
)

// Draw fills dst with what is in memory for viewport v, whose Width and
// Height should match dst's bounds: each tile if loaded, else its nearest
// loaded ancestor scaled up, else a placeholder. Missing tiles are
// scheduled for fetching; Draw itself never waits for them. The error is
// always nil; it is there so that a Cache can be a renderer's basemap.
func (c *Cache) Draw(dst draw.Image, v view.Viewport) error {
	b := dst.Bounds()
	trs := v.Clamp().Tiles()
	if len(trs) == 0 {
		draw.Draw(dst, b, placeholderFill, image.Point{}, draw.Src)
		return nil
	}
	// Above and below the world's poles there are no tiles.
	top, bottom := b.Max.Y, b.Min.Y
	for _, tr := range trs {
		top, bottom = min(top, b.Min.Y+tr.Rect.Min.Y), max(bottom, b.Min.Y+tr.Rect.Max.Y)
	}
	if top > b.Min.Y {
		draw.Draw(dst, image.Rect(b.Min.X, b.Min.Y, b.Max.X, top), placeholderFill, image.Point{}, draw.Src)
	}
	if bottom < b.Max.Y {
		draw.Draw(dst, image.Rect(b.Min.X, bottom, b.Max.X, b.Max.Y), placeholderFill, image.Point{}, draw.Src)
	}
	// Tiles come centre first and the Cache fetches the latest request
	// first: going backwards makes the centre the latest.
	for i := len(trs) - 1; i >= 0; i-- {
		r := trs[i].Rect.Add(b.Min)
		if !r.Overlaps(b) {
			continue
		}
		m, sr, _ := c.lookup(trs[i].Tile)
		switch {
		case m == nil:
			drawPlaceholder(dst, r)
		case sr.Size() == r.Size():
			draw.Draw(dst, r, m, sr.Min, draw.Src)
		default:
			scale(dst, r, m, sr)
		}
	}
	return nil
}

// drawPlaceholder fills r and draws its top and left edges, so that
// neighbouring placeholders make a grid of tiles.
func drawPlaceholder(dst draw.Image, r image.Rectangle) {
	draw.Draw(dst, r, placeholderFill, image.Point{}, draw.Src)
	draw.Draw(dst, image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+1), placeholderGrid, image.Point{}, draw.Src)
	draw.Draw(dst, image.Rect(r.Min.X, r.Min.Y, r.Min.X+1, r.Max.Y), placeholderGrid, image.Point{}, draw.Src)
}
