package ui

import (
	"context"
	"database/sql"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/strikemap/strikemap/data"
)

// waitLong polls cond for up to d: SQLite waits five seconds for a lock before it
// gives up, longer than waitFor lasts.
func waitLong(d time.Duration, cond func() bool) bool {
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return true
		}
	}
	return cond()
}

// panelText is the details panel's message, read on the UI queue.
func panelText(w *Window) (s string) {
	onUI(func() { s = w.details.Message() })
	return s
}

// shows reports whether the details panel shows the event of row.
func shows(w *Window, row int32) bool {
	e := w.details.event
	return e != nil && e.ID == w.s.ix.ID[row] && w.details.Message() == ""
}

// A database locked by another program, or removed, while open: the details panel
// says what is wrong instead of a dialog, the map goes on panning, and once the lock
// is released the next click reads the event again.
func TestDatabaseLockedOrRemovedWhileOpen(t *testing.T) {
	w, path := faultWindow(t)
	m := w.mapView
	onUI(func() { w.selectRow(0, false) })
	if !uiWaitFor(func() bool { return shows(w, 0) }) {
		t.Fatalf("details show %q", panelText(w))
	}

	other, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	onUI(func() { w.selectRow(1, false) })
	if !uiWaitFor(func() bool { return strings.HasPrefix(w.details.Message(), "Reading the event") }) {
		t.Errorf("while the read waits the panel says %q", panelText(w))
	}
	for i := range 5 { // the window goes on working meanwhile
		onUI(func() {
			before := m.View()
			m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 30, DY: 20}})
			if m.View() == before {
				t.Errorf("pan %d: the map did not move while the database is locked", i)
			}
			timedFrame(t, m, "locked")
		})
	}
	if !waitLong(15*time.Second, func() bool { return strings.Contains(panelText(w), "locked") }) {
		t.Fatalf("with the database locked the panel says %q", panelText(w))
	}
	if msg := panelText(w); !strings.Contains(msg, "another program has locked sample.db") || !strings.Contains(msg, "Select the event again") {
		t.Errorf("panel says %q", msg)
	}
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	onUI(func() { w.selectRow(1, false) })
	if !uiWaitFor(func() bool { return shows(w, 1) }) {
		t.Fatalf("after the lock is released: %q", panelText(w))
	}

	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	// A filter change says so too, though the search reads on from the open file.
	onUI(func() { w.applyFilter(data.Filter{Query: "raqqa"}) })
	if !waitFor(func() bool { return strings.Contains(alertText(w), "sample.db was removed or moved while open") }) {
		t.Errorf("after a filter change with the file removed the status bar says %q", alertText(w))
	}
	onUI(func() { w.selectRow(2, false) })
	// SQLite reads on from the file it holds open; where it cannot, the panel says why.
	if !uiWaitFor(func() bool {
		return shows(w, 2) || strings.Contains(w.details.Message(), "removed or moved")
	}) {
		t.Fatalf("with the file removed: %q", panelText(w))
	}
	if a := alertText(w); !strings.Contains(a, "sample.db was removed or moved while open") {
		t.Errorf("status bar says %q", a)
	}
	onUI(func() {
		before := m.View()
		m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: -50, DY: 10}})
		if m.View() == before {
			t.Error("the map did not move after the file was removed")
		}
	})
}
