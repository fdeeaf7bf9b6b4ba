package render

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"golang.org/x/image/font"

	"github.com/strikemap/strikemap/geo/paint"
	"github.com/strikemap/strikemap/geo/view"
)

// furniture draws what sits on the map rather than in it: scale bar, attribution, legend.
type furniture struct {
	scale       float64
	painter     *paint.Painter
	path        paint.Path
	small, bold font.Face
}

var (
	ink      = color.NRGBA{0x22, 0x22, 0x22, 0xff}
	halo     = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	panel    = color.NRGBA{0xff, 0xff, 0xff, 0xd8}
	hairline = color.NRGBA{0x80, 0x80, 0x80, 0xff}
)

func newFurniture(scale float64) (*furniture, error) {
	small, err := paint.NewFace(11*scale, false)
	if err != nil {
		return nil, err
	}
	bold, err := paint.NewFace(11*scale, true)
	if err != nil {
		return nil, err
	}
	return &furniture{scale: scale, painter: paint.NewPainter(), small: small, bold: bold}, nil
}

// niceDistance returns the largest 1, 2 or 5 × 10ⁿ metres not over max.
func niceDistance(max float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(max)))
	for _, k := range []float64{5, 2, 1} {
		if k*p <= max {
			return k * p
		}
	}
	return p
}

// distanceLabel writes metres as "500 m" or "20 km".
func distanceLabel(m float64) string {
	if m < 1000 {
		return fmt.Sprintf("%.0f m", m)
	}
	return fmt.Sprintf("%.0f km", m/1000)
}

// scaleBar draws a bar of a round distance in the bottom-left corner. Web Mercator's
// scale changes with latitude, so the bar is true at the centre of the view.
func (f *furniture) scaleBar(dst *image.RGBA, v view.Viewport) {
	s := f.scale
	mpp := v.MetersPerPixel()
	dist := niceDistance(mpp * 120 * s)
	w := dist / mpp
	x0, y0 := 12*s, float64(v.Height)-14*s
	label := distanceLabel(dist)
	f.path.Segment(x0, y0, x0+w, y0, 5*s, true)
	f.path.Segment(x0, y0-7*s, x0, y0, 5*s, true)
	f.path.Segment(x0+w, y0-7*s, x0+w, y0, 5*s, true)
	f.painter.Fill(dst, &f.path, halo)
	f.path.Segment(x0, y0, x0+w, y0, 2*s, true)
	f.path.Segment(x0, y0-6*s, x0, y0, 2*s, true)
	f.path.Segment(x0+w, y0-6*s, x0+w, y0, 2*s, true)
	f.painter.Fill(dst, &f.path, ink)
	paint.Text(dst, f.bold, label, x0+4*s, y0-6*s, ink, halo, 2*s)
}

// attribution credits the basemap's data in the bottom-right corner, on a light panel.
func (f *furniture) attribution(dst *image.RGBA, text string) {
	if text == "" {
		return
	}
	s := f.scale
	w := paint.Measure(f.small, text)
	x1, y1 := float64(dst.Rect.Dx()), float64(dst.Rect.Dy())
	f.path.Polygon(x1-w-10*s, y1-18*s, x1, y1-18*s, x1, y1, x1-w-10*s, y1)
	f.painter.Fill(dst, &f.path, panel)
	paint.Text(dst, f.small, text, x1-w-5*s, y1-5*s, ink, nil, 0)
}
