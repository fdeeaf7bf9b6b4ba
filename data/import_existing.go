package data

import (
	"context"
	"fmt"
	"strings"
)

// The event stored under a uid, with its claims, and in a new database without them.
const (
	storedQuery      = eventsQuery + ` WHERE e.uid = ? ORDER BY c.id`
	storedEventQuery = `SELECT ` + eventOwnColumns + ` FROM events e WHERE e.uid = ?`
)

// otherValues words what differs between e, which Add left out because its uid is stored
// already, and the stored event: "" when they are the same. It runs only for such
// events, so a first import pays nothing for it.
//
// Claims are compared, their order aside, with those of an event stored before this
// Writer began. An event stored earlier by this Writer, that is a uid that comes twice in
// what is imported, is compared by its own columns only: a new database has no index of
// claims by event until its load ends, and finding them would read every claim. Its
// casualty ranges, taken from the claims, still show a change of figures.
func (w *Writer) otherValues(ctx context.Context, e *Event) (string, error) {
	stored, err := w.stored(ctx, e.UID)
	if err != nil {
		return "", fmt.Errorf("event %s: the stored one: %w", e.UID, err)
	}
	earlier := w.firstID != 0 && stored.ID >= w.firstID
	fields := differences(stored, e)
	if !earlier && !sameClaims(stored.Claims, e.Claims) {
		fields = append(fields, "claims")
	}
	switch {
	case len(fields) == 0:
		return "", nil
	case earlier:
		return fmt.Sprintf("event %s came earlier in this import with other values (%s); kept the first one",
			quoteValue(e.UID), strings.Join(fields, ", ")), nil
	}
	return fmt.Sprintf("event %s is stored already with other values (%s); kept the stored one",
		quoteValue(e.UID), strings.Join(fields, ", ")), nil
}

// stored reads the event stored under uid, with its claims unless the database is new.
// A stored value that breaks the model is read as far as it can be, and then differs;
// check names it.
func (w *Writer) stored(ctx context.Context, uid string) (*Event, error) {
	if w.storedEvent == nil {
		q := storedQuery
		if w.fresh {
			q = storedEventQuery
		}
		s, err := w.tx.PrepareContext(ctx, q)
		if err != nil {
			return nil, err
		}
		w.storedEvent = s
	}
	rows, err := w.storedEvent.QueryContext(ctx, uid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var e *Event
	err = readEvents(rows, !w.fresh, func(stored *Event, _ error) bool {
		e = stored
		return false
	})
	if err != nil {
		return nil, err
	}
	if e == nil {
		return nil, ErrNotFound // Add found the uid taken in this same transaction
	}
	return e, nil
}

// differences names the columns of the events table in which e differs from stored,
// the uid and the row's id and geometry aside.
func differences(stored, e *Event) []string {
	var out []string
	differ := func(name string, same bool) {
		if !same {
			out = append(out, name)
		}
	}
	var so, eo Origin
	if stored.Origin != nil {
		so = *stored.Origin
	}
	if e.Origin != nil {
		eo = *e.Origin
	}
	bothOrNone := (stored.Origin != nil) == (e.Origin != nil) // a missing origin is NULL, unlike any point
	differ("date_start", stored.DateStart == e.DateStart)
	differ("date_end", stored.DateEnd == e.DateEnd)
	differ("date_precision", stored.DatePrecision == e.DatePrecision)
	differ("lat", stored.Lat() == e.Lat())
	differ("lon", stored.Lon() == e.Lon())
	differ("geo_precision", stored.GeoPrecision == e.GeoPrecision)
	differ("place", stored.Place == e.Place)
	differ("admin1", stored.Admin1 == e.Admin1)
	differ("country", stored.Country == e.Country)
	differ("actor", stored.Actor == e.Actor)
	differ("target_type", stored.TargetType == e.TargetType)
	differ("weapon", stored.Weapon == e.Weapon)
	differ("origin_lat", bothOrNone && so.Point.Lat() == eo.Point.Lat())
	differ("origin_lon", bothOrNone && so.Point.Lon() == eo.Point.Lon())
	differ("origin_name", so.Name == eo.Name)
	differ("summary", stored.Summary == e.Summary)
	differ("status", stored.Status == e.Status)
	differ("killed_min", stored.Killed.Min == e.Killed.Min)
	differ("killed_max", stored.Killed.Max == e.Killed.Max)
	differ("civilians_min", stored.Civilians.Min == e.Civilians.Min)
	differ("civilians_max", stored.Civilians.Max == e.Civilians.Max)
	return out
}

// sameClaims reports whether a and b hold the same claims, each with its source, in
// any order: what a claim says, not the ids it was stored under.
func sameClaims(a, b []Claim) bool {
	if len(a) != len(b) {
		return false
	}
	values := func(c Claim) Claim {
		c.ID, c.EventID, c.Source.ID = 0, 0, 0
		return c
	}
	n := make(map[Claim]int, len(a))
	for _, c := range a {
		n[values(c)]++
	}
	for _, c := range b {
		k := values(c)
		if n[k] == 0 {
			return false
		}
		n[k]--
	}
	return true
}
