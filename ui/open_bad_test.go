package ui

import (
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/strikemap/strikemap/data"
)

// openAndWait opens path in w and returns what Open's done was called with.
func openAndWait(t *testing.T, w *Window, path string) error {
	t.Helper()
	done := make(chan error, 1)
	onUI(func() { w.Open(path, func(err error) { done <- err }) })
	select {
	case err := <-done:
		return err
	case <-time.After(time.Minute): // a guard against a hang, not a measure of speed
		t.Fatalf("Open(%s) never called done", filepath.Base(path))
		return nil
	}
}

// Every file of the bad-input corpus, opened over a good database, is refused with an
// error naming the file and why, shown in a dialog; the window keeps the database it
// had, and the file is not changed.
func TestOpenBadFiles(t *testing.T) {
	a := newSerialApp(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	if err := data.WriteSample(context.Background(), good); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, a)
	if err := openAndWait(t, w, good); err != nil {
		t.Fatal(err)
	}
	var before *session
	var title string
	onUI(func() { before, title = w.s, w.win.Title() })
	n := 0
	for _, name := range badCorpus(t) {
		if name == "README.md" {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			orig, err := os.ReadFile(filepath.Join(corpus, name))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, orig, 0o644); err != nil {
				t.Fatal(err)
			}
			err = openAndWait(t, w, path)
			switch {
			case err == nil:
				t.Fatal("opened")
			case !errors.Is(err, data.ErrNotOurs) && !errors.Is(err, data.ErrSchema) && !errors.Is(err, data.ErrCorrupt):
				t.Errorf("error %q is not ErrNotOurs, ErrSchema or ErrCorrupt", err)
			case !strings.Contains(err.Error(), name):
				t.Errorf("error %q does not name the file", err)
			case strings.Contains(err.Error(), "\n"):
				t.Errorf("error %q is more than one line", err)
			}
			var shown string
			var now *session
			var nowTitle string
			onUI(func() { shown, now, nowTitle = dialogText(w), w.s, w.win.Title() })
			if !strings.Contains(strings.ToLower(shown), "could not open "+name) {
				t.Errorf("the dialog says %q", shown)
			}
			if now != before || nowTitle != title {
				t.Errorf("the window shows %q, titled %q; want the database it had", now.path, nowTitle)
			}
			after, err := os.ReadFile(path)
			if err != nil || sha256.Sum256(after) != sha256.Sum256(orig) {
				t.Errorf("the file changed (%v)", err)
			}
		})
	}
	if n < 30 {
		t.Errorf("only %d files in %s", n, corpus)
	}
	if w.s.ix.Len() != before.ix.Len() {
		t.Errorf("the window's database has %d events, had %d", w.s.ix.Len(), before.ix.Len())
	}
}

// dialogText returns the texts of the window's top overlay, a dialog, and closes it.
func dialogText(w *Window) string {
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	defer w.win.Canvas().Overlays().Remove(top)
	var texts []string
	for _, o := range test.LaidOutObjects(top) {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *canvas.Text:
			texts = append(texts, x.Text)
		case *widget.RichText:
			texts = append(texts, x.String())
		}
	}
	return strings.Join(texts, " ")
}

// corpus is the bad-input corpus every entry point is tried with.
var corpus = filepath.Join("..", "testdata", "bad")

// badCorpus returns the names of the corpus's files.
func badCorpus(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(corpus)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() {
			names = append(names, e.Name())
		}
	}
	return names
}
