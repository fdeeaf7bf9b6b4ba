package data

import (
	"fmt"
	"io"
	"strings"
)

// The GeoJSON of CONTRACT.md: a FeatureCollection with one Feature per event, its id the
// event's uid, its geometry the Point [lon, lat], its properties the columns of events
// but geom and id (the row id is the database's own, and would not read back as the
// same), origin as [lon, lat] or null, and claims: an array of {claimant, stance, text,
// killed, civilians, combatants, injured, claimed_on, source: {publisher, title, url,
// published, author, language}}. Unknown numbers and texts are null. geojson_write.go
// writes it and geojson_read.go reads it.

// ReadGeoJSON streams the features of a FeatureCollection in the export format and calls fn
// with each as an Event (not yet validated) and its position in the collection, from 1.
// Memory stays flat whatever the file's size. It stops at the first feature it cannot
// read, naming it and its line.
func ReadGeoJSON(r io.Reader, fn func(n int, e *Event) error) error {
	d := newGeoJSONDecoder("GeoJSON", r)
	for n := 1; ; n++ {
		row, err := d.next()
		switch {
		case err == io.EOF:
			return nil
		case err != nil:
			return err
		case len(row.problems) > 0:
			return fmt.Errorf("feature %d (line %d): %s", n, row.line, strings.Join(row.problems, "; "))
		}
		if err := fn(n, row.e); err != nil {
			return err
		}
	}
}
