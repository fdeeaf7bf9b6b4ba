package paint

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// fonts are the Go fonts (BSD licence), parsed once. A parsed font is safe for
// concurrent use; the faces made from it are not, so each caller makes its own.
var fonts = sync.OnceValues(func() ([2]*opentype.Font, error) {
	var fs [2]*opentype.Font
	for i, ttf := range [][]byte{goregular.TTF, gobold.TTF} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			return fs, fmt.Errorf("parse Go font: %w", err)
		}
		fs[i] = f
	}
	return fs, nil
})

// Font returns the parsed Go font, regular or bold.
func Font(bold bool) (*opentype.Font, error) {
	fs, err := fonts()
	if bold {
		return fs[1], err
	}
	return fs[0], err
}

// NewFace makes a face of the Go font at size pixels. Hinting is off so that text at
// device scale 2 is exactly twice as wide as at scale 1.
func NewFace(size float64, bold bool) (font.Face, error) {
	f, err := Font(bold)
	if err != nil {
		return nil, err
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("font face: %w", err)
	}
	return face, nil
}

// Measure returns a text's advance width in pixels.
func Measure(face font.Face, s string) float64 { return fixedFloat(font.MeasureString(face, s)) }

func fixedFloat(v fixed.Int26_6) float64 { return float64(v) / 64 }

// Text draws s with its baseline starting at x, y, inside a halo of radius r (none when
// r is 0): the text is rendered once into a mask, the mask is dilated for the halo, and
// both are composited — far cheaper than drawing the string at a ring of offsets.
func Text(dst *image.RGBA, face font.Face, s string, x, y float64, ink, halo color.Color, r float64) {
	m := face.Metrics()
	w := Measure(face, s)
	pad := int(math.Ceil(r)) + 1
	bx, by := int(math.Floor(x)), int(math.Floor(y-fixedFloat(m.Ascent)))
	rect := image.Rect(bx-pad, by-pad, bx+int(math.Ceil(w))+pad+1, by+int(math.Ceil(fixedFloat(m.Ascent+m.Descent)))+pad+1)
	if !rect.Overlaps(dst.Rect) {
		return
	}
	mask := image.NewAlpha(rect)
	d := font.Drawer{Dst: mask, Src: image.Opaque, Face: face, Dot: fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)}}
	d.DrawString(s)
	if r > 0 {
		draw.DrawMask(dst, rect, image.NewUniform(halo), image.Point{}, dilate(mask, r), rect.Min, draw.Over)
	}
	draw.DrawMask(dst, rect, image.NewUniform(ink), image.Point{}, mask, rect.Min, draw.Over)
}

// dilate grows an alpha mask by r pixels: a maximum over a square, as a row pass and a
// column pass. The fractional part of r fades the outermost ring, keeping thin halos soft.
func dilate(m *image.Alpha, r float64) *image.Alpha {
	n := int(math.Ceil(r))
	frac := r - float64(n-1)
	b := m.Rect
	w, h := b.Dx(), b.Dy()
	pass := func(src []uint8, at func(i, j int) int, len1, len2 int) []uint8 {
		out := make([]uint8, len(src))
		for j := range len2 {
			for i := range len1 {
				var v float64
				for k := -n; k <= n; k++ {
					if i+k < 0 || i+k >= len1 {
						continue
					}
					a := float64(src[at(i+k, j)])
					if k == -n || k == n {
						a *= frac
					}
					v = max(v, a)
				}
				out[at(i, j)] = uint8(v)
			}
		}
		return out
	}
	rows := pass(m.Pix, func(i, j int) int { return j*m.Stride + i }, w, h)
	cols := pass(rows, func(i, j int) int { return i*m.Stride + j }, h, w)
	return &image.Alpha{Pix: cols, Stride: m.Stride, Rect: b}
}
