package data

import (
	"context"
	"database/sql"
	"fmt"
	"os"
)

// Create writes a new database at path: fill runs on a fresh database under a temporary
// name in the same folder, which takes the name path only once fill and the close
// succeeded. It never replaces a file: with one at path, before or once fill is done
// (another program's), it fails with ErrExists. A failure leaves no temporary file behind.
func Create(ctx context.Context, path string, fill func(*DB) error) (err error) {
	abs, err := newTarget(path)
	if err != nil {
		return err
	}
	f, err := tempBeside(abs, path)
	if err != nil {
		return err
	}
	tmp := f.Name()
	f.Close()
	if err = os.Chmod(tmp, 0o644); err != nil { // CreateTemp makes it private; a database is a document
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, err)
	}
	defer func() {
		if err != nil {
			os.Remove(tmp)
			os.Remove(tmp + "-journal")
		}
	}()
	db, err := open(ctx, tmp, ReadWrite, true, false)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	db.path, db.fresh, db.creating = path, true, true
	// The file becomes visible only by the rename below, so it needs no rollback journal;
	// a large page cache keeps SQLite from spilling (and syncing) mid-transaction. Its
	// claims point at the events and sources that Writer has just stored, so checking
	// each claim's foreign keys (two look-ups, a fifth of a bulk load) proves nothing;
	// the check runs once at the end instead, over the whole file.
	if _, err = db.sql.ExecContext(ctx, `PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
		PRAGMA cache_size = -65536; PRAGMA foreign_keys = OFF`); err != nil {
		db.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = db.withoutIndexes(ctx, func() error { return fill(db) }); err != nil {
		db.Close()
		return err
	}
	if err = db.foreignKeysHold(ctx); err != nil {
		db.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = db.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = syncFile(tmp); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return place(tmp, abs, path)
}

// foreignKeysHold checks every foreign key of the database at once.
func (db *DB) foreignKeysHold(ctx context.Context) error {
	rows, err := db.sql.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			return err
		}
		return fmt.Errorf("%s row %d points at a missing %s row", table, rowid.Int64, parent)
	}
	return rows.Err()
}

// syncFile flushes a closed file to disk, so the rename never exposes a half-written database.
func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// withoutIndexes runs fn with the secondary indexes dropped and builds them again after:
// one sort per index at the end is much cheaper than keeping them sorted row by row.
// sources_identity stays, as Writer finds the sources it stored already through it.
func (db *DB) withoutIndexes(ctx context.Context, fn func() error) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT name, sql FROM sqlite_master
		WHERE type = 'index' AND sql IS NOT NULL AND name <> 'sources_identity' ORDER BY name`)
	if err != nil {
		return err
	}
	var names, ddl []string
	for rows.Next() {
		var n, s string
		if err := rows.Scan(&n, &s); err != nil {
			rows.Close()
			return err
		}
		names, ddl = append(names, n), append(ddl, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, n := range names {
		if _, err := db.sql.ExecContext(ctx, `DROP INDEX "`+n+`"`); err != nil {
			return err
		}
	}
	if err := fn(); err != nil {
		return err
	}
	for _, s := range ddl {
		if _, err := db.sql.ExecContext(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// bulkSearchBuffer is how many bytes of new words the search index gathers in memory
// before it writes them out during Create: with FTS5's default of 1 MB it writes many
// small segments that it then merges again and again, which doubles what indexing costs
// a bulk load.
const bulkSearchBuffer = 64 << 20
