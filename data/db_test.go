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

func TestOpenRejectsFilesThatAreNotOurs(t *testing.T) {
	dir := t.TempDir()
	sample := mustSample(t)
	whole, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	other := write("other.db", nil)
	os.Remove(other)
	rawExec(t, other, "CREATE TABLE people (name TEXT)")
	gpkg := write("roads.gpkg", nil)
	os.Remove(gpkg)
	rawExec(t, gpkg, "CREATE TABLE gpkg_contents (table_name TEXT)", "CREATE TABLE roads (id INTEGER)")
	newer := write("newer.db", whole)
	rawExec(t, newer, "UPDATE strikemap_meta SET value = '99' WHERE key = 'schema_version'")
	tamper := write("tampered.db", whole)
	rawExec(t, tamper, "UPDATE strikemap_meta SET value = 'other' WHERE key = 'application'")

	for name, tc := range map[string]struct {
		path string
		want error
		says string
	}{
		"text file":       {write("notes.txt", []byte("lat,lon\n35,39\n")), data.ErrNotOurs, "not a SQLite file"},
		"empty file":      {write("empty.db", nil), data.ErrNotOurs, "empty"},
		"directory":       {dir, data.ErrNotOurs, "folder"},
		"pipe":            {fifo(t, filepath.Join(dir, "pipe.db")), data.ErrNotOurs, "device or pipe"},
		"cut in header":   {write("header.db", whole[:60]), data.ErrCorrupt, "cut off"},
		"cut in half":     {write("half.db", whole[:len(whole)/2]), nil, ""},
		"other tables":    {other, data.ErrNotOurs, "without Strikemap's tables (tables: people)"},
		"other gpkg":      {gpkg, data.ErrNotOurs, "GeoPackage of something else"},
		"newer schema":    {newer, data.ErrSchema, "newer than this Strikemap understands"},
		"not our app":     {tamper, data.ErrNotOurs, "does not name Strikemap"},
		"missing file":    {filepath.Join(dir, "nope.db"), os.ErrNotExist, "no such file"},
		"zeroed contents": {write("zeros.db", append(append([]byte{}, whole[:100]...), make([]byte, len(whole)-100)...)), nil, ""},
	} {
		t.Run(name, func(t *testing.T) {
			before := map[data.Mode][32]byte{}
			info, _ := os.Stat(tc.path)
			for _, mode := range []data.Mode{data.ReadOnly, data.ReadWrite} {
				if name == "missing file" && mode == data.ReadWrite {
					continue // read-write creates it, by design
				}
				if info != nil && info.Mode().IsRegular() {
					before[mode] = datatest.Sum(t, tc.path)
				}
				db, err := data.Open(context.Background(), tc.path, mode)
				if err == nil {
					// A damaged file may only show damage when read.
					err = data.Check(context.Background(), tc.path, func(string) {})
					db.Close()
					if err == nil && tc.want != nil {
						t.Fatalf("mode %d: opened without error", mode)
					}
				}
				if err == nil {
					continue
				}
				if tc.want != nil && !errors.Is(err, tc.want) {
					t.Errorf("mode %d: error %v, want %v", mode, err, tc.want)
				}
				if !strings.Contains(err.Error(), tc.path) || !strings.Contains(err.Error(), tc.says) {
					t.Errorf("mode %d: error %q should name %s and say %q", mode, err, tc.path, tc.says)
				}
				if info != nil && info.Mode().IsRegular() && datatest.Sum(t, tc.path) != before[mode] {
					t.Errorf("mode %d: the file changed", mode)
				}
			}
		})
	}
}

func TestReadOnlyNeverWrites(t *testing.T) {
	path := mustSample(t)
	before := datatest.Sum(t, path)
	db := mustOpen(t, path, data.ReadOnly)
	err := db.Write(context.Background(), func(w *data.Writer) error { return nil })
	if !errors.Is(err, data.ErrReadOnly) {
		t.Errorf("Write on a read-only database: %v, want ErrReadOnly", err)
	}
	if n := len(allEvents(t, db)); n == 0 {
		t.Error("read-only database reads no events")
	}
	db.Close()
	if datatest.Sum(t, path) != before {
		t.Error("opening read-only changed the file")
	}
}

func TestOpenOlderSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	if err := data.CreateAtVersion(ctx, path, 1); err != nil {
		t.Fatal(err)
	}
	rawExec(t, path, `INSERT INTO events (uid, date_start, date_precision, lat, lon, geo_precision, status,
		geom) VALUES ('old-1', '2016-01-02', 'day', 35.95, 39.01, 'town', 'declared',
		X'47500001E6100000010100000000000000000000000000000000000000')`)
	before := datatest.Sum(t, path)

	_, err := data.Open(ctx, path, data.ReadOnly)
	if !errors.Is(err, data.ErrSchema) || !strings.Contains(err.Error(), "older") {
		t.Fatalf("read-only open of schema 1: %v, want ErrSchema saying older", err)
	}
	if datatest.Sum(t, path) != before {
		t.Fatal("read-only open of an older schema changed the file")
	}

	db := mustOpen(t, path, data.ReadWrite)
	var n int
	for e, _ := range db.Events(ctx) {
		if e.UID == "old-1" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("after upgrade, found the old event %d times, want 1", n)
	}
	db.Close()
	mustOpen(t, path, data.ReadOnly) // now current: opens for viewing
}

func TestOpenReadWriteCreatesMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	db := mustOpen(t, path, data.ReadWrite)
	if len(allEvents(t, db)) != 0 {
		t.Error("a new database has events")
	}
}

func TestOpenReadWriteInMissingFolderLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	_, err := data.Open(context.Background(), filepath.Join(dir, "no", "such", "x.db"), data.ReadWrite)
	if err == nil {
		t.Fatal("opened a database in a folder that does not exist")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left %v behind", entries)
	}
}
