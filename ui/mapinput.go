package ui

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/view"
)

// How the map answers the pointer and the keyboard.
const (
	wheelPerZoom   = 50                     // scroll units per zoom level: a wheel notch (25) is half a level
	doubleClick    = 400 * time.Millisecond // second tap within this, near the first, zooms in
	hitTolerance   = 4                      // pixels of slack around a symbol when tapping it
	keyPanFraction = 0.25                   // an arrow key pans by this much of the map's size
	zoomEase       = 160 * time.Millisecond // a zoom step is eased over this long
)

var (
	_ fyne.Draggable    = (*MapView)(nil)
	_ fyne.Scrollable   = (*MapView)(nil)
	_ fyne.Tappable     = (*MapView)(nil)
	_ fyne.Focusable    = (*MapView)(nil)
	_ desktop.Hoverable = (*MapView)(nil)
)

// Dragged pans the map with the pointer.
func (m *MapView) Dragged(e *fyne.DragEvent) {
	s := m.m.View.Scale
	m.move(m.m.View.Pan(float64(e.Dragged.DX)*s, float64(e.Dragged.DY)*s))
}

// DragEnd ends a pan; nothing is left to do.
func (m *MapView) DragEnd() {}

// Scrolled zooms about the pointer, fractionally, so a trackpad zooms smoothly.
func (m *MapView) Scrolled(e *fyne.ScrollEvent) {
	dz := max(-1, min(1, float64(e.Scrolled.DY)/wheelPerZoom))
	if dz == 0 {
		return
	}
	x, y := m.device(e.Position)
	m.zoomAbout(x, y, dz)
}

// zoomAbout zooms by dz keeping the place at device pixel x, y still, eased over a few
// frames; a zoom asked for while one is under way adds to where it is heading.
func (m *MapView) zoomAbout(x, y, dz float64) {
	start := m.m.View
	goal := start.Zoom + dz
	if m.zooming != nil {
		m.zooming.Stop()
		goal = m.zoomGoal + dz
	}
	goal = view.ClampZoom(goal)
	m.zoomGoal = goal
	var a *fyne.Animation
	a = fyne.NewAnimation(zoomEase, func(p float32) {
		m.move(start.ZoomAt(x, y, (goal-start.Zoom)*float64(p)))
		if p >= 1 && m.zooming == a {
			m.zooming = nil
		}
	})
	a.Curve = fyne.AnimationEaseOut
	m.zooming = a
	a.Start()
}

// Tapped selects the event or cluster under the pointer; a quick second tap zooms in.
func (m *MapView) Tapped(e *fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(m); c != nil {
		c.Focus(m)
	}
	now := time.Now()
	if now.Sub(m.lastTap) < doubleClick && dist(e.Position, m.tapAt) < 6 {
		m.lastTap = time.Time{}
		x, y := m.device(e.Position)
		m.zoomAbout(x, y, 1)
		return
	}
	m.lastTap, m.tapAt = now, e.Position
	it, ok := m.hit(e.Position)
	switch {
	case !ok:
		if m.OnTapEmpty != nil {
			m.OnTapEmpty()
		}
	case it.Count == 1:
		if m.OnTapEvent != nil {
			m.OnTapEvent(int(it.Row))
		}
	default:
		if m.OnTapCluster != nil {
			m.OnTapCluster(it)
		}
	}
}

// hit finds the item drawn under a point of the widget in the last frame.
func (m *MapView) hit(p fyne.Position) (cluster.Item, bool) {
	x, y := m.device(p)
	return cluster.Hit(m.renderer.Items(), x, y, hitTolerance, m.m.View.Scale)
}

// MouseIn starts following the pointer.
func (m *MapView) MouseIn(e *desktop.MouseEvent) { m.MouseMoved(e) }

// MouseMoved reports the place and the event under the pointer.
func (m *MapView) MouseMoved(e *desktop.MouseEvent) {
	if m.OnPointer != nil {
		x, y := m.device(e.Position)
		m.OnPointer(m.m.View.LatLon(x, y), true)
	}
	row := -1
	if it, ok := m.hit(e.Position); ok && it.Count == 1 {
		row = int(it.Row)
	}
	if row != m.hovered {
		m.hovered = row
		if m.OnHover != nil {
			m.OnHover(row)
		}
	}
}

// MouseOut stops following the pointer.
func (m *MapView) MouseOut() {
	if m.OnPointer != nil {
		m.OnPointer(m.m.View.Center, false)
	}
	if m.hovered != -1 {
		m.hovered = -1
		if m.OnHover != nil {
			m.OnHover(-1)
		}
	}
}

// FocusGained lets the keyboard drive the map.
func (m *MapView) FocusGained() {}

// FocusLost stops the keyboard driving the map.
func (m *MapView) FocusLost() {}

// TypedRune zooms with + and −.
func (m *MapView) TypedRune(r rune) {
	switch r {
	case '+', '=':
		m.zoomBy(1)
	case '-', '_', '−':
		m.zoomBy(-1)
	}
}

// TypedKey pans with the arrow keys and clears the selection with Escape.
func (m *MapView) TypedKey(e *fyne.KeyEvent) {
	v := m.m.View
	dx, dy := float64(v.Width)*keyPanFraction, float64(v.Height)*keyPanFraction
	switch e.Name {
	case fyne.KeyLeft:
		m.move(v.Pan(dx, 0))
	case fyne.KeyRight:
		m.move(v.Pan(-dx, 0))
	case fyne.KeyUp:
		m.move(v.Pan(0, dy))
	case fyne.KeyDown:
		m.move(v.Pan(0, -dy))
	case fyne.KeyEscape:
		if m.OnTapEmpty != nil {
			m.OnTapEmpty()
		}
	}
}

func dist(a, b fyne.Position) float64 {
	return math.Hypot(float64(a.X-b.X), float64(a.Y-b.Y))
}
