package ui

import (
	"fmt"
	"math"
	"strings"

	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/data"
)

// unknownText stands for a value the database does not give.
const unknownText = "unknown"

// dateText shows an event's date as honestly as its precision allows:
// "2015-11-15 (day)", "2015-11-01 – 2015-11-07 (range)", "November 2015 (month)".
func dateText(e *data.Event) string {
	if e.DateStart.IsZero() {
		return unknownText
	}
	start := e.DateStart.String()
	span := start
	if !e.DateEnd.IsZero() && e.DateEnd != e.DateStart {
		span = start + " – " + e.DateEnd.String()
	}
	var s string
	switch e.DatePrecision {
	case data.DateMonth:
		s = e.DateStart.Time().Format("January 2006")
	case data.DateYear:
		s = e.DateStart.Time().Format("2006")
	case data.DateWeek:
		s = span
		if span == start {
			s = "week of " + start
		}
	default:
		s = span
	}
	if e.DatePrecision == "" {
		return s
	}
	return s + " (" + string(e.DatePrecision) + ")"
}

// placeText names an event's place from the most local part up, with its precision:
// "Al Bukamal, Deir ez-Zor, Syria (town)". A part that repeats the one before is left out.
func placeText(e *data.Event) string {
	var parts []string
	for _, p := range []string{e.Place, e.Admin1, e.Country} {
		p = oneLine(p)
		if p == "" || (len(parts) > 0 && strings.EqualFold(parts[len(parts)-1], p)) {
			continue
		}
		parts = append(parts, p)
	}
	s := strings.Join(parts, ", ")
	if s == "" {
		s = "unknown place"
	}
	if e.GeoPrecision == "" {
		return s
	}
	return s + " (" + string(e.GeoPrecision) + ")"
}

// coordText shows a WGS84 point as "34.4500° N, 40.9200° E"; four decimals are about 10 m.
func coordText(p orb.Point) string {
	lat, lon := p.Lat(), p.Lon()
	if math.IsNaN(lat) || math.IsNaN(lon) || math.IsInf(lat, 0) || math.IsInf(lon, 0) {
		return "no coordinates"
	}
	ns, ew := "N", "E"
	if lat < 0 {
		ns, lat = "S", -lat
	}
	if lon < 0 {
		ew, lon = "W", -lon
	}
	return fmt.Sprintf("%.4f° %s, %.4f° %s", lat, ns, lon, ew)
}

// statusMeaning says in words what a status on Airwars' scale means.
func statusMeaning(s data.Status) string {
	switch s {
	case data.StatusDeclared:
		return "the striking party says it struck"
	case data.StatusLikely:
		return "well supported, not declared"
	case data.StatusContested:
		return "competing claims of who struck"
	case data.StatusAlleged:
		return "others say so; the striker is silent or denies"
	case data.StatusSingleSource:
		return "one source only"
	}
	return ""
}

// orUnknown returns s on one line, or "unknown" when it is blank.
func orUnknown(s string) string {
	if s = oneLine(s); s == "" {
		return unknownText
	}
	return s
}

// countText shows a figure, or a dash when it is unknown: never 0 for unknown.
func countText(c data.Count) string {
	n, ok := c.Get()
	if !ok {
		return "—"
	}
	return figureText(n)
}

// figureText writes a known figure with thousands separators: "1,200".
func figureText(n int64) string { return thousands(int(n)) }

// oneLine folds runs of white space, line breaks included, into single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
