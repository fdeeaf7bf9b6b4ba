package data

import (
	"cmp"
	"context"
	"slices"

	"github.com/strikemap/strikemap/geo/overlay"
)

// Layer is a set of events in the form the map overlay draws, with the legend that
// goes with it: Markers[i] is Events[i], and Set holds the same markers sorted for the
// map (render.Map's Events).
type Layer struct {
	Events  []*Event
	Markers []overlay.Marker
	Set     *overlay.Set
	Actors  []string // the actors with a colour of their own, in palette order
	Invalid int      // events left out because they break the model's rules (see Check)
}

// NewLayer gives the most frequent actors the palette's colours, in order, and the rest
// the shared grey; "Unknown" is never given a colour, since it is no one.
func NewLayer(events []*Event) *Layer {
	counts := map[string]int{}
	for _, e := range events {
		if e.Actor != "" && e.Actor != "Unknown" {
			counts[e.Actor]++
		}
	}
	actors := make([]string, 0, len(counts))
	for a := range counts {
		actors = append(actors, a)
	}
	slices.SortFunc(actors, func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
	})
	if len(actors) > len(overlay.Palette) {
		actors = actors[:len(overlay.Palette)]
	}
	colour := map[string]int{}
	for i, a := range actors {
		colour[a] = i
	}
	l := &Layer{Events: events, Markers: make([]overlay.Marker, len(events)), Actors: actors}
	for i, e := range events {
		c, ok := colour[e.Actor]
		if !ok {
			c = overlay.Other
		}
		m := overlay.Marker{ID: e.ID, At: e.Location, Color: c, Shape: overlay.ShapeFor(e.TargetType),
			RadiusM: e.GeoPrecision.RadiusKm() * 1000}
		if e.Origin != nil {
			m.Origin, m.HasOrigin = e.Origin.Point, true
		}
		l.Markers[i] = m
	}
	l.Set = overlay.NewSet(l.Markers)
	return l
}

// Filtered returns the events of db that pass f, as a Layer. Events that break the
// model's rules, such as a latitude of 4239, are left out and counted in Invalid:
// a map cannot place them, and `strikedb check` names them.
func (db *DB) Filtered(ctx context.Context, f *Filter) (*Layer, error) {
	var events []*Event
	invalid := 0
	for e, err := range db.Events(ctx) {
		if e == nil {
			return nil, err
		}
		if err != nil || e.Validate() != nil {
			invalid++
			continue
		}
		if f.Match(e) {
			events = append(events, e)
		}
	}
	l := NewLayer(events)
	l.Invalid = invalid
	return l, nil
}
