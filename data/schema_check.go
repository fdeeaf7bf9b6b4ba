package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
)

// modelTables are the tables Strikemap reads and writes row by row: their columns must be
// there with the types the migrations gave them, or reading them goes wrong in ways that
// are hard to word (text where a number belongs, SQL errors naming a missing column).
var modelTables = []string{"events", "sources", "claims"}

// checkTables compares the columns of the model's tables in sdb with those the
// migrations make at version, and reads each table's first and last rows, which makes
// SQLite read its root page and the leaves at both ends: a damaged table is found on
// opening, not halfway through a render or an import.
func checkTables(ctx context.Context, sdb *sql.DB, version int) error {
	want, err := referenceColumns(version)
	if err != nil {
		return err
	}
	for _, t := range modelTables {
		got, err := tableColumns(ctx, sdb, t)
		if err != nil {
			return classify(err)
		}
		for _, c := range want[t] {
			decl, ok := got[c.name]
			switch {
			case !ok:
				return fmt.Errorf("%w: table %s lacks the column %s", ErrNotOurs, t, c.name)
			case !sameType(c.decl, decl):
				return fmt.Errorf("%w: column %s.%s is declared %s, not %s", ErrNotOurs, t, c.name, quoteType(decl), c.decl)
			}
		}
		var lo, hi sql.NullInt64
		err = sdb.QueryRowContext(ctx, `SELECT (SELECT min(rowid) FROM "`+t+`"), (SELECT max(rowid) FROM "`+t+`")`).Scan(&lo, &hi)
		if err != nil {
			return fmt.Errorf("table %s: %w", t, classify(err))
		}
	}
	return nil
}

// column is a column's name and declared type.
type column struct{ name, decl string }

// tableColumns returns the declared type of each column of table, by name.
func tableColumns(ctx context.Context, q querier, table string) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, type FROM pragma_table_info(?)`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols := map[string]string{}
	for rows.Next() {
		var name, decl string
		if err := rows.Scan(&name, &decl); err != nil {
			return nil, err
		}
		cols[strings.ToLower(name)] = decl
	}
	return cols, rows.Err()
}

var (
	referenceMu   sync.Mutex
	referenceMemo = map[int]map[string][]column{}
)

// referenceColumns returns the columns of the model's tables as the migrations up to
// version make them, in order, worked out once per version on a database in memory.
func referenceColumns(version int) (map[string][]column, error) {
	referenceMu.Lock()
	defer referenceMu.Unlock()
	if cols, ok := referenceMemo[version]; ok {
		return cols, nil
	}
	ctx := context.Background()
	mem, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		return nil, err
	}
	defer mem.Close()
	mem.SetMaxOpenConns(1) // each connection has a memory database of its own
	if err := migrate(ctx, mem, 0, version); err != nil {
		return nil, fmt.Errorf("reference schema %d: %w", version, err)
	}
	cols := map[string][]column{}
	for _, t := range modelTables {
		rows, err := mem.QueryContext(ctx, `SELECT name, type FROM pragma_table_info(?) ORDER BY cid`, t)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var c column
			if err := rows.Scan(&c.name, &c.decl); err != nil {
				rows.Close()
				return nil, err
			}
			cols[t] = append(cols[t], c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if len(cols[t]) == 0 {
			return nil, errors.New("reference schema: no table " + t)
		}
	}
	referenceMemo[version] = cols
	return cols, nil
}

// geometryTypes are the declared types GeoPackage allows for a geometry column.
var geometryTypes = map[string]bool{"GEOMETRY": true, "POINT": true, "BLOB": true}

// sameType reports whether a column declared got stores values as one declared want
// does: SQLite goes by the type's affinity, so REAL and DOUBLE are alike, TEXT and
// VARCHAR too. A GeoPackage geometry column may be declared as any geometry type.
func sameType(want, got string) bool {
	if geometryTypes[strings.ToUpper(want)] {
		return geometryTypes[strings.ToUpper(strings.TrimSpace(got))]
	}
	return affinity(want) == affinity(got)
}

// affinity is SQLite's type affinity for a declared type (section 3.1 of its datatype
// documentation): the rules go in this order.
func affinity(decl string) string {
	d := strings.ToUpper(decl)
	switch {
	case strings.Contains(d, "INT"):
		return "INTEGER"
	case strings.Contains(d, "CHAR"), strings.Contains(d, "CLOB"), strings.Contains(d, "TEXT"):
		return "TEXT"
	case strings.Contains(d, "BLOB"), strings.TrimSpace(d) == "":
		return "BLOB"
	case strings.Contains(d, "REAL"), strings.Contains(d, "FLOA"), strings.Contains(d, "DOUB"):
		return "REAL"
	}
	return "NUMERIC"
}

// quoteType shows a declared type, saying so when there is none.
func quoteType(decl string) string {
	if strings.TrimSpace(decl) == "" {
		return "without a type"
	}
	return decl
}
