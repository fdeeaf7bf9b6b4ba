// Package ui is Strikemap's desktop interface, thin over the data and geo packages.
package ui

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/strikemap/strikemap/data"
)

// PrefLastDatabase is the preference holding the path of the database last opened.
const PrefLastDatabase = "lastDatabase"

// Window is Strikemap's main window: the events of one database and the claims of the selected one.
type Window struct {
	win     fyne.Window
	list    *EventTable
	details *Details
	status  *widget.Label
}

// NewWindow builds the main window of a; call Open to show a database in it.
func NewWindow(a fyne.App) *Window {
	w := &Window{win: a.NewWindow("Strikemap"), details: NewDetails(), status: widget.NewLabel("")}
	w.list = NewEventTable(func(e *data.Event) { w.details.SetEvent(e) })
	split := container.NewHSplit(w.list, container.NewVScroll(w.details))
	split.Offset = 0.62
	w.win.SetContent(container.NewBorder(nil, w.status, nil, nil, split))
	w.win.Resize(fyne.NewSize(1200, 760))
	return w
}

// ShowError tells the user what went wrong, in a dialog over the window.
func (w *Window) ShowError(err error) { dialog.ShowError(err, w.win) }

// Show shows the window.
func (w *Window) Show() { w.win.Show() }

// Open reads the database at path, read-only, in the background and shows its events;
// a file that cannot be read is reported in a dialog and the window stays as it was.
func (w *Window) Open(path string, done func(error)) {
	w.status.SetText("Opening " + path + " …")
	go func() {
		events, err := readAll(path)
		fyne.Do(func() {
			if err != nil {
				w.status.SetText("")
				w.ShowError(err)
			} else {
				w.win.SetTitle("Strikemap — " + filepath.Base(path))
				w.list.SetEvents(events)
				w.details.SetEvent(nil)
				w.status.SetText(fmt.Sprintf("%d events · %s (read-only)", len(events), path))
			}
			if done != nil {
				done(err)
			}
		})
	}()
}

// readAll loads every event of the database at path; it runs off the UI goroutine.
func readAll(path string) ([]*data.Event, error) {
	ctx := context.Background()
	db, err := data.Open(ctx, path, data.ReadOnly)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var events []*data.Event
	for e, err := range db.Events(ctx) {
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		events = append(events, e)
	}
	return events, nil
}
