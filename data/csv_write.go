package data

import (
	"strconv"
	"strings"
)

// CSVColumns are the columns of Strikemap's own CSV, in order: an event's columns, then
// one claim's with its source. Each claim is a row of its own that repeats its event's
// columns; an event without claims is one row with the claim columns empty. Rows of one
// event follow each other. Unknown values are empty cells, never 0.
var CSVColumns = []string{
	"uid", "date_start", "date_end", "date_precision", "lat", "lon", "geo_precision",
	"place", "admin1", "country", "actor", "target_type", "weapon", "origin_lat",
	"origin_lon", "origin_name", "summary", "status", "killed_min", "killed_max",
	"civilians_min", "civilians_max",
	"claimant", "stance", "text", "killed", "civilians", "combatants", "injured",
	"claimed_on", "publisher", "title", "url", "published", "author", "language",
}

// csvEventColumns is how many of CSVColumns belong to the event.
const csvEventColumns = 22

// csvNoClaim ends the row of an event without claims: its claim cells, empty.
var csvNoClaim = strings.Repeat(",", len(CSVColumns)-csvEventColumns) + "\n"

// csvEncoder writes CSVColumns, as RFC 4180 has it, with \n line ends.
type csvEncoder struct{}

func (csvEncoder) head() []byte {
	return []byte(strings.Join(CSVColumns, ",") + "\n")
}
func (csvEncoder) tail() []byte          { return nil }
func (csvEncoder) first(b []byte) []byte { return b }

func (csvEncoder) event(b []byte, e *Event) []byte {
	if len(e.Claims) == 0 {
		return append(appendCSVEvent(b, e), csvNoClaim...)
	}
	for i := range e.Claims {
		b = appendCSVEvent(b, e)
		b = appendCSVClaim(b, &e.Claims[i])
	}
	return b
}

func appendCSVEvent(b []byte, e *Event) []byte {
	b = appendCSVText(b, e.UID)
	b = appendCSVDate(append(b, ','), e.DateStart)
	b = appendCSVDate(append(b, ','), e.DateEnd)
	b = appendCSVText(append(b, ','), string(e.DatePrecision))
	b = strconv.AppendFloat(append(b, ','), e.Lat(), 'f', -1, 64)
	b = strconv.AppendFloat(append(b, ','), e.Lon(), 'f', -1, 64)
	b = appendCSVText(append(b, ','), string(e.GeoPrecision))
	for _, s := range []string{e.Place, e.Admin1, e.Country, e.Actor, e.TargetType, e.Weapon} {
		b = appendCSVText(append(b, ','), s)
	}
	b = append(b, ',')
	if o := e.Origin; o != nil {
		b = strconv.AppendFloat(b, o.Point.Lat(), 'f', -1, 64)
		b = strconv.AppendFloat(append(b, ','), o.Point.Lon(), 'f', -1, 64)
		b = appendCSVText(append(b, ','), o.Name)
	} else {
		b = append(b, ",,"...)
	}
	b = appendCSVText(append(b, ','), e.Summary)
	b = appendCSVText(append(b, ','), string(e.Status))
	for _, c := range []Count{e.Killed.Min, e.Killed.Max, e.Civilians.Min, e.Civilians.Max} {
		b = appendCSVCount(append(b, ','), c)
	}
	return b
}

func appendCSVClaim(b []byte, c *Claim) []byte {
	b = appendCSVText(append(b, ','), c.Claimant)
	b = appendCSVText(append(b, ','), string(c.Stance))
	b = appendCSVText(append(b, ','), c.Text)
	for _, n := range []Count{c.Killed, c.Civilians, c.Combatants, c.Injured} {
		b = appendCSVCount(append(b, ','), n)
	}
	b = appendCSVDate(append(b, ','), c.ClaimedOn)
	s := &c.Source
	b = appendCSVText(append(b, ','), s.Publisher)
	b = appendCSVText(append(b, ','), s.Title)
	b = appendCSVText(append(b, ','), s.URL)
	b = appendCSVDate(append(b, ','), s.Published)
	b = appendCSVText(append(b, ','), s.Author)
	b = appendCSVText(append(b, ','), s.Language)
	return append(b, '\n')
}

// appendCSVText writes s as a cell, quoted when it holds a comma, a quote or a line end,
// or starts with a space, which some readers would trim.
func appendCSVText(b []byte, s string) []byte {
	if !strings.ContainsAny(s, ",\"\r\n") && (s == "" || s[0] != ' ' && s[0] != '\t') {
		return append(b, s...)
	}
	b = append(b, '"')
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			break
		}
		b = append(b, s[:i+1]...)
		b = append(b, '"')
		s = s[i+1:]
	}
	return append(append(b, s...), '"')
}

func appendCSVCount(b []byte, c Count) []byte {
	if n, ok := c.Get(); ok {
		return strconv.AppendInt(b, n, 10)
	}
	return b
}

func appendCSVDate(b []byte, d Date) []byte {
	if d.IsZero() {
		return b
	}
	return appendDay(b, d)
}
