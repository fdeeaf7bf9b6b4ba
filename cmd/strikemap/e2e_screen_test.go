package main

import (
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"os"
)

// readScreen decodes the framebuffer Xvfb keeps in an XWD file under -fbdir: a screenshot
// without any program beyond Xvfb. The file is the live framebuffer, so a frame being drawn
// may be caught half done; callers compare successive shots for that.
func readScreen(path string) (*image.RGBA, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("screenshot: %w", err)
	}
	// The header is 25 big-endian 32-bit fields, then the window name.
	const fields = 25
	if len(b) < 4*fields {
		return nil, fmt.Errorf("screenshot %s: %d bytes is no XWD file", path, len(b))
	}
	f := func(i int) int { return int(binary.BigEndian.Uint32(b[4*i:])) }
	headerSize, version, format, w, h := f(0), f(1), f(2), f(4), f(5)
	byteOrder, bpp, stride, ncolors := f(7), f(11), f(12), f(19)
	redMask, greenMask, blueMask := f(14), f(15), f(16)
	if version != 7 || format != 2 || bpp != 32 || byteOrder != 0 ||
		redMask != 0xff0000 || greenMask != 0xff00 || blueMask != 0xff {
		return nil, fmt.Errorf("screenshot %s: not a 24-bit TrueColor XWD (version %d, format %d, %d bits per pixel, byte order %d)",
			path, version, format, bpp, byteOrder)
	}
	start := headerSize + 12*ncolors // each colormap entry is 12 bytes
	if len(b) < start+stride*h || stride < 4*w {
		return nil, fmt.Errorf("screenshot %s: %d bytes is short for %dx%d", path, len(b), w, h)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		row := b[start+y*stride:]
		for x := range w {
			// Little-endian 0x00RRGGBB: blue first.
			i := img.PixOffset(x, y)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = row[4*x+2], row[4*x+1], row[4*x], 0xff
		}
	}
	return img, nil
}

// sameIn reports whether a and b are equal within r.
func sameIn(a, b *image.RGBA, r image.Rectangle) bool {
	if a == nil || b == nil {
		return false
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		ra := a.Pix[a.PixOffset(r.Min.X, y):a.PixOffset(r.Max.X, y)]
		rb := b.Pix[b.PixOffset(r.Min.X, y):b.PixOffset(r.Max.X, y)]
		if string(ra) != string(rb) {
			return false
		}
	}
	return true
}

// blob is a connected patch of pixels of one colour.
type blob struct {
	box    image.Rectangle
	pixels int
}

// fill is the share of the blob's box it covers: π/4 for a disc, ½ for a triangle.
func (b blob) fill() float64 { return float64(b.pixels) / float64(b.box.Dx()*b.box.Dy()) }

// blobsOf finds the 4-connected patches of pixels within tol of c in every channel.
func blobsOf(img *image.RGBA, r image.Rectangle, c color.NRGBA, tol int) []blob {
	r = r.Intersect(img.Rect)
	near := func(p image.Point) bool {
		i := img.PixOffset(p.X, p.Y)
		return absDiff(img.Pix[i], c.R) <= tol && absDiff(img.Pix[i+1], c.G) <= tol && absDiff(img.Pix[i+2], c.B) <= tol
	}
	seen := make([]bool, r.Dx()*r.Dy())
	mark := func(p image.Point) bool {
		k := (p.Y-r.Min.Y)*r.Dx() + p.X - r.Min.X
		if seen[k] {
			return false
		}
		seen[k] = true
		return true
	}
	var out []blob
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			p := image.Pt(x, y)
			if !near(p) || !mark(p) {
				continue
			}
			b := blob{box: image.Rectangle{p, p.Add(image.Pt(1, 1))}}
			stack := []image.Point{p}
			for len(stack) > 0 {
				q := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				b.pixels++
				b.box = b.box.Union(image.Rectangle{q, q.Add(image.Pt(1, 1))})
				for _, d := range []image.Point{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
					n := q.Add(d)
					if n.In(r) && near(n) && mark(n) {
						stack = append(stack, n)
					}
				}
			}
			out = append(out, b)
		}
	}
	return out
}

// absDiff is |a−b| for two colour channels.
func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}
