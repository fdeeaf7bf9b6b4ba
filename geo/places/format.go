package places

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
)

// The table is stored column by column inside one gzip stream, because
// like values next to each other (all names, then all latitudes, …)
// compress far better than rows do. Layout after gunzip:
//
//	magic "SMPLACE1"
//	uvarint n                      number of places
//	uvarint k, k × string          feature-code dictionary
//	n × string                     Name
//	n × string                     AltNames
//	n × varint                     Lat in 1e-5 degrees
//	n × varint                     Lon in 1e-5 degrees
//	n × 2 bytes                    Country
//	n × string                     Admin1
//	n × uvarint                    Population
//	n × uvarint                    index into the feature-code dictionary
//
// where string is a uvarint byte length followed by UTF-8 bytes.
// GeoNames gives coordinates to five decimals, so 1e-5 is lossless.
const (
	magic     = "SMPLACE1"
	coordUnit = 1e5
	// maxRaw bounds the decompressed size so a corrupt or hostile input
	// cannot make Decode allocate without limit.
	maxRaw = 256 << 20
)

// ErrCorrupt reports a place table that cannot be decoded.
var ErrCorrupt = errors.New("corrupt place table")

// Encode writes places in the compact gzip'd form Decode reads.
// Output depends only on the input, so generated files are reproducible.
func Encode(w io.Writer, places []Place) error {
	var feats []string
	featIndex := map[string]uint64{}
	for _, p := range places {
		if len(p.Country) != 2 {
			return fmt.Errorf("encode place %q: country %q is not two letters", p.Name, p.Country)
		}
		if _, ok := featIndex[p.Feature]; !ok {
			featIndex[p.Feature] = uint64(len(feats))
			feats = append(feats, p.Feature)
		}
	}
	var b []byte
	b = append(b, magic...)
	b = binary.AppendUvarint(b, uint64(len(places)))
	b = binary.AppendUvarint(b, uint64(len(feats)))
	for _, f := range feats {
		b = appendString(b, f)
	}
	for _, p := range places {
		b = appendString(b, p.Name)
	}
	for _, p := range places {
		b = appendString(b, p.AltNames)
	}
	for _, p := range places {
		b = binary.AppendVarint(b, int64(math.Round(p.Lat*coordUnit)))
	}
	for _, p := range places {
		b = binary.AppendVarint(b, int64(math.Round(p.Lon*coordUnit)))
	}
	for _, p := range places {
		b = append(b, p.Country...)
	}
	for _, p := range places {
		b = appendString(b, p.Admin1)
	}
	for _, p := range places {
		b = binary.AppendUvarint(b, uint64(max(p.Population, 0)))
	}
	for _, p := range places {
		b = binary.AppendUvarint(b, featIndex[p.Feature])
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("encode places: %w", err)
	}
	if _, err := zw.Write(b); err != nil {
		return fmt.Errorf("encode places: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("encode places: %w", err)
	}
	return nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// Decode reads a table written by Encode. Corrupt input gives an error
// wrapping ErrCorrupt, never a panic.
func Decode(gz []byte) ([]Place, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("decode places: %w: %v", ErrCorrupt, err)
	}
	// gzip's trailer holds the uncompressed size; reading into a buffer of
	// that size avoids io.ReadAll's repeated growing. It is only a hint.
	var buf bytes.Buffer
	if len(gz) >= 4 {
		buf.Grow(int(min(binary.LittleEndian.Uint32(gz[len(gz)-4:]), maxRaw)) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(io.LimitReader(zr, maxRaw+1))
	raw := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("decode places: %w: %v", ErrCorrupt, err)
	}
	if len(raw) > maxRaw {
		return nil, fmt.Errorf("decode places: %w: larger than %d bytes", ErrCorrupt, maxRaw)
	}
	// One string conversion for the whole table: every name below is a
	// substring of it, so decoding allocates no string per place.
	d := &reader{s: string(raw)}
	if !strings.HasPrefix(d.s, magic) {
		return nil, fmt.Errorf("decode places: %w: bad magic", ErrCorrupt)
	}
	d.off = len(magic)
	n := d.uvarint()
	// Every place takes at least 8 bytes, which bounds n before allocating.
	if d.err == nil && n > uint64(len(d.s))/8 {
		d.fail("place count %d too large", n)
	}
	feats := make([]string, d.count(d.uvarint()))
	for i := range feats {
		feats[i] = d.str()
	}
	ps := make([]Place, d.count(n))
	for i := range ps {
		ps[i].Name = d.str()
	}
	for i := range ps {
		ps[i].AltNames = d.str()
	}
	for i := range ps {
		ps[i].Lat = float64(d.varint()) / coordUnit
	}
	for i := range ps {
		ps[i].Lon = float64(d.varint()) / coordUnit
	}
	for i := range ps {
		ps[i].Country = d.fixed(2)
	}
	for i := range ps {
		ps[i].Admin1 = d.str()
	}
	for i := range ps {
		ps[i].Population = int(min(d.uvarint(), math.MaxInt32))
	}
	for i := range ps {
		f := d.uvarint()
		if d.err == nil && f >= uint64(len(feats)) {
			d.fail("feature index %d out of range", f)
		}
		if d.err == nil {
			ps[i].Feature = feats[f]
			ps[i].Capital = isSeat(feats[f])
		}
	}
	if d.err == nil && d.off != len(d.s) {
		d.fail("%d trailing bytes", len(d.s)-d.off)
	}
	if d.err != nil {
		return nil, fmt.Errorf("decode places: %w", d.err)
	}
	return ps, nil
}

// reader walks the decompressed table; after the first error every
// read returns a zero value, so callers check err once at the end.
type reader struct {
	s   string
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
	// binary.Uvarint wants a []byte; reading the string directly avoids
	// a conversion per value.
	var v uint64
	for i := 0; i < binary.MaxVarintLen64 && d.off+i < len(d.s); i++ {
		c := d.s[d.off+i]
		if i == binary.MaxVarintLen64-1 && c > 1 {
			break
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			d.off += i + 1
			return v
		}
	}
	d.fail("bad uvarint")
	return 0
}

func (d *reader) varint() int64 {
	u := d.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// count turns a decoded length into a slice size, zero after an error.
func (d *reader) count(n uint64) int {
	if d.err != nil {
		return 0
	}
	if n > uint64(len(d.s)) {
		d.fail("count %d exceeds input", n)
		return 0
	}
	return int(n)
}

func (d *reader) fixed(n int) string {
	if d.err != nil {
		return ""
	}
	if n > len(d.s)-d.off {
		d.fail("truncated")
		return ""
	}
	s := d.s[d.off : d.off+n]
	d.off += n
	return s
}

func (d *reader) str() string {
	n := d.uvarint()
	if d.err == nil && n > uint64(len(d.s)-d.off) {
		d.fail("string length %d exceeds input", n)
	}
	return d.fixed(int(min(n, uint64(len(d.s)))))
}
