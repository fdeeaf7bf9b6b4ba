package paint

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// Painter fills paths into images. It holds the scratch memory that filling needs, so a
// frame of many shapes allocates nothing once warm; one Painter per goroutine.
type Painter struct {
	rz   *vector.Rasterizer
	mask *image.Alpha
}

// NewPainter returns a Painter with empty scratch memory.
func NewPainter() *Painter {
	return &Painter{rz: vector.NewRasterizer(0, 0), mask: &image.Alpha{}}
}

// Fill composites p onto dst in colour c, over what is there, and empties p.
func (pt *Painter) Fill(dst *image.RGBA, p *Path, c color.NRGBA) {
	defer p.Reset()
	if p.Empty() {
		return
	}
	// The pixel box the path covers, clipped to the image.
	r := image.Rect(int(math.Floor(p.minX)), int(math.Floor(p.minY)),
		int(math.Ceil(p.maxX))+1, int(math.Ceil(p.maxY))+1).Intersect(dst.Rect)
	if r.Empty() {
		return
	}
	w, h := r.Dx(), r.Dy()
	pt.rz.Reset(w, h)
	ox, oy := float32(r.Min.X), float32(r.Min.Y)
	for _, o := range p.ops {
		q := func(i int) (float32, float32) { return float32(o.p[i][0]) - ox, float32(o.p[i][1]) - oy }
		switch o.kind {
		case moveTo:
			pt.rz.MoveTo(q(0))
		case lineTo:
			pt.rz.LineTo(q(0))
		case cubeTo:
			x1, y1 := q(0)
			x2, y2 := q(1)
			x, y := q(2)
			pt.rz.CubeTo(x1, y1, x2, y2, x, y)
		case closePath:
			pt.rz.ClosePath()
		}
	}
	if cap(pt.mask.Pix) < w*h {
		pt.mask.Pix = make([]uint8, w*h)
	}
	pt.mask.Pix, pt.mask.Stride, pt.mask.Rect = pt.mask.Pix[:w*h], w, image.Rect(0, 0, w, h)
	// Src overwrites the whole mask, so it needs no clearing.
	pt.rz.DrawOp = draw.Src
	pt.rz.Draw(pt.mask, pt.mask.Rect, image.Opaque, image.Point{})
	Composite(dst, r.Min, pt.mask, c)
}

// Composite blends colour c over dst through an alpha mask whose origin lands on at.
// Done by hand because the mask is mostly empty and image/draw blends every pixel.
func Composite(dst *image.RGBA, at image.Point, mask *image.Alpha, c color.NRGBA) {
	r := mask.Rect.Add(at.Sub(mask.Rect.Min)).Intersect(dst.Rect)
	ca := uint32(c.A)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		mrow := mask.Pix[(y-at.Y)*mask.Stride+(r.Min.X-at.X):]
		drow := dst.Pix[dst.PixOffset(r.Min.X, y):]
		for x := range r.Dx() {
			m := mrow[x]
			if m == 0 {
				continue
			}
			a := uint32(m) * ca / 0xff
			d := drow[4*x : 4*x+4 : 4*x+4]
			if a == 0xff {
				// Inside an opaque shape, as most covered pixels of a filled area are.
				d[0], d[1], d[2], d[3] = c.R, c.G, c.B, 0xff
				continue
			}
			d[0] = over(d[0], c.R, a)
			d[1] = over(d[1], c.G, a)
			d[2] = over(d[2], c.B, a)
			d[3] = uint8(a + (uint32(d[3])*(0xff-a)+0x7f)/0xff)
		}
	}
}

// over blends a straight colour channel with coverage a over a premultiplied one.
func over(dst, src uint8, a uint32) uint8 {
	return uint8((uint32(src)*a + uint32(dst)*(0xff-a) + 0x7f) / 0xff)
}
