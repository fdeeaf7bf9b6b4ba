package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/data/datatest"
)

// topDialogText returns the words of the dialog on top of w, if any.
func topDialogText(w *Window) string {
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		switch o := o.(type) {
		case *widget.Label:
			b.WriteString(o.Text + "\n")
		case *canvas.Text:
			b.WriteString(o.Text + "\n")
		}
	}
	return b.String()
}

// dialogSays waits for the dialog on top of w to contain want.
func dialogSays(t *testing.T, w *Window, want string) string {
	t.Helper()
	var text string
	if !waitFor(func() bool {
		fyne.DoAndWait(func() { text = topDialogText(w) })
		return strings.Contains(text, want)
	}) {
		t.Fatalf("the dialog says %q, want %q in it", text, want)
	}
	return text
}

func TestRunImport(t *testing.T) {
	// One app for every case: its UI queue is where all their background work lands.
	a := newSerialApp(t)
	w := newTestWindow(t, a)
	onUI(func() { w.win.Resize(fyne.NewSize(1000, 700)) })
	for name, tc := range map[string]struct {
		file   string
		skip   bool
		says   []string
		events int // in the database afterwards; -1: no database
	}{
		"into a new database": {file: "acled.csv", says: []string{"Import done", "Imported 4 events into new.db"}, events: 4},
		"an invalid row stops it": {file: "acled_dirty.csv", events: -1, says: []string{"Import failed",
			"Nothing was imported", "acled_dirty.csv:3: longitude 4239"}},
		"skipping invalid rows": {file: "acled_dirty.csv", skip: true, says: []string{"Import done", "invalid rows were left out", "acled_dirty.csv:4:"}, events: 3},
	} {
		t.Run(name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "new.db")
			defer onUI(func() { // the next case starts with no dialog
				for o := w.win.Canvas().Overlays().Top(); o != nil; o = w.win.Canvas().Overlays().Top() {
					w.win.Canvas().Overlays().Remove(o)
				}
			})
			fyne.DoAndWait(func() { w.runImport(filepath.Join("..", "testdata", "import", tc.file), db, tc.skip) })
			for _, s := range tc.says {
				dialogSays(t, w, s)
			}
			if tc.events < 0 {
				if _, err := os.Stat(db); !os.IsNotExist(err) {
					t.Errorf("a failed import left %s (%v)", db, err)
				}
				return
			}
			if n := countEvents(t, db); n != tc.events {
				t.Errorf("%d events in the database, want %d", n, tc.events)
			}
		})
	}
}

// An event whose uid is stored already with other values is named, with the fields
// that differ, among the warnings of the import.
func TestImportNamesStoredEventsWithOtherValues(t *testing.T) {
	a := newSerialApp(t)
	w := newTestWindow(t, a)
	onUI(func() { w.win.Resize(fyne.NewSize(1000, 700)) })
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	src := filepath.Join("..", "testdata", "import", "acled.csv")
	if _, err := data.Import(context.Background(), db, []string{src}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	changed := filepath.Join(dir, "acled2.csv")
	if err := os.WriteFile(changed, []byte(strings.Replace(string(b), ",35.95,39.01,", ",35.85,39.01,", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { w.runImport(changed, db, false) })
	dialogSays(t, w, "were there already and were left as they are")
	dialogSays(t, w, `acled2.csv:2: warning: event "SYR900001" is stored already with other values (lat); kept the stored one`)
}

// Importing into the database the window shows asks first.
func TestImportIntoShownDatabaseAsks(t *testing.T) {
	a := newSerialApp(t)
	db := filepath.Join(t.TempDir(), "s.db")
	s := sampleSession(t, db)
	w := newTestWindow(t, a)
	onUI(func() { w.win.Resize(fyne.NewSize(1000, 700)); w.s = s })
	before := countEvents(t, db)
	fyne.DoAndWait(func() { w.confirmTarget(filepath.Join("..", "testdata", "import", "acled.csv"), db, false) })
	dialogSays(t, w, "is the database this window shows")
	if n := countEvents(t, db); n != before {
		t.Errorf("the shown database changed before the user said yes: %d events, had %d", n, before)
	}
}

// Cancelling an import leaves no database behind.
func TestCancelImport(t *testing.T) {
	a := newSerialApp(t)
	w := newTestWindow(t, a)
	onUI(func() { w.win.Resize(fyne.NewSize(1000, 700)) })
	dir := t.TempDir()
	src := filepath.Join(dir, "big.csv")
	writeBigACLED(t, src, 200_000)
	db := filepath.Join(dir, "big.db")
	fyne.DoAndWait(func() { w.runImport(src, db, false) })
	dialogSays(t, w, "Importing big.csv")
	tapButton(t, w, "Cancel")
	dialogSays(t, w, "Nothing was imported")
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a cancelled import left %s (%v)", db, err)
	}
}

// tapButton taps the button labelled label in the dialog on top of w, as a person would.
func tapButton(t *testing.T, w *Window, label string) {
	t.Helper()
	var button *widget.Button
	fyne.DoAndWait(func() {
		for _, o := range test.LaidOutObjects(w.win.Canvas().Overlays().Top()) {
			if b, ok := o.(*widget.Button); ok && b.Text == label {
				button = b
			}
		}
	})
	if button == nil {
		t.Fatalf("no %q button in the dialog saying %q", label, topDialogText(w))
	}
	fyne.DoAndWait(func() { test.Tap(button) })
}

// writeBigACLED writes an ACLED file of n made-up rows.
func writeBigACLED(t *testing.T, path string, n int) {
	t.Helper()
	var b strings.Builder
	b.WriteString("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n")
	for i := range n {
		fmt.Fprintf(&b, "TST%07d,2017-03-04,2017,1,Political violence,Explosions/Remote violence,Air/drone strike,Air Force,,8,,,0,80,,760,Middle East,Syria,Ar-Raqqa,,,Ar Raqqah,35.95,39.01,1,Monitor,Other,Made up.,%d,,1600000000\n", i, i%7)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// countEvents counts the events of the database at path.
func countEvents(t *testing.T, path string) int {
	t.Helper()
	db, err := data.Open(context.Background(), path, data.ReadOnly)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return int(st.Events)
}

// Every import file of the bad-input corpus, imported through the app, is refused in a
// dialog that names the file, and leaves no database behind.
func TestImportBadFiles(t *testing.T) {
	a := newSerialApp(t)
	w := newTestWindow(t, a)
	onUI(func() { w.win.Resize(fyne.NewSize(1000, 700)) })
	n := 0
	for _, name := range badCorpus(t) {
		if ext := filepath.Ext(name); ext != ".csv" && ext != ".geojson" {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "new.db")
			onUI(func() { w.runImport(filepath.Join(corpus, name), db, false) })
			text := dialogSays(t, w, "Nothing was imported")
			if !strings.Contains(text, name) {
				t.Errorf("the dialog does not name %s: %q", name, text)
			}
			if _, err := os.Stat(db); !os.IsNotExist(err) {
				t.Errorf("a refused import left %s (%v)", db, err)
			}
			onUI(func() { w.win.Canvas().Overlays().Remove(w.win.Canvas().Overlays().Top()) })
		})
	}
	if n < 20 {
		t.Errorf("only %d import files in %s", n, corpus)
	}
}

// Closing the window during an import into an existing database stops the import and
// rolls it back before the window goes: the program exiting with the window must not
// leave the change half-done, with its journal, for the next run to find.
func TestCloseDuringImport(t *testing.T) {
	a := newSerialApp(t)
	w := newTestWindow(t, a)
	closed := make(chan struct{})
	onUI(func() {
		w.win.Resize(fyne.NewSize(1000, 700))
		w.win.SetOnClosed(func() { close(closed) })
	})
	dir := t.TempDir()
	src, db := filepath.Join(dir, "big.csv"), filepath.Join(dir, "s.db")
	writeBigACLED(t, src, 200_000)
	if err := data.WriteSample(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	sum := datatest.Sum(t, db)
	fyne.DoAndWait(func() { w.runImport(src, db, false) })
	dialogSays(t, w, "Importing big.csv")
	if !waitFor(func() bool { _, err := os.Stat(db + "-journal"); return err == nil }) {
		t.Fatal("the import never began to write")
	}
	onUI(w.close)
	select {
	case <-closed:
	case <-time.After(time.Minute): // a guard against a hang, not a measure of speed
		t.Fatal("the window never closed")
	}
	if datatest.Sum(t, db) != sum {
		t.Error("the import went on after the window closed")
	}
	if _, err := os.Stat(db + "-journal"); !os.IsNotExist(err) {
		t.Errorf("a journal is left (%v)", err)
	}
}
