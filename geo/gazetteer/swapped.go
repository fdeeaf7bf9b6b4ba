package gazetteer

import (
	"math"
	"slices"
	"sync"

	"github.com/strikemap/strikemap/geo/places"
)

// A country's reach is the set of half-degree cells (some 55 km) that hold one of its
// places or border a cell that does: a point in it lies within 50 to 110 km of a town
// of that country.
const cellsPerDegree = 2

// reaches caches each country's reach, built the first time it is asked for.
var reaches = struct {
	sync.Mutex
	m map[string][]int32 // sorted cell keys
}{m: map[string][]int32{}}

// cellKey numbers the half-degree cell of a point.
func cellKey(lat, lon float64) int32 {
	row := int32(math.Floor((lat + 90) * cellsPerDegree))
	col := int32(math.Floor((lon + 180) * cellsPerDegree))
	return row*360*cellsPerDegree + col
}

// reach returns the cells of country code cc, nil when it has no places.
func reach(cc string) []int32 {
	reaches.Lock()
	defer reaches.Unlock()
	if r, ok := reaches.m[cc]; ok {
		return r
	}
	var r []int32
	for _, p := range places.InCountry(cc) {
		for dy := -1.0; dy <= 1; dy++ {
			for dx := -1.0; dx <= 1; dx++ {
				r = append(r, cellKey(p.Lat+dy/cellsPerDegree, p.Lon+dx/cellsPerDegree))
			}
		}
	}
	slices.Sort(r)
	r = slices.Compact(r)
	reaches.m[cc] = r
	return r
}

// near reports whether lat, lon lie in the reach of country code cc.
func near(lat, lon float64, cc string) bool {
	if lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return false
	}
	_, found := slices.BinarySearch(reach(cc), cellKey(lat, lon))
	return found
}

// Swapped reports whether a point given as lat, lon looks like latitude and longitude
// the wrong way round for the country named (by name or ISO code): it lies far from
// every town of that country, while lon, lat lies close to one. A country the
// gazetteer does not know gives false. It fits data's import seam
// func(lat, lon float64, country string) bool.
func Swapped(lat, lon float64, country string) bool {
	cc, ok := Country(country)
	if !ok || cc == "" || lat == lon {
		return false
	}
	return !near(lat, lon, cc) && near(lon, lat, cc)
}
