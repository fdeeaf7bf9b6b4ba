package data

import (
	"context"
	"fmt"
	"strings"
)

// Check reads the whole database at path without changing it and calls problem once for
// each thing wrong with it, worded for a person. It returns a non-nil error only when the
// file cannot be read as a Strikemap database at all.
func Check(ctx context.Context, path string, problem func(string)) error {
	db, err := Open(ctx, path, ReadOnly)
	if err != nil {
		return err
	}
	defer db.Close()
	checks := []func(context.Context, func(string)) error{
		db.checkIntegrity, db.checkGeoPackage, db.checkReferences, db.checkEvents,
	}
	for _, c := range checks {
		if err := c(ctx, problem); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return nil
}

// checkIntegrity asks SQLite to look over the file's pages and indexes.
func (db *DB) checkIntegrity(ctx context.Context, problem func(string)) error {
	return db.eachString(ctx, `PRAGMA quick_check`, func(s string) {
		if s != "ok" {
			problem("damaged file: " + s)
		}
	})
}

// checkGeoPackage tests what GDAL and QGIS need to read events as a point layer.
func (db *DB) checkGeoPackage(ctx context.Context, problem func(string)) error {
	var appID, version int64
	if err := db.sql.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&appID); err != nil {
		return classify(err)
	}
	if appID != 0x47504B47 {
		problem(fmt.Sprintf("GeoPackage: application_id is %#x, not 0x47504B47 (\"GPKG\")", appID))
	}
	if err := db.sql.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return classify(err)
	}
	if version < 10200 {
		problem(fmt.Sprintf("GeoPackage: user_version %d is not a GeoPackage version (10200 or later)", version))
	}
	var geomType string
	var srs int64
	err := db.sql.QueryRowContext(ctx, `SELECT g.geometry_type_name, g.srs_id FROM gpkg_geometry_columns g
		JOIN gpkg_contents c ON c.table_name = g.table_name AND c.data_type = 'features'
		WHERE g.table_name = 'events' AND g.column_name = 'geom'`).Scan(&geomType, &srs)
	switch {
	case err != nil:
		problem("GeoPackage: events.geom is not registered as a features layer in gpkg_geometry_columns and gpkg_contents")
	case geomType != "POINT" || srs != srsWGS84:
		problem(fmt.Sprintf("GeoPackage: events.geom is registered as %s in srs %d, not POINT in 4326", geomType, srs))
	}
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0, 4326)`).Scan(&n); err != nil {
		return classify(err)
	}
	if n != 3 {
		problem("GeoPackage: gpkg_spatial_ref_sys lacks one of the required systems -1, 0 and 4326")
	}
	return nil
}

// checkReferences finds claims pointing at no event or no source.
func (db *DB) checkReferences(ctx context.Context, problem func(string)) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT c.id, c.event_id, 'event' FROM claims c
		WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = c.event_id)
		UNION ALL SELECT c.id, c.source_id, 'source' FROM claims c
		WHERE c.source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = c.source_id)
		ORDER BY 1`)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var ref any
		var kind string
		if err := rows.Scan(&id, &ref, &kind); err != nil {
			return classify(err)
		}
		problem(fmt.Sprintf("claim %d: points at %s %s, which does not exist", id, kind, show(ref)))
	}
	return classify(rows.Err())
}

// checkEvents reads every event with its claims and applies the model's rules.
func (db *DB) checkEvents(ctx context.Context, problem func(string)) error {
	for e, err := range db.Events(ctx) {
		if e == nil {
			return err
		}
		read := Problems(err)
		seen := map[string]bool{}
		for _, p := range read {
			seen[fieldOf(p)] = true
		}
		// A value that could not be read was zeroed; don't report it again as missing.
		for _, p := range Problems(e.Validate()) {
			if !seen[fieldOf(p)] {
				read = append(read, p)
			}
		}
		for _, p := range read {
			problem(fmt.Sprintf("event %d %q: %v", e.ID, e.UID, p))
		}
	}
	return nil
}

func (db *DB) eachString(ctx context.Context, query string, fn func(string)) error {
	rows, err := db.sql.QueryContext(ctx, query)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return classify(err)
		}
		fn(s)
	}
	return classify(rows.Err())
}

// fieldOf returns the column a problem is about: the first word of its message.
func fieldOf(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, ' '); i > 0 {
		return s[:i]
	}
	return s
}
