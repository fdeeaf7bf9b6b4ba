package datatest

import (
	"database/sql"
	"net/url"
	"os"
	"testing"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// LeaveUnfinished copies the database at src to dst as a program killed in the middle of
// changing it leaves it: part of the change written to the file, and a hot rollback
// journal beside it, dst-journal, from which SQLite can undo that part.
func LeaveUnfinished(t testing.TB, src, dst string) {
	t.Helper()
	sdb, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: src}).String())
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	sdb.SetMaxOpenConns(1)
	tx, err := sdb.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	// A cache of a few pages makes SQLite write changed pages to the file before the
	// commit, journalling the old ones first, as a large import does.
	for _, s := range []string{`PRAGMA cache_size = 4`,
		`UPDATE events SET summary = hex(randomblob(30000))`} {
		if _, err := tx.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	for _, suffix := range []string{"", "-journal"} {
		b, err := os.ReadFile(src + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst+suffix, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
