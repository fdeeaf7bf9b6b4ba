package ui_test

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/geo/overlay"
	"github.com/strikemap/strikemap/ui"
)

func newTestMap(t *testing.T) (*ui.MapView, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	m := ui.NewMapView()
	w := test.NewTempWindow(t, m)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(400, 300))
	m.SetView(orb.Point{40, 35}, 6)
	return m, w
}

func near(a, b orb.Point) bool {
	return math.Abs(a[0]-b[0]) < 1e-6 && math.Abs(a[1]-b[1]) < 1e-6
}

func TestMapViewDragged(t *testing.T) {
	m, _ := newTestMap(t)
	before := m.View()
	m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 100, DY: -40}})
	m.DragEnd()
	got := m.View()
	want := before.Pan(100*before.Scale, -40*before.Scale)
	if !near(got.Center, want.Center) || got.Zoom != before.Zoom {
		t.Fatalf("after drag: centre %v zoom %v, want %v zoom %v", got.Center, got.Zoom, want.Center, before.Zoom)
	}
	if got.Center.Lon() >= before.Center.Lon() || got.Center.Lat() >= before.Center.Lat() {
		t.Errorf("dragging right and up should move the view west and south: %v → %v", before.Center, got.Center)
	}
}

func TestMapViewScrolled(t *testing.T) {
	for name, tc := range map[string]struct {
		dy       float32
		wantZoom float64
	}{
		"wheel notch in":  {25, 6.5},
		"wheel notch out": {-25, 5.5},
		"trackpad nudge":  {2.5, 6.05},
		"huge flick":      {1000, 7},
	} {
		t.Run(name, func(t *testing.T) {
			m, _ := newTestMap(t)
			at := fyne.NewPos(120, 80)
			v := m.View()
			under := v.LatLon(float64(at.X)*v.Scale, float64(at.Y)*v.Scale)
			m.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.Delta{DY: tc.dy}})
			got := m.View()
			if math.Abs(got.Zoom-tc.wantZoom) > 1e-9 {
				t.Errorf("zoom %v, want %v", got.Zoom, tc.wantZoom)
			}
			if still := got.LatLon(float64(at.X)*got.Scale, float64(at.Y)*got.Scale); !near(still, under) {
				t.Errorf("the place under the pointer moved: %v → %v", under, still)
			}
		})
	}
}

func TestMapViewKeys(t *testing.T) {
	m, _ := newTestMap(t)
	m.TypedRune('+')
	if z := m.View().Zoom; z != 7 {
		t.Errorf("+ gave zoom %v, want 7", z)
	}
	m.TypedRune('-')
	m.TypedRune('-')
	if z := m.View().Zoom; z != 5 {
		t.Errorf("- - gave zoom %v, want 5", z)
	}
	c := m.View().Center
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if m.View().Center.Lon() <= c.Lon() {
		t.Errorf("→ should move the view east: %v → %v", c, m.View().Center)
	}
}

func TestMapViewTapSelectsEvent(t *testing.T) {
	m, w := newTestMap(t)
	ms := []overlay.Marker{
		{ID: 7, At: orb.Point{40, 35}, Color: 0, Shape: overlay.ShapeCircle},
		{ID: 9, At: orb.Point{43, 36}, Color: 1, Shape: overlay.ShapeSquare},
	}
	set := overlay.NewSet(ms)
	m.SetEvents(set, nil)
	w.Canvas().Capture() // draws a frame, which hit-testing uses
	var tapped []int64
	m.OnTapEvent = func(row int) { tapped = append(tapped, set.Marker(row).ID) }
	empty := 0
	m.OnTapEmpty = func() { empty++ }
	v := m.View()
	x, y := v.Pixel(orb.Point{40, 35})
	test.TapAt(m, fyne.NewPos(float32(x/v.Scale), float32(y/v.Scale)))
	if len(tapped) != 1 || tapped[0] != 7 {
		t.Fatalf("tapping the marker at 40,35 gave %v, want [7]", tapped)
	}
	m.Tapped(&fyne.PointEvent{Position: fyne.NewPos(5, 290)})
	if empty != 1 {
		t.Errorf("tapping empty map called OnTapEmpty %d times, want 1", empty)
	}
}
