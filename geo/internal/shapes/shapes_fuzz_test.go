package shapes_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"reflect"
	"testing"

	"github.com/strikemap/strikemap/geo/internal/allocs"
	"github.com/strikemap/strikemap/geo/internal/shapes"
)

// FuzzShapes decodes any bytes, gzipped by the test when wrap is set so that the
// fuzzer works on the layout rather than on gzip's checksums: an error wraps
// ErrCorrupt, memory stays within a small multiple of the decompressed size
// whatever counts the bytes claim, and a decoded file encodes and decodes to itself.
func FuzzShapes(f *testing.F) {
	var good bytes.Buffer
	if err := shapes.Encode(&good, sample()); err != nil {
		f.Fatal(err)
	}
	raw := gunzipped(good.Bytes())
	f.Add(raw, true)
	f.Add(good.Bytes(), false)
	f.Add([]byte("SMSHAPE1"), true)
	f.Add(append(append([]byte{}, raw[:40]...), 0xff, 0xff, 0xff, 0xff, 0x0f), true) // a huge count
	f.Add(append(append([]byte{}, raw[:41]...), 0xff, 0xff, 0xff, 0xff, 0x0f), true)
	f.Add(append(append([]byte{}, good.Bytes()[:good.Len()-4]...), 0xff, 0xff, 0xff, 0xff), false) // a huge size
	f.Fuzz(func(t *testing.T, data []byte, wrap bool) {
		if wrap {
			data = gz(data)
		}
		var got *shapes.File
		var err error
		n := allocs.Bytes(func() { got, err = shapes.Decode(data) })
		if limit := 32*uint64(len(gunzipped(data))) + 1<<20; n > limit {
			t.Fatalf("Decode of %d bytes allocated %d bytes, over %d", len(data), n, limit)
		}
		if err != nil {
			if !errors.Is(err, shapes.ErrCorrupt) {
				t.Fatalf("error %v does not wrap ErrCorrupt", err)
			}
			return
		}
		var again bytes.Buffer
		if err := shapes.Encode(&again, got); err != nil {
			t.Fatalf("a decoded file does not encode: %v", err)
		}
		back, err := shapes.Decode(again.Bytes())
		if err != nil || !reflect.DeepEqual(back, got) {
			t.Fatalf("encode and decode again: %v\n got %+v\nwant %+v", err, back, got)
		}
	})
}

// gunzipped returns what of b gunzips, however little, up to 64 MiB.
func gunzipped(b []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	out, _ := io.ReadAll(io.LimitReader(zr, 64<<20))
	return out
}
