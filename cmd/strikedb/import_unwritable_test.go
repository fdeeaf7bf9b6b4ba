package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/strikemap/strikemap/data/datatest"
)

// A database that cannot be written is named with the cause in one line; no row of the
// file is blamed.
func TestImportIntoReadOnlyDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	if code, _, stderr := strikedb(t, "sample", "-o", db); code != 0 {
		t.Fatal(stderr)
	}
	datatest.Unwritable(t, db)
	code, _, stderr := strikedb(t, "import", "-o", db, testdata("ucdp.csv"))
	if want := "strikedb: import: " + db + ": the database file is read-only\n"; code != 1 || stderr != want {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr, want)
	}
}

// A new file in a folder that cannot be written is refused naming the folder, for every
// command that writes one, and nothing is left there.
func TestOutputInUnwritableFolder(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	if code, _, stderr := strikedb(t, "sample", "-o", db); code != 0 {
		t.Fatal(stderr)
	}
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o755); err != nil {
		t.Fatal(err)
	}
	datatest.Unwritable(t, locked)
	for _, args := range [][]string{
		{"import", "-o", filepath.Join(locked, "new.db"), testdata("ucdp.csv")},
		{"export", "-o", filepath.Join(locked, "e.geojson"), db},
		{"render", "-o", filepath.Join(locked, "m.png"), "--size", "100x100", db},
		{"gen", "-n", "10", "-o", filepath.Join(locked, "g.db")},
		{"sample", "-o", filepath.Join(locked, "s.db")},
	} {
		code, _, stderr := strikedb(t, args...)
		want := ": the folder " + locked + " cannot be written (permission denied)\n"
		if code != 1 || !strings.HasSuffix(stderr, want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q; want 1 and …%q", args[0], code, stderr, want)
		}
	}
	if left, _ := os.ReadDir(locked); len(left) > 0 {
		t.Errorf("left in the folder: %v", left)
	}
}
