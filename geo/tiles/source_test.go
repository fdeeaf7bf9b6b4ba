package tiles_test

import (
	"context"
	"errors"
	"image"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/strikemap/strikemap/geo/basemap"
	"github.com/strikemap/strikemap/geo/tiles"
	"github.com/strikemap/strikemap/geo/view"
)

// The offline basemap is a Source like any other, and a Cache over it
// draws the same map the renderer draws.
func TestOfflineSource(t *testing.T) {
	r := basemap.New(16)
	src := tiles.Offline(r, 1)
	if src.Attribution() != basemap.Attribution {
		t.Errorf("attribution %q", src.Attribution())
	}
	tl := maptile.New(4, 3, 3)
	img, err := src.Fetch(context.Background(), tl)
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != image.Rect(0, 0, 256, 256) {
		t.Errorf("bounds %v", img.Bounds())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := src.Fetch(ctx, tl); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled fetch: %v", err)
	}

	v := view.New(orb.Point{39, 35.5}, 3, 400, 300, 1)
	cache := newCache(t, src, tiles.CacheOptions{})
	if err := cache.Prefetch(waitCtx(t), viewTiles(v)); err != nil {
		t.Fatal(err)
	}
	got := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
	want := image.NewRGBA(got.Rect)
	cache.Draw(got, v)
	if err := r.Draw(want, v); err != nil {
		t.Fatal(err)
	}
	for i := range got.Pix {
		if got.Pix[i] != want.Pix[i] {
			t.Fatalf("differs from basemap.Draw at byte %d", i)
		}
	}
}
