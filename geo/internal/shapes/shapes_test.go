package shapes_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"reflect"
	"testing"

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
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(zr)
	for name, data := range map[string][]byte{
		"empty":          nil,
		"not gzip":       []byte("not a shape file"),
		"bad magic":      gz(append([]byte("XXXXXXXX"), raw[8:]...)),
		"huge count":     gz(append(append([]byte{}, raw[:40]...), 0xff, 0xff, 0xff, 0xff, 0x0f)),
		"trailing bytes": gz(append(append([]byte{}, raw...), 1)),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := shapes.Decode(data); !errors.Is(err, shapes.ErrCorrupt) {
				t.Errorf("Decode error %v, want ErrCorrupt", err)
			}
		})
	}
	for cut := range len(raw) {
		if _, err := shapes.Decode(gz(raw[:cut])); !errors.Is(err, shapes.ErrCorrupt) {
			t.Errorf("cut at %d: Decode error %v, want ErrCorrupt", cut, err)
		}
	}
}

// FuzzDecode checks that no input makes Decode panic.
func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	if err := shapes.Encode(&buf, sample()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		shapes.Decode(data)
		shapes.Decode(gz(data))
	})
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}
