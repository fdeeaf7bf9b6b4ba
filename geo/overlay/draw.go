package overlay

import (
	"errors"
	"image"
	"image/color"
	"math"

	"golang.org/x/image/font"

	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/paint"
	"github.com/strikemap/strikemap/geo/view"
)

// Drawer draws the overlay. It keeps its symbols and scratch memory between frames, so
// a frame allocates little; use one per goroutine.
type Drawer struct {
	painter *paint.Painter
	path    paint.Path
	sprites map[spriteKey]*image.RGBA
	bubbles map[bubbleKey]*image.RGBA
	faces   map[float64]font.Face
}

type spriteKey struct {
	color int
	shape Shape
	scale float64
}

// NewDrawer returns a Drawer with no symbols drawn yet.
func NewDrawer() *Drawer {
	return &Drawer{painter: paint.NewPainter(), sprites: map[spriteKey]*image.RGBA{},
		bubbles: map[bubbleKey]*image.RGBA{}, faces: map[float64]font.Face{}}
}

// Draw draws items (from cluster.Query over v and the points of src) onto dst:
// uncertainty rings and launch lines under everything, cluster bubbles, then single
// markers on top, and the event whose id is selected highlighted (0 for none).
func (d *Drawer) Draw(dst *image.RGBA, v view.Viewport, src Source, items []cluster.Item, selected int64) error {
	if src == nil && len(items) > 0 {
		return errors.New("overlay: items to draw but no markers for them")
	}
	v = v.Clamp()
	mpp := v.MetersPerPixel()
	// Where many events with wide rings are in view, their rings only cover the map and
	// cost a frame: then only the selected event shows its ring.
	rings := 0
	for i := range items {
		if it := &items[i]; it.Count == 1 && d.ringRadius(src.Marker(int(it.Row)), v, mpp) > 0 {
			rings++
		}
	}
	var sel *cluster.Item
	for i := range items {
		it := &items[i]
		if it.Count != 1 {
			continue
		}
		m := src.Marker(int(it.Row))
		isSel := m.ID == selected && selected != 0
		if isSel {
			sel = it
		}
		if rings <= MaxRings || isSel {
			d.uncertainty(dst, v, &m, it, mpp, isSel)
		}
		if m.HasOrigin {
			d.launch(dst, v, &m, it)
		}
	}
	for i := range items {
		if it := &items[i]; it.Count > 1 {
			if err := d.bubble(dst, it, v.Scale); err != nil {
				return err
			}
		}
	}
	for i := range items {
		if it := &items[i]; it.Count == 1 {
			m := src.Marker(int(it.Row))
			d.marker(dst, &m, it, v.Scale)
		}
	}
	if sel != nil {
		r := (markerRadius + 5) * v.Scale
		d.path.Ring(sel.X, sel.Y, r, 3*v.Scale)
		d.painter.Fill(dst, &d.path, white)
		d.path.Ring(sel.X, sel.Y, r, 1.6*v.Scale)
		d.painter.Fill(dst, &d.path, ink)
	}
	return nil
}

// MaxRings is how many uncertainty rings a frame draws at most; with more in view, only
// the selected event's ring is drawn.
const MaxRings = 16

// ringRadius is the radius in pixels of m's uncertainty ring, 0 when none is drawn: the
// ring would hide under the symbol, or lie wholly off the screen's diagonal.
func (d *Drawer) ringRadius(m Marker, v view.Viewport, mpp float64) float64 {
	r := m.RadiusM / mpp
	if r < markerRadius*v.Scale*1.8 || r > math.Hypot(float64(v.Width), float64(v.Height)) {
		return 0
	}
	return r
}

// maxFilledRing is the radius in pixels at scale 1 above which a ring is drawn without
// its disc: filling costs the disc's area, and a wide disc adds nothing to its edge.
const maxFilledRing = 200

// uncertainty draws how far the event may lie from its point, when that is larger
// than its symbol: a faint disc with a dashed edge, in the actor's colour.
func (d *Drawer) uncertainty(dst *image.RGBA, v view.Viewport, m *Marker, it *cluster.Item, mpp float64, selected bool) {
	r := d.ringRadius(*m, v, mpp)
	if r == 0 {
		return
	}
	c := ColorOf(m.Color)
	fill := uint8(0x10)
	if selected {
		fill = 0x38
	}
	if selected || r <= maxFilledRing*v.Scale {
		d.path.Circle(it.X, it.Y, r, false)
		d.painter.Fill(dst, &d.path, color.NRGBA{c.R, c.G, c.B, fill})
	}
	circumference := 2 * math.Pi * r
	steps := max(24, int(circumference/(6*v.Scale)))
	for k := 0; k < steps; k += 2 {
		a0, a1 := 2*math.Pi*float64(k)/float64(steps), 2*math.Pi*float64(k+1)/float64(steps)
		d.path.Segment(it.X+r*math.Cos(a0), it.Y+r*math.Sin(a0), it.X+r*math.Cos(a1), it.Y+r*math.Sin(a1), 1.2*v.Scale, false)
	}
	d.painter.Fill(dst, &d.path, color.NRGBA{c.R, c.G, c.B, 0xb0})
}

// launch draws the line from where the strike was launched to where it landed.
func (d *Drawer) launch(dst *image.RGBA, v view.Viewport, m *Marker, it *cluster.Item) {
	ox, oy := v.Pixel(m.Origin)
	c := ColorOf(m.Color)
	s := v.Scale
	d.path.Dashed(ox, oy, it.X, it.Y, 3.2*s, 7*s, 4*s)
	d.painter.Fill(dst, &d.path, color.NRGBA{0xff, 0xff, 0xff, 0xc0})
	d.path.Dashed(ox, oy, it.X, it.Y, 1.6*s, 7*s, 4*s)
	d.painter.Fill(dst, &d.path, color.NRGBA{c.R, c.G, c.B, 0xe0})
	d.path.Ring(ox, oy, 4*s, 2*s)
	d.painter.Fill(dst, &d.path, c)
}

// marker blits the event's symbol, drawn once per colour, shape and scale.
func (d *Drawer) marker(dst *image.RGBA, m *Marker, it *cluster.Item, scale float64) {
	k := spriteKey{m.Color, m.Shape, scale}
	sp := d.sprites[k]
	if sp == nil {
		sp = newSprite(d.painter, ColorOf(m.Color), m.Shape, scale)
		d.sprites[k] = sp
	}
	half := sp.Rect.Dx() / 2
	at := image.Pt(int(math.Round(it.X))-half, int(math.Round(it.Y))-half)
	blit(dst, sp, at)
}

func (d *Drawer) face(size float64) (font.Face, error) {
	if f := d.faces[size]; f != nil {
		return f, nil
	}
	f, err := paint.NewFace(size, true)
	if err != nil {
		return nil, err
	}
	d.faces[size] = f
	return f, nil
}
