package places_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"reflect"
	"testing"

	"github.com/strikemap/strikemap/geo/internal/allocs"
	"github.com/strikemap/strikemap/geo/places"
)

// FuzzPlaces decodes any bytes, gzipped by the test when wrap is set so that the
// fuzzer works on the layout rather than on gzip's checksums: an error wraps
// ErrCorrupt, memory stays within a small multiple of the decompressed size
// whatever sizes and counts the bytes claim, every place is in WGS84, and a decoded
// table encodes and decodes to itself.
func FuzzPlaces(f *testing.F) {
	var good bytes.Buffer
	if err := places.Encode(&good, []places.Place{
		{Name: "Idlib", AltNames: "Edleb,إدلب", Lat: 35.93, Lon: 36.63, Country: "SY", Admin1: "12", Population: 128840, Feature: "PPLA"},
		{Name: "Damascus", Lat: 33.51, Lon: 36.29, Country: "SY", Admin1: "13", Population: 1569394, Feature: "PPLC"},
		{Name: "x", Lat: -90, Lon: 180, Country: "AQ", Feature: "PPL"},
	}); err != nil {
		f.Fatal(err)
	}
	raw := unzipped(good.Bytes())
	f.Add(raw, true)
	f.Add(good.Bytes(), false)
	f.Add([]byte("SMPLACE1\xff\xff\xff\xff\x0f"), true)
	f.Add([]byte("SMPLACE1\x01\x01\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01\x00SY\x00\x00\x00"), true)
	f.Add(append(append([]byte{}, good.Bytes()[:good.Len()-4]...), 0xff, 0xff, 0xff, 0xff), false)
	f.Add(append(append([]byte{}, good.Bytes()[:20]...), 0xff, 0xff, 0xff, 0xff), false)
	f.Fuzz(func(t *testing.T, data []byte, wrap bool) {
		if wrap {
			data = gzipBytes(data)
		}
		var got []places.Place
		var err error
		n := allocs.Bytes(func() { got, err = places.Decode(data) })
		if limit := 32*uint64(len(unzipped(data))) + 1<<20; n > limit {
			t.Fatalf("Decode of %d bytes allocated %d bytes, over %d", len(data), n, limit)
		}
		if err != nil {
			if !errors.Is(err, places.ErrCorrupt) {
				t.Fatalf("error %v does not wrap ErrCorrupt", err)
			}
			return
		}
		for _, p := range got {
			if !(p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180) {
				t.Fatalf("%q decoded at %v, %v, outside WGS84", p.Name, p.Lat, p.Lon)
			}
		}
		var again bytes.Buffer
		if err := places.Encode(&again, got); err != nil {
			t.Fatalf("a decoded table does not encode: %v", err)
		}
		back, err := places.Decode(again.Bytes())
		if err != nil || !reflect.DeepEqual(back, got) {
			t.Fatalf("encode and decode again: %v\n got %+v\nwant %+v", err, back, got)
		}
	})
}

// unzipped returns what of b gunzips, however little, up to 256 MiB.
func unzipped(b []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	out, _ := io.ReadAll(io.LimitReader(zr, 256<<20))
	return out
}
