// Package render draws a whole map for a viewport — basemap, event overlay, scale bar,
// attribution and legend — into an *image.RGBA: what `strikedb render` writes and the
// desktop app exports, from the same code the map view uses.
package render

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"

	"github.com/strikemap/strikemap/geo/overlay"
	"github.com/strikemap/strikemap/geo/view"
)

// Base draws the background map of a viewport: the offline basemap or a tile source.
type Base interface {
	Draw(dst draw.Image, v view.Viewport) error
}

// Map is everything one rendering shows.
type Map struct {
	View        view.Viewport
	Base        Base
	Attribution string // credit for the basemap's data, drawn in the bottom-right corner
	Markers     []overlay.Marker
	Selected    int64   // id of the highlighted event, 0 for none
	Legend      *Legend // nil for no legend
	Cluster     overlay.Options
}

// Renderer draws maps, keeping its symbols, fonts and scratch memory between frames so
// that an interactive view allocates little per frame. One per goroutine.
type Renderer struct {
	drawer    *overlay.Drawer
	furniture map[float64]*furniture // by device scale
	items     []overlay.Item
}

// NewRenderer returns a Renderer with nothing cached yet.
func NewRenderer() *Renderer {
	return &Renderer{drawer: overlay.NewDrawer(), furniture: map[float64]*furniture{}}
}

// Render draws m into a new image of the viewport's size.
func Render(m *Map) (*image.RGBA, error) {
	v := m.View.Clamp()
	img := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
	return img, NewRenderer().Draw(img, m)
}

// Draw draws m into dst, which must be the viewport's size, and returns the clustered
// items it drew so that the caller can hit-test them.
func (r *Renderer) Draw(dst *image.RGBA, m *Map) error {
	v := m.View.Clamp()
	draw.Draw(dst, dst.Rect, image.NewUniform(color.NRGBA{0xe8, 0xe8, 0xe4, 0xff}), image.Point{}, draw.Src)
	if m.Base != nil {
		if err := m.Base.Draw(dst, v); err != nil {
			return fmt.Errorf("basemap: %w", err)
		}
	}
	o := m.Cluster
	if o.CellPx == 0 {
		o = overlay.DefaultOptions
	}
	r.items = overlay.Cluster(m.Markers, v, o)
	if err := r.drawer.Draw(dst, v, m.Markers, r.items, m.Selected); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	f := r.furniture[v.Scale]
	if f == nil {
		var err error
		if f, err = newFurniture(v.Scale); err != nil {
			return err
		}
		r.furniture[v.Scale] = f
	}
	f.scaleBar(dst, v)
	f.attribution(dst, m.Attribution)
	if m.Legend != nil {
		f.legend(dst, m.Legend)
	}
	return nil
}

// Items returns the markers and clusters of the last Draw, for hit-testing.
func (r *Renderer) Items() []overlay.Item { return r.items }
