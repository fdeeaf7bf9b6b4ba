// Package gazetteer finds places by name in the embedded GeoNames table
// (geo/places): lookups for geocoding, prefix suggestions for a search box.
//
// Names are compared folded: case, diacritics, spaces, hyphens and
// apostrophes do not count ("Deir Ezzor" is "Deir ez-Zor"), and each
// alternate name GeoNames lists ("Palmyra" for Tadmur) counts as the name.
// Failing that, the Arabic article may be left out or spelt any way (al-,
// ar-, as-, el-, …, joined as in "Albu Kamal"), and failing that, another
// transliteration of the same consonants matches ("Deir ez-Zur").
//
// Data: GeoNames (geonames.org), CC BY.
package gazetteer

import "sync/atomic"

// Lookup is World().Lookup.
func Lookup(query, country string) []Result { return World().Lookup(query, country) }

// Best is World().Best.
func Best(query, country string) (Result, bool) { return World().Best(query, country) }

// Geocode is World().Geocode: the point of the best match for place,
// limited to country unless it is "". It fits data's import seam
// func(place, country string) (lat, lon float64, ok bool).
func Geocode(place, country string) (lat, lon float64, ok bool) {
	return World().Geocode(place, country)
}

// Suggest is World().Suggest.
func Suggest(prefix string, n int) []Result { return World().Suggest(prefix, n) }

// Warm is World().Warm: it builds the world index, which takes a moment.
func Warm() {
	World().Warm()
	warm.Store(true)
}

// warm is set once Warm has built the world index.
var warm atomic.Bool

// Ready reports whether Warm has built the world index. Unlike World().Ready it never
// decodes the place table to answer, so a UI may ask on its own goroutine at any time.
func Ready() bool { return warm.Load() }
