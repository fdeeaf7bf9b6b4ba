package tiles

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/draw"

	"github.com/paulmach/orb/maptile"
	xdraw "golang.org/x/image/draw"
)

// Get returns tile t without waiting. With exact true the image is the
// tile itself. Otherwise a fetch is scheduled (once) and the image, if
// not nil, is the nearest ancestor in memory cropped and scaled up to
// stand in for it; nil means nothing is available and the caller draws a
// placeholder. Do not modify the image.
func (c *Cache) Get(t maptile.Tile) (img image.Image, exact bool) {
	m, sr, from := c.lookup(t)
	switch {
	case m == nil:
		return nil, false
	case from == t:
		return m, true
	}
	key := [2]maptile.Tile{t, from}
	if s, ok := c.scaled.Get(key); ok {
		return s, false
	}
	size := m.Rect.Dx()
	s := image.NewRGBA(image.Rect(0, 0, size, size))
	xdraw.ApproxBiLinear.Scale(s, s.Rect, m, sr, draw.Src, nil)
	c.scaled.Add(key, s)
	return s, false
}

// lookup returns what to draw for t: an image, the part of it covering t
// and the tile the image is (t itself or an ancestor), or a nil image. It
// schedules a fetch when t is not in memory.
func (c *Cache) lookup(t maptile.Tile) (*image.RGBA, image.Rectangle, maptile.Tile) {
	if m, ok := c.mem.Get(t); ok {
		return m, m.Rect, t
	}
	src, ok := c.target(t)
	if !ok {
		return nil, image.Rectangle{}, t
	}
	c.request(src, false)
	for a := src; ; a = a.Parent() {
		dz := t.Z - a.Z
		if dz > 16 {
			break
		}
		if m, ok := c.mem.Get(a); ok {
			n := m.Rect.Dx() >> dz // pixels of a covering t
			if n < 1 {
				break // deeper ancestors are coarser still
			}
			x0, y0 := int(t.X-a.X<<dz)*n, int(t.Y-a.Y<<dz)*n
			return m, image.Rect(x0, y0, x0+n, y0+n), a
		}
		if a.Z == 0 || a.Z <= c.minZ {
			break
		}
	}
	return nil, image.Rectangle{}, t
}

// Prefetch fetches the tiles a headless rendering needs and waits for
// them until ctx ends. Only the given tiles are fetched: it is for
// drawing one view, not for bulk downloads. Tiles that fail are left to
// placeholders; the error joins their reasons (or says that ctx ended),
// and the rendering can go ahead regardless.
func (c *Cache) Prefetch(ctx context.Context, ts []maptile.Tile) error {
	seen := map[maptile.Tile]bool{}
	var (
		want []maptile.Tile
		jobs []*job
	)
	for _, t := range ts {
		src, ok := c.target(t)
		if !ok || seen[src] {
			continue
		}
		seen[src] = true
		want = append(want, src)
		if j := c.request(src, true); j != nil {
			jobs = append(jobs, j)
		}
	}
	for i, j := range jobs {
		select {
		case <-j.done:
		case <-ctx.Done():
			return fmt.Errorf("tiles: %d of %d still loading: %w", len(jobs)-i, len(want), ctx.Err())
		}
	}
	var errs []error
	for _, t := range want {
		if err := c.Err(t); err != nil && !errors.Is(err, ErrNoTile) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
