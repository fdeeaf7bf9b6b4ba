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
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/data"
)

// showExportGeoJSON exports the events the filters keep as CONTRACT.md's GeoJSON.
func (w *Window) showExportGeoJSON() { w.showExport(data.FormatGeoJSON, "GeoJSON", ".geojson") }

// showExportCSV exports the events the filters keep as Strikemap's CSV, a row per claim.
func (w *Window) showExportCSV() { w.showExport(data.FormatCSV, "CSV", ".csv") }

// showExport asks whether to export every event the filters keep or only those in
// view, and where to, and exports them in the background with progress and Cancel.
func (w *Window) showExport(format data.Format, name, ext string) {
	if w.s == nil {
		return
	}
	s := w.s
	f := w.filters.Filter()
	all := "Every event the filters keep (" + thousands(s.matched) + ")"
	scope := widget.NewRadioGroup([]string{all, "Only those in view"}, nil)
	scope.SetSelected(all)
	dialog.ShowCustomConfirm("Export "+name, "Save…", "Cancel", scope, func(ok bool) {
		if !ok {
			return
		}
		if scope.Selected != all {
			b := clampBound(w.mapView.View().Bound())
			f.BBox = &b
		}
		d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err != nil || wc == nil {
				if err != nil {
					w.ShowError(err)
				}
				return
			}
			path := wc.URI().Path()
			wc.Close() // the dialog made the file; the export replaces it whole
			w.runExport(s, path, data.ExportOptions{Format: format, Filter: &f})
		}, w.win)
		d.SetFileName(strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path)) + ext)
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
		d.Resize(fyne.NewSize(800, 560))
		d.Show()
	}, w.win)
}

// runExport writes the export through data.ExportFile: a failure or Cancel leaves no
// partial file, nor the empty one the save dialog made.
func (w *Window) runExport(s *session, path string, opt data.ExportOptions) {
	ctx, t := w.startTask("Exporting " + filepath.Base(path))
	opt.Progress = func(done, total int) {
		t.progress(float64(done)/float64(max(total, 1)), thousands(done)+" of "+thousands(total)+" events looked at")
	}
	w.work.Go(func() {
		res, err := s.db.ExportFile(ctx, path, opt)
		if err != nil {
			if st, serr := os.Stat(path); serr == nil && st.Size() == 0 {
				os.Remove(path)
			}
		}
		fyne.Do(func() {
			t.finish()
			switch {
			case errors.Is(err, context.Canceled):
				w.status.setHover("Export cancelled")
			case err != nil:
				w.ShowError(fmt.Errorf("export %s: %w", filepath.Base(path), err))
			case res.Invalid > 0:
				w.status.setHover(fmt.Sprintf("Saved %s events to %s; left out %s that break the model's rules",
					thousands(res.Events), path, thousands(res.Invalid)))
			default:
				w.status.setHover("Saved " + thousands(res.Events) + " events to " + path)
			}
		})
	})
}

// transferTask is an import or export running off the UI goroutine, shown in a dialog
// with a progress bar and a Cancel button.
type transferTask struct {
	d    *dialog.CustomDialog
	bar  *widget.ProgressBar
	text *widget.Label
	last time.Time // when progress last moved the bar; only the worker touches it
	done bool
}

// startTask shows a task's dialog; closing it cancels the returned context.
func (w *Window) startTask(title string) (context.Context, *transferTask) {
	ctx, cancel := context.WithCancel(w.life)
	t := &transferTask{bar: widget.NewProgressBar(), text: widget.NewLabel("Starting …")}
	content := container.NewVBox(t.bar, t.text)
	t.d = dialog.NewCustom(title, "Cancel", content, w.win)
	t.d.SetOnClosed(cancel)
	t.d.Resize(fyne.NewSize(480, 160))
	t.d.Show()
	return ctx, t
}

// progress moves the bar to share (0 to 1), at most every progressEvery; it is called
// from the task's goroutine.
func (t *transferTask) progress(share float64, text string) {
	if now := time.Now(); now.Sub(t.last) >= progressEvery {
		t.last = now
		fyne.Do(func() {
			if !t.done {
				t.bar.SetValue(share)
				t.text.SetText(text)
			}
		})
	}
}

// finish closes the task's dialog; it runs on the UI goroutine.
func (t *transferTask) finish() {
	t.done = true
	t.d.Hide()
}

// clampBound keeps a view's box within the world, as events are.
func clampBound(b orb.Bound) orb.Bound {
	b.Min[0], b.Max[0] = max(b.Min[0], -180), min(b.Max[0], 180)
	b.Min[1], b.Max[1] = max(b.Min[1], -90), min(b.Max[1], 90)
	return b
}

// sameFile reports whether two paths name the same file.
func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// megabytes is a size for people: "12.5 MB".
func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
