// Package ui is Strikemap's desktop interface, thin over the data and geo packages.
package ui

import (
	"context"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/geo/view"
)

// Window is Strikemap's main window: filters on the left, the map with its timeline
// and the event list in the middle, the selected event's claims on the right.
type Window struct {
	app fyne.App
	win fyne.Window

	mapView  *MapView
	filters  *FilterPanel
	timeline *Timeline
	list     *EventList
	details  *Details
	goTo     *GoToPlace
	status   *statusBar

	s            *session
	gen          uint64 // the latest filter change; older results are dropped
	order        listOrder
	selected     int32 // row of the selected event, -1 for none
	base         *basemapLayer
	legend       bool
	redraw       atomic.Bool        // a redraw for arrived tiles is queued
	opening      func()             // cancels the database being opened, nil when none
	cancelFilter func()             // stops the filter being evaluated
	work         background         // the window's background reads and writes
	life         context.Context    // ends when the window closes: its tasks stop
	endLife      context.CancelFunc // ends life

	recentMenu   *fyne.MenuItem
	basemapItems []*fyne.MenuItem
}

// NewWindow builds the main window of a; call Open to show a database in it.
func NewWindow(a fyne.App) *Window {
	w := &Window{app: a, win: a.NewWindow("Strikemap"), selected: -1, legend: true,
		order: listOrder{col: colDate, desc: true}}
	w.mapView = NewMapView()
	w.filters = NewFilterPanel(w.applyFilter)
	w.timeline = NewTimeline(w.setDates)
	w.list = NewEventList(listColumns, w.cellText)
	w.list.OnSelect = func(row int32) { w.selectRow(row, true) }
	w.list.OnSort = func(col int, desc bool) {
		w.order = listOrder{col: col, desc: desc}
		w.refilter()
	}
	w.details = NewDetails(w.openURL, w.win.Clipboard().SetContent)
	w.status = newStatusBar()
	w.wireMap()

	w.goTo = NewGoToPlace(w.goToPlace)
	w.goTo.SetPlaceHolder("Go to place…")
	centre := container.NewBorder(w.goTo, w.timeline, nil, nil, w.mapView)
	middle := container.NewVSplit(centre, w.list)
	middle.Offset = 0.72
	right := container.NewHSplit(middle, container.NewVScroll(w.details))
	right.Offset = 0.7
	left := container.NewHSplit(w.filters, right) // the panel scrolls by itself
	left.Offset = 0.22
	w.win.SetContent(container.NewBorder(nil, w.status, nil, nil, left))
	w.win.SetMainMenu(w.mainMenu())
	w.addShortcuts()
	w.win.Resize(fyne.NewSize(1440, 900))
	w.life, w.endLife = context.WithCancel(context.Background())
	w.win.SetCloseIntercept(w.close)
	w.setBasemap(a.Preferences().StringWithFallback(prefBasemap, BasemapOffline), false)
	return w
}

// close stops the window's tasks and closes it once they have ended: an import under
// way is rolled back and an export's temporary file removed, rather than left half-done
// for the next run when the program exits with the window.
func (w *Window) close() {
	w.savePrefs()
	w.endLife()
	if w.opening != nil {
		w.opening()
	}
	go func() {
		w.work.Wait()
		fyne.Do(w.win.Close)
	}()
}

// ShowError tells the user what went wrong, in a dialog over the window.
func (w *Window) ShowError(err error) { dialog.ShowError(err, w.win) }

// Show shows the window.
func (w *Window) Show() { w.win.Show() }

// wireMap connects the map's pointer events to the rest of the window.
func (w *Window) wireMap() {
	m := w.mapView
	m.OnTapEvent = func(row int) { w.selectRow(int32(row), false) }
	m.OnTapCluster = w.openCluster
	m.OnTapEmpty = func() { w.selectRow(-1, false) }
	m.OnHover = func(row int) { w.status.setHover(w.summary(row)) }
	m.OnPointer = func(ll orb.Point, ok bool) { w.status.setPointer(ll, m.View().Zoom, ok) }
	m.OnViewChange = func(v view.Viewport) { w.status.setPointer(v.Center, v.Zoom, false) }
}

// tileArrived redraws the map for tiles that came in, at most once per frame however
// many arrive, and shows what is wrong with the tiles; it is called from the tile
// cache's goroutines.
func (w *Window) tileArrived() {
	if w.redraw.CompareAndSwap(false, true) {
		fyne.Do(func() {
			w.redraw.Store(false)
			w.mapView.Redraw()
			w.showTileProblem()
		})
	}
}

// cellText is the text of one cell of the event list.
func (w *Window) cellText(row int32, col int) string {
	ix := w.s.ix
	switch col {
	case colDate:
		return ix.Start[row].String()
	case colActor:
		return ix.Actors[ix.Actor[row]]
	case colTarget:
		return ix.Targets[ix.Target[row]]
	case colPlace:
		return ix.Places[ix.Place[row]]
	case colKilled:
		if k := ix.Killed[row]; k >= 0 {
			return thousands(int(k))
		}
		return "?"
	case colStatus:
		return string(data.Statuses[ix.Status[row]])
	}
	return ""
}

// summary is the one-line description of an event shown while hovering it.
func (w *Window) summary(row int) string {
	if row < 0 || w.s == nil {
		return ""
	}
	r := int32(row)
	s := w.cellText(r, colDate) + " · " + w.cellText(r, colActor) + " · " + w.cellText(r, colTarget) +
		" · " + w.cellText(r, colPlace)
	if k := w.s.ix.Killed[row]; k >= 0 {
		s += " · " + thousands(int(k)) + " killed"
	}
	return s
}

// goToPlace centres the map on a place picked in the Go-to-place box, closer in for
// smaller places.
func (w *Window) goToPlace(name string, lat, lon float64, population int) {
	zoom := 12.0
	switch {
	case population > 1_000_000:
		zoom = 10
	case population > 100_000:
		zoom = 11
	}
	w.mapView.SetView(orb.Point{lon, lat}, zoom)
	w.status.setHover("Centred on " + name)
}
