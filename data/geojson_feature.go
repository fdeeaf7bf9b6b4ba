package data

import "github.com/paulmach/orb"

// featureReader reads one feature into a row: values of the wrong kind are problems of
// the row, and only JSON that is not JSON is an error.
type featureReader struct {
	s                 *jsonScanner
	r                 *row
	typ, id, geomType string
	at                orb.Point
	hasAt             bool
	geomBad           bool // the geometry is not a Point [lon, lat], and the row says so
	coordsBad         bool // the coordinates are not [lon, lat]
	lat, lon          float64
	hasLat, hasLon    bool
	origin            orb.Point
	hasOrigin         bool
	originName        string
}

func (f *featureReader) feature() error {
	if c := f.s.peek(); c != '{' {
		f.r.invalid("a feature is %s, want an object", f.s.describe(c))
		return f.s.skip()
	}
	err := f.s.object(func(key []byte) error {
		switch string(key) {
		case "type":
			return f.text("type", &f.typ)
		case "id":
			if c := f.s.peek(); c == '-' || c >= '0' && c <= '9' {
				b, err := f.s.number()
				f.id = string(b)
				return err
			}
			return f.text("id", &f.id)
		case "geometry":
			return f.geometry()
		case "properties":
			if f.s.peek() != '{' {
				return f.wrong("properties", "an object")
			}
			return f.s.object(f.property)
		}
		return f.s.skip()
	})
	if err != nil {
		return err
	}
	f.finish()
	return nil
}

// finish checks what only the whole feature shows.
func (f *featureReader) finish() {
	e := f.r.e
	if f.typ != "Feature" {
		f.r.invalid("type %s is not Feature", quoteValue(f.typ))
	}
	switch {
	case f.geomBad:
	case f.geomType != "Point" && f.geomType != "":
		f.r.invalid("geometry is a %s, not a Point [lon, lat]", quoteValue(f.geomType))
	case f.coordsBad:
		f.r.invalid("geometry coordinates are not [lon, lat]")
	case f.geomType == "" || !f.hasAt:
		f.r.invalid("geometry is not a Point [lon, lat]")
	}
	e.Location = f.at
	if (f.hasLat || f.hasLon) && (f.lat != f.at.Lat() || f.lon != f.at.Lon()) {
		f.r.invalid("properties lat %v, lon %v disagree with the geometry [%v, %v]", f.lat, f.lon, f.at.Lon(), f.at.Lat())
	}
	if e.UID == "" {
		e.UID = f.id
	}
	if f.hasOrigin {
		e.Origin = &Origin{Point: f.origin, Name: f.originName}
	}
}

func (f *featureReader) geometry() error {
	if f.s.peek() != '{' {
		f.geomBad = true
		return f.wrong("geometry", "a Point")
	}
	return f.s.object(func(key []byte) error {
		switch string(key) {
		case "type":
			return f.text("geometry type", &f.geomType)
		case "coordinates":
			bad, err := f.readPosition("geometry coordinates", &f.at, &f.hasAt)
			f.coordsBad = bad
			return err
		}
		return f.s.skip()
	})
}

func (f *featureReader) property(key []byte) error {
	e := f.r.e
	switch string(key) {
	case "id":
		return f.rowID(&e.ID)
	case "uid":
		return f.text("uid", &e.UID)
	case "date_start":
		return f.date("date_start", &e.DateStart)
	case "date_end":
		return f.date("date_end", &e.DateEnd)
	case "date_precision":
		return f.text("date_precision", (*string)(&e.DatePrecision))
	case "lat":
		return f.number("lat", &f.lat, &f.hasLat)
	case "lon":
		return f.number("lon", &f.lon, &f.hasLon)
	case "geo_precision":
		return f.text("geo_precision", (*string)(&e.GeoPrecision))
	case "place":
		return f.text("place", &e.Place)
	case "admin1":
		return f.text("admin1", &e.Admin1)
	case "country":
		return f.text("country", &e.Country)
	case "actor":
		return f.text("actor", &e.Actor)
	case "target_type":
		return f.text("target_type", &e.TargetType)
	case "weapon":
		return f.text("weapon", &e.Weapon)
	case "origin":
		return f.position("origin", &f.origin, &f.hasOrigin)
	case "origin_name":
		return f.text("origin_name", &f.originName)
	case "summary":
		return f.text("summary", &e.Summary)
	case "status":
		return f.text("status", (*string)(&e.Status))
	case "killed_min":
		return f.count("killed_min", &e.Killed.Min)
	case "killed_max":
		return f.count("killed_max", &e.Killed.Max)
	case "civilians_min":
		return f.count("civilians_min", &e.Civilians.Min)
	case "civilians_max":
		return f.count("civilians_max", &e.Civilians.Max)
	case "claims":
		return f.claims()
	}
	return f.s.skip()
}

func (f *featureReader) claims() error {
	switch f.s.peek() {
	case 'n':
		_, err := f.s.literal()
		return err
	case '[':
	default:
		return f.wrong("claims", "an array")
	}
	return f.s.array(func(i int) error {
		if f.s.peek() != '{' {
			return f.wrong("a claim", "an object")
		}
		f.r.e.Claims = append(f.r.e.Claims, Claim{})
		c := &f.r.e.Claims[len(f.r.e.Claims)-1]
		return f.s.object(func(key []byte) error { return f.claim(c, key) })
	})
}

func (f *featureReader) claim(c *Claim, key []byte) error {
	switch string(key) {
	case "claimant":
		return f.text("claimant", &c.Claimant)
	case "stance":
		return f.text("stance", (*string)(&c.Stance))
	case "text":
		return f.text("claim text", &c.Text)
	case "killed":
		return f.count("claim killed", &c.Killed)
	case "civilians":
		return f.count("claim civilians", &c.Civilians)
	case "combatants":
		return f.count("claim combatants", &c.Combatants)
	case "injured":
		return f.count("claim injured", &c.Injured)
	case "claimed_on":
		return f.date("claimed_on", &c.ClaimedOn)
	case "source":
		switch f.s.peek() {
		case 'n':
			_, err := f.s.literal()
			return err
		case '{':
			return f.s.object(func(key []byte) error { return f.source(&c.Source, key) })
		}
		return f.wrong("source", "an object")
	}
	return f.s.skip()
}

func (f *featureReader) source(s *Source, key []byte) error {
	switch string(key) {
	case "publisher":
		return f.text("publisher", &s.Publisher)
	case "title":
		return f.text("title", &s.Title)
	case "url":
		return f.text("url", &s.URL)
	case "published":
		return f.date("published", &s.Published)
	case "author":
		return f.text("author", &s.Author)
	case "language":
		return f.text("language", &s.Language)
	}
	return f.s.skip()
}
