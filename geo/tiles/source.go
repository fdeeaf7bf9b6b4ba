// Package tiles supplies the background of the map as 256-pixel XYZ
// tiles: the offline basemap, online XYZ servers such as OpenStreetMap
// (opt-in, polite, disk-cached) and, through data.MBTiles, MBTiles files.
// Every supplier is a Source, a blocking fetch of one tile; a Cache wraps
// a Source so that drawing never waits for it.
package tiles

import (
	"context"
	"errors"
	"fmt"
	"image"

	"github.com/paulmach/orb/maptile"

	"github.com/strikemap/strikemap/geo/basemap"
	"github.com/strikemap/strikemap/geo/view"
)

// Source supplies map tiles. Fetch blocks, so it is called from
// background goroutines (a Cache's workers), never from drawing code.
// Implementations are safe for concurrent use.
type Source interface {
	// Fetch returns tile t, 256 pixels square at device scale 1. A tile the
	// source does not have is an error wrapping ErrNoTile.
	Fetch(ctx context.Context, t maptile.Tile) (image.Image, error)
	// Attribution is the credit to draw on the map, "" for none.
	Attribution() string
	// ZoomRange is the zooms the source has tiles for.
	ZoomRange() (min, max maptile.Zoom)
}

// Sentinel errors callers test with errors.Is.
var (
	// ErrNoTile means the source has no such tile: normal at the edge of
	// an MBTiles file's coverage, not a failure worth reporting.
	ErrNoTile = errors.New("no such tile")
	// ErrTemplate means a tile URL template is unusable.
	ErrTemplate = errors.New("bad tile URL template")
	// ErrBackoff means a tile, or its server, failed recently and is not
	// asked again until its backoff expires.
	ErrBackoff = errors.New("waiting before retrying")
	// ErrNotImage means tile bytes are not a PNG or JPEG image.
	ErrNotImage = errors.New("not a PNG or JPEG image")
)

// Name formats a tile as z/x/y for messages and logs.
func Name(t maptile.Tile) string { return fmt.Sprintf("%d/%d/%d", t.Z, t.X, t.Y) }

// Offline returns the offline basemap renderer as a Source drawing tiles
// at device scale (1 for 256 pixels, 2 for 512). It never touches the
// network.
func Offline(r *basemap.Renderer, scale float64) Source {
	return offline{r: r, scale: scale}
}

type offline struct {
	r     *basemap.Renderer
	scale float64
}

func (o offline) Fetch(ctx context.Context, t maptile.Tile) (image.Image, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	img, err := o.r.Tile(t, o.scale)
	if err != nil {
		return nil, fmt.Errorf("offline basemap: %w", err)
	}
	return img, nil
}

func (offline) Attribution() string { return basemap.Attribution }

func (offline) ZoomRange() (min, max maptile.Zoom) { return view.MinZoom, view.MaxZoom }
