package data_test

import (
	"context"
	"database/sql"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/strikemap/strikemap/data"
)

// mustSample writes the bundled sample to a new file in t's temporary folder.
func mustSample(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sample.db")
	if err := data.WriteSample(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	return path
}

// mustOpen opens path in mode and closes it when the test ends.
func mustOpen(t testing.TB, path string, mode data.Mode) *data.DB {
	t.Helper()
	db, err := data.Open(context.Background(), path, mode)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// rawExec changes a database behind the model's back, as another tool might.
func rawExec(t testing.TB, path string, stmts ...string) {
	t.Helper()
	sdb, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	for _, s := range stmts {
		if _, err := sdb.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// allEvents reads every event of db, failing the test on any problem.
func allEvents(t testing.TB, db *data.DB) []*data.Event {
	t.Helper()
	var out []*data.Event
	for e, err := range db.Events(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}
