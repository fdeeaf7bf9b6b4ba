package data_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/data/datatest"
)

// A database that a killed program left half-changed is refused for viewing, without
// writing to it, with words that say what happened and how to undo it; Recover undoes
// the change, and the database is then as it was before the change began.
func TestUnfinishedChange(t *testing.T) {
	ctx := context.Background()
	src := mustSample(t)
	want := allEvents(t, mustOpen(t, src, data.ReadOnly))
	path := filepath.Join(t.TempDir(), "left.db")
	datatest.LeaveUnfinished(t, src, path)

	frozen, journal := datatest.Freeze(t, path), datatest.Freeze(t, path+"-journal")
	_, err := data.Open(ctx, path, data.ReadOnly)
	if !errors.Is(err, data.ErrUnfinished) {
		t.Fatalf("Open = %v, want ErrUnfinished", err)
	}
	for _, w := range []string{path, "left.db-journal", "strikedb recover"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("%q does not say %q", err, w)
		}
	}
	frozen.Check(t, "a refused read-only open")
	journal.Check(t, "a refused read-only open")

	undone, err := data.Recover(ctx, path)
	if err != nil || !undone {
		t.Fatalf("Recover = %v, %v; want true, nil", undone, err)
	}
	if _, err := os.Stat(path + "-journal"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the journal is still there after Recover (%v)", err)
	}
	got := allEvents(t, mustOpen(t, path, data.ReadOnly))
	if len(got) != len(want) {
		t.Fatalf("%d events after Recover, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Summary != want[i].Summary {
			t.Errorf("event %s: summary %.40q after Recover, want %.40q", got[i].UID, got[i].Summary, want[i].Summary)
		}
	}

	frozen = datatest.Freeze(t, path)
	if undone, err := data.Recover(ctx, path); err != nil || undone {
		t.Errorf("Recover of a sound database = %v, %v; want false, nil", undone, err)
	}
	frozen.Check(t, "Recover of a sound database")
}

// Recover refuses what is not a database, naming it, and changes nothing.
func TestRecoverNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte("not SQLite"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := data.Recover(context.Background(), path); !errors.Is(err, data.ErrNotOurs) || !strings.Contains(err.Error(), path) {
		t.Errorf("Recover = %v, want ErrNotOurs naming the file", err)
	}
	if _, err := data.Recover(context.Background(), path+".missing"); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("Recover of a missing file = %v", err)
	}
}

// An import stopped part way (Ctrl-C) rolls its change back before Import returns: no
// hot journal is left for a read-only open to trip over, and the database is unchanged.
func TestCancelledImportLeavesNoJournal(t *testing.T) {
	dir := t.TempDir()
	big, file := filepath.Join(dir, "big.db"), filepath.Join(dir, "big.geojson")
	if err := data.Generate(context.Background(), big, 3000, 1, nil); err != nil {
		t.Fatal(err)
	}
	db := mustOpen(t, big, data.ReadOnly)
	if _, err := db.ExportFile(context.Background(), file, data.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		path := mustSample(t)
		sum := datatest.Sum(t, path)
		ctx, cancel := context.WithCancel(context.Background())
		_, err := data.Import(ctx, path, []string{file}, data.ImportOptions{
			Progress: func(done, total int64) {
				if done > total/(int64(i)+2) {
					cancel()
				}
			}})
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Import = %v, want context.Canceled", err)
		}
		if _, err := os.Stat(path + "-journal"); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("run %d: a journal is left after the cancelled import (%v)", i, err)
		}
		if datatest.Sum(t, path) != sum {
			t.Errorf("run %d: the cancelled import changed the database", i)
		}
	}
}
