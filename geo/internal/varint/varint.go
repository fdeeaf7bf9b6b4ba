// Package varint reads and writes the values Strikemap's embedded data files are
// built from (geo/internal/shapes, geo/places): varints as encoding/binary writes
// them, length-prefixed strings and float64 bits. Its Reader never panics on corrupt
// input, so both decoders share one careful implementation.
package varint

import (
	"encoding/binary"
	"fmt"
	"math"
)

// AppendString appends s after its byte length as a uvarint.
func AppendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// AppendFloat appends the IEEE 754 bits of v, little-endian.
func AppendFloat(b []byte, v float64) []byte {
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
}

// Reader decodes values from a string. After the first error every read returns a
// zero value, so a decoder checks Err once at the end instead of after each read.
// Reading from a string rather than a []byte lets decoded strings share its memory.
type Reader struct {
	s       string
	off     int
	err     error
	corrupt error
}

// NewReader returns a Reader of s, starting at offset off, whose errors wrap corrupt.
func NewReader(s string, off int, corrupt error) *Reader {
	return &Reader{s: s, off: min(max(off, 0), len(s)), corrupt: corrupt}
}

// Err returns the first error met, or nil.
func (r *Reader) Err() error { return r.err }

// Fail records an error at the current offset, unless one is recorded already.
func (r *Reader) Fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: at byte %d: %s", r.corrupt, r.off, fmt.Sprintf(format, args...))
	}
}

// End fails if any input is left unread, and returns the first error.
func (r *Reader) End() error {
	if r.err == nil && r.off != len(r.s) {
		r.Fail("%d trailing bytes", len(r.s)-r.off)
	}
	return r.err
}

// Uvarint reads an unsigned varint.
func (r *Reader) Uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	// binary.Uvarint wants a []byte; reading the string in place avoids a conversion
	// per value, which places' millions of values would feel.
	var v uint64
	for i := 0; i < binary.MaxVarintLen64 && r.off+i < len(r.s); i++ {
		c := r.s[r.off+i]
		if i == binary.MaxVarintLen64-1 && c > 1 {
			break // more than 64 bits
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			r.off += i + 1
			return v
		}
	}
	r.Fail("bad varint")
	return 0
}

// Varint reads a signed, zigzag-encoded varint.
func (r *Reader) Varint() int64 {
	u := r.Uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// Count reads a uvarint count of items that each take at least size bytes (at least
// 1) and fails if the rest of the input cannot hold them, so a corrupt count cannot
// cause a huge allocation. It returns 0 after an error.
func (r *Reader) Count(size int) int {
	n := r.Uvarint()
	if r.err == nil && n > uint64((len(r.s)-r.off)/max(size, 1)) {
		r.Fail("count %d exceeds input", n)
	}
	if r.err != nil {
		return 0
	}
	return int(n)
}

// Fixed reads the next n bytes.
func (r *Reader) Fixed(n int) string {
	if r.err == nil && (n < 0 || n > len(r.s)-r.off) {
		r.Fail("truncated")
	}
	if r.err != nil {
		return ""
	}
	s := r.s[r.off : r.off+n]
	r.off += n
	return s
}

// Str reads a string written by AppendString. It shares the Reader's memory.
func (r *Reader) Str() string {
	n := r.Uvarint()
	if r.err == nil && n > uint64(len(r.s)-r.off) {
		r.Fail("string length %d exceeds input", n)
	}
	return r.Fixed(int(min(n, uint64(len(r.s)))))
}

// Float reads a float64 written by AppendFloat; NaN and infinities are errors, as no
// file stores them and they would poison the arithmetic downstream.
func (r *Reader) Float() float64 {
	b := r.Fixed(8)
	if r.err != nil {
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64([]byte(b)))
	if math.IsNaN(v) || math.IsInf(v, 0) {
		r.Fail("non-finite number")
		return 0
	}
	return v
}
