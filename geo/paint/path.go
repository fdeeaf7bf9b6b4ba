// Package paint draws vector shapes and haloed text into *image.RGBA: the few primitives
// the basemap, the event overlay and the renderer's furniture (scale bar, legend,
// attribution) all need, written once.
package paint

import "math"

// Path is a recorded vector shape. Filling replays it into a rasterizer the size of its
// bounds only, so a small shape on a large image costs its own pixels, not the image's.
type Path struct {
	ops                    []op
	minX, minY, maxX, maxY float64
	bounded                bool // the bounds hold at least one point
}

type opKind uint8

const (
	moveTo opKind = iota
	lineTo
	cubeTo
	closePath
)

type op struct {
	kind opKind
	p    [3][2]float64
}

// Reset empties p, keeping its memory.
func (p *Path) Reset() {
	p.ops, p.bounded = p.ops[:0], false
}

// Empty reports whether p has nothing to fill.
func (p *Path) Empty() bool { return len(p.ops) == 0 }

func (p *Path) grow(x, y float64) {
	if !p.bounded {
		p.minX, p.minY, p.maxX, p.maxY, p.bounded = x, y, x, y, true
		return
	}
	p.minX, p.minY = math.Min(p.minX, x), math.Min(p.minY, y)
	p.maxX, p.maxY = math.Max(p.maxX, x), math.Max(p.maxY, y)
}

// MoveTo starts a new sub-path at x, y.
func (p *Path) MoveTo(x, y float64) {
	p.grow(x, y)
	p.ops = append(p.ops, op{kind: moveTo, p: [3][2]float64{{x, y}}})
}

// LineTo adds a straight edge to x, y.
func (p *Path) LineTo(x, y float64) {
	p.grow(x, y)
	p.ops = append(p.ops, op{kind: lineTo, p: [3][2]float64{{x, y}}})
}

// CubeTo adds a cubic Bézier through control points 1 and 2 to x, y.
func (p *Path) CubeTo(x1, y1, x2, y2, x, y float64) {
	p.grow(x1, y1)
	p.grow(x2, y2)
	p.grow(x, y)
	p.ops = append(p.ops, op{kind: cubeTo, p: [3][2]float64{{x1, y1}, {x2, y2}, {x, y}}})
}

// Close closes the current sub-path.
func (p *Path) Close() { p.ops = append(p.ops, op{kind: closePath}) }

// Circle adds a disc of radius r around x, y; reverse winds it the other way, which cuts
// a hole where it lies inside a shape wound the usual way.
func (p *Path) Circle(x, y, r float64, reverse bool) {
	// Four cubic Béziers with the usual 0.5523 handle are a circle to within 0.03%.
	const k = 0.5522847498
	s := 1.0
	if reverse {
		s = -1
	}
	p.MoveTo(x+r, y)
	p.CubeTo(x+r, y+s*r*k, x+r*k, y+s*r, x, y+s*r)
	p.CubeTo(x-r*k, y+s*r, x-r, y+s*r*k, x-r, y)
	p.CubeTo(x-r, y-s*r*k, x-r*k, y-s*r, x, y-s*r)
	p.CubeTo(x+r*k, y-s*r, x+r, y-s*r*k, x+r, y)
	p.Close()
}

// Ring adds a circle outline of the given width centred on radius r.
func (p *Path) Ring(x, y, r, width float64) {
	p.Circle(x, y, r+width/2, false)
	if inner := r - width/2; inner > 0 {
		p.Circle(x, y, inner, true)
	}
}

// Polygon adds the closed polygon through pts, given as x, y pairs.
func (p *Path) Polygon(pts ...float64) {
	for i := 0; i+1 < len(pts); i += 2 {
		if i == 0 {
			p.MoveTo(pts[0], pts[1])
		} else {
			p.LineTo(pts[i], pts[i+1])
		}
	}
	p.Close()
}

// Segment adds the rectangle of the given width around a→b, always wound the same way so
// overlapping pieces add up. With caps it reaches width/2 past both ends, filling joints.
func (p *Path) Segment(ax, ay, bx, by, width float64, caps bool) {
	n := math.Hypot(bx-ax, by-ay)
	if n == 0 {
		return
	}
	dx, dy := (bx-ax)/n*width/2, (by-ay)/n*width/2
	if caps {
		ax, ay, bx, by = ax-dx, ay-dy, bx+dx, by+dy
	}
	p.Polygon(ax-dy, ay+dx, bx-dy, by+dx, bx+dy, by-dx, ax+dy, ay-dx)
}

// Dashed adds a→b as dashes of length on separated by gaps of length off.
func (p *Path) Dashed(ax, ay, bx, by, width, on, off float64) {
	p.DashedAt(ax, ay, bx, by, width, on, off, 0)
}

// DashedAt is Dashed with the pattern already phase along at a, so that the dashes of a
// polyline drawn segment by segment, or across tile edges, run on without a restart.
func (p *Path) DashedAt(ax, ay, bx, by, width, on, off, phase float64) {
	if !(on > 0) {
		return
	}
	if !(off > 0) {
		p.Segment(ax, ay, bx, by, width, false)
		return
	}
	n := math.Hypot(bx-ax, by-ay)
	period := on + off
	// t is where a dash starts, the first one before a when the phase falls inside it.
	t := -math.Mod(phase, period)
	if t > 0 {
		t -= period
	}
	for ; t < n; t += period {
		start, end := math.Max(t, 0), math.Min(n, t+on)
		if start < end {
			p.Segment(ax+(bx-ax)*start/n, ay+(by-ay)*start/n, ax+(bx-ax)*end/n, ay+(by-ay)*end/n, width, false)
		}
	}
}
