package data

import (
	"io"
	"slices"
)

// csvRequired are the columns without which a row of our CSV cannot become an event.
var csvRequired = []string{"uid", "date_start", "lat", "lon"}

// The columns of CSVColumns by position.
const (
	cUID = iota
	cDateStart
	cDateEnd
	cDatePrecision
	cLat
	cLon
	cGeoPrecision
	cPlace
	cAdmin1
	cCountry
	cActor
	cTargetType
	cWeapon
	cOriginLat
	cOriginLon
	cOriginName
	cSummary
	cStatus
	cKilledMin
	cKilledMax
	cCiviliansMin
	cCiviliansMax
	cClaimant
	cStance
	cText
	cKilled
	cCivilians
	cCombatants
	cInjured
	cClaimedOn
	cPublisher
	cTitle
	cURL
	cPublished
	cAuthor
	cLanguage
)

// csvDecoder reads Strikemap's own CSV: the rows of one uid that follow each other are
// one event, a claim on each.
type csvDecoder struct {
	t   *csvTable
	col []int // index in the file of each of CSVColumns, -1 when missing
	cur *row  // the event being gathered
	key []string
}

func newCSVDecoder(t *csvTable) (decoder, error) {
	if err := t.require(csvRequired...); err != nil {
		return nil, err
	}
	d := &csvDecoder{t: t, col: make([]int, len(CSVColumns))}
	for i, name := range CSVColumns {
		d.col[i] = t.col(name)
	}
	return t.withHeader(d, CSVColumns, "their values are taken as empty"), nil
}

func (d *csvDecoder) next() (*row, error) {
	for {
		rec, r, err := d.t.next()
		if err == io.EOF && d.cur != nil {
			out := d.cur
			d.cur = nil
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		c := cells{rec, r}
		if cur := d.cur; cur != nil && cur.e.UID != "" && c.raw(d.col[cUID]) == cur.e.UID {
			if !slices.Equal(d.eventCells(c), d.key) {
				r.invalid("its event columns differ from those on line %d, the first row of uid %s", cur.line, quoteValue(cur.e.UID))
			}
			if cl, ok := d.claim(c); ok {
				cur.e.Claims = append(cur.e.Claims, cl)
			}
			for _, p := range r.problems {
				cur.invalid("line %d: %s", r.line, p)
			}
			continue
		}
		prev := d.cur
		d.cur, d.key = r, d.eventCells(c)
		d.event(c)
		if prev != nil {
			return prev, nil
		}
	}
}

// eventCells returns a copy of the cells of a record that belong to its event.
func (d *csvDecoder) eventCells(c cells) []string {
	out := make([]string, csvEventColumns)
	for i := range out {
		out[i] = c.raw(d.col[i])
	}
	return out
}

// event reads the event columns of c, and its claim if it has one, into a new event.
func (d *csvDecoder) event(c cells) {
	get := func(i int) string { return c.raw(d.col[i]) } // our own texts, as written
	e := &Event{UID: get(cUID), DatePrecision: DatePrecision(get(cDatePrecision)),
		GeoPrecision: GeoPrecision(get(cGeoPrecision)), Place: get(cPlace), Admin1: get(cAdmin1),
		Country: get(cCountry), Actor: get(cActor), TargetType: get(cTargetType), Weapon: get(cWeapon),
		Summary: get(cSummary), Status: Status(get(cStatus))}
	c.r.e, c.r.ranges = e, true
	if e.UID == "" {
		c.r.invalid("uid is empty")
	}
	if c.get(d.col[cDateStart]) == "" {
		c.r.invalid("date_start is empty")
	}
	e.DateStart = c.date("date_start", d.col[cDateStart])
	e.DateEnd = c.date("date_end", d.col[cDateEnd])
	c.point(e, "lat", d.col[cLat], "lon", d.col[cLon])
	olat, olon := c.get(d.col[cOriginLat]), c.get(d.col[cOriginLon])
	if olat != "" || olon != "" || get(cOriginName) != "" {
		var o Event
		if olat == "" && olon == "" {
			c.r.invalid("origin_name is given without origin_lat and origin_lon")
		} else {
			c.point(&o, "origin_lat", d.col[cOriginLat], "origin_lon", d.col[cOriginLon])
		}
		e.Origin = &Origin{Point: o.Location, Name: get(cOriginName)}
	}
	e.Killed = Range{c.count("killed_min", d.col[cKilledMin]), c.count("killed_max", d.col[cKilledMax])}
	e.Civilians = Range{c.count("civilians_min", d.col[cCiviliansMin]), c.count("civilians_max", d.col[cCiviliansMax])}
	if cl, ok := d.claim(c); ok {
		e.Claims = append(e.Claims, cl)
	}
}

// claim reads the claim columns of c; ok is false when they are all empty.
func (d *csvDecoder) claim(c cells) (Claim, bool) {
	empty := true
	for _, i := range d.col[csvEventColumns:] {
		if c.get(i) != "" {
			empty = false
		}
	}
	if empty {
		return Claim{}, false
	}
	get := func(i int) string { return c.raw(d.col[i]) }
	return Claim{Claimant: get(cClaimant), Stance: Stance(get(cStance)), Text: get(cText),
		Killed: c.count("killed", d.col[cKilled]), Civilians: c.count("civilians", d.col[cCivilians]),
		Combatants: c.count("combatants", d.col[cCombatants]), Injured: c.count("injured", d.col[cInjured]),
		ClaimedOn: c.date("claimed_on", d.col[cClaimedOn]),
		Source: Source{Publisher: get(cPublisher), Title: get(cTitle), URL: get(cURL),
			Published: c.date("published", d.col[cPublished]), Author: get(cAuthor), Language: get(cLanguage)}}, true
}
