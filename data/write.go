package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
)

// ErrReadOnly means a write was asked of a database opened for viewing.
var ErrReadOnly = errors.New("database is open read-only")

// Writer adds events inside one transaction; see DB.Write.
type Writer struct {
	tx                                    *sql.Tx
	event, claim, source, findSrc, search *sql.Stmt
	known                                 *sourceIDs // the sources stored or found so far
	fresh                                 bool       // the database was empty when the transaction began
	side                                  *sideIndex // for a fresh database: where its words go
	file                                  string     // the database's file, for its side file
	added, skipped                        int
	firstID, lastID                       int64 // the lowest and highest ids stored by this Writer
	// Prepared at the first event whose uid is stored already, which a first import
	// never meets; see otherValues.
	storedEvent *sql.Stmt
}

// Write runs fn inside one transaction and commits only if fn returns nil, so a
// failure anywhere leaves the database as it was.
func (db *DB) Write(ctx context.Context, fn func(*Writer) error) error {
	if db.mode != ReadWrite {
		return fmt.Errorf("%s: %w", db.path, ErrReadOnly)
	}
	// Not ctx itself: database/sql rolls a transaction whose context ends back on a
	// goroutine of its own, which a process exiting on Ctrl-C does not wait for, and that
	// leaves a hot journal. fn sees ctx end and fails, and the Rollback below then runs here.
	tx, err := db.sql.BeginTx(context.WithoutCancel(ctx), nil)
	if err != nil {
		return err
	}
	w := &Writer{tx: tx, known: newSourceIDs(), fresh: db.fresh}
	if db.upgradeFrom > 0 {
		err = classify(upgrade(ctx, tx, db.upgradeFrom))
	}
	if err == nil {
		err = w.prepare(ctx)
	}
	if err == nil {
		err = fn(w)
	}
	if err == nil {
		err = w.finish(ctx)
	}
	w.close()
	if err == nil {
		err = tx.Commit()
	} else {
		tx.Rollback()
		db.finishRollback(ctx)
	}
	if w.side != nil { // only while Create makes the file, which it drops on any error
		if err == nil {
			err = db.adoptSearch(ctx, w.file)
		}
		os.Remove(searchSide(w.file))
	}
	if err != nil {
		return err
	}
	db.fresh, db.upgradeFrom = false, 0
	// A database Create is making is dropped on any error, which a failure here must be,
	// as it runs without a journal; in any other a stale copy is only not used.
	if err := db.refreshPack(ctx); err != nil && db.creating {
		return fmt.Errorf("packed index: %w", err)
	}
	return nil
}

// finishRollback completes a rollback SQLite began but could not finish. A write that
// fails because the disk is full makes SQLite roll the transaction back by itself, and
// that can stop midway, leaving the file half-changed with its journal beside it, for
// the next program to find. Reading the file again plays the journal back, which needs
// no new space. A database Create is making has no journal: it is dropped instead.
func (db *DB) finishRollback(ctx context.Context) {
	if db.creating || !hotJournal(db.path) {
		return
	}
	var n int
	db.sql.QueryRowContext(context.WithoutCancel(ctx), "SELECT count(*) FROM sqlite_schema").Scan(&n)
}

func (w *Writer) prepare(ctx context.Context) error {
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var s *sql.Stmt
		s, err = w.tx.PrepareContext(ctx, q)
		return s
	}
	w.event = prep(`INSERT INTO events (id, geom, uid, date_start, date_end, date_precision, lat, lon,
		geo_precision, place, admin1, country, actor, target_type, weapon, origin_lat, origin_lon,
		origin_name, summary, status, killed_min, killed_max, civilians_min, civilians_max)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(uid) DO NOTHING`)
	w.claim = prep(`INSERT INTO claims (event_id, source_id, claimant, stance, text, killed,
		civilians, combatants, injured, claimed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.source = prep(`INSERT INTO sources (publisher, title, url, published, author, language)
		VALUES (?, ?, ?, ?, ?, ?)`)
	w.findSrc = prep(`SELECT id FROM sources WHERE title IS ? AND publisher IS ? AND published IS ?
		AND url IS ? AND author IS ? AND language IS ? LIMIT 1`)
	w.search = prep(insertSearch)
	if err == nil && w.fresh {
		err = w.tx.QueryRowContext(ctx, `SELECT file FROM pragma_database_list WHERE name = 'main'`).Scan(&w.file)
		if err == nil {
			w.side, err = startSide(ctx, w.tx, w.file)
		}
	}
	return err
}

func (w *Writer) close() {
	for _, s := range []*sql.Stmt{w.event, w.claim, w.source, w.findSrc, w.search, w.storedEvent} {
		if s != nil {
			s.Close()
		}
	}
	if w.side != nil && w.side.docs != nil { // not finished: a failure
		w.side.finish(false)
	}
}

// Added returns how many events this Writer stored.
func (w *Writer) Added() int { return w.added }

// Skipped returns how many events this Writer left out because their uid was already stored.
func (w *Writer) Skipped() int { return w.skipped }

// Add derives e's casualty ranges, validates it and stores it with its claims and their
// sources, and indexes its words for Search. An event whose uid is already stored is
// left as it is and Add returns false. On success e and its claims carry their new ids.
func (w *Writer) Add(ctx context.Context, e *Event) (bool, error) {
	e.Derive()
	if err := e.Validate(); err != nil {
		return false, err
	}
	var olat, olon, oname any
	if e.Origin != nil {
		olat, olon, oname = e.Origin.Point.Lat(), e.Origin.Point.Lon(), nullText(e.Origin.Name)
	}
	// A new database keeps the ids of a file exported from another, so that the two are
	// equal, as long as they ascend; SQLite gives the others the next free id.
	var id any
	if w.fresh && e.ID > w.lastID {
		id = e.ID
	}
	res, err := w.event.ExecContext(ctx, id, gpkgPoint(e.Location), e.UID, e.DateStart, e.DateEnd,
		string(e.DatePrecision), e.Lat(), e.Lon(), string(e.GeoPrecision), nullText(e.Place),
		nullText(e.Admin1), nullText(e.Country), nullText(e.Actor), nullText(e.TargetType),
		nullText(e.Weapon), olat, olon, oname, nullText(e.Summary), string(e.Status),
		e.Killed.Min, e.Killed.Max, e.Civilians.Min, e.Civilians.Max)
	if err != nil {
		return false, fmt.Errorf("event %s: %w", e.UID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		w.skipped++
		return false, nil
	}
	if e.ID, err = res.LastInsertId(); err != nil {
		return false, err
	}
	w.lastID = max(w.lastID, e.ID)
	if w.firstID == 0 {
		w.firstID = e.ID
	}
	for i := range e.Claims {
		c := &e.Claims[i]
		c.EventID = e.ID
		if c.Source.ID, err = w.sourceID(ctx, c.Source); err != nil {
			return false, fmt.Errorf("event %s: source: %w", e.UID, err)
		}
		res, err := w.claim.ExecContext(ctx, e.ID, c.Source.ID, c.Claimant, string(c.Stance),
			nullText(c.Text), c.Killed, c.Civilians, c.Combatants, c.Injured, c.ClaimedOn)
		if err != nil {
			return false, fmt.Errorf("event %s: claim: %w", e.UID, err)
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return false, err
		}
	}
	cols := searchColumns(e)
	if w.side != nil {
		w.side.add(e.ID, cols)
	} else if _, err := w.search.ExecContext(ctx, e.ID, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]); err != nil {
		return false, fmt.Errorf("event %s: search index: %w", e.UID, err)
	}
	w.added++
	return true, nil
}

// finish completes the side index, if any, and keeps the GeoPackage's layer extent and
// change time in step with the events.
func (w *Writer) finish(ctx context.Context) error {
	if w.side != nil {
		if err := w.side.finish(true); err != nil {
			return err
		}
	}
	_, err := w.tx.ExecContext(ctx, `UPDATE gpkg_contents SET
		min_x = (SELECT min(lon) FROM events), min_y = (SELECT min(lat) FROM events),
		max_x = (SELECT max(lon) FROM events), max_y = (SELECT max(lat) FROM events),
		last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
		WHERE table_name = 'events'`)
	return err
}

// nullText stores an empty string as NULL, so "not given" reads the same in every tool.
func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}
