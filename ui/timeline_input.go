package ui

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

// edgeGrab is how near an edge of the window, in units, a drag takes hold of it.
const edgeGrab = 6

// dragMode is what a drag on the timeline does, decided where it starts.
type dragMode int

const (
	dragNone  dragMode = iota
	dragNew            // draw a new window over the bars crossed since the start
	dragMove           // move the window, keeping its width
	dragLeft           // move the window's first day
	dragRight          // move the window's last day
)

// timelineDrag is the state of a drag between its first Dragged and DragEnd.
type timelineDrag struct {
	mode   dragMode
	start  float64 // bin position where it started
	lo, hi float64 // the window when it started
}

// plotArea is where the bars go, in the widget's coordinates.
type plotArea struct{ x, y, w, h float32 }

// plot returns the bars' area for the widget's size: right of the buttons, between a
// line of text above and the axis labels below.
func (t *Timeline) plot() plotArea {
	th := t.Theme()
	pad := th.Size(theme.SizeNamePadding)
	caption := fyne.MeasureText("0", th.Size(theme.SizeNameCaptionText), fyne.TextStyle{}).Height
	left := t.play.MinSize().Width + 2*pad
	size := t.Size()
	top := pad + caption + pad/2
	return plotArea{x: left, y: top, w: max(size.Width-left-2*pad, 0), h: max(size.Height-top-caption-2*pad, 0)}
}

// posAt returns the bin position under x, unclamped.
func (t *Timeline) posAt(x float32) float64 {
	pa := t.plot()
	if pa.w <= 0 || len(t.counts) == 0 {
		return 0
	}
	return float64(x-pa.x) / float64(pa.w) * float64(len(t.counts))
}

// xAt returns the x of bin position p.
func (t *Timeline) xAt(p float64) float32 {
	pa := t.plot()
	if len(t.counts) == 0 {
		return pa.x
	}
	return pa.x + float32(p/float64(len(t.counts)))*pa.w
}

// Dragged moves or resizes the window, or draws a new one, as set where the drag began.
func (t *Timeline) Dragged(e *fyne.DragEvent) {
	n := float64(len(t.counts))
	if n == 0 {
		return
	}
	p := t.posAt(e.Position.X)
	if t.drag.mode == dragNone {
		t.Pause()
		t.startDrag(e.Position.X - e.Dragged.DX)
	}
	d := &t.drag
	switch d.mode {
	case dragMove:
		shift := math.Round(p - d.start)
		shift = min(max(shift, -d.lo), n-d.hi)
		t.setWindow(d.lo+shift, d.hi+shift)
	case dragLeft:
		t.spanWindow(d.hi, snap(p, n))
	case dragRight:
		t.spanWindow(d.lo, snap(p, n))
	case dragNew: // every bar the drag has crossed
		lo, hi := min(d.start, p), max(d.start, p)
		t.spanWindow(min(max(math.Floor(lo), 0), n-1), min(max(math.Ceil(hi), 1), n))
	}
}

// startDrag decides what the drag starting at x does.
func (t *Timeline) startDrag(x float32) {
	lo, hi, ok := t.window()
	t.drag = timelineDrag{mode: dragNew, start: t.posAt(x), lo: lo, hi: hi}
	if !ok {
		return
	}
	xl, xr := t.xAt(lo), t.xAt(hi)
	switch {
	case abs32(x-xl) <= edgeGrab && abs32(x-xl) <= abs32(x-xr):
		t.drag.mode = dragLeft
	case abs32(x-xr) <= edgeGrab:
		t.drag.mode = dragRight
	case x > xl && x < xr:
		t.drag.mode = dragMove
	}
}

// spanWindow sets the window between bin edges a and b, at least one bin wide.
func (t *Timeline) spanWindow(a, b float64) {
	lo, hi := min(a, b), max(a, b)
	if hi-lo < 1 && math.Floor(lo) == math.Ceil(hi) { // both on one edge: take the bin after
		n := float64(len(t.counts))
		if hi < n {
			hi = lo + 1
		} else {
			lo = hi - 1
		}
	}
	t.setWindow(lo, hi)
}

// snap rounds p to the nearest bin edge in [0, n].
func snap(p, n float64) float64 { return min(max(math.Round(p), 0), n) }

// DragEnd ends the drag.
func (t *Timeline) DragEnd() { t.drag = timelineDrag{} }

// Tapped picks the days of the bar under the pointer as the window.
func (t *Timeline) Tapped(e *fyne.PointEvent) {
	i := t.binAt(e.Position)
	if i < 0 {
		return
	}
	t.Pause()
	t.setRange(t.edges[i], t.edges[i+1]-1)
}

// binAt returns the bin under pos, -1 if none.
func (t *Timeline) binAt(pos fyne.Position) int {
	pa := t.plot()
	if len(t.counts) == 0 || pos.X < pa.x || pos.X >= pa.x+pa.w || pos.Y < 0 || pos.Y > pa.y+pa.h {
		return -1
	}
	return min(int(t.posAt(pos.X)), len(t.counts)-1)
}

// MouseIn starts the hover read-out.
func (t *Timeline) MouseIn(e *desktop.MouseEvent) { t.MouseMoved(e) }

// MouseMoved shows the date and count of the bar under the pointer.
func (t *Timeline) MouseMoved(e *desktop.MouseEvent) {
	if i := t.binAt(e.Position); i != t.hover {
		t.hover = i
		t.Refresh()
	}
	t.cursorAt = e.Position.X
}

// MouseOut ends the hover read-out.
func (t *Timeline) MouseOut() {
	if t.hover != -1 {
		t.hover = -1
		t.Refresh()
	}
}

// Cursor shows what a drag would do: resize at an edge, draw a window elsewhere.
func (t *Timeline) Cursor() desktop.Cursor {
	lo, hi, ok := t.window()
	x := t.cursorAt
	switch {
	case len(t.counts) == 0:
		return desktop.DefaultCursor
	case ok && (abs32(x-t.xAt(lo)) <= edgeGrab || abs32(x-t.xAt(hi)) <= edgeGrab):
		return desktop.HResizeCursor
	case ok && x > t.xAt(lo) && x < t.xAt(hi):
		return desktop.PointerCursor
	}
	return desktop.CrosshairCursor
}

// hoverText is the read-out of the hovered bar, or of the window when none is.
func (t *Timeline) hoverText() string {
	if t.hover >= 0 && t.hover < len(t.counts) {
		c := t.counts[t.hover]
		unit := " events"
		if c == 1 {
			unit = " event"
		}
		return binLabel(t.edges, t.unit, t.hover) + " · " + thousands(c) + unit
	}
	if len(t.counts) == 0 {
		return ""
	}
	return rangeLabel(t.from, t.to)
}

func abs32(v float32) float32 { return float32(math.Abs(float64(v))) }
