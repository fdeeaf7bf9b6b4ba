package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/strikemap/strikemap/data"
)

// The export of the window's filter writes the events it keeps, and says so.
func TestRunExport(t *testing.T) {
	a := newSerialApp(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	s := sampleSession(t, db)
	w := newTestWindow(t, a)
	w.s = s
	out := filepath.Join(dir, "out.csv")
	f := data.Filter{Actors: []string{"France"}}
	w.runExport(s, out, data.ExportOptions{Format: data.FormatCSV, Filter: &f})
	var said string
	if !waitFor(func() bool {
		fyne.DoAndWait(func() { said = w.status.hover.Text })
		return strings.HasPrefix(said, "Saved ")
	}) {
		t.Fatalf("status says %q", said)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(b), ",France,") || strings.Contains(string(b), ",Russia,") {
		t.Errorf("exported %q, %v", b, err)
	}

}

// waitFor polls cond for a while; the work it waits for runs on other goroutines.
func waitFor(cond func() bool) bool {
	for range 500 {
		if cond() {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}
