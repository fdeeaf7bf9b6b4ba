package places

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/strikemap/strikemap/geo/internal/varint"
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
	// hintRatio is how many times its compressed size Decode believes the
	// place table to be before reading it.
	hintRatio = 8
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
		b = varint.AppendString(b, f)
	}
	for _, p := range places {
		b = varint.AppendString(b, p.Name)
	}
	for _, p := range places {
		b = varint.AppendString(b, p.AltNames)
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
		b = varint.AppendString(b, p.Admin1)
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

// Decode reads a table written by Encode. Corrupt input gives an error
// wrapping ErrCorrupt, never a panic.
func Decode(gz []byte) ([]Place, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("decode places: %w: %v", ErrCorrupt, err)
	}
	// gzip's trailer holds the uncompressed size; reading into a buffer of
	// that size avoids io.ReadAll's repeated growing. It is only a hint, and
	// corrupt bytes would claim any size: the place table compresses about
	// threefold, so more than hintRatio-fold is not believed up front (a larger
	// table still decodes, growing the buffer as it goes).
	var buf bytes.Buffer
	if len(gz) >= 4 {
		hint := min(int(binary.LittleEndian.Uint32(gz[len(gz)-4:])), maxRaw, hintRatio*len(gz))
		buf.Grow(hint + bytes.MinRead)
	}
	_, err = buf.ReadFrom(io.LimitReader(zr, maxRaw+1))
	raw := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("decode places: %w: %v", ErrCorrupt, err)
	}
	if len(raw) > maxRaw {
		return nil, fmt.Errorf("decode places: %w: larger than %d bytes", ErrCorrupt, maxRaw)
	}
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, fmt.Errorf("decode places: %w: bad magic", ErrCorrupt)
	}
	// One string conversion for the whole table: every name below is a
	// substring of it, so decoding allocates no string per place.
	d := varint.NewReader(string(raw), len(magic), ErrCorrupt)
	// Every place takes at least 8 bytes, which bounds n before allocating.
	n := d.Count(8)
	feats := make([]string, d.Count(1))
	for i := range feats {
		feats[i] = d.Str()
	}
	ps := make([]Place, n)
	for i := range ps {
		ps[i].Name = d.Str()
	}
	for i := range ps {
		ps[i].AltNames = d.Str()
	}
	for i := range ps {
		ps[i].Lat = coord(d, 90)
	}
	for i := range ps {
		ps[i].Lon = coord(d, 180)
	}
	for i := range ps {
		ps[i].Country = d.Fixed(2)
	}
	for i := range ps {
		ps[i].Admin1 = d.Str()
	}
	for i := range ps {
		ps[i].Population = int(min(d.Uvarint(), math.MaxInt32))
	}
	for i := range ps {
		f := d.Uvarint()
		if d.Err() == nil && f >= uint64(len(feats)) {
			d.Fail("feature index %d out of range", f)
		}
		if d.Err() == nil {
			ps[i].Feature = feats[f]
			ps[i].Capital = isSeat(feats[f])
		}
	}
	if err := d.End(); err != nil {
		return nil, fmt.Errorf("decode places: %w", err)
	}
	return ps, nil
}

// coord reads a coordinate and fails unless it is within ±limit degrees,
// so a corrupt table cannot put a place off the globe.
func coord(d *varint.Reader, limit float64) float64 {
	v := float64(d.Varint()) / coordUnit
	if d.Err() == nil && !(v >= -limit && v <= limit) {
		d.Fail("coordinate %v outside ±%v", v, limit)
	}
	if d.Err() != nil {
		return 0
	}
	return v
}
