package ui

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb/maptile"
)

// An MBTiles basemap whose tiles are not images is named in the status bar in a few
// words, without the bytes the command line's message quotes.
func TestMBTilesOfGarbageIsNamed(t *testing.T) {
	path, err := filepath.Abs(filepath.Join("..", "testdata", "bad", "tiles-garbage.mbtiles"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := openBasemap(mbtilesPrefix+path, func() {})
	if err != nil {
		t.Fatal(err)
	}
	defer b.close()
	if p := b.problem(); p != "" {
		t.Errorf("before any tile: %q", p)
	}
	if err := b.cache.Prefetch(context.Background(), []maptile.Tile{maptile.New(1, 0, 1)}); err == nil {
		t.Fatal("a garbage tile loaded")
	}
	if p, want := b.problem(), "Tiles: tiles-garbage.mbtiles holds tiles that are not images"; p != want {
		t.Errorf("problem %q, want %q", p, want)
	}
}
