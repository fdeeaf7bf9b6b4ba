package data

import (
	"context"
	"math"

	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/overlay"
	"github.com/strikemap/strikemap/geo/render"
)

// Subset is the rows of an Index that a filter keeps: what a map draws. It is a
// render.Events, so `strikedb render` and the desktop map draw it the same way.
type Subset struct {
	*Index
	Sel []uint64 // the rows kept, as a bitset; nil keeps every row
}

// Subset evaluates f over ix: the text search in the database, the rest in memory.
func (db *DB) Subset(ctx context.Context, ix *Index, f *Filter) (Subset, error) {
	var text []int64
	if f.Query != "" {
		var err error
		if text, err = db.Search(ctx, f.Query); err != nil {
			return Subset{}, err
		}
	}
	return Subset{Index: ix, Sel: ix.Select(f, text, nil)}, nil
}

// Points returns the positions of every row, in row order.
func (s Subset) Points() *cluster.Points { return &s.Index.Points }

// Selection returns the rows kept.
func (s Subset) Selection() []uint64 { return s.Sel }

// Has reports whether row r is kept.
func (s Subset) Has(r int) bool { return s.Sel == nil || s.Sel[r/64]&(1<<(r%64)) != 0 }

// Bound returns the box around the rows kept; false when none is.
func (s Subset) Bound() (orb.Bound, bool) {
	b := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	found := false
	for r := range s.Len() {
		if s.Has(r) {
			b, found = b.Extend(orb.Point{s.Lon[r], s.Lat[r]}), true
		}
	}
	return b, found
}

// Legend describes the colours and shapes of the rows kept, under title.
func (s Subset) Legend(title string) *render.Legend {
	usedActor := make([]bool, len(s.Actors))
	usedShape := map[overlay.Shape]bool{}
	for r := range s.Len() {
		if s.Has(r) {
			usedActor[s.Actor[r]] = true
			usedShape[s.targetShapes[s.Target[r]]] = true
		}
	}
	l := &render.Legend{Title: title}
	for i, used := range usedActor {
		switch c := s.ActorColor(i); {
		case !used:
		case c == overlay.Other:
			l.Other = true
		default:
			l.Actors = append(l.Actors, render.Swatch{Name: s.Actors[i], Color: c})
		}
	}
	for sh := overlay.ShapeRing; sh <= overlay.ShapeStar; sh++ {
		if usedShape[sh] {
			l.Shapes = append(l.Shapes, sh)
		}
	}
	return l
}
