//go:build linux

package data_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/data/datatest"
)

// An import that fills the disk stops with one line naming the database and the full
// disk, not a row, and leaves the database as it was, with no journal beside it: SQLite
// rolls such a write back by itself and can stop midway, which left the file
// half-changed for the next program to find.
func TestImportThatFillsTheDisk(t *testing.T) {
	disk := datatest.SmallDisk(t, 1<<20)
	ctx := context.Background()
	dir := t.TempDir()
	big, file := filepath.Join(dir, "big.db"), filepath.Join(dir, "big.geojson")
	if err := data.Generate(ctx, big, 20000, 1, nil); err != nil {
		t.Fatal(err)
	}
	src, err := data.Open(ctx, big, data.ReadOnly)
	if err != nil {
		t.Fatal(err)
	}
	_, err = src.ExportFile(ctx, file, data.ExportOptions{})
	src.Close()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(disk, "s.db")
	if err := data.WriteSample(ctx, path); err != nil {
		t.Fatal(err)
	}
	sum := datatest.Sum(t, path) // its time changes: SQLite wrote and then undid
	_, err = data.Import(ctx, path, []string{file}, data.ImportOptions{})
	if err == nil || err.Error() != path+": the disk is full" {
		t.Errorf("import onto a full disk: %v, want %s: the disk is full", err, path)
	}
	if datatest.Sum(t, path) != sum {
		t.Error("an import that filled the disk changed the database")
	}
	if _, err := os.Stat(path + "-journal"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a journal is left beside the database (%v)", err)
	}
	db, err := data.Open(ctx, path, data.ReadOnly)
	if err != nil {
		t.Fatalf("the database cannot be opened for viewing after: %v", err)
	}
	db.Close()
}
