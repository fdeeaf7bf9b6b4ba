package data

import (
	"math/bits"

	"github.com/paulmach/orb"
	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/overlay"
	"github.com/strikemap/strikemap/geo/view"
)

// Index holds what the map, the filter panel and the timeline need of every event, one
// column per field, in the rows of Points: sorted along the cluster key, so that a
// quadtree cell is a run of rows and a filter is a bitset over rows (see Select).
// It is built by LoadIndex and never changed after, so it may be read from any goroutine.
type Index struct {
	Points           cluster.Points // row order of every column
	ID               []int64
	Lon, Lat         []float64 // exactly as stored, for the map's markers and the BBox filter
	Start, End       []Date    // End is the event's LastDate
	Actor            []uint16  // into Actors
	Target           []uint16  // into Targets
	Status           []uint8   // into Statuses
	Prec             []uint8   // into GeoPrecisions
	Killed           []int32   // killed_max, else killed_min; -1 when unknown
	OriginX, OriginY []float32 // world coordinates of the launch point; NaN for none
	Place            []uint32  // into Places
	Actors, Targets  []string  // the values seen, most frequent first; "Unknown" and "" last
	Places           []string  // the place names seen, most frequent first
	Invalid          int       // rows left out: unreadable, or breaking the model's rules
	MinDate, MaxDate Date      // the first Start and the last End; zero when empty
	rowOf            []int32   // row of id-firstID, -1 for none, when ids are dense enough
	firstID          int64
	sortedIDs        []int64 // otherwise: ids ascending,
	idRows           []int32 // with their rows
	targetShapes     []overlay.Shape
}

// Len returns the number of events indexed.
func (ix *Index) Len() int { return len(ix.ID) }

// Row returns the row of the event with the given id, if indexed.
func (ix *Index) Row(id int64) (int, bool) {
	if ix.rowOf != nil {
		i := id - ix.firstID
		if i < 0 || i >= int64(len(ix.rowOf)) || ix.rowOf[i] < 0 {
			return 0, false
		}
		return int(ix.rowOf[i]), true
	}
	lo, hi := 0, len(ix.sortedIDs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ix.sortedIDs[m] < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ix.sortedIDs) && ix.sortedIDs[lo] == id {
		return int(ix.idRows[lo]), true
	}
	return 0, false
}

// ActorColor returns the palette colour of Actors[i]: the first len(overlay.Palette)
// actors have one each, except "Unknown" and the empty actor, which are no one; the
// others share overlay.Other.
func (ix *Index) ActorColor(i int) int {
	if i < 0 || i >= len(overlay.Palette) || i >= len(ix.Actors) || isNoActor(ix.Actors[i]) {
		return overlay.Other
	}
	return i
}

// isNoActor reports whether an actor value names no one.
func isNoActor(a string) bool { return a == "" || a == "Unknown" }

// Marker returns the event of a row as the map overlay draws it.
func (ix *Index) Marker(row int) overlay.Marker {
	m := overlay.Marker{
		ID:      ix.ID[row],
		At:      orb.Point{ix.Lon[row], ix.Lat[row]},
		Color:   ix.ActorColor(int(ix.Actor[row])),
		Shape:   ix.targetShapes[ix.Target[row]],
		RadiusM: GeoPrecisions[ix.Prec[row]].RadiusKm() * 1000,
	}
	if ox := ix.OriginX[row]; ox == ox { // not NaN
		m.Origin, m.HasOrigin = view.FromWorldXY(float64(ox), float64(ix.OriginY[row])), true
	}
	return m
}

// Count returns how many rows sel selects; a nil sel selects them all.
func (ix *Index) Count(sel []uint64) int {
	if sel == nil {
		return ix.Len()
	}
	n := 0
	for _, w := range sel {
		n += bits.OnesCount64(w)
	}
	return n
}
