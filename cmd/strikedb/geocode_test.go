package main

import (
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
)

func TestGeocode(t *testing.T) {
	for name, tc := range map[string]struct {
		args           []string
		code           int
		stdout, stderr string
	}{
		"one place": {[]string{"Raqqa"}, 0, "35.95283 39.00788 Ar Raqqah SY\n", ""},
		"several, in order": {[]string{"Deir Ezzor", "Al Bukamal"}, 0,
			"35.33588 40.14084 Deir ez-Zor SY\n34.45 40.91861 Ālbū Kamāl SY\n", ""},
		"country after a comma": {[]string{"Palmira, Syria"}, 0, "34.56077 38.28055 Tadmur SY\n", ""},
		"country code":          {[]string{"Damascus,US"}, 0, "39.28844 -77.20387 Damascus US\n", ""},
		"comma not a country":   {[]string{"Raqqa, nowhere"}, 1, "", `strikedb: geocode: "Raqqa, nowhere": not found` + "\n"},
		"one not found": {[]string{"Raqqa", "Qwxzzyqv", "Mosul"}, 1,
			"35.95283 39.00788 Ar Raqqah SY\n36.335 43.11889 Mosul IQ\n", `strikedb: geocode: "Qwxzzyqv": not found` + "\n"},
		"two not found": {[]string{"Qwxzzyqv", "", "Raqqa"}, 1,
			"35.95283 39.00788 Ar Raqqah SY\n", `strikedb: geocode: "Qwxzzyqv", "": not found` + "\n"},
		"no place":     {nil, 2, "", "strikedb: geocode: no place given (usage: strikedb geocode PLACE[, COUNTRY]...)\n"},
		"unknown flag": {[]string{"-x", "Raqqa"}, 2, "", "strikedb: geocode: flag provided but not defined: -x (usage: strikedb geocode PLACE[, COUNTRY]...)\n"},
		"dash place":   {[]string{"--", "-Raqqa-"}, 0, "35.95283 39.00788 Ar Raqqah SY\n", ""},
	} {
		t.Run(name, func(t *testing.T) {
			code, stdout, stderr := strikedb(t, append([]string{"geocode"}, tc.args...)...)
			if code != tc.code || stdout != tc.stdout || stderr != tc.stderr {
				t.Errorf("geocode %q: exit %d\nstdout %q\nstderr %q\nwant exit %d\nstdout %q\nstderr %q",
					tc.args, code, stdout, stderr, tc.code, tc.stdout, tc.stderr)
			}
		})
	}
}

// seedPlaces lists every populated place the articles in shared/seeds/ name,
// spelt as they spell it, with its GeoNames point (GeoNames' cities1000 as
// bundled). Countries, regions, seas and rivers (Syria, Sinai, the Euphrates,
// the Mediterranean), ships named after towns (the submarine Krasnodar) and
// the readers' comments are left out. "Palmira" comes in a list of Syrian
// provinces: alone it is the larger Palmira in Colombia, so it names Syria.
var seedPlaces = []struct {
	spelling, article string
	lat, lon          float64
}{
	{"Al Bukamal", "000", 34.45, 40.91861},
	{"Bukamal", "000", 34.45, 40.91861},
	{"Raqqa", "000 001 003 004", 35.95283, 39.00788},
	{"Deir Ezzor", "000", 35.33588, 40.14084},
	{"Palmyra", "000 001 004", 34.56077, 38.28055},
	{"Sharm al Sheikh", "000", 27.85183, 34.30499},
	{"Sharm el Sheikh", "000", 27.85183, 34.30499},
	{"Deir ez-Zur", "001", 35.33588, 40.14084},
	{"Deir ez-Zor", "002", 35.33588, 40.14084},
	{"Paris", "002", 48.85341, 2.3488},
	{"Aleppo", "002", 36.20124, 37.16117},
	{"Idlib", "002", 35.93062, 36.63393},
	{"Latakia", "002", 35.53168, 35.79011},
	{"Palmira, Syria", "002", 34.56077, 38.28055},
	{"Damascus", "002", 33.5102, 36.29128},
	{"Mosul", "003", 36.335, 43.11889},
	{"London", "003", 51.50853, -0.12574},
	{"Moscow", "003", 55.75222, 37.61556},
}

// TestGeocodeSeedPlaces runs one geocode over every seed place and wants each
// within 5 km of its GeoNames point.
func TestGeocodeSeedPlaces(t *testing.T) {
	args := []string{"geocode"}
	for _, p := range seedPlaces {
		args = append(args, p.spelling)
	}
	code, stdout, stderr := strikedb(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != len(seedPlaces) {
		t.Fatalf("%d lines for %d places:\n%s", len(lines), len(seedPlaces), stdout)
	}
	for i, p := range seedPlaces {
		f := strings.Fields(lines[i])
		if len(f) < 4 {
			t.Errorf("%s: line %q is not LAT LON NAME COUNTRY", p.spelling, lines[i])
			continue
		}
		lat, err1 := strconv.ParseFloat(f[0], 64)
		lon, err2 := strconv.ParseFloat(f[1], 64)
		if err1 != nil || err2 != nil {
			t.Errorf("%s: line %q: bad coordinates", p.spelling, lines[i])
			continue
		}
		if d := geo.Distance(orb.Point{lon, lat}, orb.Point{p.lon, p.lat}); d > 5000 {
			t.Errorf("%s (article %s): %s is %.0f km from %.5f, %.5f", p.spelling, p.article, lines[i], d/1000, p.lat, p.lon)
		}
	}
}
