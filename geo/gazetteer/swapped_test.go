package gazetteer_test

import (
	"testing"

	"github.com/strikemap/strikemap/geo/gazetteer"
)

func TestSwapped(t *testing.T) {
	for name, tc := range map[string]struct {
		lat, lon float64
		country  string
		want     bool
	}{
		"Raqqa":                      {35.95, 39.01, "Syria", false},
		"Raqqa swapped":              {39.01, 35.95, "Syria", true},
		"Al Bukamal swapped":         {40.92, 34.45, "SY", true},
		"Marawi":                     {7.99, 124.29, "Philippines", false},
		"Mosul":                      {36.34, 43.13, "Iraq", false},
		"Mosul swapped":              {43.13, 36.34, "Iraq", true},
		"Sharm el-Sheikh":            {27.91, 34.33, "Egypt", false},
		"in the desert, unswapped":   {27.0, 27.0, "Egypt", false},
		"wrong country, not swapped": {35.95, 39.01, "Egypt", false},
		"unknown country":            {39.01, 35.95, "Narnia", false},
		"no country":                 {39.01, 35.95, "", false},
		"out of range":               {124.29, 7.99, "Philippines", true},
	} {
		t.Run(name, func(t *testing.T) {
			if got := gazetteer.Swapped(tc.lat, tc.lon, tc.country); got != tc.want {
				t.Errorf("Swapped(%v, %v, %q) = %v, want %v", tc.lat, tc.lon, tc.country, got, tc.want)
			}
		})
	}
}

func BenchmarkSwapped(b *testing.B) {
	gazetteer.Swapped(35.95, 39.01, "Syria")
	b.ReportAllocs()
	for b.Loop() {
		gazetteer.Swapped(35.95, 39.01, "Syria")
	}
}
