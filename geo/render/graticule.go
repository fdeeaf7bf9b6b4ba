package render

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/geo/paint"
	"github.com/strikemap/strikemap/geo/view"
)

// The graticule gives a spatial reference where the offline basemap is bare (zoom
// 10–12 shows little but land and a few towns), so it is faint: it must never compete
// with the events drawn over it.
var (
	graticuleInk   = color.NRGBA{0x22, 0x22, 0x22, 0x40}
	graticuleLabel = color.NRGBA{0x44, 0x44, 0x44, 0xff}
)

// graticuleSteps are the spacings a graticule may use, in minutes of arc, coarsest
// first. Neighbours differ by at most 2.5×, so the step chosen below leaves more than
// 8/2.5 lines across the view.
var graticuleSteps = []int{30 * 60, 15 * 60, 10 * 60, 5 * 60, 2 * 60, 60, 30, 15, 10, 5, 2, 1}

// maxGraticuleLines is how many meridians may cross the longer side of the view.
const maxGraticuleLines = 8

// graticuleStep returns the spacing for v in minutes of arc: the finest step with at
// most maxGraticuleLines meridians across the view's longer side. Meridians are evenly
// spaced in Web Mercator and parallels spread apart towards the poles, so the step is
// measured on meridians. It depends on the zoom, not the device scale.
func graticuleStep(v view.Viewport) int {
	pxPerMinute := v.WorldSize() / (360 * 60)
	extent := float64(max(v.Width, v.Height))
	for i := len(graticuleSteps) - 1; i > 0; i-- {
		if extent/(float64(graticuleSteps[i])*pxPerMinute) <= maxGraticuleLines {
			return graticuleSteps[i]
		}
	}
	return graticuleSteps[0]
}

// latLabel writes a latitude in minutes of arc as "36°30′N", "5°S" or "0°".
func latLabel(minutes int) string { return angleLabel(minutes, "N", "S") }

// lonLabel writes a longitude in minutes of arc, wrapped onto -180°..180°, as
// "43°E", "77°02′W", "0°" or "180°".
func lonLabel(minutes int) string {
	const half = 180 * 60
	m := ((minutes+half)%(2*half)+2*half)%(2*half) - half
	if m == -half {
		return "180°"
	}
	return angleLabel(m, "E", "W")
}

func angleLabel(minutes int, pos, neg string) string {
	hemi := pos
	switch {
	case minutes == 0:
		hemi = ""
	case minutes < 0:
		hemi, minutes = neg, -minutes
	}
	if minutes%60 == 0 {
		return fmt.Sprintf("%d°%s", minutes/60, hemi)
	}
	return fmt.Sprintf("%d°%02d′%s", minutes/60, minutes%60, hemi)
}

// span is a run of device pixels [lo, hi) across a line.
type span struct{ lo, hi int }

// lineSpan is where a line of width w centred on c falls, snapped to whole pixels so
// that it is crisp rather than two half-tone rows.
func lineSpan(c float64, w int) span {
	lo := int(math.Round(c - float64(w)/2))
	return span{lo, lo + w}
}

// graticule draws lines of latitude and longitude at a round spacing, labelled at the
// left and top edges. Draw it over the basemap and under events and the legend.
func (f *furniture) graticule(dst *image.RGBA, v view.Viewport) {
	v = v.Clamp()
	s := f.scale
	step := graticuleStep(v)
	b := v.Bound()
	w, h := dst.Rect.Dx(), dst.Rect.Dy()
	pxPerMinute := v.WorldSize() / (360 * 60)
	lw := max(1, int(math.Round(s)))

	// Parallels, north to south; then meridians west to east. Bound's longitudes are
	// not wrapped, so a view wider than the world gets every copy of a meridian.
	var lats, lons []int
	var rows, cols []span
	for m := int(math.Floor(b.Max[1]*60/float64(step))) * step; float64(m) >= b.Min[1]*60; m -= step {
		_, y := v.Pixel(orb.Point{v.Center[0], float64(m) / 60})
		if r := lineSpan(y, lw); r.hi > 0 && r.lo < h {
			lats, rows = append(lats, m), append(rows, r)
		}
	}
	for m := int(math.Ceil(b.Min[0]*60/float64(step))) * step; float64(m) <= b.Max[0]*60; m += step {
		x := (float64(m) - b.Min[0]*60) * pxPerMinute
		if c := lineSpan(x, lw); c.hi > 0 && c.lo < w {
			lons, cols = append(lons, m), append(cols, c)
		}
	}

	// Meridians stop short of the parallels so the crossings are not twice as dark.
	ink := image.NewUniform(graticuleInk)
	fill := func(x0, y0, x1, y1 int) {
		r := image.Rect(x0, y0, x1, y1).Add(dst.Rect.Min).Intersect(dst.Rect)
		draw.Draw(dst, r, ink, image.Point{}, draw.Over)
	}
	for _, r := range rows {
		fill(0, r.lo, w, r.hi)
	}
	for _, c := range cols {
		y := 0
		for _, r := range rows {
			fill(c.lo, y, c.hi, r.lo)
			y = max(y, r.hi)
		}
		fill(c.lo, y, c.hi, h)
	}
	f.graticuleLabels(dst, lats, rows, lons, cols)
}

// graticuleLabels writes the parallels' latitudes at the left edge, on their lines,
// and the meridians' longitudes along the top, right of theirs: beside the line rather
// than across it, where the stub of line before "36°N" would read as a minus sign.
// Latitudes keep out of the band the longitudes take and off the scale bar; a label
// that would not fit whole is left out.
func (f *furniture) graticuleLabels(dst *image.RGBA, lats []int, rows []span, lons []int, cols []span) {
	s := f.scale
	margin, gap, haloR := 4*s, 3*s, 1.5*s
	capH := float64(f.small.Metrics().CapHeight) / 64
	w, h := float64(dst.Rect.Dx()), float64(dst.Rect.Dy())
	ox, oy := float64(dst.Rect.Min.X), float64(dst.Rect.Min.Y)

	top := margin + capH + haloR // the band the longitudes take
	bottom := h - 40*s           // the scale bar sits below
	for i, m := range lats {
		y := float64(rows[i].lo) - gap
		if y-capH-haloR < top || y > bottom {
			continue
		}
		paint.Text(dst, f.small, latLabel(m), ox+margin, oy+y, graticuleLabel, halo, haloR)
	}
	for i, m := range lons {
		text := lonLabel(m)
		x := float64(cols[i].hi) + gap
		if x+paint.Measure(f.small, text)+haloR > w {
			continue
		}
		paint.Text(dst, f.small, text, ox+x, oy+margin+capH, graticuleLabel, halo, haloR)
	}
}
