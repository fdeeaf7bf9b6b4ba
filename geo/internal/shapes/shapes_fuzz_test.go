package shapes_test

import (
	"bytes"
	"testing"

	"github.com/strikemap/strikemap/geo/internal/codectest"
	"github.com/strikemap/strikemap/geo/internal/shapes"
)

// codec is the shape format, for the checks its tests share with the place table's.
var codec = codectest.Codec[*shapes.File]{Encode: shapes.Encode, Decode: shapes.Decode, Corrupt: shapes.ErrCorrupt}

// FuzzShapes decodes any bytes (see codectest.Codec.Fuzz): an error wraps ErrCorrupt,
// memory stays within a small multiple of the decompressed size whatever counts the
// bytes claim, and a decoded file encodes and decodes to itself.
func FuzzShapes(f *testing.F) {
	var good bytes.Buffer
	if err := shapes.Encode(&good, sample()); err != nil {
		f.Fatal(err)
	}
	raw := codectest.Gunzip(good.Bytes())
	f.Add(raw, true)
	f.Add(good.Bytes(), false)
	f.Add([]byte("SMSHAPE1"), true)
	f.Add(append(append([]byte{}, raw[:40]...), 0xff, 0xff, 0xff, 0xff, 0x0f), true) // a huge count
	f.Add(append(append([]byte{}, raw[:41]...), 0xff, 0xff, 0xff, 0xff, 0x0f), true)
	f.Add(append(append([]byte{}, good.Bytes()[:good.Len()-4]...), 0xff, 0xff, 0xff, 0xff), false) // a huge size
	f.Fuzz(func(t *testing.T, data []byte, wrap bool) { codec.Fuzz(t, data, wrap, nil) })
}
