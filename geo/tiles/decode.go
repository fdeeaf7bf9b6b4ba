package tiles

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
)

// MaxTilePixels bounds a tile's width and height: retina tiles are 512,
// and anything much larger is a decompression bomb, not a tile.
const MaxTilePixels = 1024

var (
	pngMagic  = []byte("\x89PNG\r\n\x1a\n")
	jpegMagic = []byte("\xff\xd8\xff")
)

// Decode decodes a PNG or JPEG tile. It reads the format from the bytes,
// not from a file name or Content-Type, and decodes only these two
// formats whatever else the program has registered with package image.
// Errors wrap ErrNotImage.
func Decode(b []byte) (image.Image, error) {
	var (
		config func([]byte) (image.Config, error)
		decode func([]byte) (image.Image, error)
	)
	switch {
	case bytes.HasPrefix(b, pngMagic):
		config = func(b []byte) (image.Config, error) { return png.DecodeConfig(bytes.NewReader(b)) }
		decode = func(b []byte) (image.Image, error) { return png.Decode(bytes.NewReader(b)) }
	case bytes.HasPrefix(b, jpegMagic):
		config = func(b []byte) (image.Config, error) { return jpeg.DecodeConfig(bytes.NewReader(b)) }
		decode = func(b []byte) (image.Image, error) { return jpeg.Decode(bytes.NewReader(b)) }
	default:
		return nil, fmt.Errorf("%w: %d bytes starting %q", ErrNotImage, len(b), head(b, 16))
	}
	c, err := config(b)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotImage, err)
	}
	if c.Width <= 0 || c.Height <= 0 || c.Width > MaxTilePixels || c.Height > MaxTilePixels {
		return nil, fmt.Errorf("%w: %d×%d pixels is not a tile", ErrNotImage, c.Width, c.Height)
	}
	img, err := decode(b)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotImage, err)
	}
	return img, nil
}

func head(b []byte, n int) []byte { return b[:min(len(b), n)] }

// toRGBA returns img as an *image.RGBA with origin 0,0, copying only
// when it is not one already.
func toRGBA(img image.Image) *image.RGBA {
	if m, ok := img.(*image.RGBA); ok && m.Rect.Min == (image.Point{}) {
		return m
	}
	b := img.Bounds()
	m := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(m, m.Rect, img, b.Min, draw.Src)
	return m
}
