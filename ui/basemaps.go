package ui

import (
	"errors"
	"fmt"
	"image/draw"
	"path/filepath"
	"strings"

	"github.com/paulmach/orb/maptile"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/geo/basemap"
	"github.com/strikemap/strikemap/geo/tiles"
	"github.com/strikemap/strikemap/geo/view"
)

// Basemap specs, as kept in the preferences: "offline", "osm", an http(s) URL
// template, or "mbtiles:" followed by a file's path.
const (
	BasemapOffline = "offline"
	BasemapOSM     = "osm"
	mbtilesPrefix  = "mbtiles:"
)

// basemapLayer is the map's background: a tile cache over the chosen source, so that
// drawing never waits — the offline basemap's tiles too are rendered by the cache's
// workers. It is a render.Base.
type basemapLayer struct {
	spec     string
	src      tiles.Source // nil for the offline basemap, made per device scale
	closeSrc func()
	cache    *tiles.Cache
	scale    float64
	offline  *basemap.Renderer
	onLoad   func()
}

// openBasemap opens the source named by spec; onLoad is called from background
// goroutines whenever the map should be drawn again: a tile arrived, a failed one may
// be retried, or what is wrong with the tiles changed (see problem).
func openBasemap(spec string, onLoad func()) (*basemapLayer, error) {
	return openBasemapWith(spec, tiles.XYZOptions{}, onLoad)
}

// openBasemapWith is openBasemap with the options of online sources (the disk
// cache's folder and budget, the timeout); tests point them at a scratch folder.
func openBasemapWith(spec string, opt tiles.XYZOptions, onLoad func()) (*basemapLayer, error) {
	b := &basemapLayer{spec: spec, onLoad: onLoad, closeSrc: func() {}}
	switch {
	case spec == BasemapOffline || spec == "":
		b.spec, b.offline = BasemapOffline, basemap.New(512)
		return b, nil
	case spec == BasemapOSM:
		x, err := tiles.OSM(opt)
		if err != nil {
			return nil, fmt.Errorf("OpenStreetMap tiles: %w", err)
		}
		b.src = x
	case strings.HasPrefix(spec, mbtilesPrefix):
		m, err := data.OpenMBTiles(strings.TrimPrefix(spec, mbtilesPrefix))
		if err != nil {
			return nil, err
		}
		b.src, b.closeSrc = m, func() { m.Close() }
	default:
		x, err := tiles.NewXYZ(spec, opt)
		if err != nil {
			return nil, fmt.Errorf("tile URL %q: %w", spec, err)
		}
		b.src = x
	}
	b.cache = b.newCache(b.src)
	return b, nil
}

func (b *basemapLayer) newCache(src tiles.Source) *tiles.Cache {
	return tiles.NewCache(src, tiles.CacheOptions{OnLoad: func(maptile.Tile) { b.onLoad() }, OnChange: b.onLoad})
}

// Draw draws what is loaded for v and asks for what is missing.
func (b *basemapLayer) Draw(dst draw.Image, v view.Viewport) error {
	if b.offline != nil && (b.cache == nil || b.scale != v.Scale) {
		// Offline tiles are drawn for the screen's scale, sharp on HiDPI.
		if b.cache != nil {
			b.cache.Close()
		}
		b.scale = v.Scale
		b.cache = b.newCache(tiles.Offline(b.offline, v.Scale))
	}
	return b.cache.Draw(dst, v)
}

// Attribution is the credit line for the basemap's data.
func (b *basemapLayer) Attribution() string {
	if b.offline != nil {
		return basemap.Attribution
	}
	return b.src.Attribution()
}

// problem says what keeps the basemap's tiles from loading or being kept, for the
// status bar, or "" when nothing does.
func (b *basemapLayer) problem() string {
	if b == nil || b.offline != nil || b.cache == nil {
		return ""
	}
	p := b.cache.Problem()
	switch {
	case p == nil:
		return ""
	case errors.Is(p, tiles.ErrNotImage) && strings.HasPrefix(b.spec, mbtilesPrefix):
		// The bytes the error quotes help on a command line, not in a status bar.
		return "Tiles: " + filepath.Base(strings.TrimPrefix(b.spec, mbtilesPrefix)) + " holds tiles that are not images"
	}
	return "Tiles: " + p.Error()
}

// showTileProblem puts what is wrong with the basemap's tiles in the status bar, or
// clears it; it runs on the UI goroutine whenever the basemap changes or reports.
func (w *Window) showTileProblem() { w.status.setAlert(alertTiles, w.base.problem()) }

// online reports whether the basemap comes from the network.
func (b *basemapLayer) online() bool {
	return b.spec != BasemapOffline && !strings.HasPrefix(b.spec, mbtilesPrefix)
}

// close stops the workers and closes the source.
func (b *basemapLayer) close() {
	if b.cache != nil {
		b.cache.Close()
	}
	b.closeSrc()
}
