package varint_test

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/strikemap/strikemap/geo/internal/varint"
)

var errBad = errors.New("bad test file")

func TestRoundTrip(t *testing.T) {
	var b []byte
	b = binary.AppendUvarint(b, math.MaxUint64)
	b = binary.AppendVarint(b, -123456789)
	b = varint.AppendString(b, "Ar Raqqah")
	b = varint.AppendString(b, "")
	b = varint.AppendFloat(b, -85.6)
	b = append(b, "SY"...)
	r := varint.NewReader(string(b), 0, errBad)
	if got := r.Uvarint(); got != math.MaxUint64 {
		t.Errorf("Uvarint = %d", got)
	}
	if got := r.Varint(); got != -123456789 {
		t.Errorf("Varint = %d", got)
	}
	if got := r.Str(); got != "Ar Raqqah" {
		t.Errorf("Str = %q", got)
	}
	if got := r.Str(); got != "" {
		t.Errorf("empty Str = %q", got)
	}
	if got := r.Float(); got != -85.6 {
		t.Errorf("Float = %v", got)
	}
	if got := r.Fixed(2); got != "SY" {
		t.Errorf("Fixed = %q", got)
	}
	if err := r.End(); err != nil {
		t.Error(err)
	}
}

// Every kind of corrupt input is an error wrapping the caller's sentinel, and every
// read after it returns zero.
func TestCorrupt(t *testing.T) {
	for name, tc := range map[string]struct {
		in   string
		read func(r *varint.Reader)
	}{
		"empty varint":    {"", func(r *varint.Reader) { r.Uvarint() }},
		"unended varint":  {"\x80\x80", func(r *varint.Reader) { r.Uvarint() }},
		"over 64 bits":    {"\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02", func(r *varint.Reader) { r.Uvarint() }},
		"huge count":      {"\xff\xff\xff\xff\x0f" + "abcd", func(r *varint.Reader) { r.Count(1) }},
		"count too big":   {"\x03abcdef", func(r *varint.Reader) { r.Count(4) }},
		"string too long": {"\x05abc", func(r *varint.Reader) { r.Str() }},
		"short fixed":     {"S", func(r *varint.Reader) { r.Fixed(2) }},
		"negative fixed":  {"SY", func(r *varint.Reader) { r.Fixed(-1) }},
		"short float":     {"\x00\x00\x00", func(r *varint.Reader) { r.Float() }},
		"nan":             {string(varint.AppendFloat(nil, math.NaN())), func(r *varint.Reader) { r.Float() }},
		"infinity":        {string(varint.AppendFloat(nil, math.Inf(-1))), func(r *varint.Reader) { r.Float() }},
		"trailing bytes":  {"\x01\x02", func(r *varint.Reader) { r.Uvarint() }},
	} {
		t.Run(name, func(t *testing.T) {
			r := varint.NewReader(tc.in, 0, errBad)
			tc.read(r)
			if err := r.End(); !errors.Is(err, errBad) {
				t.Fatalf("End() = %v, want an error wrapping errBad", err)
			}
			if r.Uvarint() != 0 || r.Str() != "" || r.Float() != 0 || r.Count(1) != 0 {
				t.Error("a read after the error returned a value")
			}
		})
	}
}

func TestCountFits(t *testing.T) {
	r := varint.NewReader("\x02abcd", 0, errBad)
	if n := r.Count(2); n != 2 || r.Err() != nil {
		t.Errorf("Count(2) = %d, %v; want 2 items of 2 bytes to fit 4 bytes", n, r.Err())
	}
}

func ExampleReader() {
	b := varint.AppendString([]byte("HEAD"), "Tadmur")
	b = binary.AppendVarint(b, -3)
	r := varint.NewReader(string(b), len("HEAD"), errBad)
	name, v := r.Str(), r.Varint()
	fmt.Println(name, v, r.End())
	r = varint.NewReader(string(b[:7]), len("HEAD"), errBad)
	fmt.Println(r.Str() == "", r.End())
	// Output:
	// Tadmur -3 <nil>
	// true bad test file: at byte 5: string length 6 exceeds input
}
