package data_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/data/datatest"
	"github.com/strikemap/strikemap/geo/tiles"
)

// tmsTile is a row of an MBTiles tiles table: rows counted from the south.
type tmsTile struct{ z, col, row int }

// The colours of the zoom-1 tiles of the fixture, by where they are stored.
var (
	red    = color.RGBA{220, 30, 30, 255}
	green  = color.RGBA{30, 200, 30, 255}
	blue   = color.RGBA{30, 30, 220, 255}
	yellow = color.RGBA{230, 220, 20, 255}
)

func solidPNG(t testing.TB, c color.RGBA) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, 256, 256))
	draw.Draw(m, m.Rect, image.NewUniform(c), image.Point{}, draw.Src)
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fixtureTiles: four distinct zoom-1 tiles, one zoom-0 tile, and one
// zoom-2 tile of garbage.
func fixtureTiles(t testing.TB) map[tmsTile][]byte {
	return map[tmsTile][]byte{
		{0, 0, 0}: solidPNG(t, color.RGBA{128, 128, 128, 255}),
		{1, 0, 0}: solidPNG(t, red),
		{1, 1, 0}: solidPNG(t, green),
		{1, 0, 1}: solidPNG(t, blue),
		{1, 1, 1}: solidPNG(t, yellow),
		{2, 0, 0}: []byte("this is not an image"),
	}
}

var fixtureMeta = map[string]string{
	"name":        "Test raster",
	"format":      "png",
	"bounds":      "35.5,32.0,42.5,37.5",
	"minzoom":     "0",
	"maxzoom":     "2",
	"attribution": `<a href="https://example.org/">© Example Imagery</a> &amp; contributors`,
}

// mustMBTiles writes an MBTiles file; nil meta or tiles leave out that table.
func mustMBTiles(t testing.TB, meta map[string]string, ts map[tmsTile][]byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fixture.mbtiles")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`CREATE TABLE unrelated (x)`) // so the file is SQLite even with no MBTiles table
	if meta != nil {
		exec(`CREATE TABLE metadata (name TEXT, value TEXT)`)
		for k, v := range meta {
			exec(`INSERT INTO metadata VALUES (?, ?)`, k, v)
		}
	}
	if ts != nil {
		exec(`CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)`)
		exec(`CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)`)
		for k, b := range ts {
			exec(`INSERT INTO tiles VALUES (?, ?, ?, ?)`, k.z, k.col, k.row, b)
		}
	}
	return path
}

func mustOpenMBTiles(t testing.TB, path string) *data.MBTiles {
	t.Helper()
	m, err := data.OpenMBTiles(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

func TestMBTilesMetadata(t *testing.T) {
	m := mustOpenMBTiles(t, mustMBTiles(t, fixtureMeta, fixtureTiles(t)))
	want := data.MBTilesMeta{
		Name:        "Test raster",
		Format:      "png",
		Attribution: "© Example Imagery & contributors",
		Bounds:      orb.Bound{Min: orb.Point{35.5, 32}, Max: orb.Point{42.5, 37.5}},
		MinZoom:     0,
		MaxZoom:     2,
	}
	if got := m.Meta(); got != want {
		t.Errorf("Meta() = %+v\nwant     %+v", got, want)
	}
	if m.Attribution() != want.Attribution {
		t.Errorf("Attribution() = %q", m.Attribution())
	}
	if lo, hi := m.ZoomRange(); lo != 0 || hi != 2 {
		t.Errorf("ZoomRange() = %d, %d", lo, hi)
	}
}

// Without format and zooms in the metadata, they come from the tiles.
func TestMBTilesMetadataFromTiles(t *testing.T) {
	ts := fixtureTiles(t)
	delete(ts, tmsTile{2, 0, 0})
	m := mustOpenMBTiles(t, mustMBTiles(t, map[string]string{"name": "bare"}, ts))
	got := m.Meta()
	if got.Format != "png" || got.MinZoom != 0 || got.MaxZoom != 1 {
		t.Errorf("Meta() = %+v, want png, zooms 0-1", got)
	}
}

// MBTiles store rows from the south: XYZ tile y=0 (the north) is the one
// stored at tile_row 1 at zoom 1.
func TestMBTilesFlipsRows(t *testing.T) {
	m := mustOpenMBTiles(t, mustMBTiles(t, fixtureMeta, fixtureTiles(t)))
	for name, tc := range map[string]struct {
		tile maptile.Tile
		want color.RGBA
	}{
		"north west is row 1": {maptile.New(0, 0, 1), blue},
		"north east is row 1": {maptile.New(1, 0, 1), yellow},
		"south west is row 0": {maptile.New(0, 1, 1), red},
		"south east is row 0": {maptile.New(1, 1, 1), green},
	} {
		t.Run(name, func(t *testing.T) {
			img, err := m.Fetch(context.Background(), tc.tile)
			if err != nil {
				t.Fatal(err)
			}
			if got := color.RGBAModel.Convert(img.At(128, 128)); got != tc.want {
				t.Errorf("tile %v is %v, want %v", tc.tile, got, tc.want)
			}
		})
	}
}

func TestMBTilesFetchFailures(t *testing.T) {
	m := mustOpenMBTiles(t, mustMBTiles(t, fixtureMeta, fixtureTiles(t)))
	for name, tc := range map[string]struct {
		tile      maptile.Tile
		is        error
		mentioned string
	}{
		"not in the file":    {maptile.New(1, 1, 2), tiles.ErrNoTile, "tile 2/1/1"},
		"beyond max zoom":    {maptile.New(0, 0, 3), tiles.ErrNoTile, "tile 3/0/0"},
		"not a valid tile":   {maptile.New(9, 0, 1), tiles.ErrNoTile, "tile 1/9/0"},
		"garbage tile bytes": {maptile.New(0, 3, 2), tiles.ErrNotImage, "tile 2/0/3"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := m.Fetch(context.Background(), tc.tile)
			if !errors.Is(err, tc.is) || !strings.Contains(err.Error(), tc.mentioned) {
				t.Errorf("err = %v, want %v naming %s", err, tc.is, tc.mentioned)
			}
		})
	}
}

func TestOpenMBTilesRefuses(t *testing.T) {
	meta := func(k, v string) map[string]string {
		m := map[string]string{}
		for k, v := range fixtureMeta {
			m[k] = v
		}
		m[k] = v
		return m
	}
	notSQLite := filepath.Join(t.TempDir(), "tiles.mbtiles")
	os.WriteFile(notSQLite, []byte("<html>an error page saved as .mbtiles</html>"), 0o600)
	empty := filepath.Join(t.TempDir(), "empty.mbtiles")
	os.WriteFile(empty, nil, 0o600)
	cut := mustMBTiles(t, fixtureMeta, fixtureTiles(t))
	if b, err := os.ReadFile(cut); err != nil || os.WriteFile(cut, b[:len(b)/2], 0o600) != nil {
		t.Fatal("cannot cut the fixture")
	}
	for name, tc := range map[string]struct {
		path string
		is   error
		says string
	}{
		"vector":         {mustMBTiles(t, meta("format", "pbf"), fixtureTiles(t)), data.ErrTileFormat, "vector MBTiles (pbf) are not supported: use a raster MBTiles"},
		"vector sniffed": {mustMBTiles(t, meta("format", ""), map[tmsTile][]byte{{0, 0, 0}: []byte("\x1f\x8b\x08gzipped")}), data.ErrTileFormat, "vector MBTiles (pbf)"},
		"webp":           {mustMBTiles(t, meta("format", "webp"), fixtureTiles(t)), data.ErrTileFormat, `"webp" is not supported`},
		"no tiles table": {mustMBTiles(t, fixtureMeta, nil), data.ErrNotMBTiles, "no tiles table"},
		"no metadata":    {mustMBTiles(t, nil, fixtureTiles(t)), data.ErrNotMBTiles, "no metadata table"},
		"neither":        {mustMBTiles(t, nil, nil), data.ErrNotMBTiles, "no metadata or tiles table"},
		"bad bounds":     {mustMBTiles(t, meta("bounds", "35,32,NaN,37"), fixtureTiles(t)), data.ErrNotMBTiles, "bounds"},
		"swapped bounds": {mustMBTiles(t, meta("bounds", "42,37,35,32"), fixtureTiles(t)), data.ErrNotMBTiles, "bounds"},
		"bad zoom":       {mustMBTiles(t, meta("maxzoom", "99"), fixtureTiles(t)), data.ErrNotMBTiles, "maxzoom"},
		"zooms crossed":  {mustMBTiles(t, meta("minzoom", "5"), fixtureTiles(t)), data.ErrNotMBTiles, "minzoom 5 is above maxzoom 2"},
		"not SQLite":     {notSQLite, data.ErrNotMBTiles, "not a SQLite file"},
		"cut off":        {cut, data.ErrCorrupt, "damaged"},
		"empty file":     {empty, data.ErrNotMBTiles, "empty"},
		"missing file":   {filepath.Join(t.TempDir(), "nope.mbtiles"), os.ErrNotExist, "nope.mbtiles"},
	} {
		t.Run(name, func(t *testing.T) {
			m, err := data.OpenMBTiles(tc.path)
			if err == nil {
				m.Close()
				t.Fatal("opened")
			}
			if !errors.Is(err, tc.is) || !strings.Contains(err.Error(), tc.says) || !strings.Contains(err.Error(), filepath.Base(tc.path)) {
				t.Errorf("err = %v, want %v saying %q and naming the file", err, tc.is, tc.says)
			}
		})
	}
}

// Opening and reading an MBTiles file leaves it byte for byte as it was,
// with no journal beside it.
func TestMBTilesIsReadOnly(t *testing.T) {
	path := mustMBTiles(t, fixtureMeta, fixtureTiles(t))
	frozen := datatest.Freeze(t, path)
	m, err := data.OpenMBTiles(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, tl := range []maptile.Tile{maptile.New(0, 0, 0), maptile.New(1, 0, 1), maptile.New(3, 3, 2)} {
		m.Fetch(context.Background(), tl)
	}
	m.Close()
	frozen.Check(t, "reading tiles")
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("files beside it: %v", entries)
	}
}

// The MBTiles source works under a tiles.Cache as the map uses it.
func TestMBTilesUnderCache(t *testing.T) {
	m := mustOpenMBTiles(t, mustMBTiles(t, fixtureMeta, fixtureTiles(t)))
	c := tiles.NewCache(m, tiles.CacheOptions{Logf: t.Logf})
	defer c.Close()
	// Zoom 3 is beyond the file, so tile 3/0/7 stands on 2/0/3: garbage.
	good, bad := maptile.New(0, 0, 1), maptile.New(0, 7, 3)
	if err := c.Prefetch(context.Background(), []maptile.Tile{good, bad}); !errors.Is(err, tiles.ErrNotImage) {
		t.Fatalf("Prefetch: %v, want the garbage tile's error", err)
	}
	if img, exact := c.Get(good); !exact || color.RGBAModel.Convert(img.At(1, 1)) != blue {
		t.Errorf("tile %v: exact %v", good, exact)
	}
	if err := c.Err(bad); !errors.Is(err, tiles.ErrNotImage) || !strings.Contains(err.Error(), "tile 2/0/3") {
		t.Errorf("Err(%v) = %v", bad, err)
	}
}
