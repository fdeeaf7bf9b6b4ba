package gazetteer_test

import (
	"testing"

	"github.com/strikemap/strikemap/geo/gazetteer"
	"github.com/strikemap/strikemap/geo/places"
)

func TestCountry(t *testing.T) {
	for name, tc := range map[string]struct {
		in, want string
		ok       bool
	}{
		"empty is everywhere": {"", "", true},
		"code":                {"SY", "SY", true},
		"lower-case code":     {"sy", "SY", true},
		"name":                {"Syria", "SY", true},
		"official name":       {"Syrian Arab Republic", "SY", true},
		"ACLED's spelling":    {"Democratic Republic of Congo", "CD", true},
		"accents ignored":     {"Cote d’Ivoire", "CI", true},
		"spaces around":       {" Iraq ", "IQ", true},
		"unknown":             {"Atlantis", "", false},
		"unknown code":        {"QQ", "", false},
	} {
		t.Run(name, func(t *testing.T) {
			got, ok := gazetteer.Country(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Errorf("Country(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestEveryCountryHasAName(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range places.All() {
		if seen[p.Country] {
			continue
		}
		seen[p.Country] = true
		name := gazetteer.CountryName(p.Country)
		if name == p.Country {
			t.Errorf("country %s (of %s) has no name", p.Country, p.Name)
			continue
		}
		if cc, ok := gazetteer.Country(name); !ok || cc != p.Country {
			t.Errorf("Country(%q) = %q, %v; want %s", name, cc, ok, p.Country)
		}
	}
}
