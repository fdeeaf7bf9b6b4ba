package ui

import (
	"context"
	"errors"
	"log"
	"time"

	"fyne.io/fyne/v2"

	"github.com/strikemap/strikemap/data"
)

// applyFilter evaluates f off the UI goroutine and then updates the map, the counts,
// the timeline and the list together. A newer change overtakes an older one still
// running: only the latest result is shown.
func (w *Window) applyFilter(f data.Filter) {
	s := w.s
	if s == nil {
		return
	}
	w.gen++
	gen, order := w.gen, w.order
	if w.cancelFilter != nil {
		w.cancelFilter() // a search still running for an older filter stops
	}
	ctx, cancel := context.WithCancel(context.Background())
	w.cancelFilter = cancel
	w.work.Go(func() {
		defer cancel()
		start := time.Now()
		o, err := s.evaluate(ctx, f, order)
		gone := s.db.Gone() // SQLite reads on from the file it holds open, so ask
		if traceFrames && err == nil {
			log.Printf(sinceLaunch()+"filter: %.1f ms, %d matched", float64(time.Since(start).Microseconds())/1000, o.matched)
		}
		fyne.Do(func() {
			if gen != w.gen || s != w.s || errors.Is(err, context.Canceled) {
				return
			}
			// Said in the status bar, not a dialog: a database another program holds
			// locked fails every keystroke's search, and the window must stay usable.
			w.status.setAlert(alertFilter, filterProblem(s.path, err))
			w.status.setAlert(alertDatabase, goneText(s.path, gone))
			if err == nil {
				w.showOutcome(o)
			}
		})
	})
}

// refilter evaluates the current filter again, e.g. after the list's order changed.
func (w *Window) refilter() { w.applyFilter(w.filters.Filter()) }

// setDates is the timeline's drag: the date window changes, the rest of the filter stays.
func (w *Window) setDates(from, to data.Date) {
	w.filters.SetDates(from, to)
	w.refilter()
}

// showOutcome puts one filter change's results on screen.
func (w *Window) showOutcome(o *outcome) {
	s := w.s
	s.sel, s.matched, s.legend = o.sel, o.matched, o.legend
	if o.matched == s.ix.Len() {
		s.sel = nil // nothing filtered out: the map need not test each row
	}
	w.mapView.SetEvents(s.events(), w.legendFor(s))
	fc := o.facets
	w.filters.SetCounts(fc.Actors, fc.Targets, fc.Statuses, fc.Precisions)
	w.filters.SetTotals(o.matched, s.ix.Len())
	w.timeline.SetData(o.bins.Start, unitName(o.bins.Unit), o.timeline)
	w.timeline.SetRange(o.filter.From, o.filter.To)
	w.list.SetRows(o.rows)
	counts := w.countText(s)
	if s.ix.Invalid > 0 {
		counts += " · " + thousands(s.ix.Invalid) + " invalid left out (strikedb check names them)"
	}
	w.status.setCounts(counts)
	if w.selected >= 0 {
		if s.events().Has(int(w.selected)) {
			w.list.Reveal(w.selected)
		} else {
			w.selectRow(-1, false)
		}
	}
}

// unitName is the timeline's name for a unit of bins.
func unitName(u data.BinUnit) string {
	switch u {
	case data.Weeks:
		return unitWeek
	case data.Months:
		return unitMonth
	case data.Years:
		return unitYear
	}
	return unitDay
}
