package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/paulmach/orb/maptile"
	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/geo/basemap"
	"github.com/strikemap/strikemap/geo/render"
	"github.com/strikemap/strikemap/geo/tiles"
	"github.com/strikemap/strikemap/geo/view"
)

// offlineAttribution credits the data of the bundled basemap.
const offlineAttribution = "Natural Earth · GeoNames (CC BY)"

// maxNetworkTiles bounds what one render may fetch: OpenStreetMap's tile policy forbids
// bulk downloads, and a poster-sized render would be one.
const maxNetworkTiles = 64

// prefetchTimeout is how long render waits for tiles before drawing placeholders instead.
const prefetchTimeout = 60 * time.Second

// background is the map under the events for --tiles, and how to get its tiles ready.
type background struct {
	base        render.Base
	attribution string
	cache       *tiles.Cache // nil for the offline basemap, which draws synchronously
	network     bool
	close       func()
}

// openBase opens --tiles: offline (the default, no network), osm, an http(s) URL
// template, or a raster .mbtiles file.
func openBase(spec string) (*background, error) {
	var src tiles.Source
	network := false
	var closeSrc func()
	switch {
	case spec == "" || spec == "offline":
		return &background{base: basemap.New(256), attribution: offlineAttribution, close: func() {}}, nil
	case spec == "osm":
		x, err := tiles.OSM(tiles.XYZOptions{})
		if err != nil {
			return nil, fmt.Errorf("--tiles osm: %w", err)
		}
		src, network = x, true
	case strings.HasSuffix(strings.ToLower(spec), ".mbtiles"):
		m, err := data.OpenMBTiles(spec)
		if err != nil {
			return nil, err
		}
		src, closeSrc = m, func() { m.Close() }
	default:
		x, err := tiles.NewXYZ(spec, tiles.XYZOptions{})
		if err != nil {
			return nil, &exitError{2, fmt.Sprintf("render: --tiles %q: %v", spec, err)}
		}
		src, network = x, true
	}
	opt := tiles.CacheOptions{}
	if !network {
		// A tile file's broken tile fails the render (see prefetch), so it is not logged too.
		opt.Logf = func(string, ...any) {}
	}
	c := tiles.NewCache(src, opt)
	return &background{base: c, attribution: c.Attribution(), cache: c, network: network, close: func() {
		c.Close()
		if closeSrc != nil {
			closeSrc()
		}
	}}, nil
}

// prefetch waits, within a deadline, for the tiles of v. Tiles of a server that fail are
// drawn as placeholders and logged, and the render still completes: the server may be
// down for a while. A tile of a file that is not an image fails the render: the file is
// broken, and the map drawn over placeholders would not be the one asked for.
func (b *background) prefetch(ctx context.Context, v view.Viewport) error {
	if b.cache == nil {
		return nil
	}
	var ts []maptile.Tile
	for _, r := range v.Tiles() {
		ts = append(ts, r.Tile)
	}
	if b.network && len(ts) > maxNetworkTiles {
		return &exitError{2, fmt.Sprintf("render: this view needs %d online tiles, more than %d: use a smaller --size or the offline basemap (tile servers forbid bulk downloads)", len(ts), maxNetworkTiles)}
	}
	ctx, cancel := context.WithTimeout(ctx, prefetchTimeout)
	defer cancel()
	b.cache.Prefetch(ctx, ts)
	if b.network {
		return nil
	}
	for _, t := range ts {
		if err := b.cache.Err(t); err != nil && !errors.Is(err, tiles.ErrNoTile) {
			return err
		}
	}
	return nil
}
