// Package codectest holds the checks that the tests of Strikemap's gzipped binary
// formats share: the basemap's shapes and the place table.
package codectest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"reflect"
	"testing"

	"github.com/strikemap/strikemap/geo/internal/allocs"
)

// Codec is a gzipped binary format: Encode writes a value, Decode reads one back, and
// Decode's error for input that is not the format wraps Corrupt.
type Codec[T any] struct {
	Encode  func(io.Writer, T) error
	Decode  func([]byte) (T, error)
	Corrupt error
}

// Gzip returns b gzipped.
func Gzip(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// Gunzip returns what of b gunzips, however little, up to 256 MiB.
func Gunzip(b []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	out, _ := io.ReadAll(io.LimitReader(zr, 256<<20))
	return out
}

// Refuses checks that Decode refuses each input of damaged, and raw (a good value's
// gunzipped bytes) cut short anywhere, with an error wrapping Corrupt.
func (c Codec[T]) Refuses(t *testing.T, raw []byte, damaged map[string][]byte) {
	t.Helper()
	for name, data := range damaged {
		t.Run(name, func(t *testing.T) {
			if _, err := c.Decode(data); !errors.Is(err, c.Corrupt) {
				t.Errorf("Decode error %v, want %v", err, c.Corrupt)
			}
		})
	}
	for cut := range len(raw) {
		if _, err := c.Decode(Gzip(raw[:cut])); !errors.Is(err, c.Corrupt) {
			t.Errorf("cut at %d: Decode error %v, want %v", cut, err, c.Corrupt)
		}
	}
}

// Fuzz is a fuzz target's body. data is gzipped first when wrap is set, so that the
// fuzzer works on the layout rather than on gzip's checksums. An error must wrap
// Corrupt; memory must stay within a small multiple of the decompressed size whatever
// sizes and counts the bytes claim; a decoded value must pass valid, when given, and
// encode and decode to itself.
func (c Codec[T]) Fuzz(t *testing.T, data []byte, wrap bool, valid func(T) error) {
	t.Helper()
	if wrap {
		data = Gzip(data)
	}
	var got T
	var err error
	n := allocs.Bytes(func() { got, err = c.Decode(data) })
	if limit := 32*uint64(len(Gunzip(data))) + 1<<20; n > limit {
		t.Fatalf("Decode of %d bytes allocated %d bytes, over %d", len(data), n, limit)
	}
	if err != nil {
		if !errors.Is(err, c.Corrupt) {
			t.Fatalf("error %v does not wrap %v", err, c.Corrupt)
		}
		return
	}
	if valid != nil {
		if err := valid(got); err != nil {
			t.Fatal(err)
		}
	}
	var again bytes.Buffer
	if err := c.Encode(&again, got); err != nil {
		t.Fatalf("a decoded value does not encode: %v", err)
	}
	back, err := c.Decode(again.Bytes())
	if err != nil || !reflect.DeepEqual(back, got) {
		t.Fatalf("encode and decode again: %v\n got %+v\nwant %+v", err, back, got)
	}
}
