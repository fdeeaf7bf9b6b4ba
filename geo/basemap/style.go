package basemap

import (
	"image/color"
	"math"
)

// The palette is light and calm, close to OpenStreetMap's so analysts
// read it without a legend, and pale enough that event symbols drawn on
// top stand out.
var (
	seaColor        = color.NRGBA{0xaa, 0xd3, 0xdf, 0xff}
	landColor       = color.NRGBA{0xf2, 0xef, 0xe9, 0xff}
	coastColor      = color.NRGBA{0x8c, 0xb3, 0xc2, 0xff}
	borderHaloColor = color.NRGBA{0xc8, 0xb4, 0xcc, 0x90}
	borderColor     = color.NRGBA{0x9a, 0x7f, 0xa0, 0xff}
	dotColor        = color.NRGBA{0x4a, 0x4a, 0x4a, 0xff}
	dotRingColor    = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	haloColor       = color.NRGBA{0xff, 0xff, 0xff, 0xe0}
	townInk         = color.NRGBA{0x2b, 0x2b, 0x2b, 0xff}
	countryInk      = color.NRGBA{0x7c, 0x5f, 0x82, 0xff}
)

// lineStyle gives the stroke widths (pixels at device scale 1) at zoom z:
// thin at world scale, where lines crowd, heavier as features spread out.
type lineStyle struct {
	coast, borderHalo, border float64
	dashOn, dashOff           float64 // solid when dashOn is 0
}

func linesAt(z int) lineStyle {
	switch {
	case z < 4:
		return lineStyle{coast: 0.5, borderHalo: 0, border: 0.6}
	case z < 7:
		return lineStyle{coast: 0.7, borderHalo: 3, border: 0.9, dashOn: 5, dashOff: 2.5}
	case z < 10:
		return lineStyle{coast: 0.9, borderHalo: 4.5, border: 1.1, dashOn: 6, dashOff: 3}
	}
	return lineStyle{coast: 1.1, borderHalo: 6, border: 1.3, dashOn: 8, dashOff: 4}
}

// minPopulation is the smallest place labelled at zoom z; collisions thin
// out the rest, so this only spares the placer places that could never
// fit and keeps low zooms to the places people know. Seats of government
// are labelled from zoom 5 whatever their size.
func minPopulation(z int) int {
	switch {
	case z <= 2:
		return 3_000_000
	case z >= 9:
		return 0
	}
	// 1M at zoom 3, a third as many people per zoom step, 4k at zoom 8.
	return int(1e6 * math.Pow(1.0/3, float64(z-3)))
}

// townStyle is how a place of the given size and rank is drawn.
func townStyle(pop int, seat bool) (ts textStyle, dot float64) {
	ts = textStyle{size: 11, ink: townInk, halo: 1.6, bold: seat}
	switch {
	case pop >= 1_000_000:
		ts.size, dot = 14, 3.5
	case pop >= 250_000:
		ts.size, dot = 13, 3
	case pop >= 50_000:
		ts.size, dot = 12, 2.6
	default:
		dot = 2.2
	}
	return ts, dot
}

// countryStyle is how a country's name is drawn, by its area in square
// degrees.
func countryStyle(area float64) textStyle {
	ts := textStyle{size: 11, ink: countryInk, halo: 1.4, bold: true}
	switch {
	case area >= 100:
		ts.size = 13
	case area >= 15:
		ts.size = 12
	}
	return ts
}
