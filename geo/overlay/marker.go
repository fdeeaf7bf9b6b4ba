// Package overlay is the event layer drawn over the basemap: markers coloured by actor and
// shaped by target type, uncertainty rings, launch lines, cluster bubbles, and the
// hit-testing that turns a pixel back into an event or a cluster.
package overlay

import "github.com/paulmach/orb"

// Marker is one event as the overlay draws it.
type Marker struct {
	ID        int64     // the event's id, handed back by hit-testing
	At        orb.Point // longitude, latitude
	Color     int       // index into Palette; Other for actors without a colour of their own
	Shape     Shape
	RadiusM   float64   // uncertainty radius in metres: drawn as a ring where larger than the symbol
	Origin    orb.Point // launch point, when HasOrigin
	HasOrigin bool
}
