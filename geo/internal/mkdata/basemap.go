package main

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/strikemap/strikemap/geo/internal/shapes"
)

// writeBasemap converts one world-atlas countries file, which holds both
// the countries and the land merged from them on one topology, so the
// borders end exactly on the coast.
func writeBasemap(w io.Writer, path string) error {
	t, err := readTopology(path)
	if err != nil {
		return err
	}
	f := &shapes.File{Scale: t.Transform.Scale, Translate: t.Transform.Translate}
	land, ok := t.Objects["land"]
	if !ok {
		return fmt.Errorf("%s: no land object", path)
	}
	for _, g := range land.Geometries {
		polys, err := g.polygons()
		if err != nil {
			return fmt.Errorf("%s: land: %w", path, err)
		}
		for _, poly := range polys {
			for i, refs := range poly {
				r, err := t.ring(refs)
				if err != nil {
					return fmt.Errorf("%s: land: %w", path, err)
				}
				// Outer rings one way, holes the other, whatever the
				// source did: the renderer fills by non-zero winding.
				if area(r) == 0 {
					continue // Natural Earth has slivers along the map's bottom edge
				}
				if (area(r) > 0) != (i == 0) {
					slices.Reverse(r)
				}
				f.Land = append(f.Land, wrapped(r, t.Transform.Scale[0], true)...)
			}
		}
	}

	countries, ok := t.Objects["countries"]
	if !ok {
		return fmt.Errorf("%s: no countries object", path)
	}
	// An arc used by two different countries is a border; one used by a
	// single country is its coast (or, for Russia and Fiji, a cut along the
	// antimeridian, which is not drawn).
	users := map[int]map[int]bool{}
	for gi, g := range countries.Geometries {
		polys, err := g.polygons()
		if err != nil {
			return fmt.Errorf("%s: countries: %w", path, err)
		}
		var best []shapes.Point
		for _, poly := range polys {
			for ri, refs := range poly {
				for _, ref := range refs {
					i := arcIndex(ref)
					if i >= len(t.Arcs) {
						return fmt.Errorf("%s: arc %d out of range", path, i)
					}
					if users[i] == nil {
						users[i] = map[int]bool{}
					}
					users[i][gi] = true
				}
				if ri == 0 {
					r, err := t.ring(refs)
					if err != nil {
						return fmt.Errorf("%s: countries: %w", path, err)
					}
					if math.Abs(area(r)) > math.Abs(area(best)) {
						best = r
					}
				}
			}
		}
		if g.Properties.Name != "" && len(best) > 2 {
			f.Labels = append(f.Labels, shapes.Label{
				Name: g.Properties.Name,
				At:   labelPoint(best),
				Area: math.Abs(area(best)) * t.Transform.Scale[0] * t.Transform.Scale[1],
			})
		}
	}
	for i := range t.Arcs {
		if len(users[i]) >= 2 {
			f.Borders = append(f.Borders, wrapped(t.line(i), t.Transform.Scale[0], false)...)
		}
	}
	slices.SortStableFunc(f.Labels, func(a, b shapes.Label) int {
		return cmp.Or(cmp.Compare(b.Area, a.Area), cmp.Compare(a.Name, b.Name))
	})
	return shapes.Encode(w, f)
}

// area is twice the signed area of a ring in grid units (shoelace).
func area(r []shapes.Point) float64 {
	var a float64
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		a += float64(p.X)*float64(q.Y) - float64(q.X)*float64(p.Y)
	}
	return a
}

// labelPoint finds a point well inside a ring for its name: of a 48×48
// sample of its bounding box, the inside point farthest from the outline.
// The centroid would do for compact countries but falls outside crescents
// and coasts such as Chile's or Norway's.
func labelPoint(r []shapes.Point) shapes.Point {
	minX, minY, maxX, maxY := r[0].X, r[0].Y, r[0].X, r[0].Y
	for _, p := range r {
		minX, minY, maxX, maxY = min(minX, p.X), min(minY, p.Y), max(maxX, p.X), max(maxY, p.Y)
	}
	const n = 48
	best, bestD := r[0], -1.0
	for i := range n {
		for j := range n {
			x := float64(minX) + (float64(i)+0.5)*float64(maxX-minX)/n
			y := float64(minY) + (float64(j)+0.5)*float64(maxY-minY)/n
			if !inside(r, x, y) {
				continue
			}
			if d := edgeDistance(r, x, y); d > bestD {
				best, bestD = shapes.Point{X: int32(math.Round(x)), Y: int32(math.Round(y))}, d
			}
		}
	}
	return best
}

func inside(r []shapes.Point, x, y float64) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		xi, yi, xj, yj := float64(r[i].X), float64(r[i].Y), float64(r[j].X), float64(r[j].Y)
		if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
			in = !in
		}
	}
	return in
}

func edgeDistance(r []shapes.Point, x, y float64) float64 {
	d := math.Inf(1)
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		ax, ay, bx, by := float64(r[j].X), float64(r[j].Y), float64(r[i].X), float64(r[i].Y)
		dx, dy := bx-ax, by-ay
		t := 0.0
		if l := dx*dx + dy*dy; l > 0 {
			t = max(0, min(1, ((x-ax)*dx+(y-ay)*dy)/l))
		}
		ex, ey := ax+t*dx-x, ay+t*dy-y
		d = min(d, ex*ex+ey*ey)
	}
	return math.Sqrt(d)
}

// wrapped makes a line that crosses the antimeridian drawable on a flat
// map. world-atlas is made for d3-geo, which cuts lines at ±180° as it
// projects, so Chukotka, Wrangel Island and Fiji come as rings that jump
// from 180° to -180°; drawn flat, such a ring spans the whole world. The
// line is unwrapped to run on past 180° (or -180°), and a copy shifted by
// 360° is added for the part that shows on the other side. A ring that
// goes round a pole (Antarctica) cannot be unwrapped into a closed ring and
// is kept as it is; its edge along ±180° is not drawn as coast.
func wrapped(l []shapes.Point, lonScale float64, ring bool) [][]shapes.Point {
	full := int32(math.Round(360 / lonScale))
	out := slices.Clone(l)
	var shift int32
	crossed := false
	for i := 1; i < len(l); i++ {
		switch d := l[i].X - l[i-1].X; {
		case d > full/2:
			shift, crossed = shift-full, true
		case d < -full/2:
			shift, crossed = shift+full, true
		}
		out[i].X = l[i].X + shift
	}
	if !crossed {
		return [][]shapes.Point{l}
	}
	if ring && out[0] != out[len(out)-1] {
		return [][]shapes.Point{l}
	}
	lo, hi := out[0].X, out[0].X
	for _, p := range out {
		lo, hi = min(lo, p.X), max(hi, p.X)
	}
	res := [][]shapes.Point{out}
	for _, d := range []int32{full, -full} {
		if (d > 0 && lo < 0) || (d < 0 && hi > full) {
			c := slices.Clone(out)
			for i := range c {
				c[i].X += d
			}
			res = append(res, c)
		}
	}
	return res
}
