package data_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/strikemap/strikemap/data"
)

func TestCreateMovesTheSearchIndexIn(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "c.db")
	add := func(db *data.DB, from, to int) error {
		return db.Write(ctx, func(w *data.Writer) error {
			for i := from; i < to; i++ {
				e := validEvent(i)
				e.Place = []string{"Raqqa", "Palmyra", "Mosul"}[i%3]
				if _, err := w.Add(ctx, e); err != nil {
					return err
				}
			}
			return nil
		})
	}
	// The first Write builds the index beside the new file; the second adds to it in place.
	if err := data.Create(ctx, path, func(db *data.DB) error {
		if err := add(db, 0, 6); err != nil {
			return err
		}
		return add(db, 6, 9)
	}); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("Create left %v behind", entries)
	}
	rawExec(t, path, `INSERT INTO events_fts (events_fts) VALUES ('integrity-check')`)
	db := mustOpen(t, path, data.ReadOnly)
	if got := mustSearch(t, db, "palmyra"); !slices.Equal(got, []int64{2, 5, 8}) {
		t.Errorf("Search(palmyra) = %v, want [2 5 8]", got)
	}
}

func TestFailedCreateLeavesNoSearchIndex(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	boom := errors.New("boom")
	err := data.Create(ctx, filepath.Join(dir, "c.db"), func(db *data.DB) error {
		return db.Write(ctx, func(w *data.Writer) error {
			if _, err := w.Add(ctx, validEvent(0)); err != nil {
				return err
			}
			return boom
		})
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Create: %v, want boom", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a failed Create left %v behind", entries)
	}
}
