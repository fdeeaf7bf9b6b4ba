package data

import (
	"slices"

	"github.com/paulmach/orb"
)

// Filter is the set of conditions of CONTRACT.md's FILTERS, shared by strikedb and the
// desktop app's filter panel. The zero Filter matches every event.
type Filter struct {
	From, To   Date           // an event matches when its own date range overlaps From..To
	Actors     []string       // OR within the list; empty means any
	Targets    []string       // target types, OR within the list
	Statuses   []Status       // OR within the list
	Precisions []GeoPrecision // how well the place is known, OR within the list
	BBox       *orb.Bound     // longitude/latitude box, nil for anywhere
	Query      string         // words to find, as DB.Search finds them
}

// Match reports whether e passes every condition of f. Its Query test is DB.Search's,
// done on the event in memory, so that a filter means the same to strikedb, which reads
// whole events, and to the desktop app, which asks the search index.
func (f *Filter) Match(e *Event) bool {
	if !f.From.IsZero() && e.LastDate() < f.From {
		return false
	}
	if !f.To.IsZero() && e.DateStart > f.To {
		return false
	}
	if len(f.Actors) > 0 && !slices.Contains(f.Actors, e.Actor) {
		return false
	}
	if len(f.Targets) > 0 && !slices.Contains(f.Targets, e.TargetType) {
		return false
	}
	if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, e.Status) {
		return false
	}
	if len(f.Precisions) > 0 && !slices.Contains(f.Precisions, e.GeoPrecision) {
		return false
	}
	if f.BBox != nil && !f.BBox.Contains(e.Location) {
		return false
	}
	return f.Query == "" || matchesQuery(e, parseQuery(f.Query))
}
