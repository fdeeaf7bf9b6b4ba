package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/data/datatest"
)

// TestViewingNeverWritesTheDatabase opens a database as the window does and goes
// through what a user does with it — filters, searches (hostile ones too), every sort,
// selecting events and reading their claims — and checks that the file is byte for byte
// and time for time as it was, that nothing appeared beside it, and that the
// connection refuses a write.
func TestViewingNeverWritesTheDatabase(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "view.db")
	if err := data.WriteSample(ctx, path); err != nil {
		t.Fatal(err)
	}
	frozen := datatest.Freeze(t, path)

	s, err := openSession(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.db.Mode() != data.ReadOnly {
		t.Errorf("the window opened the database in mode %d, not read-only", s.db.Mode())
	}
	filters := map[string]data.Filter{
		"none":     {},
		"actor":    {Actors: []string{"Russia"}},
		"dates":    {From: data.DateOf(2016, 1, 1), To: data.DateOf(2016, 12, 31)},
		"status":   {Statuses: []data.Status{data.StatusContested}},
		"search":   {Query: "palmyra"},
		"hostile":  {Query: `'; DROP TABLE events; -- summary:x NEAR("a" *`},
		"bad text": {Query: "\x00\xff raqqa \xed\xa0\x80"},
	}
	details := NewDetails(nil, nil)
	test.NewTempWindow(t, details).Resize(fyne.NewSize(340, 1200))
	shown := 0
	for name, f := range filters {
		for col := range listColumns {
			o, err := s.evaluate(ctx, f, listOrder{col: col, desc: col%2 == 0})
			if err != nil {
				t.Fatalf("%s, column %d: %v", name, col, err)
			}
			if col != 0 {
				continue
			}
			for _, row := range o.rows[:min(len(o.rows), 3)] {
				e, err := s.db.Event(ctx, s.ix.ID[row])
				if err != nil {
					t.Fatalf("%s: event %d: %v", name, s.ix.ID[row], err)
				}
				details.SetEvent(e)
				shown++
			}
		}
	}
	if shown == 0 {
		t.Fatal("no event was selected: the filters find nothing")
	}
	if err := s.db.Write(ctx, func(*data.Writer) error { return nil }); err == nil {
		t.Error("the window's connection accepted a write")
	}
	s.close()

	frozen.Check(t, "viewing")
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("viewing left files beside the database: %v", left)
	}
}
