package data_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/data/datatest"
)

// Importing into a database that cannot be written fails with one error that names the
// database and why, not a row of the file, and changes nothing.
func TestImportIntoUnwritableDatabase(t *testing.T) {
	invalid := filepath.Join(t.TempDir(), "invalid.csv")
	b, err := os.ReadFile(fixture("ucdp_dirty.csv"))
	if err != nil {
		t.Fatal(err)
	}
	head := strings.SplitAfterN(string(b), "\n", 3) // the header and a row with longitude 4239
	if err := os.WriteFile(invalid, []byte(head[0]+head[1]), 0o644); err != nil {
		t.Fatal(err)
	}
	// What SQLite can tell of a folder it cannot make its journal in: a user's folder
	// without write permission, or for root one with the immutable attribute.
	folder := []string{": the database cannot be written: its folder is read-only, and SQLite needs to create a journal file there",
		": the database cannot be written: SQLite cannot create its journal file in the database's folder"}
	for name, tc := range map[string]struct {
		folder bool // the folder cannot be written, not the file
		file   string
		want   []string
	}{
		"read-only file":                     {false, fixture("ucdp.csv"), []string{": the database file is read-only"}},
		"read-only file, nothing to store":   {false, invalid, []string{": the database file is read-only"}},
		"read-only folder":                   {true, fixture("ucdp.csv"), folder},
		"read-only folder, nothing to store": {true, invalid, folder},
	} {
		t.Run(name, func(t *testing.T) {
			path := mustSample(t)
			frozen := datatest.Freeze(t, path)
			if tc.folder {
				datatest.Unwritable(t, filepath.Dir(path))
			} else {
				datatest.Unwritable(t, path)
			}
			_, err := data.Import(context.Background(), path, []string{tc.file}, data.ImportOptions{SkipInvalid: true})
			if err == nil {
				t.Fatal("the import succeeded")
			}
			if !errors.Is(err, data.ErrUnwritable) || !strings.HasPrefix(err.Error(), path+": ") ||
				!slices.Contains(tc.want, strings.TrimPrefix(err.Error(), path)) {
				t.Errorf("error %q, want %s and one of %q", err, path, tc.want)
			}
			frozen.Check(t, "an import that could not write")
		})
	}
}
