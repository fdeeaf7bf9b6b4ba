package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// packMinRows is the fewest events for which a database keeps a packed copy of its index:
// below it, reading the events is about as quick. A variable so that tests can pack less.
var packMinRows = 50_000

// loadPacked returns the Index from the database's packed copy, when it has one made at
// the current state of its events that decodes whole; else nil.
func (db *DB) loadPacked(ctx context.Context) *Index {
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // header and columns of one copy
	if err != nil {
		return nil
	}
	defer tx.Rollback()
	h, ok := currentPack(ctx, tx)
	if !ok {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT name, data FROM strikemap_index WHERE name <> 'header'`)
	if err != nil {
		return nil
	}
	defer rows.Close()
	ix := &Index{Invalid: h.Invalid}
	columns := map[string]packColumn{}
	for _, c := range ix.packColumns() {
		columns[c.name] = c
	}
	seen := 0
	for rows.Next() {
		var name string
		var raw sql.RawBytes // decoded in place: a million events' columns are 60 MB
		if rows.Scan(&name, &raw) != nil {
			return nil
		}
		b, err := unseal(raw)
		switch c, ok := columns[name]; {
		case err != nil:
			return nil
		case name == "names":
			err = readNames(b, &ix.Actors, &ix.Targets, &ix.Places)
		case !ok || len(b) != c.size*h.Rows:
			err = errPackDamaged
		default:
			err = c.decode(b)
		}
		if err != nil {
			return nil
		}
		seen++
	}
	if rows.Err() != nil || seen != len(columns)+1 || !ix.complete() {
		return nil
	}
	return ix
}

// currentPack reads the header of the packed copy and reports whether the copy is of the
// events as they are now, in the layout this build reads.
func currentPack(ctx context.Context, q querier) (packHeader, bool) {
	var changes int64
	var raw []byte
	// Before schema 4 neither table exists, and the query fails: no copy.
	err := q.QueryRowContext(ctx, `SELECT (SELECT events FROM strikemap_changes),
		(SELECT data FROM strikemap_index WHERE name = 'header')`).Scan(&changes, &raw)
	if err != nil || raw == nil {
		return packHeader{}, false
	}
	var h packHeader
	b, err := unseal(raw)
	if err != nil || json.Unmarshal(b, &h) != nil {
		return packHeader{}, false
	}
	return h, h.Format == packFormat && h.Changes == changes && h.Rows >= 0
}

// refreshPack packs the index again after a Write, unless the copy is current; a database
// with fewer than packMinRows events keeps none.
func (db *DB) refreshPack(ctx context.Context) error {
	if _, ok := currentPack(ctx, db.sql); ok {
		return nil
	}
	var changes int64
	var n int
	err := db.sql.QueryRowContext(ctx, `SELECT (SELECT events FROM strikemap_changes), (SELECT count(*) FROM events)`).
		Scan(&changes, &n)
	if err != nil {
		return err
	}
	var blobs map[string][]byte
	if n >= packMinRows {
		ix, err := db.LoadIndex(ctx, nil)
		if err != nil {
			return err
		}
		if blobs, err = ix.pack(changes); err != nil {
			return err
		}
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var now int64
	if err := tx.QueryRowContext(ctx, `SELECT events FROM strikemap_changes`).Scan(&now); err != nil {
		return err
	}
	if now != changes {
		return nil // written meanwhile: that Write packs its own state
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM strikemap_index`); err != nil {
		return err
	}
	for name, b := range blobs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO strikemap_index (name, data) VALUES (?, ?)`, name, b); err != nil {
			return fmt.Errorf("packed index: %s: %w", name, err)
		}
	}
	return tx.Commit()
}
