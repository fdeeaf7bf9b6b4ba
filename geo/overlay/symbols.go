package overlay

import (
	"image"
	"image/color"
	"math"

	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/paint"
)

// shapePath adds shape s of radius r centred on x, y to p.
func shapePath(p *paint.Path, s Shape, x, y, r float64) {
	switch s {
	case ShapeSquare:
		q := r * 0.85
		p.Polygon(x-q, y-q, x+q, y-q, x+q, y+q, x-q, y+q)
	case ShapeTriangle:
		p.Polygon(x, y-r*1.15, x+r*1.05, y+r*0.7, x-r*1.05, y+r*0.7)
	case ShapeDiamond:
		q := r * 1.15
		p.Polygon(x, y-q, x+q, y, x, y+q, x-q, y)
	case ShapeStar:
		var pts []float64
		for i := range 10 {
			rr := r * 1.2
			if i%2 == 1 {
				rr = r * 0.55
			}
			a := -math.Pi/2 + float64(i)*math.Pi/5
			pts = append(pts, x+rr*math.Cos(a), y+rr*math.Sin(a))
		}
		p.Polygon(pts...)
	case ShapeRing:
		p.Ring(x, y, r*0.75, r*0.5)
	default:
		p.Circle(x, y, r, false)
	}
}

// markerRadius is a single marker's radius in pixels at device scale 1, as hit-testing
// knows it.
const markerRadius = cluster.MarkerRadius

// white and ink are the halo around symbols and the dark of text and highlights.
var (
	white = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	ink   = color.NRGBA{0x1a, 0x1a, 0x1a, 0xff}
)

// newSprite draws one marker symbol on a transparent square: the shape in its colour
// inside a white halo that keeps it readable on land, sea and other markers alike.
func newSprite(pt *paint.Painter, c color.NRGBA, s Shape, scale float64) *image.RGBA {
	r := markerRadius * scale
	size := int(math.Ceil(2*(r*1.3+2*scale))) + 2
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	var p paint.Path
	mid := float64(size) / 2
	halo := 1.6 * scale
	if s == ShapeRing {
		p.Ring(mid, mid, r*0.75, r*0.5+2*halo)
	} else {
		shapePath(&p, s, mid, mid, r+halo)
	}
	pt.Fill(img, &p, white)
	shapePath(&p, s, mid, mid, r)
	pt.Fill(img, &p, c)
	return img
}

// Symbol draws a marker of shape s and colour c at x, y, as the map shows it; for legends.
func Symbol(pt *paint.Painter, p *paint.Path, dst *image.RGBA, s Shape, c color.NRGBA, x, y, scale float64) {
	r := markerRadius * scale * 0.8
	shapePath(p, s, x, y, r+1.2*scale)
	pt.Fill(dst, p, white)
	shapePath(p, s, x, y, r)
	pt.Fill(dst, p, c)
}
