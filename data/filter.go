package data

import (
	"slices"
	"strings"

	"github.com/paulmach/orb"
)

// Filter is the set of conditions of CONTRACT.md's FILTERS, shared by strikedb and the
// desktop app's filter panel. The zero Filter matches every event.
type Filter struct {
	From, To Date       // an event matches when its own date range overlaps From..To
	Actors   []string   // OR within the list; empty means any
	Targets  []string   // target types, OR within the list
	Statuses []Status   // OR within the list
	BBox     *orb.Bound // longitude/latitude box, nil for anywhere
	Query    string     // words that must all appear in the summary, place or a claim's text
}

// Match reports whether e passes every condition of f.
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
	if f.BBox != nil && !f.BBox.Contains(e.Location) {
		return false
	}
	return f.Query == "" || matchesWords(e, f.Query)
}

// matchesWords looks for every word of q, case-folded, in the event's searchable text.
func matchesWords(e *Event, q string) bool {
	var b strings.Builder
	b.WriteString(e.Summary)
	b.WriteByte('\n')
	b.WriteString(e.Place)
	for _, c := range e.Claims {
		b.WriteByte('\n')
		b.WriteString(c.Text)
		b.WriteByte('\n')
		b.WriteString(c.Claimant)
	}
	text := strings.ToLower(b.String())
	for _, w := range strings.Fields(strings.ToLower(q)) {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}
