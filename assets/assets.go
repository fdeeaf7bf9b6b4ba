// Package assets holds the files embedded in Strikemap's programs, as plain bytes so
// that the command-line tool needs no GUI toolkit to use them.
package assets

import _ "embed"

// SampleGeoJSON is the bundled sample: the strike events reported in the seed articles,
// in the GeoJSON export format of CONTRACT.md.
//
//go:embed sample.geojson
var SampleGeoJSON []byte

// Icon is the application icon, 512×512 PNG (drawn from icon.svg).
//
//go:embed icon.png
var Icon []byte
