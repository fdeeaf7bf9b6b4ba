// Package shapes is the file format of the embedded basemap: Natural
// Earth land rings, country borders and country label points, kept in the
// source's own quantized longitude/latitude grid. It is shared by the
// generator (geo/internal/mkdata) and the reader (geo/basemap).
package shapes

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/strikemap/strikemap/geo/internal/varint"
)

// Layout after gunzip: magic; the grid transform as four float64 bits;
// then the land rings, the border lines and the country labels. A line is
// a uvarint point count and zigzag varint deltas of x, y, each line
// continuing from the last point of the one before, because consecutive
// vertices differ by a few grid steps and so encode in a byte or two.
const (
	magic  = "SMSHAPE1"
	maxRaw = 64 << 20
)

// ErrCorrupt reports a shape file that cannot be decoded.
var ErrCorrupt = errors.New("corrupt shape file")

// Point is a position on the grid: lon = X·Scale[0] + Translate[0],
// lat = Y·Scale[1] + Translate[1].
type Point struct{ X, Y int32 }

// Label is where to write a country's name.
type Label struct {
	Name string
	At   Point
	Area float64 // of the country's largest part, in square degrees, to rank labels
}

// File is one scale of the basemap.
type File struct {
	Scale, Translate [2]float64
	// Land rings, outer rings wound one way and holes the other, so that
	// a non-zero fill leaves holes open. Their outlines are the coasts.
	Land [][]Point
	// Borders are lines shared by two countries.
	Borders [][]Point
	Labels  []Label
}

// LonLat converts a grid point to degrees.
func (f *File) LonLat(p Point) (lon, lat float64) {
	return float64(p.X)*f.Scale[0] + f.Translate[0], float64(p.Y)*f.Scale[1] + f.Translate[1]
}

// Encode writes f gzip'd; the output depends only on f.
func Encode(w io.Writer, f *File) error {
	b := []byte(magic)
	for _, v := range [4]float64{f.Scale[0], f.Scale[1], f.Translate[0], f.Translate[1]} {
		b = varint.AppendFloat(b, v)
	}
	var last Point
	for _, lines := range [][][]Point{f.Land, f.Borders} {
		b = binary.AppendUvarint(b, uint64(len(lines)))
		for _, l := range lines {
			b = binary.AppendUvarint(b, uint64(len(l)))
			for _, p := range l {
				b = binary.AppendVarint(b, int64(p.X)-int64(last.X))
				b = binary.AppendVarint(b, int64(p.Y)-int64(last.Y))
				last = p
			}
		}
	}
	b = binary.AppendUvarint(b, uint64(len(f.Labels)))
	for _, l := range f.Labels {
		b = varint.AppendString(b, l.Name)
		b = binary.AppendVarint(b, int64(l.At.X))
		b = binary.AppendVarint(b, int64(l.At.Y))
		b = varint.AppendFloat(b, l.Area)
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err == nil {
		_, err = zw.Write(b)
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		return fmt.Errorf("encode shapes: %w", err)
	}
	return nil
}

// Decode reads a file written by Encode. Corrupt input gives an error
// wrapping ErrCorrupt, never a panic.
func Decode(gz []byte) (*File, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("decode shapes: %w: %v", ErrCorrupt, err)
	}
	raw, err := io.ReadAll(io.LimitReader(zr, maxRaw+1))
	if err != nil {
		return nil, fmt.Errorf("decode shapes: %w: %v", ErrCorrupt, err)
	}
	if len(raw) > maxRaw || !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, fmt.Errorf("decode shapes: %w: bad header", ErrCorrupt)
	}
	d := varint.NewReader(string(raw), len(magic), ErrCorrupt)
	f := &File{}
	for _, v := range []*float64{&f.Scale[0], &f.Scale[1], &f.Translate[0], &f.Translate[1]} {
		*v = d.Float()
	}
	var last Point
	for _, lines := range []*[][]Point{&f.Land, &f.Borders} {
		*lines = make([][]Point, d.Count(1))
		for i := range *lines {
			l := make([]Point, d.Count(2))
			for j := range l {
				last.X = coord(d, last.X)
				last.Y = coord(d, last.Y)
				l[j] = last
			}
			(*lines)[i] = l
		}
	}
	f.Labels = make([]Label, d.Count(11))
	for i := range f.Labels {
		// A copy, so the names do not keep the whole decoded file alive.
		f.Labels[i].Name = strings.Clone(d.Str())
		f.Labels[i].At = Point{coord(d, 0), coord(d, 0)}
		f.Labels[i].Area = d.Float()
	}
	if err := d.End(); err != nil {
		return nil, fmt.Errorf("decode shapes: %w", err)
	}
	return f, nil
}

// coord reads a delta from prev and checks it stays within int32.
func coord(d *varint.Reader, prev int32) int32 {
	v := int64(prev) + d.Varint()
	if d.Err() == nil && (v < math.MinInt32 || v > math.MaxInt32) {
		d.Fail("coordinate out of range")
	}
	if d.Err() != nil {
		return 0
	}
	return int32(v)
}
