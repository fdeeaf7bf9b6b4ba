package gazetteer_test

import (
	"math"
	"slices"
	"testing"

	"github.com/strikemap/strikemap/geo/gazetteer"
	"github.com/strikemap/strikemap/geo/places"
)

// near reports whether a point is within 0.01° of lat, lon: the same place.
func near(r gazetteer.Result, lat, lon float64) bool {
	return math.Abs(r.Lat-lat) < 0.01 && math.Abs(r.Lon-lon) < 0.01
}

func TestBestWorld(t *testing.T) {
	for name, tc := range map[string]struct {
		query, country string
		want           string // the place's GeoNames name
		lat, lon       float64
		match          gazetteer.Match
	}{
		"Al Bukamal":            {"Al Bukamal", "", "Ālbū Kamāl", 34.45, 40.92, gazetteer.Exact},
		"Bukamal":               {"Bukamal", "", "Ālbū Kamāl", 34.45, 40.92, gazetteer.Article},
		"Abu Kamal":             {"Abu Kamal", "", "Ālbū Kamāl", 34.45, 40.92, gazetteer.Exact},
		"Palmyra":               {"Palmyra", "", "Tadmur", 34.56, 38.28, gazetteer.Exact},
		"Dayr az Zawr":          {"Dayr az Zawr", "", "Deir ez-Zor", 35.34, 40.14, gazetteer.Exact},
		"Deir Ezzor":            {"Deir Ezzor", "", "Deir ez-Zor", 35.34, 40.14, gazetteer.Exact},
		"DEIR-EZ-ZOR":           {"DEIR-EZ-ZOR", "", "Deir ez-Zor", 35.34, 40.14, gazetteer.Exact},
		"Deir ez-Zur":           {"Deir ez-Zur", "", "Deir ez-Zor", 35.34, 40.14, gazetteer.Similar},
		"Raqqa":                 {"Raqqa", "", "Ar Raqqah", 35.95, 39.01, gazetteer.Exact},
		"ar-Raqqa":              {"ar-Raqqa", "", "Ar Raqqah", 35.95, 39.01, gazetteer.Article},
		"Arabic script":         {"الرقة", "", "Ar Raqqah", 35.95, 39.01, gazetteer.Exact},
		"Sharm al Sheikh":       {"Sharm al Sheikh", "", "Sharm ash Shaykh", 27.85, 34.30, gazetteer.Article},
		"Latakia":               {"Latakia", "", "Latakia", 35.53, 35.79, gazetteer.Exact},
		"Palmira anywhere":      {"Palmira", "", "Palmira", 3.54, -76.30, gazetteer.Exact},
		"Palmira in Syria":      {"Palmira", "Syria", "Tadmur", 34.56, 38.28, gazetteer.Exact},
		"Palmira in SY":         {"Palmira", "SY", "Tadmur", 34.56, 38.28, gazetteer.Exact},
		"Damascus in the US":    {"Damascus", "United States", "Damascus", 39.29, -77.20, gazetteer.Exact},
		"London, name on a tie": {"London", "", "London", 51.51, -0.13, gazetteer.Exact},
	} {
		t.Run(name, func(t *testing.T) {
			r, ok := gazetteer.Best(tc.query, tc.country)
			if !ok {
				t.Fatalf("Best(%q, %q) found nothing", tc.query, tc.country)
			}
			if r.Name != tc.want || !near(r, tc.lat, tc.lon) || r.Match != tc.match {
				t.Errorf("Best(%q, %q) = %s (%.2f, %.2f) match %d, want %s (%.2f, %.2f) match %d",
					tc.query, tc.country, r.Name, r.Lat, r.Lon, r.Match, tc.want, tc.lat, tc.lon, tc.match)
			}
			lat, lon, ok := gazetteer.Geocode(tc.query, tc.country)
			if !ok || lat != r.Lat || lon != r.Lon {
				t.Errorf("Geocode(%q, %q) = %v, %v, %v; want Best's point", tc.query, tc.country, lat, lon, ok)
			}
		})
	}
}

func TestBestNotFound(t *testing.T) {
	for name, tc := range map[string]struct{ query, country string }{
		"empty":              {"", ""},
		"punctuation":        {" -' ", ""},
		"no such place":      {"Qwxzzyqv", ""},
		"a prefix only":      {"Raqq", ""},
		"wrong country":      {"Raqqa", "France"},
		"unknown country":    {"Raqqa", "Atlantis"},
		"skeleton too short": {"Ltk", ""},
	} {
		t.Run(name, func(t *testing.T) {
			if r, ok := gazetteer.Best(tc.query, tc.country); ok {
				t.Errorf("Best(%q, %q) = %s, %s; want nothing", tc.query, tc.country, r.Name, r.Country)
			}
			if _, _, ok := gazetteer.Geocode(tc.query, tc.country); ok {
				t.Errorf("Geocode(%q, %q) found a place", tc.query, tc.country)
			}
		})
	}
}

// tiny is a gazetteer over a few made-up places, largest first, to pin the
// ranking rules down without depending on GeoNames' figures.
func tiny() *gazetteer.Gazetteer {
	return gazetteer.New([]places.Place{
		{Name: "Bigtown", AltNames: "Smallton,BGT", Country: "AA", Population: 9000},
		{Name: "Twin", Country: "AA", Population: 5000, Lat: 1},
		{Name: "Twin Alias", AltNames: "Twin", Country: "BB", Population: 5000, Lat: 2},
		{Name: "Smallton", Country: "BB", Population: 100},
		{Name: "Smallville", AltNames: "smalla", Country: "BB", Population: 50},
	})
}

func TestTinyRanking(t *testing.T) {
	g := tiny()
	lookup := func(query, country string) func() []gazetteer.Result {
		return func() []gazetteer.Result { return g.Lookup(query, country) }
	}
	suggest := func(prefix string, n int) func() []gazetteer.Result {
		return func() []gazetteer.Result { return g.Suggest(prefix, n) }
	}
	for name, tc := range map[string]struct {
		find func() []gazetteer.Result
		want []string
	}{
		"alternate of a larger place first":  {lookup("Smallton", ""), []string{"Bigtown", "Smallton"}},
		"country limits":                     {lookup("Smallton", "BB"), []string{"Smallton"}},
		"the name wins a tie":                {lookup("Twin", ""), []string{"Twin", "Twin Alias"}},
		"airport codes are not names":        {lookup("BGT", ""), nil},
		"machine romanization matches whole": {lookup("Smalla", ""), []string{"Smallville"}},
		"suggest names before alternates":    {suggest("Sma", 5), []string{"Smallton", "Smallville", "Bigtown"}},
		"suggest exact first":                {suggest("Smallton", 5), []string{"Bigtown", "Smallton"}},
		"suggest limited":                    {suggest("Sma", 1), []string{"Smallton"}},
		"suggest nothing asked":              {suggest("Sma", 0), nil},
		"suggest empty prefix":               {suggest("", 5), nil},
		"suggest no machine romanization":    {suggest("smalla", 5), nil},
	} {
		t.Run(name, func(t *testing.T) {
			if got := names(tc.find()); !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSuggestWorld(t *testing.T) {
	for name, tc := range map[string]struct {
		prefix, want, spelling string
	}{
		"Raqq":     {"Raqq", "Ar Raqqah", "Raqqa"},
		"Deir ez":  {"Deir ez", "Deir ez-Zor", "Deir ez-Zor"},
		"Palmyra":  {"Palmyra", "Tadmur", "Palmyra"},
		"Latak":    {"Latak", "Latakia", "Latakia"},
		"Al Bukam": {"Al Bukam", "Ālbū Kamāl", "Ālbū Kamāl"},
		"al-Raqq":  {"al-Raqq", "Ar Raqqah", "Raqqa"},
	} {
		t.Run(name, func(t *testing.T) {
			rs := gazetteer.Suggest(tc.prefix, 8)
			if len(rs) == 0 || rs[0].Name != tc.want || rs[0].Spelling != tc.spelling {
				t.Fatalf("Suggest(%q) = %v, want %s (as %q) first", tc.prefix, names(rs), tc.want, tc.spelling)
			}
		})
	}
}

// TestSuggestArticleLast wants what the query spells before what it
// spells once its article is dropped: "Al Bu" may be heading for Albu Kamal,
// not for every place starting "Bu".
func TestSuggestArticleLast(t *testing.T) {
	for _, tc := range []struct{ prefix, first, later string }{
		{"Al Bu", "Ālbū Kamāl", "Bucharest"},
		{"Deir ez", "Deir ez-Zor", "Deir Ḥannā"},
	} {
		rs := gazetteer.Suggest(tc.prefix, 50)
		i := slices.IndexFunc(rs, func(r gazetteer.Result) bool { return r.Name == tc.first })
		j := slices.IndexFunc(rs, func(r gazetteer.Result) bool { return r.Name == tc.later })
		if i < 0 || j >= 0 && j < i {
			t.Errorf("Suggest(%q): %s at %d, %s at %d; want the first before the other", tc.prefix, tc.first, i, tc.later, j)
		}
	}
}

func names(rs []gazetteer.Result) []string {
	var s []string
	for _, r := range rs {
		s = append(s, r.Name)
	}
	return s
}
