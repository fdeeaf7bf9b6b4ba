package data

// DatePrecision says how well an event's date is known.
type DatePrecision string

// The date precisions of CONTRACT.md.
const (
	DateDay   DatePrecision = "day"   // the exact day
	DateRange DatePrecision = "range" // some day between date_start and date_end
	DateWeek  DatePrecision = "week"  // only the week is known
	DateMonth DatePrecision = "month" // only the month is known
	DateYear  DatePrecision = "year"  // only the year is known
)

// DatePrecisions lists every DatePrecision, most precise first.
var DatePrecisions = []DatePrecision{DateDay, DateRange, DateWeek, DateMonth, DateYear}

// GeoPrecision says how well an event's place is known.
type GeoPrecision string

// The geo precisions of CONTRACT.md.
const (
	GeoExact    GeoPrecision = "exact"    // a site
	GeoTown     GeoPrecision = "town"     // a named town or city
	GeoDistrict GeoPrecision = "district" // near a town, or part of a region
	GeoProvince GeoPrecision = "province" // only the province; the point is its capital or centroid
	GeoCountry  GeoPrecision = "country"  // only the country
)

// GeoPrecisions lists every GeoPrecision, most precise first.
var GeoPrecisions = []GeoPrecision{GeoExact, GeoTown, GeoDistrict, GeoProvince, GeoCountry}

// RadiusKm is the rough radius of uncertainty a precision stands for, used to draw it.
func (g GeoPrecision) RadiusKm() float64 {
	switch g {
	case GeoExact:
		return 0.1
	case GeoTown:
		return 5
	case GeoDistrict:
		return 25
	case GeoProvince:
		return 100
	case GeoCountry:
		return 400
	}
	return 0
}

// Status is an event's assessment on Airwars' strike-status scale.
type Status string

// The statuses of CONTRACT.md.
const (
	StatusDeclared     Status = "declared"      // the striking party says it struck
	StatusLikely       Status = "likely"        // well supported, not declared
	StatusContested    Status = "contested"     // competing claims of who struck
	StatusAlleged      Status = "alleged"       // others say so; the striker is silent or denies
	StatusSingleSource Status = "single-source" // one source only
)

// Statuses lists every Status.
var Statuses = []Status{StatusDeclared, StatusLikely, StatusContested, StatusAlleged, StatusSingleSource}

// Stance is what kind of statement a claim is.
type Stance string

// The stances of CONTRACT.md.
const (
	StanceClaims  Stance = "claims"  // a party asserts, e.g. a ministry statement
	StanceReports Stance = "reports" // a third party observes or counts
	StanceDenies  Stance = "denies"  // a party denies
	StanceDoubts  Stance = "doubts"  // e.g. "cannot independently verify"
)

// Stances lists every Stance.
var Stances = []Stance{StanceClaims, StanceReports, StanceDenies, StanceDoubts}

// Valid reports whether p is in the vocabulary.
func (p DatePrecision) Valid() bool { return member(p, DatePrecisions) }

// Valid reports whether g is in the vocabulary.
func (g GeoPrecision) Valid() bool { return member(g, GeoPrecisions) }

// Valid reports whether s is in the vocabulary.
func (s Status) Valid() bool { return member(s, Statuses) }

// Valid reports whether s is in the vocabulary.
func (s Stance) Valid() bool { return member(s, Stances) }

func member[T comparable](v T, set []T) bool {
	for _, x := range set {
		if x == v {
			return true
		}
	}
	return false
}

// vocabError names the field, the bad value and the values allowed.
func vocabError[T ~string](field string, v T, set []T) error {
	return invalidf("%s %s is not one of %v", field, quoteValue(string(v)), set)
}
