package render

import (
	"image"
	"image/color"

	"github.com/strikemap/strikemap/geo/overlay"
	"github.com/strikemap/strikemap/geo/paint"
)

// Legend says what the overlay's colours and shapes stand for.
type Legend struct {
	Title  string          // e.g. "312 of 40,000 events, 2015-11-01 to 2015-11-30"
	Actors []Swatch        // the actors with a colour of their own
	Other  bool            // some events have an actor without a colour of their own
	Shapes []overlay.Shape // the shapes in use
}

// legend draws the legend in the top-left corner on a light panel.
// Swatch is one actor in the legend with its colour, an index into overlay.Palette.
type Swatch struct {
	Name  string
	Color int
}

func (f *furniture) legend(dst *image.RGBA, l *Legend) {
	s := f.scale
	line := 16 * s
	type row struct {
		color color.NRGBA
		shape overlay.Shape
		text  string
	}
	var rows []row
	for _, a := range l.Actors {
		rows = append(rows, row{overlay.ColorOf(a.Color), overlay.ShapeCircle, a.Name})
	}
	if l.Other {
		rows = append(rows, row{overlay.OtherColor, overlay.ShapeCircle, "other actors"})
	}
	for _, sh := range l.Shapes {
		rows = append(rows, row{hairline, sh, sh.String()})
	}
	w := paint.Measure(f.bold, l.Title)
	for _, r := range rows {
		w = max(w, 22*s+paint.Measure(f.small, r.text))
	}
	x0, y0 := 10*s, 10*s
	h := line*float64(len(rows)) + 14*s
	if l.Title != "" {
		h += line
	}
	f.path.Polygon(x0, y0, x0+w+16*s, y0, x0+w+16*s, y0+h, x0, y0+h)
	f.painter.Fill(dst, &f.path, panel)
	y := y0 + 8*s
	if l.Title != "" {
		paint.Text(dst, f.bold, l.Title, x0+8*s, y+11*s, ink, nil, 0)
		y += line
	}
	for _, r := range rows {
		overlay.Symbol(f.painter, &f.path, dst, r.shape, r.color, x0+15*s, y+line/2, s)
		paint.Text(dst, f.small, r.text, x0+26*s, y+line/2+4*s, ink, nil, 0)
		y += line
	}
}
