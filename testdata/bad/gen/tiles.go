package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"image"
	"image/color"
	"image/png"
)

// mbtiles are tile files for render --tiles.
func mbtiles() map[string]maker {
	garbage := make([][]byte, 4)
	for i := range garbage {
		garbage[i] = noise(uint64(10+i), 700)
	}
	var pbf bytes.Buffer
	zw := gzip.NewWriter(&pbf)
	zw.Write(noise(30, 200))
	zw.Close()
	return map[string]maker{
		"tiles-garbage.mbtiles": func([]byte) ([]byte, error) { return tileFile("png", garbage...) },
		"tiles-broken-png.mbtiles": func([]byte) ([]byte, error) {
			good, err := solidPNG()
			if err != nil {
				return nil, err
			}
			broken := make([][]byte, 4)
			for i := range broken {
				// A real PNG's signature and header, then noise where the pixels should be.
				broken[i] = append(clone(good[:33]), noise(uint64(20+i), 400)...)
			}
			return tileFile("png", broken...)
		},
		"tiles-vector.mbtiles": func([]byte) ([]byte, error) {
			return tileFile("pbf", pbf.Bytes(), pbf.Bytes(), pbf.Bytes(), pbf.Bytes())
		},
		"tiles-no-tiles-table.mbtiles": func([]byte) ([]byte, error) {
			return withSQLite(nil, `CREATE TABLE metadata (name TEXT, value TEXT)`,
				`INSERT INTO metadata VALUES ('name', 'half a tile set'), ('format', 'png')`)
		},
		"tiles-cut.mbtiles": func([]byte) ([]byte, error) {
			good, err := solidPNG()
			if err != nil {
				return nil, err
			}
			b, err := tileFile("png", good, good, good, good)
			if err != nil {
				return nil, err
			}
			return clone(b[:len(b)/3]), nil
		},
		"tiles-text.mbtiles": text("tiles would be here\n"),
	}
}

// tileFile is an MBTiles file whose metadata says format and whose zoom 1 holds the
// four tiles given.
func tileFile(format string, tiles ...[]byte) ([]byte, error) {
	stmts := []string{`CREATE TABLE metadata (name TEXT, value TEXT)`,
		`CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)`,
		`CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)`,
		fmt.Sprintf(`INSERT INTO metadata VALUES ('name', 'bad tiles'), ('format', '%s'),
			('minzoom', '0'), ('maxzoom', '1'), ('bounds', '-180,-85,180,85'), ('attribution', 'nobody')`, format),
	}
	for i, t := range tiles {
		stmts = append(stmts, fmt.Sprintf(`INSERT INTO tiles VALUES (1, %d, %d, X'%x')`, i%2, i/2, t))
	}
	stmts = append(stmts, fmt.Sprintf(`INSERT INTO tiles VALUES (0, 0, 0, X'%x')`, tiles[0]))
	return withSQLite(nil, stmts...)
}

// solidPNG is a valid 256-pixel tile of one colour.
func solidPNG() ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, 256, 256))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	img.Set(0, 0, color.RGBA{0x80, 0x80, 0x80, 0xff})
	var buf bytes.Buffer
	err := png.Encode(&buf, img)
	return buf.Bytes(), err
}
