package tiles

import (
	"encoding/binary"
	"image"
	"image/draw"
	"sync"

	xdraw "golang.org/x/image/draw"
)

// scale draws the part sr of src stretched over r of dst. At fractional
// zooms and on HiDPI screens every tile is stretched every frame, and
// x/image/draw takes some 50 ms for a 1920×1080 view; this bilinear
// scaler for RGBA onto RGBA works on whole pixels in fixed point, each
// source row blended across once and reused for the rows below it. Other
// destinations go through x/image/draw.
func scale(dst draw.Image, r image.Rectangle, src *image.RGBA, sr image.Rectangle) {
	d, ok := dst.(*image.RGBA)
	if !ok || !sr.In(src.Rect) || sr.Empty() || r.Empty() {
		xdraw.ApproxBiLinear.Scale(dst, r, src, sr, draw.Src, nil)
		return
	}
	clip := r.Intersect(d.Rect)
	if clip.Empty() {
		return
	}
	s := scratches.Get().(*scratch)
	defer scratches.Put(s)
	s.reset(clip.Dx())
	for i := range s.cols {
		x0, x1, w := sample(clip.Min.X+i-r.Min.X, r.Dx(), sr.Dx())
		base := (sr.Min.X - src.Rect.Min.X) * 4
		s.cols[i] = column{base + x0*4, base + x1*4, uint64(w)}
	}
	for y := clip.Min.Y; y < clip.Max.Y; y++ {
		y0, y1, wy := sample(y-r.Min.Y, r.Dy(), sr.Dy())
		y0, y1 = sr.Min.Y-src.Rect.Min.Y+y0, sr.Min.Y-src.Rect.Min.Y+y1
		top := s.row(src, y0, y1)
		bot := s.row(src, y1, y0)
		out := d.Pix[d.PixOffset(clip.Min.X, y):]
		out, bot = out[:len(top)*4], bot[:len(top)]
		w1 := uint64(wy)
		for i, t := range top {
			v := ((t*(256-w1) + bot[i]*w1 + half) >> 8) & lanes
			binary.LittleEndian.PutUint32(out[i*4:], pack(v))
		}
	}
}

// Pixels are blended as four 16-bit lanes of a uint64: a channel times a
// weight out of 256 stays below 65536, so lanes never carry into each
// other.
const (
	lanes = 0x00ff00ff00ff00ff
	half  = 0x0080008000800080 // rounds each lane
)

func expand(p uint32) uint64 {
	v := uint64(p)
	return v&0xff | (v&0xff00)<<8 | (v&0xff0000)<<16 | (v&0xff000000)<<24
}

func pack(v uint64) uint32 {
	return uint32(v&0xff | (v>>8)&0xff00 | (v>>16)&0xff0000 | (v>>24)&0xff000000)
}

// column says which two source pixels, as byte offsets in a row, make
// one destination column, and the weight of the second out of 256.
type column struct {
	o0, o1 int
	w      uint64
}

// scratch holds one scale call's columns and its two most recent source
// rows, blended across.
type scratch struct {
	cols []column
	rows [2][]uint64
	tag  [2]int // source row held in rows[i], -1 for none
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

func (s *scratch) reset(n int) {
	s.cols = append(s.cols[:0], make([]column, n)...)
	for i := range s.rows {
		s.rows[i] = append(s.rows[i][:0], make([]uint64, n)...)
		s.tag[i] = -1
	}
}

// row returns source row y blended across the columns, keeping row keep
// if it holds it.
func (s *scratch) row(src *image.RGBA, y, keep int) []uint64 {
	for i, t := range s.tag {
		if t == y {
			return s.rows[i]
		}
	}
	i := 0
	if s.tag[0] == keep || (s.tag[1] != keep && s.tag[1] < s.tag[0]) {
		i = 1
	}
	s.tag[i] = y
	pix := src.Pix[y*src.Stride:]
	out := s.rows[i]
	for j, c := range s.cols {
		a := expand(binary.LittleEndian.Uint32(pix[c.o0:]))
		b := expand(binary.LittleEndian.Uint32(pix[c.o1:]))
		out[j] = ((a*(256-c.w) + b*c.w + half) >> 8) & lanes
	}
	return out
}

// sample maps destination pixel i of n onto a source of m pixels, centre
// to centre: the two source pixels around it and the weight, out of 256,
// of the second.
func sample(i, n, m int) (p0, p1, w int) {
	f := ((2*i+1)*m*256)/(2*n) - 128 // source position in 1/256 pixel
	f = max(0, min(f, (m-1)*256))
	p0, w = f>>8, f&255
	return p0, min(p0+1, m-1), w
}
