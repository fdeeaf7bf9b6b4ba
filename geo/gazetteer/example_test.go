package gazetteer_test

import (
	"fmt"

	"github.com/strikemap/strikemap/geo/gazetteer"
)

func ExampleGeocode() {
	for _, name := range []string{"Al Bukamal", "Deir Ezzor", "Palmyra"} {
		lat, lon, ok := gazetteer.Geocode(name, "")
		fmt.Printf("%s: %.2f %.2f %v\n", name, lat, lon, ok)
	}
	// Output:
	// Al Bukamal: 34.45 40.92 true
	// Deir Ezzor: 35.34 40.14 true
	// Palmyra: 34.56 38.28 true
}

func ExampleFold() {
	fmt.Println(gazetteer.Fold("Deir ez-Zor"), gazetteer.Fold("Dar‘ā"), gazetteer.Fold("Ālbū Kamāl"))
	// Output: deirezzor dara albukamal
}
