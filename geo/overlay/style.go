package overlay

import "image/color"

// Palette holds the actor colours: Okabe and Ito's set, distinguishable with the common
// colour-vision deficiencies, ordered so that the most frequent actors get the most
// distinct hues. Actors beyond it share Other.
var Palette = []color.NRGBA{
	{0xD5, 0x5E, 0x00, 0xff}, // vermillion
	{0x00, 0x72, 0xB2, 0xff}, // blue
	{0x00, 0x9E, 0x73, 0xff}, // bluish green
	{0xE6, 0x9F, 0x00, 0xff}, // orange
	{0xCC, 0x79, 0xA7, 0xff}, // reddish purple
	{0x56, 0xB4, 0xE9, 0xff}, // sky blue
	{0xF0, 0xE4, 0x42, 0xff}, // yellow
}

// Other is the colour index, past Palette, of actors without a colour of their own.
const Other = -1

// OtherColor is the colour of actors beyond the palette.
var OtherColor = color.NRGBA{0x70, 0x70, 0x70, 0xff}

// ColorOf returns the colour of a palette index, or OtherColor.
func ColorOf(i int) color.NRGBA {
	if i < 0 || i >= len(Palette) {
		return OtherColor
	}
	return Palette[i]
}

// Shape is a marker's outline, standing for a group of target types.
type Shape uint8

// The shapes, one per group of target types.
const (
	ShapeRing     Shape = iota // unknown or other targets: a hollow circle
	ShapeCircle                // people: markets, residential areas
	ShapeSquare                // infrastructure: bridges, oil facilities, power, water
	ShapeTriangle              // military positions and camps
	ShapeDiamond               // convoys and vehicles
	ShapeStar                  // command centres and weapons depots
)

// shapeNames name the shapes in the legend.
var shapeNames = [...]string{"other or unknown target", "people (market, residential)",
	"infrastructure", "military position", "convoy", "command or depot"}

// String names the group of targets the shape stands for.
func (s Shape) String() string {
	if int(s) < len(shapeNames) {
		return shapeNames[s]
	}
	return "?"
}

// targetShapes maps the project's target types to their shapes.
var targetShapes = map[string]Shape{
	"market": ShapeCircle, "residential area": ShapeCircle,
	"infrastructure": ShapeSquare, "bridge": ShapeSquare, "oil facility": ShapeSquare,
	"military position": ShapeTriangle, "training camp": ShapeTriangle,
	"convoy":         ShapeDiamond,
	"command centre": ShapeStar, "weapons depot": ShapeStar,
}

// ShapeFor returns the shape of a target type; types it does not know get ShapeRing.
func ShapeFor(target string) Shape {
	if s, ok := targetShapes[target]; ok {
		return s
	}
	return ShapeRing
}
