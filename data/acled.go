package data

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// ACLEDColumns are the 31 columns of an ACLED export, in ACLED's order.
var ACLEDColumns = []string{"event_id_cnty", "event_date", "year", "time_precision",
	"disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
	"actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
	"country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
	"geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"}

// acledRequired are the columns without which an ACLED row cannot become an event.
var acledRequired = []string{"event_id_cnty", "event_date", "latitude", "longitude"}

// acledWeapons maps ACLED's strike-related sub-event types (under Explosions/Remote
// violence) to the weapon they name; acledTargets maps the sub-event types that name
// what was hit. Other sub-event types say neither.
var (
	acledWeapons = map[string]string{
		"air/drone strike":                  "airstrike",
		"shelling/artillery/missile attack": "shelling, artillery or missile",
		"remote explosive/landmine/ied":     "remote explosive, landmine or IED",
		"suicide bomb":                      "suicide bomb",
		"grenade":                           "grenade",
		"chemical weapon":                   "chemical weapon",
	}
	acledTargets = map[string]string{
		"attack":                         "civilians",
		"abduction/forced disappearance": "civilians",
		"sexual violence":                "civilians",
		"looting/property destruction":   "property",
	}
)

// acledDecoder turns the rows of an ACLED export into events, one per row.
type acledDecoder struct {
	t                                                   *csvTable
	id, date, timePrec, eventType, subType, actor, civT int
	country, admin1, location, lat, lon, geoPrec        int
	source, notes, fatalities                           int
}

func newACLEDDecoder(t *csvTable) (decoder, error) {
	if err := t.require(acledRequired...); err != nil {
		return nil, err
	}
	d := &acledDecoder{t: t,
		id: t.col("event_id_cnty"), date: t.col("event_date"), timePrec: t.col("time_precision"),
		eventType: t.col("event_type"), subType: t.col("sub_event_type"), actor: t.col("actor1"),
		civT: t.col("civilian_targeting"), country: t.col("country"), admin1: t.col("admin1"),
		location: t.col("location"), lat: t.col("latitude"), lon: t.col("longitude"),
		geoPrec: t.col("geo_precision"), source: t.col("source"), notes: t.col("notes"),
		fatalities: t.col("fatalities"),
	}
	return t.withHeader(d, []string{"time_precision", "geo_precision", "sub_event_type", "actor1",
		"country", "location", "source", "notes", "fatalities"},
		"dates are taken as exact days and places as towns, other values as unknown"), nil
}

func (d *acledDecoder) next() (*row, error) {
	rec, r, err := d.t.next()
	if err != nil {
		return nil, err
	}
	c := cells{rec, r}
	e := &Event{UID: c.get(d.id), Actor: c.get(d.actor), Place: c.get(d.location),
		Admin1: c.get(d.admin1), Country: c.get(d.country), Summary: c.get(d.notes)}
	r.e = e
	if e.UID == "" {
		r.invalid("event_id_cnty is empty")
	}
	switch s := c.get(d.date); {
	case s == "":
		r.invalid("event_date is empty")
	default:
		if e.DateStart = acledDate(s); e.DateStart == 0 {
			r.invalid("event_date %s is not a date as YYYY-MM-DD or DD Month YYYY", quoteValue(s))
		}
	}
	e.DatePrecision = acledCode(c, r, "time_precision", d.timePrec, "day", []DatePrecision{DateDay, DateWeek, DateMonth})
	e.GeoPrecision = acledCode(c, r, "geo_precision", d.geoPrec, "town", []GeoPrecision{GeoTown, GeoDistrict, GeoProvince})
	c.point(e, "latitude", d.lat, "longitude", d.lon)
	sub := c.get(d.subType)
	e.Weapon = acledWeapons[strings.ToLower(sub)]
	e.TargetType = acledTargets[strings.ToLower(sub)]
	if e.TargetType == "" && strings.EqualFold(c.get(d.civT), "Civilian targeting") {
		e.TargetType = "civilians"
	}
	if e.Summary == "" {
		e.Summary = strings.Join(nonEmpty(sub, c.get(d.eventType)), " — ")
	}
	killed := c.count("fatalities", d.fatalities)
	if n, ok := killed.Get(); ok && n == 0 && strings.Contains(strings.ToLower(e.Summary), "casualties unknown") {
		killed = Count{} // ACLED writes 0 when it does not know
	}
	e.Claims = acledClaims(e.UID, c.get(d.source), killed)
	e.Status = StatusSingleSource
	if len(e.Claims) > 1 {
		e.Status = StatusLikely
	}
	return r, nil
}

// acledClaims makes one claim per outlet named in an ACLED source cell, each carrying
// ACLED's fatality count for the event, and says so in its text.
func acledClaims(uid, sources string, killed Count) []Claim {
	var outlets []string
	for _, s := range strings.Split(sources, ";") {
		if s = strings.TrimSpace(s); s != "" && !slices.Contains(outlets, s) {
			outlets = append(outlets, s)
		}
	}
	says := "Cited by ACLED for event " + uid
	if len(outlets) == 0 {
		outlets, says = []string{"ACLED"}, "ACLED names no source for event "+uid
	}
	text := says + "; ACLED gives no fatality count."
	if n, ok := killed.Get(); ok {
		text = fmt.Sprintf("%s; ACLED's conservative fatality count is %d.", says, n)
	}
	claims := make([]Claim, len(outlets))
	for i, o := range outlets {
		claims[i] = Claim{Claimant: o, Stance: StanceReports, Text: text, Killed: killed,
			Source: Source{Publisher: o}}
	}
	return claims
}

// acledCode maps ACLED's precision codes 1, 2 and 3 to vocab; an empty cell is taken
// as code 1 with a warning, when the column is there at all.
func acledCode[T ~string](c cells, r *row, name string, i int, first string, vocab []T) T {
	switch s := c.get(i); s {
	case "1", "2", "3":
		return vocab[s[0]-'1']
	case "":
		if i >= 0 {
			r.warn("%s is empty; taken as 1 (%s)", name, first)
		}
		return vocab[0]
	default:
		r.invalid("%s %s is not 1, 2 or 3", name, quoteValue(s))
		return vocab[0]
	}
}

// acledDate reads the dates ACLED writes: YYYY-MM-DD in its API, "02 January 2006" in
// older exports. It returns 0 for anything else.
func acledDate(s string) Date {
	if d, ok := parseDay([]byte(s)); ok {
		return d
	}
	for _, layout := range []string{"2 January 2006", "2-January-2006", "2 Jan 2006", "2-Jan-2006"} {
		if t, err := time.Parse(layout, s); err == nil && t.Year() >= 1 {
			return DateOf(t.Year(), t.Month(), t.Day())
		}
	}
	return 0
}
