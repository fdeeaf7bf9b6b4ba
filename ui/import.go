package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/geo/gazetteer"
)

// shownProblems is how many rejected rows, and how many warnings, an import lists, as
// `strikedb import` does.
const shownProblems = 20

// showImport asks for a file to import (ACLED, UCDP GED, Strikemap's GeoJSON or CSV)
// and the database to import it into: a new one, or an existing one the user picks,
// never the one shown unless the user says so.
func (w *Window) showImport() {
	w.pickFile("", []string{".csv", ".geojson", ".json"}, func(src string) {
		target := widget.NewRadioGroup([]string{"A new database", "An existing database"}, nil)
		target.SetSelected("A new database")
		skip := widget.NewCheck("Skip invalid rows (else one invalid row imports nothing)", nil)
		content := container.NewVBox(widget.NewLabel("Import "+filepath.Base(src)+" into:"), target, skip)
		dialog.ShowCustomConfirm("Import", "Choose…", "Cancel", content, func(ok bool) {
			switch {
			case !ok:
			case target.Selected == "A new database":
				w.pickNewDatabase(src, func(db string) { w.runImport(src, db, skip.Checked) })
			default:
				w.pickFile("", []string{".db", ".gpkg", ".sqlite"}, func(db string) { w.confirmTarget(src, db, skip.Checked) })
			}
		}, w.win)
	})
}

// pickNewDatabase asks for a folder and a name for a new database; the file must not
// exist yet, so that nothing is overwritten.
func (w *Window) pickNewDatabase(src string, then func(path string)) {
	folder := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			if err != nil {
				w.ShowError(err)
			}
			return
		}
		name := widget.NewEntry()
		name.SetText(strings.TrimSuffix(filepath.Base(src), filepath.Ext(src)) + ".db")
		items := []*widget.FormItem{widget.NewFormItem("Folder", widget.NewLabel(dir.Path())), widget.NewFormItem("Name", name)}
		form := dialog.NewForm("New database", "Import", "Cancel", items, func(ok bool) {
			if !ok {
				return
			}
			path := filepath.Join(dir.Path(), name.Text)
			if _, err := os.Stat(path); err == nil {
				w.ShowError(fmt.Errorf("%s exists already; choose \"An existing database\" to add to it", name.Text))
				return
			}
			then(path)
		}, w.win)
		form.Resize(fyne.NewSize(520, form.MinSize().Height))
		form.Show()
	}, w.win)
	folder.Resize(fyne.NewSize(800, 560))
	folder.Show()
}

// confirmTarget asks before importing into the database the window shows.
func (w *Window) confirmTarget(src, db string, skip bool) {
	if w.s == nil || !sameFile(db, w.s.path) {
		w.runImport(src, db, skip)
		return
	}
	dialog.ShowConfirm("Import into the database shown?",
		filepath.Base(db)+" is the database this window shows. Add the events of "+filepath.Base(src)+
			" to it? It is opened again afterwards.", func(ok bool) {
			if ok {
				w.runImport(src, db, skip)
			}
		}, w.win)
}

// runImport imports src into db in the background, with progress and Cancel, then
// says what came of it and offers to open db.
func (w *Window) runImport(src, db string, skip bool) {
	ctx, t := w.startTask("Importing " + filepath.Base(src))
	var problems, warnings []string
	opt := data.ImportOptions{SkipInvalid: skip, Geocode: gazetteer.Geocode, Swapped: gazetteer.Swapped, // as strikedb import does
		Report: func(p data.Problem) {
			p.File = filepath.Base(p.File)
			switch {
			case !p.Warning && len(problems) < shownProblems:
				problems = append(problems, p.String())
			case p.Warning && len(warnings) < shownProblems:
				warnings = append(warnings, p.String())
			}
		},
		Progress: func(done, total int64) {
			text := fmt.Sprintf("%s of %s read", megabytes(done), megabytes(total))
			if done >= total {
				text = "All read; writing the database …" // indexes and the commit take a while
			}
			t.progress(float64(done)/float64(max(total, 1)), text)
		}}
	w.work.Go(func() {
		res, err := data.Import(ctx, db, []string{src}, opt)
		fyne.Do(func() {
			t.finish()
			if errors.Is(err, context.Canceled) {
				dialog.ShowInformation("Import cancelled", "Nothing was imported.", w.win)
				return
			}
			w.showImported(db, res, err, problems, warnings)
		})
	})
}

// importProblem words why an import stored nothing, naming files without their folders
// as the list of rejected rows does.
func importProblem(res data.ImportResult, err error) string {
	var fe *data.FileError
	switch {
	case errors.As(err, &fe):
		return fmt.Sprintf("%s:%d: %s", filepath.Base(fe.File), fe.Line, fe.Msg)
	case errors.Is(err, data.ErrInvalid) && res.Invalid > 0:
		return fmt.Sprintf("%s of %s %s invalid.", thousands(res.Invalid), thousands(res.Rows), rowsAre(res.Invalid))
	}
	return err.Error()
}

// showImported reports an import's outcome, with the rows it rejected and its warnings,
// such as the events stored already with other values.
func (w *Window) showImported(db string, res data.ImportResult, err error, problems, warnings []string) {
	var b strings.Builder
	if err != nil {
		fmt.Fprintf(&b, "Nothing was imported: %s\n", importProblem(res, err))
	} else {
		fmt.Fprintf(&b, "Imported %s events into %s.\n", thousands(res.Added), filepath.Base(db))
		if res.Existing > 0 {
			fmt.Fprintf(&b, "%s were there already and were left as they are.\n", thousands(res.Existing))
		}
		if res.Invalid > 0 {
			fmt.Fprintf(&b, "%s invalid rows were left out.\n", thousands(res.Invalid))
		}
	}
	if len(problems) > 0 {
		b.WriteString("\n" + strings.Join(problems, "\n") + "\n")
		if res.Invalid > len(problems) {
			fmt.Fprintf(&b, "… and %s more invalid rows\n", thousands(res.Invalid-len(problems)))
		}
	}
	if len(warnings) > 0 {
		b.WriteString("\n" + strings.Join(warnings, "\n") + "\n")
		if res.Warnings > len(warnings) {
			fmt.Fprintf(&b, "… and %s more warnings\n", thousands(res.Warnings-len(warnings)))
		}
	}
	text := widget.NewLabel(b.String())
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	if len(problems) > 0 || len(warnings) > 0 || err != nil { // room for the problem lines
		scroll.SetMinSize(fyne.NewSize(640, 300))
	} else {
		scroll.SetMinSize(fyne.NewSize(420, text.MinSize().Height))
	}
	if err != nil {
		dialog.ShowCustom("Import failed", "Close", scroll, w.win)
		return
	}
	if w.s != nil && sameFile(db, w.s.path) {
		w.Open(db, nil) // what it shows has changed
		dialog.ShowCustom("Import done", "Close", scroll, w.win)
		return
	}
	dialog.ShowCustomConfirm("Import done", "Open it", "Close", scroll, func(open bool) {
		if open {
			w.Open(db, nil)
		}
	}, w.win)
}

// rowsAre is "rows are", or "row is" after 1, whatever the total: "1 of 3 rows is".
func rowsAre(n int) string {
	if n == 1 {
		return "rows is"
	}
	return "rows are"
}
