package data

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/strikemap/strikemap/data/datatest"
)

// roWrites are statements that would change a database file, each of a different kind.
var roWrites = map[string]string{
	"insert":       `INSERT INTO strikemap_meta (key, value) VALUES ('x', 'y')`,
	"update":       `UPDATE events SET place = 'x'`,
	"delete":       `DELETE FROM claims`,
	"drop":         `DROP TABLE sources`,
	"create":       `CREATE TABLE x (y)`,
	"search index": `INSERT INTO events_fts (events_fts) VALUES ('delete-all')`,
	"header":       `PRAGMA user_version = 99`,
	"vacuum":       `VACUUM`,
}

// TestReadOnlyConnectionsRefuseWrites checks the open modes themselves, below the Go
// guard of DB.Write: every connection of a database opened for viewing, and those
// LoadIndex and Export open on its file, refuse any statement that writes, even with
// query_only turned off, and the file stays byte for byte and time for time as it was.
func TestReadOnlyConnectionsRefuseWrites(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	if err := WriteSample(ctx, path); err != nil {
		t.Fatal(err)
	}
	frozen := datatest.Freeze(t, path)
	db, err := Open(ctx, path, ReadOnly)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.sql.Conn(ctx) // one connection, so the pragma below holds for the writes
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, unlock := range []bool{false, true} {
		if unlock {
			if _, err := conn.ExecContext(ctx, `PRAGMA query_only = 0`); err != nil {
				t.Fatal(err)
			}
		}
		for name, stmt := range roWrites {
			if _, err := conn.ExecContext(ctx, stmt); err == nil {
				t.Errorf("%s (query_only off: %v): a read-only connection ran %s", name, unlock, stmt)
			}
		}
	}
	c, err := openScan(path)
	if err != nil {
		t.Fatal(err)
	}
	for name, stmt := range roWrites {
		if err := c.exec(stmt); err == nil {
			t.Errorf("%s: a scan connection ran %s", name, stmt)
		}
	}
	c.close()
	if _, err := db.LoadIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	frozen.Check(t, "read-only connections")
}
