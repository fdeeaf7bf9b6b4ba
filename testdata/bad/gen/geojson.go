package main

import (
	"fmt"
	"strings"
)

// feature is an invented event as CONTRACT.md's GeoJSON has it: geometry is the JSON of
// its geometry, props more properties (each ending in a comma) before the usual ones.
func feature(uid, geometry, props string) string {
	return fmt.Sprintf(`{"type":"Feature","id":%q,"geometry":%s,"properties":{%s"uid":%q,`+
		`"date_start":"2017-02-01","date_precision":"day","geo_precision":"town","place":"Al-Bab",`+
		`"country":"Syria","actor":"Invented Air Force","summary":"Invented feature of the bad-input corpus.",`+
		`"status":"single-source","claims":[{"claimant":"Invented monitor","stance":"reports",`+
		`"source":{"publisher":"Invented Gazette","title":"An invented headline","url":"https://example.org/%s"}}]}}`,
		uid, geometry, props, uid, uid)
}

// point is a GeoJSON Point at x, y.
func point(x, y float64) string { return fmt.Sprintf(`{"type":"Point","coordinates":[%v,%v]}`, x, y) }

// collection is a FeatureCollection of features, one a line.
func collection(features ...string) string {
	return `{"type":"FeatureCollection","features":[` + "\n" + strings.Join(features, ",\n") + "\n]}\n"
}

// deep is depth nested values: open, then the innermost value, then close.
func deep(depth int, open, inner, close string) string {
	return strings.Repeat(open, depth) + inner + strings.Repeat(close, depth)
}

// geojsons are files for strikedb import --format geojson (told by the name or the brace).
func geojsons() map[string]maker {
	good := feature("bad-0001", point(37.52, 36.37), "")
	whole := collection(good, feature("bad-0002", point(37.53, 36.38), ""))
	polygon := `{"type":"Polygon","coordinates":[[[37.5,36.3],[37.6,36.3],[37.6,36.4],[37.5,36.3]]]}`
	return map[string]maker{
		"geojson-empty.geojson": text(""),
		"geojson-not-json.geojson": text(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
			`<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>Al-Bab</name>` +
			`<Point><coordinates>37.52,36.37</coordinates></Point></Placemark></kml>` + "\n"),
		"geojson-cut-off.geojson": text(whole[:len(whole)*3/4]),
		"geojson-deep-arrays.geojson": text(collection(feature("bad-0001", point(37.52, 36.37),
			`"extra":`+deep(100000, "[", "0", "]")+","))),
		"geojson-deep-objects.geojson": text(collection(feature("bad-0001", point(37.52, 36.37),
			`"extra":`+deep(100000, `{"":`, "0", "}")+","))),
		"geojson-polygons.geojson": text(collection(feature("bad-0001", polygon, ""),
			feature("bad-0002", polygon, ""))),
		// [lat, lon] instead of [lon, lat]. Marawi, the Philippines, is at 7.99 N 124.29 E:
		// swapped, its latitude is 124.29, which no place has.
		"geojson-swapped.geojson": text(collection(feature("bad-0001", point(7.99, 124.29), ""))),
		// Swapped in a place where both orders are on the map: only the properties lat and
		// lon, which the export writes too, give it away.
		"geojson-swapped-syria.geojson": text(collection(feature("bad-0001", point(36.37, 37.52),
			`"lat":36.37,"lon":37.52,`))),
		// Swapped with nothing else to give it away: both orders are on the map, but
		// only one of them is in Syria, the country the feature names.
		"geojson-swapped-no-hint.geojson": text(collection(feature("bad-0001", point(36.37, 37.52), ""))),
		"geojson-not-collection.geojson":  text(`{"type":"Topology","objects":{},"arcs":[]}` + "\n"),
		"geojson-huge-number.geojson": text(collection(feature("bad-0001",
			`{"type":"Point","coordinates":[1e400,36.37]}`, ""))),
		// Values far too long for what they hold: a message quotes only their start.
		"geojson-long-values.geojson": text(collection(
			feature("bad-0001", `{"type":"Point","coordinates":[1`+strings.Repeat("0", 20000)+`,36.37]}`, ""),
			strings.Replace(feature("bad-0002", point(37.52, 36.37), ""), `"single-source"`,
				`"`+strings.Repeat("confirmed", 2500)+`"`, 1))),
		"geojson-nul-escape.geojson": text(collection(strings.Replace(good, `"Al-Bab"`, `"Al-\u0000Bab"`, 1))),
		"geojson-trailing.geojson":   text(whole + "} and then some words\n"),
		// Latin-1 bytes where JSON must be UTF-8: refused, as in a CSV, not replaced.
		"geojson-invalid-utf8.geojson": text(collection(strings.Replace(good, `"Al-Bab"`, "\"Al-B\xe2b\"", 1))),
	}
}
