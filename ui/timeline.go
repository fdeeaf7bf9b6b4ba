package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/strikemap/strikemap/data"
)

// Timeline is the histogram of events over time under the map, with the filter's date
// window shaded on it. Dragging an edge of the window resizes it, dragging inside moves
// it, dragging elsewhere draws a new one and tapping a bar picks that bar's days. Play
// steps the window forward through time. Bars inside the window take the accent colour.
//
// Only the user (dragging, tapping, the buttons, Play and Step) calls onRange; SetData
// and SetRange never do.
type Timeline struct {
	widget.BaseWidget

	onRange func(from, to data.Date)
	unit    string
	counts  []int
	edges   []data.Date // first day of each bin, then the day after the last
	peak    int
	from    data.Date // the window's first day, 0 for open
	to      data.Date // the window's last day, 0 for open

	hover    int     // bin under the pointer, -1 for none
	cursorAt float32 // the pointer's x, for Cursor
	drag     timelineDrag

	playing  bool
	stop     chan struct{} // closed to end the playing ticker
	interval time.Duration

	play, clear *widget.Button
}

var (
	_ fyne.Draggable     = (*Timeline)(nil)
	_ fyne.Tappable      = (*Timeline)(nil)
	_ desktop.Hoverable  = (*Timeline)(nil)
	_ desktop.Cursorable = (*Timeline)(nil)
)

// NewTimeline returns an empty timeline that calls onRange with the window's first and
// last day (inclusive; zero for an open end) each time the user changes it.
func NewTimeline(onRange func(from, to data.Date)) *Timeline {
	t := &Timeline{onRange: onRange, hover: -1, interval: 600 * time.Millisecond, unit: unitDay}
	t.play = widget.NewButtonWithIcon("", theme.MediaPlayIcon(), t.togglePlay)
	t.play.Importance = widget.LowImportance
	t.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() {
		t.Pause()
		t.setRange(0, 0)
	})
	t.clear.Importance = widget.LowImportance
	t.ExtendBaseWidget(t)
	t.updateButtons()
	return t
}

// SetData shows counts[i] events in bin i; bin 0 starts on start, and each bin is one
// unit long: "day", "week" or "month". No counts shows an empty timeline.
func (t *Timeline) SetData(start data.Date, unit string, counts []int) {
	t.unit, t.counts = unit, counts
	t.edges = nil
	if len(counts) > 0 {
		t.edges = binEdges(start, unit, len(counts))
	} else {
		t.Pause()
	}
	t.peak = maxCount(counts)
	t.hover = -1
	t.updateButtons()
	t.Refresh()
}

// SetRange shades the days from..to (inclusive; zero for an open end) as the window.
func (t *Timeline) SetRange(from, to data.Date) {
	if from == t.from && to == t.to {
		return
	}
	t.from, t.to = from, to
	t.updateButtons()
	t.Refresh()
}

// Range returns the window's first and last day, zero for an open end.
func (t *Timeline) Range() (from, to data.Date) { return t.from, t.to }

// setRange changes the window as the user asked and tells onRange, if it changed.
func (t *Timeline) setRange(from, to data.Date) {
	if from == t.from && to == t.to {
		return
	}
	t.SetRange(from, to)
	if t.onRange != nil {
		t.onRange(from, to)
	}
}

// window returns the window on the bin scale, [lo, hi); ok is false when there is no
// window or no data.
func (t *Timeline) window() (lo, hi float64, ok bool) {
	n := len(t.counts)
	if n == 0 || (t.from == 0 && t.to == 0) {
		return 0, float64(n), false
	}
	lo, hi = 0, float64(n)
	if t.from != 0 {
		lo = binPos(t.edges, t.from)
	}
	if t.to != 0 {
		hi = binPos(t.edges, t.to+1)
	}
	return lo, max(lo, hi), true
}

// setWindow sets the window to bin positions [lo, hi) and tells onRange.
func (t *Timeline) setWindow(lo, hi float64) {
	from, end := dayAt(t.edges, lo), dayAt(t.edges, hi)
	t.setRange(from, max(from, end-1))
}

func (t *Timeline) updateButtons() {
	setEnabled(t.play, len(t.counts) > 0)
	setEnabled(t.clear, t.from != 0 || t.to != 0)
	icon := theme.MediaPlayIcon()
	if t.playing {
		icon = theme.MediaPauseIcon()
	}
	if t.play.Icon != icon {
		t.play.SetIcon(icon)
	}
}
