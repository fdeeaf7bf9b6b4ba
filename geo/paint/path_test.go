package paint_test

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"testing"

	"github.com/strikemap/strikemap/geo/paint"
)

var ink = color.NRGBA{0x20, 0x40, 0x60, 0xff}

// fill draws what add puts in a path onto a fresh white image.
func fill(add func(p *paint.Path)) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 120, 20))
	draw.Draw(img, img.Rect, image.White, image.Point{}, draw.Src)
	var p paint.Path
	add(&p)
	paint.NewPainter().Fill(img, &p, ink)
	return img
}

// sameImage reports the first pixel at which a and b differ by more than a rounding step.
func sameImage(a, b *image.RGBA) (image.Point, bool) {
	for i := range a.Pix {
		if d := int(a.Pix[i]) - int(b.Pix[i]); d < -2 || d > 2 {
			return image.Pt(i%a.Stride/4, i/a.Stride), false
		}
	}
	return image.Point{}, true
}

// A line dashed in two pieces, the second given the phase where the first ended,
// looks like the line dashed whole.
func TestDashedAtContinues(t *testing.T) {
	whole := fill(func(p *paint.Path) { p.Dashed(5, 10, 115, 10, 3, 7, 4) })
	for name, cut := range map[string]float64{"in a dash": 40, "in a gap": 13.5, "at a dash end": 12, "near the end": 112} {
		t.Run(name, func(t *testing.T) {
			split := fill(func(p *paint.Path) {
				p.DashedAt(5, 10, cut, 10, 3, 7, 4, 0)
				p.DashedAt(cut, 10, 115, 10, 3, 7, 4, cut-5)
			})
			if at, ok := sameImage(whole, split); !ok {
				t.Errorf("split at %v differs from the whole line near %v", cut, at)
			}
		})
	}
}

func TestDashedAtOddPatterns(t *testing.T) {
	solid := fill(func(p *paint.Path) { p.Segment(5, 10, 115, 10, 3, false) })
	blank := fill(func(p *paint.Path) {})
	for name, tc := range map[string]struct {
		on, off, phase float64
		want           *image.RGBA
	}{
		"no gaps is solid":         {5, 0, 0, solid},
		"negative gaps is solid":   {5, -1, 0, solid},
		"no dashes is nothing":     {0, 4, 0, blank},
		"not a number is nothing":  {math.NaN(), 4, 0, blank},
		"infinite phase":           {7, 4, math.Inf(1), blank},
		"a phase of whole periods": {7, 4, 110, fill(func(p *paint.Path) { p.Dashed(5, 10, 115, 10, 3, 7, 4) })},
		"negative phase":           {7, 4, -3, fill(func(p *paint.Path) { p.DashedAt(5, 10, 115, 10, 3, 7, 4, 8) })},
	} {
		t.Run(name, func(t *testing.T) {
			got := fill(func(p *paint.Path) { p.DashedAt(5, 10, 115, 10, 3, tc.on, tc.off, tc.phase) })
			if at, ok := sameImage(got, tc.want); !ok {
				t.Errorf("differs near %v", at)
			}
		})
	}
}

// Full coverage writes the colour itself; partial coverage blends as before.
func TestFillBlends(t *testing.T) {
	img := fill(func(p *paint.Path) { p.Polygon(10, 5, 30.5, 5, 30.5, 15, 10, 15) })
	if c := img.RGBAAt(20, 10); c != (color.RGBA{ink.R, ink.G, ink.B, 0xff}) {
		t.Errorf("inside %v, want %v", c, ink)
	}
	// Half covered: halfway between white and ink.
	if c := img.RGBAAt(30, 10); c.R < 0x8e || c.R > 0x91 || c.B < 0xae || c.B > 0xb1 || c.A != 0xff {
		t.Errorf("edge %v, want about {0x90 0xa0 0xb0 0xff}", c)
	}
	if c := img.RGBAAt(31, 10); c != (color.RGBA{0xff, 0xff, 0xff, 0xff}) {
		t.Errorf("outside %v", c)
	}
}
