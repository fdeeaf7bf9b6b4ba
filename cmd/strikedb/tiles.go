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
		x, err := tiles.OSM(tiles.XYZOptions{Logf: quiet})
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
		x, err := tiles.NewXYZ(spec, tiles.XYZOptions{Logf: quiet})
		if err != nil {
			return nil, &exitError{2, "render: --tiles: " + clipMiddle(err.Error(), 4*maxFlag)}
		}
		src, network = x, true
	}
	c := tiles.NewCache(src, tiles.CacheOptions{Logf: quiet})
	return &background{base: c, attribution: c.Attribution(), cache: c, network: network, close: func() {
		c.Close()
		if closeSrc != nil {
			closeSrc()
		}
	}}, nil
}

// quiet drops the tile code's log lines: a tile that fails fails the render, which
// says why in its one line.
func quiet(string, ...any) {}

// prefetch waits, within a deadline, for the tiles of v, and fails when any of them did
// not load: the map drawn over placeholders would not be the one asked for, and a
// script should not take it for one. A server's failure is named by its host and
// cause, as the app's status bar names it.
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
	wait, cancel := context.WithTimeout(ctx, prefetchTimeout)
	defer cancel()
	err := b.cache.Prefetch(wait, ts)
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case wait.Err() != nil:
		return fmt.Errorf("render: the tiles did not all arrive within %v; nothing was written (--tiles offline draws the bundled map)", prefetchTimeout)
	case err == nil:
		return nil
	}
	failed, first := 0, err // the first failed tile's error, not Prefetch's list of all
	for _, t := range ts {
		if terr := b.cache.Err(t); terr != nil && !errors.Is(terr, tiles.ErrNoTile) {
			if failed == 0 {
				first = terr
			}
			failed++
		}
	}
	if !b.network {
		return first // a tile file's broken tile names the file
	}
	cause := b.cache.Problem()
	if cause == nil {
		cause = first
	}
	return fmt.Errorf("render: %d of %d tiles did not load: %v; nothing was written (--tiles offline draws the bundled map)", failed, len(ts), cause)
}
