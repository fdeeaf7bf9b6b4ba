package overlay_test

import (
	"testing"

	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/overlay"
	"github.com/strikemap/strikemap/geo/view"
)

func TestSet(t *testing.T) {
	ms := []overlay.Marker{
		{ID: 1, At: orb.Point{44.4, 33.3}},  // Baghdad
		{ID: 2, At: orb.Point{36.3, 33.5}},  // Damascus
		{ID: 3, At: orb.Point{30.5, 50.45}}, // Kyiv
		{ID: 4, At: orb.Point{44.2, 15.35}}, // Sanaa
	}
	s := overlay.NewSet(ms)
	if s.Len() != 4 || s.Points().Len() != 4 || s.Selection() != nil {
		t.Fatalf("Len %d, points %d, selection %v", s.Len(), s.Points().Len(), s.Selection())
	}
	seen := map[int64]bool{}
	p := s.Points()
	for r := range s.Len() {
		m := s.Marker(r)
		seen[m.ID] = true
		if x, y := view.WorldXY(m.At); p.Keys[r] != cluster.Key(float64(float32(x)), float64(float32(y))) {
			t.Errorf("row %d: key %#x is not marker %d's", r, p.Keys[r], m.ID)
		}
		if r > 0 && p.Keys[r] < p.Keys[r-1] {
			t.Errorf("rows %d and %d out of order", r-1, r)
		}
	}
	if len(seen) != 4 || ms[0].ID != 1 || ms[3].ID != 4 {
		t.Errorf("markers %v, input now %v", seen, ms)
	}
	if m := s.Marker(4); m.ID != 0 {
		t.Errorf("Marker past the end = %+v", m)
	}
	if m := s.Marker(-1); m.ID != 0 {
		t.Errorf("Marker(-1) = %+v", m)
	}
}

func TestShapeFor(t *testing.T) {
	for target, want := range map[string]overlay.Shape{
		"market": overlay.ShapeCircle, "bridge": overlay.ShapeSquare, "convoy": overlay.ShapeDiamond,
		"military position": overlay.ShapeTriangle, "command centre": overlay.ShapeStar,
		"unknown": overlay.ShapeRing, "a goat farm": overlay.ShapeRing,
	} {
		if got := overlay.ShapeFor(target); got != want {
			t.Errorf("ShapeFor(%q) = %v, want %v", target, got, want)
		}
	}
}
