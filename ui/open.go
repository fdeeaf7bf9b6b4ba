package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/geo/gazetteer"
	"github.com/strikemap/strikemap/geo/render"
)

// progressEvery is how often the status bar's progress bar moves while loading.
const progressEvery = 100 * time.Millisecond

// Open reads the database at path, read-only, in the background, with progress in the
// status bar; the window stays usable meanwhile. A file that cannot be read is reported
// in a dialog and the window keeps what it showed. done, if not nil, is called on the
// UI goroutine when it is over.
func (w *Window) Open(path string, done func(error)) {
	if w.opening != nil {
		w.opening()
	}
	ctx, cancel := context.WithCancel(context.Background())
	w.opening = cancel
	name := filepath.Base(path)
	w.status.setProgress(0, 1, "Opening "+name+" …")
	w.work.Go(func() {
		var last time.Time
		progress := func(n, total int) {
			if now := time.Now(); now.Sub(last) >= progressEvery {
				last = now
				fyne.Do(func() {
					w.status.setProgress(n, total, fmt.Sprintf("Reading %s: %s of %s events", name, thousands(n), thousands(total)))
				})
			}
		}
		s, err := openSession(ctx, path, progress)
		fyne.Do(func() {
			if errors.Is(err, context.Canceled) {
				return
			}
			w.opening = nil
			w.status.setProgress(-1, 0, "")
			if errors.Is(err, data.ErrUnfinished) {
				w.offerRecover(path, done, err)
				return
			}
			if err != nil {
				w.ShowError(fmt.Errorf("could not open %s: %w", name, withoutPath{err, path}))
			} else {
				w.show(s)
			}
			if done != nil {
				done(err)
			}
		})
	})
}

// show makes s the window's database, replacing the one shown.
func (w *Window) show(s *session) {
	if !gazetteer.Ready() {
		// The Go-to box's index, built once the events are on screen, not while they load.
		go gazetteer.Warm()
	}
	old := w.s
	w.s = s
	old.close()
	w.selectRow(-1, false)
	w.win.SetTitle("Strikemap — " + filepath.Base(s.path) + " (read-only)")
	ix := s.ix
	all := ix.Facets(&data.Filter{}, nil)
	w.filters.SetChoices(choices(ix.Actors, all.Actors), choices(ix.Targets, all.Targets))
	w.mapView.SetEvents(s.events(), w.legendFor(s))
	if !w.restoreView(s.path) {
		w.zoomToAll()
	}
	if !isSample(s.path) {
		w.addRecent(s.path)
		w.app.Preferences().SetString(PrefLastDatabase, s.path)
	}
	w.filters.Reset()
	w.applyFilter(data.Filter{})
}

// zoomToAll fits the map to every event of the database.
func (w *Window) zoomToAll() {
	if w.s == nil || w.s.ix.Len() == 0 {
		return
	}
	if b, ok := (data.Subset{Index: w.s.ix}).Bound(); ok {
		w.mapView.Fit(b, 10)
	}
}

// legendFor builds the map's legend for s: the actors with a colour of their own and
// the shapes of the target types shown; nil when the legend is switched off.
func (w *Window) legendFor(s *session) *render.Legend {
	if !w.legend || s == nil {
		return nil
	}
	if s.legend == nil {
		s.legend = s.events().Legend("")
	}
	l := *s.legend
	l.Title = w.countText(s)
	return &l
}

// countText is "312 of 40,000 events".
func (w *Window) countText(s *session) string {
	return thousands(s.matched) + " of " + thousands(s.ix.Len()) + " events"
}

func choices(names []string, counts []int) []Choice {
	cs := make([]Choice, len(names))
	for i, n := range names {
		cs[i] = Choice{Name: n, Count: counts[i]}
	}
	return cs
}

// isSample reports whether path is the bundled sample written to the user's cache,
// which is not remembered: a newer build writes its own.
func isSample(path string) bool {
	dir, err := os.UserCacheDir()
	return err == nil && filepath.Dir(path) == filepath.Join(dir, "strikemap")
}

// withoutPath is an error whose message leaves out the path it begins with, for a
// dialog that has named the file already.
type withoutPath struct {
	err  error
	path string
}

func (e withoutPath) Error() string { return strings.TrimPrefix(e.err.Error(), e.path+": ") }

func (e withoutPath) Unwrap() error { return e.err }
