package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/paulmach/orb/maptile"

	"github.com/strikemap/strikemap/geo/tiles"
)

// metaDB is one in-memory MBTiles for every input of FuzzMBTilesMeta, refilled each time.
var metaDB = sync.OnceValues(func() (*sql.DB, error) {
	sdb, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	sdb.SetMaxOpenConns(1) // one connection, one in-memory database
	for _, s := range []string{
		`CREATE TABLE metadata (name TEXT, value TEXT)`,
		`CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)`,
	} {
		if _, err := sdb.Exec(s); err != nil {
			sdb.Close()
			return nil, err
		}
	}
	return sdb, nil
})

// FuzzMBTilesMeta fills an MBTiles' metadata and one tile with any values and reads
// them as OpenMBTiles does: the file is refused with ErrNotMBTiles, ErrTileFormat or
// ErrCorrupt, or what it says is within what Strikemap can draw.
func FuzzMBTilesMeta(f *testing.F) {
	pngTile := tinyPNG(f)
	f.Add("name", "Test", "png", "0", "2", "35.5,32.0,42.5,37.5", `<a href="x">© Ex</a> &amp; co`, "1", pngTile)
	f.Add(" FORMAT ", "JPEG", "", "", "", "", "", "3", []byte("\xff\xd8\xff\xe0"))
	f.Add("x", "y", "", "", "", "-180,-90,180,90", "", "", []byte{})
	f.Add("minzoom", "7", "", "", "31", "1,2,3", "<<b>>&#0;", "abc", []byte("\x1f\x8b"))
	f.Add("maxzoom", "-1", "pbf", "5", "4", "NaN,0,1,1", "", "5.5", pngTile)
	f.Add("bounds", "10,10,0,0", "mvt", "0x1", "1e1", "181,0,0,0", "&", "99999999999999999999", []byte("x"))
	f.Fuzz(func(t *testing.T, key, value, format, minzoom, maxzoom, bounds, attribution, zoom string, tile []byte) {
		sdb, err := metaDB()
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		exec := func(q string, args ...any) {
			if _, err := sdb.ExecContext(ctx, q, args...); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		exec(`DELETE FROM metadata`)
		exec(`DELETE FROM tiles`)
		for _, kv := range [][2]string{{"format", format}, {"minzoom", minzoom}, {"maxzoom", maxzoom},
			{"bounds", bounds}, {"attribution", attribution}, {key, value}} {
			if kv[1] != "" {
				exec(`INSERT INTO metadata VALUES (?, ?)`, kv[0], kv[1])
			}
		}
		if zoom != "" || len(tile) > 0 {
			exec(`INSERT INTO tiles VALUES (?, 0, 0, ?)`, zoom, tile)
		}
		m, err := readMBTilesMeta(ctx, sdb)
		if err != nil {
			checkMBTilesError(t, err)
			return
		}
		checkMBTilesMeta(t, m)
	})
}

// FuzzMBTilesFile opens any bytes as an MBTiles file, reads its metadata and a tile:
// an error wrapping ErrNotMBTiles, ErrTileFormat or ErrCorrupt, or a file whose
// metadata Strikemap can draw, never a panic.
func FuzzMBTilesFile(f *testing.F) {
	f.Add(mbtilesBytes(f, tinyPNG(f)))
	addSeedFiles(f, "../testdata/bad/tiles-*.mbtiles", "../testdata/bad/db-*.db")
	f.Add([]byte("SQLite format 3\x00"))
	path := filepath.Join(f.TempDir(), "fuzz.mbtiles")
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := OpenMBTiles(path)
		if err != nil {
			checkMBTilesError(t, err)
			return
		}
		defer m.Close()
		meta := m.Meta()
		checkMBTilesMeta(t, meta)
		for _, tl := range []maptile.Tile{maptile.New(0, 0, 0), maptile.New(0, 0, meta.MinZoom)} {
			if _, err := m.Fetch(context.Background(), tl); err != nil &&
				!errors.Is(err, tiles.ErrNoTile) && !errors.Is(err, tiles.ErrNotImage) && !errors.Is(err, ErrCorrupt) {
				t.Fatalf("Fetch %v: %v", tl, err)
			}
		}
	})
}

func checkMBTilesError(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, ErrNotMBTiles) && !errors.Is(err, ErrTileFormat) && !errors.Is(err, ErrCorrupt) {
		t.Fatalf("error %q wraps none of ErrNotMBTiles, ErrTileFormat, ErrCorrupt", err)
	}
}

func checkMBTilesMeta(t *testing.T, m MBTilesMeta) {
	t.Helper()
	b := m.Bounds
	switch {
	case m.Format != "png" && m.Format != "jpg" && m.Format != "":
		t.Fatalf("format %q accepted", m.Format)
	case m.MinZoom > m.MaxZoom || m.MaxZoom > 30:
		t.Fatalf("zooms %d..%d accepted", m.MinZoom, m.MaxZoom)
	case !(b.Min[0] >= -180 && b.Min[0] <= b.Max[0] && b.Max[0] <= 180 &&
		b.Min[1] >= -90 && b.Min[1] <= b.Max[1] && b.Max[1] <= 90):
		t.Fatalf("bounds %v accepted", b)
	}
}

// tinyPNG is a one-pixel PNG tile.
func tinyPNG(f *testing.F) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		f.Fatal(err)
	}
	return b.Bytes()
}

// mbtilesBytes is a small valid MBTiles file holding one tile.
func mbtilesBytes(f *testing.F, tile []byte) []byte {
	path := filepath.Join(f.TempDir(), "seed.mbtiles")
	sdb, err := sql.Open("sqlite", path)
	if err != nil {
		f.Fatal(err)
	}
	defer sdb.Close()
	for _, s := range []string{
		`PRAGMA page_size = 512`,
		`CREATE TABLE metadata (name TEXT, value TEXT)`,
		`INSERT INTO metadata VALUES ('name', 'seed'), ('format', 'png'), ('minzoom', '0'), ('maxzoom', '1'),
		  ('bounds', '-10,-10,10,10')`,
		`CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)`,
		`CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)`,
	} {
		if _, err := sdb.Exec(s); err != nil {
			f.Fatal(err)
		}
	}
	if _, err := sdb.Exec(`INSERT INTO tiles VALUES (0, 0, 0, ?)`, tile); err != nil {
		f.Fatal(err)
	}
	if err := sdb.Close(); err != nil {
		f.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	return b
}
