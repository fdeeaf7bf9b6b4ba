// Package data holds Strikemap's event store: the model of events, claims and
// sources, the SQLite/GeoPackage database, and the tools that fill and check it.
package data

import "github.com/paulmach/orb"

// Event is one strike, salvo or day of strikes on one place, with every claim about it.
type Event struct {
	ID            int64 // row id in the database; 0 before it is stored
	UID           string
	DateStart     Date
	DateEnd       Date // zero when the event has a single date
	DatePrecision DatePrecision
	Location      orb.Point // lon, lat (WGS84)
	GeoPrecision  GeoPrecision
	Place         string
	Admin1        string
	Country       string
	Actor         string // the striking party
	TargetType    string
	Weapon        string
	Origin        *Origin // launch point, when known
	Summary       string
	Status        Status
	Killed        Range // derived from Claims by Derive
	Civilians     Range // derived from Claims by Derive
	Claims        []Claim
}

// Origin is where a strike was launched from: a ship, a base, a launch site.
type Origin struct {
	Point orb.Point // lon, lat
	Name  string
}

// Range is the span of figures the claims about an event give; unknown ends are unknown Counts.
type Range struct {
	Min, Max Count
}

// Claim is one statement about one event by one claimant, found in one source.
type Claim struct {
	ID         int64
	EventID    int64
	Source     Source
	Claimant   string // who makes the claim, which may differ from the publisher
	Stance     Stance
	Text       string
	Killed     Count
	Civilians  Count
	Combatants Count
	Injured    Count
	ClaimedOn  Date
}

// Source is where a claim was published.
type Source struct {
	ID        int64
	Publisher string
	Title     string
	URL       string // empty when the source gives none; never invented
	Published Date
	Author    string
	Language  string
}

// Lat returns the event's latitude.
func (e *Event) Lat() float64 { return e.Location.Lat() }

// Lon returns the event's longitude.
func (e *Event) Lon() float64 { return e.Location.Lon() }

// LastDate returns the last day the event may have happened on.
func (e *Event) LastDate() Date {
	if e.DateEnd.IsZero() {
		return e.DateStart
	}
	return e.DateEnd
}

// Derive sets the event's casualty ranges from its claims, so they never drift apart.
func (e *Event) Derive() {
	e.Killed, e.Civilians = Range{}, Range{}
	for _, c := range e.Claims {
		e.Killed.add(c.Killed)
		e.Civilians.add(c.Civilians)
	}
}

func (r *Range) add(c Count) {
	n, ok := c.Get()
	if !ok {
		return
	}
	if lo, ok := r.Min.Get(); !ok || n < lo {
		r.Min = Known(n)
	}
	if hi, ok := r.Max.Get(); !ok || n > hi {
		r.Max = Known(n)
	}
}
