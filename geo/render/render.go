// Package render draws a whole map for a viewport — basemap, event overlay, scale bar,
// attribution and legend — into an *image.RGBA: what `strikedb render` writes and the
// desktop app exports, from the same code the map view uses.
package render

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"

	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/overlay"
	"github.com/strikemap/strikemap/geo/view"
)

// Base draws the background map of a viewport: the offline basemap or a tile source.
type Base interface {
	Draw(dst draw.Image, v view.Viewport) error
}

// Events are the events a map shows: their positions, which of them the filter
// selects, and how each is drawn. Row r of Points is Marker(r) and bit r of Selection.
type Events interface {
	Points() *cluster.Points
	Selection() []uint64 // nil: every row
	Marker(row int) overlay.Marker
}

// Map is everything one rendering shows.
type Map struct {
	View        view.Viewport
	Base        Base
	Attribution string          // credit for the basemap's data, drawn in the bottom-right corner
	Events      Events          // nil for none
	Selected    int64           // id of the highlighted event, 0 for none
	Legend      *Legend         // nil for no legend
	Cluster     cluster.Options // the zero Options mean cluster.DefaultOptions
}

// Renderer draws maps, keeping its symbols, fonts and scratch memory (the clustered
// items among them) between frames, so that once warm a frame allocates nothing that
// grows with the number of events. One per goroutine.
type Renderer struct {
	drawer    *overlay.Drawer
	furniture map[float64]*furniture // by device scale
	items     []cluster.Item
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

// Draw draws m into dst, which must be the viewport's size, keeping the clustered items
// it drew for Items.
func (r *Renderer) Draw(dst *image.RGBA, m *Map) error {
	v := m.View.Clamp()
	draw.Draw(dst, dst.Rect, background, image.Point{}, draw.Src)
	if m.Base != nil {
		if err := m.Base.Draw(dst, v); err != nil {
			return fmt.Errorf("basemap: %w", err)
		}
	}
	f := r.furniture[v.Scale]
	if f == nil {
		var err error
		if f, err = newFurniture(v.Scale); err != nil {
			return err
		}
		r.furniture[v.Scale] = f
	}
	// The graticule goes under the events, so that it never hides one.
	f.graticule(dst, v)
	r.items = r.items[:0]
	if m.Events != nil {
		o := m.Cluster
		if o == (cluster.Options{}) {
			o = cluster.DefaultOptions
		}
		r.items = cluster.Query(m.Events.Points(), m.Events.Selection(), v, o, r.items)
		if err := r.drawer.Draw(dst, v, m.Events, r.items, m.Selected); err != nil {
			return fmt.Errorf("events: %w", err)
		}
	}
	f.scaleBar(dst, v)
	f.attribution(dst, m.Attribution)
	if m.Legend != nil {
		f.legend(dst, m.Legend)
	}
	return nil
}

// Items returns the markers and clusters of the last Draw, for hit-testing with
// cluster.Hit. The slice is reused by the next Draw.
func (r *Renderer) Items() []cluster.Item { return r.items }

// background is the colour under everything, where the basemap draws nothing.
var background = image.NewUniform(color.NRGBA{0xe8, 0xe8, 0xe4, 0xff})
