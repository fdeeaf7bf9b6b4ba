package varint_test

import (
	"encoding/binary"
	"errors"
	"math"
	"testing"

	"github.com/strikemap/strikemap/geo/internal/varint"
)

// FuzzReader runs a program of reads, one per byte of ops, over any input, and checks
// each result against encoding/binary's reading of the same bytes: a value where the
// bytes hold one, else an error wrapping the caller's sentinel, after which every read
// returns zero and the first error stays.
func FuzzReader(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5}, string(binary.AppendUvarint(nil, math.MaxUint64))+"\x05\x06\x02SY\x00")
	f.Add([]byte{2, 2 | 4<<3}, "\x03abcdef")
	f.Add([]byte{3 | 0x80}, "SY")
	f.Add([]byte{4, 5, 5}, "\x05abc")
	f.Add([]byte{5, 5}, string(varint.AppendFloat(varint.AppendFloat(nil, math.Inf(1)), 1)))
	f.Add([]byte{0}, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02")
	f.Fuzz(func(t *testing.T, ops []byte, in string) {
		r := varint.NewReader(in, 0, errBad)
		off, failed := 0, false
		var first error
		rest := func() []byte { return []byte(in[off:]) }
		for i, op := range ops {
			var got, want any
			switch op % 6 {
			case 0:
				got = r.Uvarint()
				v, k := binary.Uvarint(rest())
				failed = failed || k <= 0
				want = uint64(0)
				if !failed {
					want, off = v, off+k
				}
			case 1:
				got = r.Varint()
				v, k := binary.Varint(rest())
				failed = failed || k <= 0
				want = int64(0)
				if !failed {
					want, off = v, off+k
				}
			case 2:
				size := int(op >> 3)
				got = r.Count(size)
				v, k := binary.Uvarint(rest())
				failed = failed || k <= 0 || v > uint64((len(in)-off-k)/max(size, 1))
				want = 0
				if !failed {
					want, off = int(v), off+k
				}
			case 3:
				n := int(int8(op)) >> 2
				got = r.Fixed(n)
				failed = failed || n < 0 || n > len(in)-off
				want = ""
				if !failed {
					want, off = in[off:off+n], off+n
				}
			case 4:
				got = r.Str()
				v, k := binary.Uvarint(rest())
				failed = failed || k <= 0 || v > uint64(len(in)-off-k)
				want = ""
				if !failed {
					want, off = in[off+k:off+k+int(v)], off+k+int(v)
				}
			case 5:
				got = r.Float()
				failed = failed || len(in)-off < 8
				want = 0.0
				if !failed {
					v := math.Float64frombits(binary.LittleEndian.Uint64(rest()))
					failed = math.IsNaN(v) || math.IsInf(v, 0)
					if !failed {
						want, off = v, off+8
					}
				}
			}
			if got != want {
				t.Fatalf("read %d (op %d): got %v, want %v", i, op, got, want)
			}
			if err := r.Err(); (err != nil) != failed || err != nil && !errors.Is(err, errBad) {
				t.Fatalf("read %d (op %d): error %v, want failed %v", i, op, err, failed)
			}
			if first == nil {
				first = r.Err()
			} else if r.Err() != first {
				t.Fatalf("read %d: the error changed from %v to %v", i, first, r.Err())
			}
		}
		if err := r.End(); (err != nil) != (failed || off != len(in)) {
			t.Fatalf("End() = %v, with %d of %d bytes read, failed %v", err, off, len(in), failed)
		}
	})
}
