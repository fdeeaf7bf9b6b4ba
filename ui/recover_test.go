package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/data/datatest"
)

// A database that a killed program left half-changed is not opened, nor written to,
// until the person agrees to undo the unfinished change; then it opens as it was before.
func TestOpenOffersToUndoAnUnfinishedChange(t *testing.T) {
	a := newSerialApp(t)
	dir := t.TempDir()
	src, path := filepath.Join(dir, "s.db"), filepath.Join(dir, "left.db")
	if err := data.WriteSample(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	datatest.LeaveUnfinished(t, src, path)
	w := newTestWindow(t, a)
	open := func() chan error {
		done := make(chan error, 1)
		onUI(func() { w.Open(path, func(err error) { done <- err }) })
		return done
	}
	wait := func(done chan error) error {
		select {
		case err := <-done:
			return err
		case <-time.After(time.Minute): // a guard against a hang, not a measure of speed
			t.Fatal("Open never called done")
			return nil
		}
	}

	frozen := datatest.Freeze(t, path)
	done := open()
	dialogSays(t, w, "left.db-journal")
	tapButton(t, w, "Leave it")
	if err := wait(done); !errors.Is(err, data.ErrUnfinished) {
		t.Errorf("Open after Leave it: %v, want ErrUnfinished", err)
	}
	frozen.Check(t, "declining to undo the change")
	var s *session
	onUI(func() { s = w.s })
	if s != nil {
		t.Fatal("the window shows a database after Leave it")
	}

	done = open()
	dialogSays(t, w, "Undo the unfinished change")
	tapButton(t, w, "Undo and open")
	if err := wait(done); err != nil {
		t.Fatalf("Open after Undo and open: %v", err)
	}
	onUI(func() { s = w.s })
	if s == nil || s.ix.Len() != 13 {
		t.Fatalf("the window shows %v after Undo and open, want the 13 sample events", s)
	}
	if _, err := os.Stat(path + "-journal"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the journal is still there (%v)", err)
	}
}
