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
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
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
		b = binary.AppendUvarint(b, uint64(len(l.Name)))
		b = append(b, l.Name...)
		b = binary.AppendVarint(b, int64(l.At.X))
		b = binary.AppendVarint(b, int64(l.At.Y))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(l.Area))
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
	d := &reader{b: raw, off: len(magic)}
	f := &File{}
	for _, v := range []*float64{&f.Scale[0], &f.Scale[1], &f.Translate[0], &f.Translate[1]} {
		*v = d.float()
	}
	var last Point
	for _, lines := range []*[][]Point{&f.Land, &f.Borders} {
		*lines = make([][]Point, d.count(1))
		for i := range *lines {
			l := make([]Point, d.count(2))
			for j := range l {
				last.X = d.coord(last.X)
				last.Y = d.coord(last.Y)
				l[j] = last
			}
			(*lines)[i] = l
		}
	}
	f.Labels = make([]Label, d.count(11))
	for i := range f.Labels {
		n := d.count(1)
		if d.err == nil {
			f.Labels[i].Name = string(d.b[d.off : d.off+n])
			d.off += n
		}
		f.Labels[i].At = Point{d.coord(0), d.coord(0)}
		f.Labels[i].Area = d.float()
	}
	if d.err == nil && d.off != len(d.b) {
		d.fail("%d trailing bytes", len(d.b)-d.off)
	}
	if d.err != nil {
		return nil, fmt.Errorf("decode shapes: %w", d.err)
	}
	return f, nil
}

// reader walks the decompressed bytes; after the first error every read
// returns zero, so Decode checks err once at the end.
type reader struct {
	b   []byte
	off int
	err error
}

func (d *reader) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: at byte %d: %s", ErrCorrupt, d.off, fmt.Sprintf(format, args...))
	}
}

func (d *reader) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.off += n
	return v
}

// count reads a length and checks that at least min bytes per item
// remain, so a corrupt length cannot cause a huge allocation.
func (d *reader) count(min int) int {
	n := d.uvarint()
	if d.err == nil && n > uint64((len(d.b)-d.off)/min) {
		d.fail("count %d exceeds input", n)
	}
	if d.err != nil {
		return 0
	}
	return int(n)
}

// coord reads a delta from prev and checks it stays within int32.
func (d *reader) coord(prev int32) int32 {
	u := d.uvarint()
	v := int64(prev) + (int64(u>>1) ^ -int64(u&1))
	if d.err == nil && (v < math.MinInt32 || v > math.MaxInt32) {
		d.fail("coordinate out of range")
	}
	if d.err != nil {
		return 0
	}
	return int32(v)
}

func (d *reader) float() float64 {
	if d.err == nil && len(d.b)-d.off < 8 {
		d.fail("truncated")
	}
	if d.err != nil {
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.b[d.off:]))
	d.off += 8
	if math.IsNaN(v) || math.IsInf(v, 0) {
		d.fail("non-finite number")
		return 0
	}
	return v
}
