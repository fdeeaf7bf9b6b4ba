package overlay

import (
	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/view"
)

// Source gives the overlay the marker of a row of the points it clusters.
type Source interface {
	Marker(row int) Marker
}

// Set is a small in-memory Source for a []Marker, for strikedb render and tests: its
// markers sorted by their Key, so that row r of Points is Marker(r). Every marker is
// selected. The desktop app's index plays the same part for a million events.
type Set struct {
	markers []Marker
	points  cluster.Points
}

// NewSet returns the markers of ms sorted by Key; ms itself is left as it was.
func NewSet(ms []Marker) *Set {
	xs, ys := make([]float64, len(ms)), make([]float64, len(ms))
	for i := range ms {
		xs[i], ys[i] = view.WorldXY(ms[i].At)
	}
	p, perm := cluster.NewPoints(xs, ys)
	s := &Set{markers: make([]Marker, len(ms)), points: p}
	for r, i := range perm {
		s.markers[r] = ms[i]
	}
	return s
}

// Len returns the number of markers.
func (s *Set) Len() int { return len(s.markers) }

// Marker returns the marker of row, or the zero Marker for a row out of range.
func (s *Set) Marker(row int) Marker {
	if row < 0 || row >= len(s.markers) {
		return Marker{}
	}
	return s.markers[row]
}

// Points returns the markers' positions, in row order.
func (s *Set) Points() *cluster.Points { return &s.points }

// Selection returns nil: a Set shows all its markers.
func (s *Set) Selection() []uint64 { return nil }
