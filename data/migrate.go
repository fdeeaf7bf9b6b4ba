package data

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered schema step, applied in its own transaction.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded steps in version order; file names start with the version.
func migrations() []migration {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		panic(err) // the pattern is a constant
	}
	var ms []migration
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		v, err := strconv.Atoi(base[:strings.IndexByte(base, '_')])
		if err != nil {
			panic(fmt.Sprintf("migration %s: no version prefix", name))
		}
		b, _ := migrationFiles.ReadFile(name)
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms
}

// SchemaVersion is the schema version this build writes.
var SchemaVersion = migrations()[len(migrations())-1].version

// readableFrom is the oldest schema a database opened for viewing may have: the steps
// after it only add what makes opening faster, which such a database does without.
const readableFrom = 3

// schemaVersion reads the version recorded in strikemap_meta; 0 means none recorded.
func schemaVersion(ctx context.Context, q querier) (int, error) {
	var s string
	err := q.QueryRowContext(ctx, `SELECT value FROM strikemap_meta WHERE key = 'schema_version'`).Scan(&s)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("schema_version %q is not a number", s)
	}
	return v, nil
}

// migrate applies every step above the current version, up to target, each in one transaction.
func migrate(ctx context.Context, db *sql.DB, from, target int) error {
	for _, m := range migrations() {
		if m.version <= from || m.version > target {
			continue
		}
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if err := m.apply(ctx, tx); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// upgrade applies every step above from inside tx, for a Write that upgrades as it writes.
func upgrade(ctx context.Context, tx *sql.Tx, from int) error {
	for _, m := range migrations() {
		if m.version > from {
			if err := m.apply(ctx, tx); err != nil {
				return err
			}
		}
	}
	return nil
}

// apply runs the step and records its version, inside tx.
func (m migration) apply(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO strikemap_meta (key, value) VALUES ('schema_version', ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, strconv.Itoa(m.version)); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	return nil
}

// querier is what both *sql.DB and *sql.Tx offer for reading.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}
