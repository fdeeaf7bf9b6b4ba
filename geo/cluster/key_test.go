package cluster_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/strikemap/strikemap/geo/cluster"
)

func TestKey(t *testing.T) {
	for name, tc := range map[string]struct {
		x, y float64
		want uint64
	}{
		"origin":             {0, 0, 0},
		"far corner":         {1, 1, math.MaxUint64},
		"half way east":      {0.5, 0, 0x4000000000000000},
		"half way south":     {0, 0.5, 0x8000000000000000},
		"three quarters":     {0.75, 0.25, 0x7000000000000000},
		"west of the world":  {-0.2, 0, 0},
		"NaN and past south": {math.NaN(), 2, 0xaaaaaaaaaaaaaaaa},
		"last cell east":     {1 - 1.0/(1<<32), 0, 0x5555555555555555},
	} {
		t.Run(name, func(t *testing.T) {
			if got := cluster.Key(tc.x, tc.y); got != tc.want {
				t.Errorf("Key(%v, %v) = %#016x, want %#016x", tc.x, tc.y, got, tc.want)
			}
		})
	}
}

func TestCellRange(t *testing.T) {
	for name, tc := range map[string]struct {
		level  int
		cx, cy uint32
		lo, hi uint64
	}{
		"the world":             {0, 0, 0, 0, math.MaxUint64},
		"north-west quarter":    {1, 0, 0, 0, 0x3fffffffffffffff},
		"north-east quarter":    {1, 1, 0, 0x4000000000000000, 0x7fffffffffffffff},
		"south-west quarter":    {1, 0, 1, 0x8000000000000000, 0xbfffffffffffffff},
		"south-east quarter":    {1, 1, 1, 0xc000000000000000, math.MaxUint64},
		"level 2 east of north": {2, 2, 1, 0x6000000000000000, 0x6fffffffffffffff},
		"finest cell":           {cluster.KeyBits, 3, 1, 0b0111, 0b0111},
	} {
		t.Run(name, func(t *testing.T) {
			lo, hi := cluster.CellRange(tc.level, tc.cx, tc.cy)
			if lo != tc.lo || hi != tc.hi {
				t.Errorf("CellRange(%d, %d, %d) = %#x, %#x, want %#x, %#x", tc.level, tc.cx, tc.cy, lo, hi, tc.lo, tc.hi)
			}
		})
	}
}

// A point's key lies in the range of the cell holding it, at every level.
func TestKeyInItsCell(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 1000 {
		x, y := rng.Float64(), rng.Float64()
		k := cluster.Key(x, y)
		for level := 0; level <= cluster.KeyBits; level++ {
			n := math.Exp2(float64(level))
			lo, hi := cluster.CellRange(level, uint32(x*n), uint32(y*n))
			if k < lo || k > hi {
				t.Fatalf("Key(%v, %v) = %#x outside its level %d cell [%#x, %#x]", x, y, k, level, lo, hi)
			}
		}
	}
}

func ExampleKey() {
	damascus := cluster.Key(0.5997, 0.4058)
	lo, hi := cluster.CellRange(1, 1, 0) // the world's north-east quarter
	fmt.Println(lo <= damascus && damascus <= hi)
	fmt.Printf("%#016x\n", cluster.Key(0.5, 0))
	// Output:
	// true
	// 0x4000000000000000
}

func TestNewPoints(t *testing.T) {
	x := []float64{0.9, 0.1, 0.6, math.NaN(), 0.6, 1.25, -0.2}
	y := []float64{0.9, 0.1, 0.4, 0.5, 0.4, 1.5, 0.6}
	p, perm := cluster.NewPoints(x, y)
	// NaN lands on the west edge, 1.25 wraps to 0.25 and y 1.5 to the south edge, -0.2
	// wraps to 0.8; equal keys keep their order.
	want := []int32{1, 2, 4, 3, 5, 6, 0}
	if fmt.Sprint(perm) != fmt.Sprint(want) {
		t.Fatalf("perm %v, want %v", perm, want)
	}
	for r, i := range perm {
		if i < 3 && (p.X[r] != float32(x[i]) || p.Y[r] != float32(y[i])) {
			t.Errorf("row %d holds %v, %v, want point %d", r, p.X[r], p.Y[r], i)
		}
		if r > 0 && p.Keys[r] < p.Keys[r-1] {
			t.Errorf("keys out of order at row %d", r)
		}
	}
	if p.X[3] != 0 || p.X[4] != 0.25 || p.Y[4] != 1 || p.X[5] != 0.8 || p.Len() != 7 {
		t.Errorf("NaN, 1.25 and -0.2 stored as %v, %v, %v; 1.5 as %v; Len %d", p.X[3], p.X[4], p.X[5], p.Y[4], p.Len())
	}
}
