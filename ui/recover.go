package ui

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/strikemap/strikemap/data"
)

// offerRecover asks whether to undo the change that a program which stopped while
// writing left half-done in the database at path: it cannot be opened for viewing until
// that is undone, which writes to it, so the app does it only when asked. Yes undoes it
// and opens the database; no leaves the file as it is and calls done with cause.
func (w *Window) offerRecover(path string, done func(error), cause error) {
	name := filepath.Base(path)
	finish := func(err error) {
		if done != nil {
			done(err)
		}
	}
	msg := name + " was being changed by a program that stopped before it finished\n" +
		"(it was killed, or the computer lost power). SQLite kept a journal of the change,\n" +
		filepath.Base(path) + "-journal, to undo it.\n\n" +
		"Undo the unfinished change and open " + name + "? It returns to how it was before\n" +
		"that change began. (strikedb recover does the same.)"
	d := dialog.NewConfirm("Undo an unfinished change?", msg, func(ok bool) {
		if !ok {
			finish(cause)
			return
		}
		w.work.Go(func() {
			_, err := data.Recover(context.Background(), path)
			fyne.Do(func() {
				if err != nil {
					w.ShowError(fmt.Errorf("could not undo the unfinished change in %s: %w", name, withoutPath{err, path}))
					finish(err)
					return
				}
				w.Open(path, done)
			})
		})
	}, w.win)
	d.SetConfirmText("Undo and open")
	d.SetDismissText("Leave it")
	d.Show()
}
