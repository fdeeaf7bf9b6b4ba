package tiles_test

import (
	"context"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/strikemap/strikemap/geo/tiles"
	"github.com/strikemap/strikemap/geo/view"
)

func newCache(t testing.TB, src tiles.Source, opt tiles.CacheOptions) *tiles.Cache {
	c := tiles.NewCache(src, opt)
	t.Cleanup(c.Close)
	return c
}

func viewTiles(v view.Viewport) []maptile.Tile {
	var out []maptile.Tile
	for _, tr := range v.Tiles() {
		out = append(out, tr.Tile)
	}
	return out
}

// Get returns at once while the source works; OnLoad says when the tile
// is there; many Gets make one fetch.
func TestGetDoesNotWait(t *testing.T) {
	gate, loaded := make(chan struct{}), make(chan maptile.Tile, 1)
	var calls atomic.Int64
	src := fakeSource{maxZ: 19, fetch: func(ctx context.Context, tl maptile.Tile) (image.Image, error) {
		calls.Add(1)
		<-gate
		return solid(colourOf(tl)), nil
	}}
	cache := newCache(t, src, tiles.CacheOptions{OnLoad: func(tl maptile.Tile) { loaded <- tl }})
	tl := maptile.New(4, 5, 4)
	for range 100 {
		if img, exact := cache.Get(tl); img != nil || exact {
			t.Fatal("an image before the source gave one")
		}
	}
	close(gate)
	if got := <-loaded; got != tl {
		t.Fatalf("OnLoad(%v), want %v", got, tl)
	}
	img, exact := cache.Get(tl)
	if !exact || img.At(10, 10) != colourOf(tl) {
		t.Fatalf("after load: exact %v", exact)
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("%d fetches for one tile", n)
	}
}

// quadrants is a tile whose four quarters differ, so a test can see which
// part of an ancestor stands in for a child.
func quadrants(tl maptile.Tile) *image.RGBA {
	m := solid(color.RGBA{})
	for i, c := range []color.RGBA{{200, 0, 0, 255}, {0, 200, 0, 255}, {0, 0, 200, 255}, {200, 200, 0, 255}} {
		r := image.Rect(i%2*128, i/2*128, i%2*128+128, i/2*128+128)
		draw.Draw(m, r, image.NewUniform(c), image.Point{}, draw.Src)
	}
	return m
}

func TestAncestorsStandIn(t *testing.T) {
	for name, tc := range map[string]struct {
		maxZ   maptile.Zoom
		have   maptile.Tile // fetched first
		get    maptile.Tile
		colour color.RGBA // at the centre of what Get returns
	}{
		"parent's bottom right":  {19, maptile.New(1, 0, 1), maptile.New(3, 1, 2), color.RGBA{200, 200, 0, 255}},
		"grandparent's top left": {19, maptile.New(1, 1, 1), maptile.New(4, 4, 3), color.RGBA{200, 0, 0, 255}},
		"beyond the max zoom":    {2, maptile.New(1, 1, 2), maptile.New(13, 9, 5), color.RGBA{0, 200, 0, 255}},
	} {
		t.Run(name, func(t *testing.T) {
			src := fakeSource{maxZ: tc.maxZ, fetch: func(ctx context.Context, tl maptile.Tile) (image.Image, error) {
				if tl.Z > tc.have.Z {
					return nil, tiles.ErrNoTile
				}
				return quadrants(tl), nil
			}}
			l := &logs{}
			cache := newCache(t, src, tiles.CacheOptions{Logf: l.Logf})
			if err := cache.Prefetch(waitCtx(t), []maptile.Tile{tc.have, tc.get}); err != nil {
				t.Fatal(err)
			}
			img, exact := cache.Get(tc.get)
			if img == nil || exact {
				t.Fatalf("Get: image %v, exact %v; want a stand-in", img != nil, exact)
			}
			if got := img.At(128, 128); got != tc.colour {
				t.Errorf("stand-in centre %v, want %v", got, tc.colour)
			}
			if l.count("") != 0 {
				t.Errorf("a missing tile was logged: %s", l)
			}
		})
	}
}

// A failure is retried once its backoff has passed, not before.
func TestRetryAfterBackoff(t *testing.T) {
	var calls atomic.Int64
	src := fakeSource{maxZ: 19, fetch: func(ctx context.Context, tl maptile.Tile) (image.Image, error) {
		if calls.Add(1) == 1 {
			return nil, errors.New("tile 3/1/1: boom")
		}
		return solid(colourOf(tl)), nil
	}}
	clk, l := newClock(), &logs{}
	cache := newCache(t, src, tiles.CacheOptions{Now: clk.Now, Logf: l.Logf})
	tl := []maptile.Tile{maptile.New(1, 1, 3)}
	for range 3 {
		if err := cache.Prefetch(waitCtx(t), tl); err == nil || !strings.Contains(err.Error(), "boom") {
			t.Fatalf("Prefetch: %v", err)
		}
		cache.Get(tl[0])
	}
	if calls.Load() != 1 || l.count("boom") != 1 {
		t.Fatalf("%d fetches, %d log lines during the backoff", calls.Load(), l.count("boom"))
	}
	clk.Advance(3 * time.Second)
	if err := cache.Prefetch(waitCtx(t), tl); err != nil {
		t.Fatal(err)
	}
	if _, exact := cache.Get(tl[0]); !exact || cache.Err(tl[0]) != nil {
		t.Errorf("after the backoff: exact %v, err %v", exact, cache.Err(tl[0]))
	}
}

// A second session over the same cache folder asks the server nothing
// while the tiles are fresh.
func TestSecondSessionFromDisk(t *testing.T) {
	srv := newTileServer(t)
	dir, clk := t.TempDir(), newClock()
	v := view.New(orb.Point{39, 35.5}, 6, 640, 480, 1)
	session := func() *image.RGBA {
		cache := tiles.NewCache(newXYZ(t, srv, dir, clk, &logs{}), tiles.CacheOptions{})
		defer cache.Close()
		if err := cache.Prefetch(waitCtx(t), viewTiles(v)); err != nil {
			t.Fatal(err)
		}
		dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
		cache.Draw(dst, v)
		return dst
	}
	first := session()
	hits := srv.hits.Load()
	if hits != int64(len(v.Tiles())) {
		t.Errorf("%d hits for %d tiles", hits, len(v.Tiles()))
	}
	second := session()
	if srv.hits.Load() != hits {
		t.Errorf("second session: %d hits", srv.hits.Load()-hits)
	}
	for _, tr := range v.Tiles() {
		p := tr.Rect.Min.Add(image.Pt(128, 128))
		if !p.In(first.Rect) {
			continue
		}
		if got := second.RGBAAt(p.X, p.Y); got != first.RGBAAt(p.X, p.Y) || !near(got, colourOf(tr.Tile)) {
			t.Errorf("tile %v drawn %v, want %v", tr.Tile, got, colourOf(tr.Tile))
		}
	}
}

func TestDrawTilesAndPlaceholders(t *testing.T) {
	src := fakeSource{minZ: 4, maxZ: 4, fetch: func(ctx context.Context, tl maptile.Tile) (image.Image, error) {
		if tl.X%2 == 1 {
			return nil, tiles.ErrNoTile
		}
		return solid(colourOf(tl)), nil
	}}
	cache := newCache(t, src, tiles.CacheOptions{})
	for name, v := range map[string]view.Viewport{
		"whole zoom":      view.New(orb.Point{39, 35.5}, 4, 900, 600, 1),
		"fractional zoom": view.New(orb.Point{39, 35.5}, 4.3, 900, 600, 1),
		"hidpi":           view.New(orb.Point{39, 35.5}, 4, 900, 600, 2),
		"beyond the pole": view.New(orb.Point{39, 84}, 4, 900, 600, 1),
	} {
		t.Run(name, func(t *testing.T) {
			if err := cache.Prefetch(waitCtx(t), viewTiles(v)); err != nil {
				t.Fatal(err)
			}
			dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
			cache.Draw(dst, v)
			for _, tr := range v.Tiles() {
				c := tr.Rect.Min.Add(tr.Rect.Max).Div(2)
				if !c.In(dst.Rect) {
					continue
				}
				want := tiles.PlaceholderColor
				if tr.Tile.X%2 == 0 {
					want = colourOf(tr.Tile)
				}
				if got := dst.RGBAAt(c.X, c.Y); got != want {
					t.Errorf("tile %v centre %v, want %v", tr.Tile, got, want)
				}
			}
			if got := dst.RGBAAt(5, 5); name == "beyond the pole" && got != tiles.PlaceholderColor {
				t.Errorf("above the pole %v", got)
			}
		})
	}
}

func BenchmarkDraw(b *testing.B) {
	src := fakeSource{maxZ: 19, fetch: func(ctx context.Context, tl maptile.Tile) (image.Image, error) {
		return solid(colourOf(tl)), nil
	}}
	cache := newCache(b, src, tiles.CacheOptions{MaxTiles: 512})
	for name, v := range map[string]view.Viewport{
		"1920x1080 z6":       view.New(orb.Point{39, 35.5}, 6, 1920, 1080, 1),
		"1920x1080 z6.4":     view.New(orb.Point{39, 35.5}, 6.4, 1920, 1080, 1),
		"1920x1080 hidpi z6": view.New(orb.Point{39, 35.5}, 6, 1920, 1080, 2),
	} {
		b.Run(name, func(b *testing.B) {
			if err := cache.Prefetch(waitCtx(b), viewTiles(v)); err != nil {
				b.Fatal(err)
			}
			dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
			b.ReportAllocs()
			for b.Loop() {
				cache.Draw(dst, v)
			}
		})
	}
}
