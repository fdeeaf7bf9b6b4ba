package ui

import (
	"context"
	"fmt"
	"math"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/view"
)

// maxClusterList is how many events of a cluster that cannot split are listed.
const maxClusterList = 500

// selectRow selects the event of an index row everywhere — map highlight, list line,
// details — or clears the selection for -1. From the list, the map also centres on it
// when it is off screen.
func (w *Window) selectRow(row int32, fromList bool) {
	w.selected = row
	if row < 0 || w.s == nil {
		w.selected = -1
		w.mapView.SetSelected(0)
		w.details.SetEvent(nil)
		w.list.Reveal(-1)
		return
	}
	s := w.s
	id := s.ix.ID[row]
	w.mapView.SetSelected(id)
	if fromList {
		w.centreOn(row)
	} else {
		w.list.Reveal(row)
	}
	// A read that waits (another program holding a lock) says so rather than leaving
	// the previous event in the panel; the window goes on working meanwhile.
	var done atomic.Bool
	slow := time.AfterFunc(slowRead, func() {
		fyne.Do(func() {
			if !done.Load() && w.s == s && w.selected == row {
				w.details.SetMessage("Reading the event from the database…", false)
			}
		})
	})
	w.work.Go(func() {
		e, err := s.db.Event(context.Background(), id)
		gone := s.db.Gone()
		done.Store(true)
		slow.Stop()
		fyne.Do(func() {
			if w.s != s || w.selected != row {
				return
			}
			w.status.setAlert(alertDatabase, goneText(s.path, gone))
			if err != nil {
				w.details.SetMessage(readProblem(s.path, err), true)
				return
			}
			w.details.SetEvent(e)
		})
	})
}

// centreOn pans the map to an event when it lies outside the middle of the view.
func (w *Window) centreOn(row int32) {
	ix := w.s.ix
	ll := view.FromWorldXY(float64(ix.Points.X[row]), float64(ix.Points.Y[row]))
	v := w.mapView.View()
	x, y := v.Pixel(ll)
	mx, my := float64(v.Width)/6, float64(v.Height)/6
	if x < mx || y < my || x > float64(v.Width)-mx || y > float64(v.Height)-my {
		w.mapView.SetView(ll, math.Max(v.Zoom, 7))
	}
}

// openCluster zooms into a tapped cluster so that it splits; a cluster whose events
// share one spot (or one that is already at the deepest zoom) is listed instead.
func (w *Window) openCluster(it cluster.Item) {
	s := w.s
	if s == nil {
		return
	}
	rows := cluster.Members(&s.ix.Points, s.sel, it, nil)
	if len(rows) == 0 {
		return
	}
	b := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	for _, r := range rows {
		b = b.Extend(view.FromWorldXY(float64(s.ix.Points.X[r]), float64(s.ix.Points.Y[r])))
	}
	v := w.mapView.View()
	if v.Zoom < cluster.DefaultOptions.MaxZoom-0.01 && (b.Max != b.Min) {
		w.mapView.Fit(b, math.Max(v.Zoom+1, cluster.DefaultOptions.MaxZoom))
		return
	}
	w.listCluster(rows)
}

// listCluster shows the events of a cluster in a dialog to pick one from.
func (w *Window) listCluster(rows []int32) {
	shown := rows[:min(len(rows), maxClusterList)]
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(w.summary(int(shown[i]))) })
	list.OnSelected = func(i widget.ListItemID) {
		d.Hide()
		w.selectRow(shown[i], false)
	}
	title := fmt.Sprintf("%s events at this spot", thousands(len(rows)))
	if len(shown) < len(rows) {
		title += fmt.Sprintf(" (the first %d)", len(shown))
	}
	d = dialog.NewCustom(title, "Close", list, w.win)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}
