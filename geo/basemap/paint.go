package basemap

import (
	"image"
	"image/color"
	"image/draw"
	"sync"

	"golang.org/x/image/vector"
)

// painter is the scratch space of one Render call, pooled so that a tile
// costs few allocations.
type painter struct {
	rz   *vector.Rasterizer
	mask *image.Alpha
	c    clipper
	buf  []fpt
}

var painters = sync.Pool{New: func() any {
	return &painter{rz: vector.NewRasterizer(0, 0), mask: &image.Alpha{}}
}}

// begin readies p for a tile of size pixels square.
func (p *painter) begin(size int) {
	p.rz.Reset(size, size)
	if p.mask.Rect.Dx() != size {
		p.mask = image.NewAlpha(image.Rect(0, 0, size, size))
	}
}

// paint composites the shapes added to the rasterizer onto dst in colour
// c, then clears the rasterizer. Rasterizing into an alpha mask takes
// vector's SIMD path, and compositing by hand skips the uncovered pixels
// that are most of a tile; vector's own RGBA path does a full blend with
// divisions for every pixel, which made it most of a tile's cost.
// dst must be opaque, as tiles are.
func (p *painter) paint(dst *image.RGBA, c color.NRGBA) {
	size := p.mask.Rect.Dx()
	// Reset sets DrawOp back to Over; Src overwrites the whole mask, so
	// it need not be cleared first.
	p.rz.DrawOp = draw.Src
	p.rz.Draw(p.mask, p.mask.Rect, image.Opaque, image.Point{})
	p.rz.Reset(size, size)
	ca := uint32(c.A)
	for y := range size {
		row := p.mask.Pix[y*p.mask.Stride : y*p.mask.Stride+size]
		pix := dst.Pix[y*dst.Stride:]
		for x, m := range row {
			if m == 0 {
				continue
			}
			a := uint32(m) * ca / 0xff
			i := 4 * x
			if a == 0xff {
				pix[i], pix[i+1], pix[i+2] = c.R, c.G, c.B
				continue
			}
			pix[i] = blend(pix[i], c.R, a)
			pix[i+1] = blend(pix[i+1], c.G, a)
			pix[i+2] = blend(pix[i+2], c.B, a)
		}
	}
}

// blend mixes src over dst with coverage a out of 255.
func blend(dst, src uint8, a uint32) uint8 {
	return uint8((uint32(dst)*(0xff-a) + uint32(src)*a + 0x7f) / 0xff)
}
