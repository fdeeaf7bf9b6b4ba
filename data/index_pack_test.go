package data

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"testing"
)

// packedDB generates a database of n events that keeps a packed index, and returns its path.
func packedDB(t *testing.T, n int) string {
	t.Helper()
	defer func(m int) { packMinRows = m }(packMinRows)
	packMinRows = n
	path := filepath.Join(t.TempDir(), "packed.db")
	if err := Generate(context.Background(), path, n, 7, nil); err != nil {
		t.Fatal(err)
	}
	return path
}

// loadBoth loads the index of the database at path as opening it does, and by reading
// every event, and reports whether the first came from the packed copy.
func loadBoth(t *testing.T, path string) (opened, scanned *Index, packed bool) {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, path, ReadOnly)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	packed = db.loadPacked(ctx) != nil
	if opened, err = db.LoadIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if scanned, err = db.scanIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	return opened, scanned, packed
}

func TestPackedIndexEqualsScan(t *testing.T) {
	path := packedDB(t, 3000)
	opened, scanned, packed := loadBoth(t, path)
	if !packed {
		t.Fatal("a generated database of packMinRows events keeps no packed index")
	}
	if !reflect.DeepEqual(withoutNaN(opened), withoutNaN(scanned)) {
		t.Error("the packed index differs from the one read from the events")
	}
}

func TestPackedIndexNotUsedWhenStaleOrDamaged(t *testing.T) {
	for name, tc := range map[string]struct {
		change string
		actor  string // the actor of event 1 afterwards
	}{
		"event changed by another program": {change: `UPDATE events SET actor = 'Someone else' WHERE id = 1`, actor: "Someone else"},
		"event deleted":                    {change: `DELETE FROM events WHERE id = 2`},
		"event added":                      {change: `INSERT INTO events (uid, date_start, date_precision, lat, lon, geo_precision, status) VALUES ('x-1', '2020-01-01', 'day', 35, 39, 'town', 'declared')`},
		"a column damaged":                 {change: `UPDATE strikemap_index SET data = substr(data, 1, 100) || X'00' || substr(data, 102) WHERE name = 'lat'`},
		"a column missing":                 {change: `DELETE FROM strikemap_index WHERE name = 'killed'`},
		"the names damaged":                {change: `UPDATE strikemap_index SET data = X'0102' WHERE name = 'names'`},
	} {
		t.Run(name, func(t *testing.T) {
			path := packedDB(t, 2000)
			raw, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := raw.Exec(tc.change); err != nil {
				t.Fatal(err)
			}
			raw.Close()
			opened, scanned, packed := loadBoth(t, path)
			if packed {
				t.Fatal("the packed index was used after the change")
			}
			if !reflect.DeepEqual(withoutNaN(opened), withoutNaN(scanned)) {
				t.Error("opening did not read the events")
			}
			if r, ok := opened.Row(1); tc.actor != "" && (!ok || opened.Actors[opened.Actor[r]] != tc.actor) {
				t.Errorf("event 1's actor is not %q after the change", tc.actor)
			}
		})
	}
}

func TestWritePacksAgain(t *testing.T) {
	ctx := context.Background()
	path := packedDB(t, 1000)
	defer func(m int) { packMinRows = m }(packMinRows)
	packMinRows = 1000
	events, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	db, err := Open(ctx, path, ReadWrite)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Write(ctx, func(w *Writer) error {
		_, err := w.Add(ctx, &events[0])
		return err
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	opened, _, packed := loadBoth(t, path)
	if !packed || opened.Len() != 1001 {
		t.Errorf("after a Write: packed %v, %d events; want a packed copy of 1001", packed, opened.Len())
	}
}

func TestOpenForViewingBeforePacking(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v3.db")
	if err := CreateAtVersion(ctx, path, 3); err != nil {
		t.Fatal(err)
	}
	db, err := Open(ctx, path, ReadOnly)
	if err != nil {
		t.Fatalf("a schema 3 database does not open for viewing: %v", err)
	}
	defer db.Close()
	if _, err := db.LoadIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
}
