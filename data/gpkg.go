package data

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
)

// srsWGS84 is the GeoPackage srs_id of EPSG:4326, which events.geom uses.
const srsWGS84 = 4326

// gpkgPoint encodes p as a GeoPackage geometry blob: the "GP" header (version 0,
// little-endian, no envelope, srs_id 4326) followed by standard WKB.
func gpkgPoint(p orb.Point) []byte {
	b := make([]byte, 8, 8+21)
	b[0], b[1], b[2], b[3] = 'G', 'P', 0, 0x01
	binary.LittleEndian.PutUint32(b[4:], srsWGS84)
	w, err := wkb.Marshal(p, binary.LittleEndian)
	if err != nil {
		panic(err) // a Point always marshals
	}
	return append(b, w...)
}

// envelopeSizes maps the header's envelope indicator to the envelope's length in bytes.
var envelopeSizes = [...]int{0, 32, 48, 48, 64}

// parseGPKGPoint decodes a GeoPackage geometry blob holding a point and returns it with its srs_id.
func parseGPKGPoint(b []byte) (orb.Point, int32, error) {
	if len(b) < 8 || b[0] != 'G' || b[1] != 'P' {
		return orb.Point{}, 0, errors.New("not a GeoPackage geometry blob")
	}
	flags := b[3]
	var order binary.ByteOrder = binary.BigEndian
	if flags&1 == 1 {
		order = binary.LittleEndian
	}
	srs := int32(order.Uint32(b[4:8]))
	env := int(flags>>1) & 7
	if env >= len(envelopeSizes) {
		return orb.Point{}, srs, fmt.Errorf("bad envelope indicator %d", env)
	}
	if flags&0x10 != 0 {
		return orb.Point{}, srs, errors.New("empty geometry")
	}
	body := 8 + envelopeSizes[env]
	if len(b) < body {
		return orb.Point{}, srs, errors.New("geometry blob is cut off")
	}
	g, err := wkb.Unmarshal(b[body:])
	if err != nil {
		return orb.Point{}, srs, fmt.Errorf("geometry: %w", err)
	}
	p, ok := g.(orb.Point)
	if !ok {
		return orb.Point{}, srs, fmt.Errorf("geometry is a %s, not a Point", g.GeoJSONType())
	}
	return p, srs, nil
}
