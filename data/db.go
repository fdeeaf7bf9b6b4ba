package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Mode says whether a database is opened for viewing or for changing.
type Mode int

// The open modes.
const (
	ReadOnly  Mode = iota // viewing: nothing is ever written, even by migrations
	ReadWrite             // changing: created when missing, migrated to SchemaVersion
)

// DB is an open Strikemap database.
type DB struct {
	sql         *sql.DB
	path        string
	mode        Mode
	fresh       bool // created by this process and not yet written: Writer may skip look-ups
	creating    bool // Create is making it, without a journal
	lazy        bool // an older schema is upgraded by the first Write, not by opening
	upgradeFrom int  // the schema version that Write must upgrade first; 0 for none
}

// Path returns the file the database was opened from.
func (db *DB) Path() string { return db.path }

// Mode returns how the database was opened.
func (db *DB) Mode() Mode { return db.mode }

// Close releases the database.
func (db *DB) Close() error { return db.sql.Close() }

// Open opens the Strikemap database at path. ReadOnly never writes; ReadWrite creates a
// missing file and upgrades an older schema. A file that is not a Strikemap database
// gives an error wrapping ErrNotOurs, ErrSchema or ErrCorrupt that names the file.
func Open(ctx context.Context, path string, mode Mode) (*DB, error) {
	return openPath(ctx, path, mode, false)
}

// openToWrite opens path read-write as Open does, but leaves an older schema's upgrade to
// the first Write, inside its transaction: an import that fails leaves the file as it was.
func openToWrite(ctx context.Context, path string) (*DB, error) {
	return openPath(ctx, path, ReadWrite, true)
}

// openPath opens path in mode; lazy defers an upgrade to the first Write.
func openPath(ctx context.Context, path string, mode Mode, lazy bool) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	created := false
	if err := sniff(abs); err != nil {
		if !errors.Is(err, os.ErrNotExist) || mode == ReadOnly {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		created = true
	}
	db, err := open(ctx, abs, mode, created, lazy)
	if err != nil {
		if created {
			os.Remove(abs)
		}
		if mode == ReadOnly {
			err = unfinished(path, err)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	db.path = path
	return db, nil
}

func open(ctx context.Context, abs string, mode Mode, created, lazy bool) (*DB, error) {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(5000)")
	if mode == ReadOnly {
		q.Set("mode", "ro")
		q.Add("_pragma", "query_only(1)")
	}
	sdb, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: abs, RawQuery: q.Encode()}).String())
	if err != nil {
		return nil, err
	}
	if mode == ReadWrite {
		// One writer connection: SQLite serialises writers anyway, and one connection
		// keeps a transaction and the statements around it on the same handle.
		sdb.SetMaxOpenConns(1)
	}
	db := &DB{sql: sdb, mode: mode, lazy: lazy}
	if err := db.prepare(ctx, created); err != nil {
		sdb.Close()
		return nil, err
	}
	return db, nil
}

// prepare identifies the file as ours and brings its schema up to date when allowed.
func (db *DB) prepare(ctx context.Context, created bool) error {
	version := 0
	if !created {
		var err error
		if version, err = identify(ctx, db.sql); err != nil {
			return err
		}
	}
	if version > SchemaVersion {
		return fmt.Errorf("%w: schema version %d is newer than this Strikemap understands (%d); update Strikemap", ErrSchema, version, SchemaVersion)
	}
	if version > 0 {
		if err := checkTables(ctx, db.sql, version); err != nil {
			return err
		}
	}
	switch {
	case version == SchemaVersion, db.mode == ReadOnly && version >= readableFrom:
		return nil
	case db.mode == ReadOnly:
		return fmt.Errorf("%w: schema version %d is older than %d; open it read-write once to upgrade it", ErrSchema, version, SchemaVersion)
	}
	if db.lazy && !created {
		db.upgradeFrom = version
		return nil
	}
	if err := migrate(ctx, db.sql, version, SchemaVersion); err != nil {
		return classify(err)
	}
	return nil
}

// identify checks the tables that make a file ours and returns its schema version.
func identify(ctx context.Context, sdb *sql.DB) (int, error) {
	rows, err := sdb.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		return 0, classify(err)
	}
	defer rows.Close()
	tables := map[string]bool{}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return 0, classify(err)
		}
		tables[n] = true
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		return 0, classify(err)
	}
	switch {
	case tables["strikemap_meta"]:
	case tables["gpkg_contents"]:
		return 0, fmt.Errorf("%w: a GeoPackage of something else (tables: %s)", ErrNotOurs, listNames(ownTables(names)))
	case len(names) == 0:
		return 0, fmt.Errorf("%w: a SQLite database with no tables", ErrNotOurs)
	case tables["tiles"] && tables["metadata"]:
		return 0, fmt.Errorf("%w: an MBTiles tile set, not a database of events; use it as a basemap", ErrNotOurs)
	case tables["events"] && tables["claims"] && tables["sources"]:
		return 0, fmt.Errorf("%w: its tables are named like Strikemap's but it has no strikemap_meta, so another program made it", ErrNotOurs)
	default:
		return 0, fmt.Errorf("%w: a SQLite database without Strikemap's tables (tables: %s)", ErrNotOurs, listNames(names))
	}
	var app string
	if err := sdb.QueryRowContext(ctx, `SELECT value FROM strikemap_meta WHERE key = 'application'`).Scan(&app); err != nil || app != "strikemap" {
		return 0, fmt.Errorf("%w: strikemap_meta does not name Strikemap", ErrNotOurs)
	}
	for _, t := range []string{"events", "sources", "claims", "gpkg_contents"} {
		if !tables[t] {
			return 0, fmt.Errorf("%w: table %s is missing", ErrNotOurs, t)
		}
	}
	v, err := schemaVersion(ctx, sdb)
	if err != nil {
		return 0, fmt.Errorf("%w: %v", ErrSchema, err)
	}
	return v, nil
}

// ownTables leaves out of names the tables that SQLite, GeoPackage and its extensions
// make, which every GeoPackage has: the others say what the file holds.
func ownTables(names []string) []string {
	var out []string
	for _, n := range names {
		if !strings.HasPrefix(n, "gpkg_") && !strings.HasPrefix(n, "sqlite_") && !strings.HasPrefix(n, "rtree_") {
			out = append(out, n)
		}
	}
	return out
}

func listNames(names []string) string {
	if len(names) > 6 {
		return strings.Join(names[:6], ", ") + ", …"
	}
	return strings.Join(names, ", ")
}

// sqliteMagic starts every SQLite 3 database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// sniff rejects files that cannot be SQLite databases before SQLite sees them, since
// SQLite happily treats an empty file as a new database.
func sniff(abs string) error {
	// Stat before opening: opening a pipe waits for a writer, which may never come.
	st, err := os.Stat(abs)
	if err != nil {
		return &wordedError{osWords(abs, err), err}
	}
	if st.IsDir() {
		return fmt.Errorf("%w: it is a folder", ErrNotOurs)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%w: it is a device or pipe, not a file", ErrNotOurs)
	}
	f, err := os.Open(abs)
	if err != nil {
		return &wordedError{osWords(abs, err), err}
	}
	defer f.Close()
	if st.Size() == 0 {
		return fmt.Errorf("%w: the file is empty", ErrNotOurs)
	}
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return err
	}
	if !bytes.HasPrefix(head[:n], sqliteMagic) {
		return fmt.Errorf("%w: not a SQLite file", ErrNotOurs)
	}
	if n < 100 {
		return fmt.Errorf("%w: the file is cut off inside the SQLite header", ErrCorrupt)
	}
	return nil
}

// errDiskFull is classify's word for SQLite's SQLITE_FULL: the database's fault, or
// its disk's, never a row's.
var errDiskFull = errors.New("the disk is full")

// classify turns nil into nil, SQLite's words for a damaged file into ErrCorrupt, and
// its words for a full disk into plain ones.
func classify(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	// "unsupported file format": the header's schema format number is past any SQLite
	// has written since 2006, so the header is damaged.
	for _, s := range []string{"malformed", "file is not a database", "unsupported file format", "(26)", "(11)"} {
		if strings.Contains(msg, s) {
			return fmt.Errorf("%w (SQLite: %s)", ErrCorrupt, sqliteWords(msg))
		}
	}
	if strings.Contains(msg, "database or disk is full") || strings.HasSuffix(msg, "(13)") {
		return &wordedError{errDiskFull.Error(), errors.Join(errDiskFull, err)}
	}
	return err
}

// sqliteWords is SQLite's message without the result code it ends with, which means
// nothing to a person: "database disk image is malformed (11)".
func sqliteWords(msg string) string {
	if i := strings.LastIndex(msg, " ("); i > 0 && strings.HasSuffix(msg, ")") {
		if _, err := strconv.Atoi(msg[i+2 : len(msg)-1]); err == nil {
			return msg[:i]
		}
	}
	return msg
}
