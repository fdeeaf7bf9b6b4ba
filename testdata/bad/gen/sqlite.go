package main

import (
	"database/sql"
	"encoding/binary"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
)

// databases are the files that claim to be, or might be taken for, Strikemap databases.
func databases() map[string]maker {
	return map[string]maker{
		"db-empty.db":      text(""),
		"db-text.db":       text("This is a note, not a database.\n"),
		"db-random.db":     func([]byte) ([]byte, error) { return noise(1, 8192), nil },
		"db-cut-header.db": func(b []byte) ([]byte, error) { return clone(b[:60]), nil },
		"db-cut-page1.db":  func(b []byte) ([]byte, error) { return clone(b[:pageSize(b)]), nil },
		"db-cut-half.db":   func(b []byte) ([]byte, error) { return clone(b[:len(b)/2]), nil },
		"db-zero-tail.db": func(b []byte) ([]byte, error) {
			b = clone(b)
			clear(b[len(b)/2:])
			return b, nil
		},
		"db-bad-page-size.db": func(b []byte) ([]byte, error) {
			b = clone(b)
			binary.BigEndian.PutUint16(b[16:], 3000) // not a power of two
			return b, nil
		},
		"db-garbled-schema.db": func(b []byte) ([]byte, error) {
			b = clone(b)
			copy(b[100:pageSize(b)], noise(2, pageSize(b)-100)) // page 1 past the file header: sqlite_master
			return b, nil
		},
		"db-garbled-events.db": func(b []byte) ([]byte, error) { return garble(b, "events", 3) },
		"db-garbled-claims.db": func(b []byte) ([]byte, error) { return garble(b, "claims", 4) },
		"db-no-tables.db": func([]byte) ([]byte, error) {
			return withSQLite(nil, `CREATE TABLE t (x)`, `DROP TABLE t`, `VACUUM`)
		},
		"db-other-app.db": func([]byte) ([]byte, error) {
			return withSQLite(nil, `CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email TEXT)`,
				`INSERT INTO customers (name, email) VALUES ('Ada', 'ada@example.com'), ('Grace', 'grace@example.com')`)
		},
		// Tables named as ours, made by something else: no strikemap_meta.
		"db-our-names-only.db": func([]byte) ([]byte, error) {
			return withSQLite(nil, `CREATE TABLE events (id INTEGER PRIMARY KEY, title TEXT, starts TEXT)`,
				`CREATE TABLE sources (id INTEGER PRIMARY KEY, name TEXT)`,
				`CREATE TABLE claims (id INTEGER PRIMARY KEY, who TEXT, what TEXT)`,
				`INSERT INTO events (title, starts) VALUES ('Town fair', 'next Tuesday')`)
		},
		// Our tables and meta, but events' columns of the wrong types, holding text for numbers.
		"db-wrong-types.db": func(b []byte) ([]byte, error) {
			return withSQLite(b, `PRAGMA foreign_keys = OFF`,
				`CREATE TABLE events_new (id INTEGER PRIMARY KEY, geom TEXT, uid INTEGER NOT NULL,
					date_start INTEGER NOT NULL, date_end INTEGER, date_precision TEXT, lat TEXT, lon TEXT,
					geo_precision TEXT, place TEXT, admin1 TEXT, country TEXT, actor TEXT, target_type TEXT,
					weapon TEXT, origin_lat TEXT, origin_lon TEXT, origin_name TEXT, summary TEXT, status TEXT,
					killed_min TEXT, killed_max TEXT, civilians_min TEXT, civilians_max TEXT)`,
				`INSERT INTO events_new SELECT id, 'POINT(' || lon || ' ' || lat || ')', uid,
					CAST(replace(date_start, '-', '') AS INTEGER), CAST(replace(date_end, '-', '') AS INTEGER),
					date_precision, printf('%.2f N', lat), printf('%.2f E', lon), geo_precision, place, admin1,
					country, actor, target_type, weapon, origin_lat, origin_lon, origin_name, summary, status,
					'about ' || killed_min, killed_max, civilians_min, civilians_max FROM events`,
				`DROP TABLE events`, `ALTER TABLE events_new RENAME TO events`, `VACUUM`)
		},
		"db-missing-column.db": func(b []byte) ([]byte, error) {
			return withSQLite(b, `ALTER TABLE events DROP COLUMN lat`, `VACUUM`)
		},
		"db-newer-schema.db": func(b []byte) ([]byte, error) {
			return withSQLite(b, `UPDATE strikemap_meta SET value = '99' WHERE key = 'schema_version'`)
		},
		"db-schema-not-number.db": func(b []byte) ([]byte, error) {
			return withSQLite(b, `UPDATE strikemap_meta SET value = 'three' WHERE key = 'schema_version'`)
		},
		"db-other-meta.db": func(b []byte) ([]byte, error) {
			return withSQLite(b, `UPDATE strikemap_meta SET value = 'someone-else' WHERE key = 'application'`)
		},
		"gpkg-roads.gpkg":  func([]byte) ([]byte, error) { return otherGeoPackage("roads", "LINESTRING") },
		"gpkg-events.gpkg": func([]byte) ([]byte, error) { return otherGeoPackage("events", "POLYGON") },
	}
}

// clone copies b, so one maker never changes the sample another reads.
func clone(b []byte) []byte { return append([]byte(nil), b...) }

// pageSize reads a SQLite file's page size from its header.
func pageSize(b []byte) int {
	n := int(binary.BigEndian.Uint16(b[16:]))
	if n == 1 {
		n = 65536
	}
	return n
}

// garble overwrites the root page of table with noise, leaving the schema readable, so
// the file opens and breaks only when the table is read.
func garble(b []byte, table string, seed uint64) ([]byte, error) {
	root, err := rootPage(b, table)
	if err != nil {
		return nil, err
	}
	b = clone(b)
	ps := pageSize(b)
	off := (root - 1) * ps
	if off+ps > len(b) {
		return nil, fmt.Errorf("root page %d of %s is past the end", root, table)
	}
	copy(b[off:off+ps], noise(seed, ps))
	return b, nil
}

// rootPage finds the first page of table's b-tree.
func rootPage(b []byte, table string) (int, error) {
	tmp, err := os.MkdirTemp("", "strikemap-bad-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	path := filepath.Join(tmp, "x.db")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return 0, err
	}
	sdb, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path, RawQuery: "mode=ro"}).String())
	if err != nil {
		return 0, err
	}
	defer sdb.Close()
	var root int
	err = sdb.QueryRow(`SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?`, table).Scan(&root)
	return root, err
}

// otherGeoPackage is a small valid GeoPackage of another program: one features table of
// kind geometries, holding one row, and no strikemap_meta.
func otherGeoPackage(table, kind string) ([]byte, error) {
	return withSQLite(nil, `PRAGMA application_id = 1196444487`, `PRAGMA user_version = 10300`,
		`CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
			organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
			description TEXT)`,
		`INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL),
			('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL),
			('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84"]', NULL)`,
		`CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
			identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL,
			min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)`,
		`CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
			geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
			PRIMARY KEY (table_name, column_name))`,
		fmt.Sprintf(`CREATE TABLE %s (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom %s, name TEXT)`, table, kind),
		fmt.Sprintf(`INSERT INTO gpkg_contents VALUES ('%s', 'features', '%s', '', '2024-01-01T00:00:00.000Z',
			36.1, 33.4, 36.4, 33.6, 4326)`, table, table),
		fmt.Sprintf(`INSERT INTO gpkg_geometry_columns VALUES ('%s', 'geom', '%s', 4326, 0, 0)`, table, kind),
		fmt.Sprintf(`INSERT INTO %s (geom, name) VALUES (X'47500011E6100000', 'an empty %s')`, table, kind),
	)
}
