package gazetteer_test

import (
	"testing"

	"github.com/strikemap/strikemap/geo/gazetteer"
	"github.com/strikemap/strikemap/geo/places"
)

// keystrokes are what a search box asks for as someone types a few names,
// short prefixes (the widest ranges) included.
var keystrokes = func() []string {
	var ks []string
	for _, name := range []string{"Raqqa", "Deir ez-Zor", "Al Bukamal", "Aleppo", "Sharm el Sheikh", "Mosul"} {
		for i := 1; i <= len(name); i++ {
			ks = append(ks, name[:i])
		}
	}
	return ks
}()

// BenchmarkSuggest measures one keystroke's suggestions over the whole
// gazetteer; one op is one keystroke.
func BenchmarkSuggest(b *testing.B) {
	gazetteer.Warm()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		gazetteer.Suggest(keystrokes[i%len(keystrokes)], 8)
		i++
	}
}

// BenchmarkSuggestOneLetter is the worst keystroke: the first letter.
func BenchmarkSuggestOneLetter(b *testing.B) {
	gazetteer.Warm()
	b.ReportAllocs()
	for b.Loop() {
		gazetteer.Suggest("a", 8)
	}
}

// BenchmarkGeocode measures one whole-name lookup, as an import does per row.
func BenchmarkGeocode(b *testing.B) {
	gazetteer.Warm()
	b.ReportAllocs()
	for b.Loop() {
		gazetteer.Geocode("Dayr az Zawr", "Syria")
	}
}

// BenchmarkBuild measures building the index over every place, which the
// first lookup pays once.
func BenchmarkBuild(b *testing.B) {
	ps := places.All()
	b.ReportAllocs()
	for b.Loop() {
		gazetteer.New(ps).Warm()
	}
}
