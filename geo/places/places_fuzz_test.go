package places_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/strikemap/strikemap/geo/internal/codectest"
	"github.com/strikemap/strikemap/geo/places"
)

// codec is the place table's format, for the checks its tests share with the shapes'.
var codec = codectest.Codec[[]places.Place]{Encode: places.Encode, Decode: places.Decode, Corrupt: places.ErrCorrupt}

// FuzzPlaces decodes any bytes (see codectest.Codec.Fuzz): an error wraps ErrCorrupt,
// memory stays within a small multiple of the decompressed size whatever sizes and
// counts the bytes claim, every place is in WGS84, and a decoded table encodes and
// decodes to itself.
func FuzzPlaces(f *testing.F) {
	var good bytes.Buffer
	if err := places.Encode(&good, []places.Place{
		{Name: "Idlib", AltNames: "Edleb,إدلب", Lat: 35.93, Lon: 36.63, Country: "SY", Admin1: "12", Population: 128840, Feature: "PPLA"},
		{Name: "Damascus", Lat: 33.51, Lon: 36.29, Country: "SY", Admin1: "13", Population: 1569394, Feature: "PPLC"},
		{Name: "x", Lat: -90, Lon: 180, Country: "AQ", Feature: "PPL"},
	}); err != nil {
		f.Fatal(err)
	}
	raw := codectest.Gunzip(good.Bytes())
	f.Add(raw, true)
	f.Add(good.Bytes(), false)
	f.Add([]byte("SMPLACE1\xff\xff\xff\xff\x0f"), true)
	f.Add([]byte("SMPLACE1\x01\x01\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01\x00SY\x00\x00\x00"), true)
	f.Add(append(append([]byte{}, good.Bytes()[:good.Len()-4]...), 0xff, 0xff, 0xff, 0xff), false)
	f.Add(append(append([]byte{}, good.Bytes()[:20]...), 0xff, 0xff, 0xff, 0xff), false)
	f.Fuzz(func(t *testing.T, data []byte, wrap bool) { codec.Fuzz(t, data, wrap, inWGS84) })
}

// inWGS84 says which place, if any, lies outside latitudes ±90 and longitudes ±180.
func inWGS84(got []places.Place) error {
	for _, p := range got {
		if !(p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180) {
			return fmt.Errorf("%q decoded at %v, %v, outside WGS84", p.Name, p.Lat, p.Lon)
		}
	}
	return nil
}
