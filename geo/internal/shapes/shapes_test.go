package shapes_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/strikemap/strikemap/geo/internal/codectest"
	"github.com/strikemap/strikemap/geo/internal/shapes"
)

func sample() *shapes.File {
	return &shapes.File{
		Scale:     [2]float64{0.0036000360003600037, 0.0017},
		Translate: [2]float64{-180, -85.6},
		Land:      [][]shapes.Point{{{0, 0}, {10, 0}, {10, 10}, {0, 0}}, {{-5, 99999}, {100000, 3}, {7, 7}}},
		Borders:   [][]shapes.Point{{{1, 2}, {3, 4}}},
		Labels:    []shapes.Label{{Name: "Syria", At: shapes.Point{X: 60000, Y: 70000}, Area: 18.5}},
	}
}

func TestRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := shapes.Encode(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	got, err := shapes.Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, sample()) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, sample())
	}
	lon, lat := got.LonLat(shapes.Point{X: 50000, Y: 0})
	if lon < 0 || lon > 0.01 || lat != -85.6 {
		t.Errorf("LonLat = %v, %v", lon, lat)
	}
}

func TestDecodeCorrupt(t *testing.T) {
	var buf bytes.Buffer
	if err := shapes.Encode(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	raw := codectest.Gunzip(buf.Bytes())
	codec.Refuses(t, raw, map[string][]byte{
		"empty":          nil,
		"not gzip":       []byte("not a shape file"),
		"bad magic":      codectest.Gzip(append([]byte("XXXXXXXX"), raw[8:]...)),
		"huge count":     codectest.Gzip(append(append([]byte{}, raw[:40]...), 0xff, 0xff, 0xff, 0xff, 0x0f)),
		"trailing bytes": codectest.Gzip(append(append([]byte{}, raw...), 1)),
	})
}
