package main

import (
	"path/filepath"
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
