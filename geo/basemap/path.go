package basemap

import (
	"math"

	"github.com/strikemap/strikemap/geo/paint"
)

// frame maps the world grid to the pixels of one tile.
type frame struct {
	k      float64 // pixels per grid unit
	ox, oy float64 // pixel position of the grid origin, negated
	size   int     // tile edge in pixels
	scale  float64 // device scale: line widths and text grow with it
}

func newFrame(z, x, y int, size int, scale float64) frame {
	k := float64(size) * math.Exp2(float64(z)) / gridSize
	return frame{k: k, ox: float64(x * size), oy: float64(y * size), size: size, scale: scale}
}

func (f frame) px(p pt) (float64, float64) {
	return float64(p.X)*f.k - f.ox, float64(p.Y)*f.k - f.oy
}

// clip is the tile on the grid, grown by margin pixels, so shapes and
// strokes just outside it still draw their edge pixels.
func (f frame) clip(margin float64) box {
	g := func(v float64) int32 { return int32(max(math.MinInt32, min(math.MaxInt32, v/f.k))) }
	return box{
		g(f.ox - margin), g(f.oy - margin),
		g(f.ox + float64(f.size) + margin), g(f.oy + float64(f.size) + margin),
	}
}

// fill adds the rings that reach the tile to path. A chunk whose
// box misses the tile lies wholly beyond one of the tile's four edges;
// replacing it by the straight line between its ends changes nothing
// inside the tile (the shortcut stays beyond the same edge), so a z12
// tile on the coast of Eurasia visits a few points per chunk rather than
// every vertex of the continent. What is left is clipped to the tile.
func (f frame) fill(path *paint.Path, c *clipper, buf []fpt, rings []line) []fpt {
	clip := f.clip(1)
	for i := range rings {
		r := &rings[i]
		if !r.bbox.overlaps(clip) {
			continue
		}
		buf = buf[:0]
		x, y := f.px(r.pts[0])
		buf = append(buf, fpt{x, y})
		for _, ch := range r.chunks {
			lo := ch.hi
			if ch.bbox.overlaps(clip) {
				lo = ch.lo + 1
			}
			for _, p := range r.pts[lo : ch.hi+1] {
				x, y := f.px(p)
				buf = append(buf, fpt{x, y})
			}
		}
		ring := c.clip(buf, -1, float64(f.size)+1)
		if len(ring) == 0 {
			continue
		}
		path.MoveTo(ring[0].X, ring[0].Y)
		for _, p := range ring[1:] {
			path.LineTo(p.X, p.Y)
		}
		path.Close()
	}
	return buf
}

// stroke adds lines of the given pixel width to path, dashed
// when on > 0 (on pixels drawn, off skipped, phase measured from each
// line's start so dashes continue across tile edges). skip drops segments
// that are not meant to be seen, such as the antimeridian cut.
func (f frame) stroke(path *paint.Path, lines []line, width, on, off float64, skip func(a, b pt) bool) {
	c := f.clip(width + 1)
	for i := range lines {
		l := &lines[i]
		if !l.bbox.overlaps(c) {
			continue
		}
		for _, ch := range l.chunks {
			if !ch.bbox.overlaps(c) {
				continue
			}
			dist := ch.dist * f.k
			for j := ch.lo; j < ch.hi; j++ {
				a, b := l.pts[j], l.pts[j+1]
				ax, ay := f.px(a)
				bx, by := f.px(b)
				n := math.Hypot(bx-ax, by-ay)
				// The length must grow as newLine measured it, in grid units,
				// or the dash phase would drift from the next chunk's start.
				seg := math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y)) * f.k
				if n > 0 && (skip == nil || !skip(a, b)) {
					// Clip to the tile grown by the width, moving the dash
					// phase on by whatever was cut from the start.
					if t0, t1, ok := clipSegment(ax, ay, bx, by, -width-1, float64(f.size)+width+1); ok {
						ax, ay, bx, by = ax+(bx-ax)*t0, ay+(by-ay)*t0, ax+(bx-ax)*t1, ay+(by-ay)*t1
						if on <= 0 {
							path.Segment(ax, ay, bx, by, width, true)
						} else {
							path.DashedAt(ax, ay, bx, by, width, on, off, dist+seg*t0)
						}
					}
				}
				dist += seg
			}
		}
	}
}

// clipSegment returns the part of a→b inside [lo, hi]² as fractions
// t0 ≤ t1 along it (Liang–Barsky), or false if none is.
func clipSegment(ax, ay, bx, by, lo, hi float64) (t0, t1 float64, ok bool) {
	t0, t1 = 0, 1
	dx, dy := bx-ax, by-ay
	for _, e := range [4][2]float64{{-dx, ax - lo}, {dx, hi - ax}, {-dy, ay - lo}, {dy, hi - ay}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, false
			}
			continue
		}
		r := q / p
		if p < 0 {
			t0 = max(t0, r)
		} else {
			t1 = min(t1, r)
		}
	}
	return t0, t1, t0 < t1
}
