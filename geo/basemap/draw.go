package basemap

import (
	"image"
	"image/color"
	"image/draw"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"

	"github.com/strikemap/strikemap/geo/paint"
	"github.com/strikemap/strikemap/geo/view"
)

// drawLabels draws the dots and names placed at zoom z that touch tile
// x, y.
func drawLabels(img *image.RGBA, s *scratch, z, x, y int, scale float64) error {
	pl, err := placementFor(z)
	if err != nil {
		return err
	}
	idx := pl.byTile[cellKey(x, y)]
	if len(idx) == 0 {
		return nil
	}
	ox, oy := float64(x*view.TileSize), float64(y*view.TileSize)
	// All dots before any name, so no dot is drawn over a neighbour's
	// label: a white rim, a dark disc, and for a national capital a white
	// ring and dark centre inside it.
	for _, pass := range []struct {
		capitals bool
		radius   func(r float64) float64
		c        color.NRGBA
	}{
		{false, func(r float64) float64 { return r + 1.2 }, dotRingColor},
		{false, func(r float64) float64 { return r }, dotColor},
		{true, func(r float64) float64 { return r * 0.62 }, dotRingColor},
		{true, func(r float64) float64 { return r * 0.35 }, dotColor},
	} {
		for _, i := range idx {
			l := &pl.labels[i]
			if l.dot == 0 || (pass.capitals && !l.capital) {
				continue
			}
			s.path.Circle((l.dotX-ox)*scale, (l.dotY-oy)*scale, pass.radius(l.dot)*scale, false)
		}
		s.painter.Fill(img, &s.path, pass.c)
	}
	faces := map[textStyle]font.Face{}
	for _, i := range idx {
		l := &pl.labels[i]
		f, ok := faces[l.style]
		if !ok {
			if f, err = newFace(l.style, scale); err != nil {
				return err
			}
			faces[l.style] = f
		}
		paint.Text(img, f, l.text, (l.x-ox)*scale, (l.y-oy)*scale, l.style.ink, haloColor, l.style.halo*scale)
	}
	return nil
}

// scaleImage draws src stretched over r, for fractional zooms.
func scaleImage(dst draw.Image, r image.Rectangle, src image.Image) {
	xdraw.ApproxBiLinear.Scale(dst, r, src, src.Bounds(), draw.Src, nil)
}
