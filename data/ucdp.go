package data

import (
	"fmt"
	"math"
	"strings"
)

// UCDPColumns are the 49 columns of UCDP's Georeferenced Event Dataset (GED) CSV, in order.
var UCDPColumns = []string{"id", "relid", "year", "active_year", "code_status",
	"type_of_violence", "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id",
	"dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id",
	"side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
	"source_date", "source_headline", "source_original", "where_prec", "where_coordinates",
	"where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid",
	"country", "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end",
	"deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
	"gwnoa", "gwnob"}

// ucdpRequired are the columns without which a GED row cannot become an event.
var ucdpRequired = []string{"id", "date_start", "latitude", "longitude", "best"}

// UCDP's date_prec: 1 the exact day, 2 within 2–6 days, 3 the week, 4 the month or
// within 8–30 days, 5 the year or within 1–12 months.
var ucdpDatePrec = map[string]DatePrecision{"1": DateDay, "2": DateRange, "3": DateWeek, "4": DateMonth, "5": DateYear}

// UCDP's where_prec: 1 the exact place, 2 within about 25 km of it, 3 a second-order
// administrative area, 4 a first-order one, 5 a linear feature such as a road or a
// river, 6 the country, 7 waters or airspace.
var ucdpWherePrec = map[string]GeoPrecision{"1": GeoExact, "2": GeoDistrict, "3": GeoDistrict,
	"4": GeoProvince, "5": GeoProvince, "6": GeoCountry, "7": GeoCountry}

// ucdpDecoder turns the rows of a GED CSV into events, one per row, each with one claim:
// UCDP's own figures, found in the sources UCDP names.
type ucdpDecoder struct {
	t                                             *csvTable
	id, start, end, datePrec, wherePrec, lat, lon int
	adm1, country, sideA, sideB, dyad, violence   int
	deathsA, deathsB, civilians, unknown          int
	best, low, high, office, headline, sourceDate int
	whereName, whereText, sources                 int
}

func newUCDPDecoder(t *csvTable) (decoder, error) {
	if err := t.require(ucdpRequired...); err != nil {
		return nil, err
	}
	d := &ucdpDecoder{t: t,
		id: t.col("id"), start: t.col("date_start"), end: t.col("date_end"), datePrec: t.col("date_prec"),
		wherePrec: t.col("where_prec"), lat: t.col("latitude"), lon: t.col("longitude"),
		adm1: t.col("adm_1"), country: t.col("country"), sideA: t.col("side_a"), sideB: t.col("side_b"),
		dyad: t.col("dyad_name"), violence: t.col("type_of_violence"),
		deathsA: t.col("deaths_a"), deathsB: t.col("deaths_b"), civilians: t.col("deaths_civilians"),
		unknown: t.col("deaths_unknown"), best: t.col("best"), low: t.col("low"), high: t.col("high"),
		office: t.col("source_office"), headline: t.col("source_headline"), sourceDate: t.col("source_date"),
		whereName: t.col("where_coordinates"), whereText: t.col("where_description"),
		sources: t.col("number_of_sources"),
	}
	return t.withHeader(d, []string{"date_prec", "where_prec", "side_a", "country", "low", "high", "source_office"},
		"dates are taken as exact days and places as exact, other values as unknown"), nil
}

func (d *ucdpDecoder) next() (*row, error) {
	rec, r, err := d.t.next()
	if err != nil {
		return nil, err
	}
	c := cells{rec, r}
	e := &Event{UID: c.get(d.id), Actor: c.get(d.sideA), Place: c.get(d.whereName),
		Admin1: c.get(d.adm1), Country: c.get(d.country)}
	r.e = e
	if e.UID == "" {
		r.invalid("id is empty")
	}
	if c.get(d.start) == "" {
		r.invalid("date_start is empty")
	}
	e.DateStart = c.date("date_start", d.start)
	if e.DateEnd = c.date("date_end", d.end); e.DateEnd == e.DateStart {
		e.DateEnd = 0
	}
	e.DatePrecision = ucdpCode(c, r, "date_prec", d.datePrec, ucdpDatePrec, DateDay)
	if e.DatePrecision == DateDay && e.DateEnd != 0 {
		e.DatePrecision = DateRange
	}
	if e.DatePrecision == DateRange && e.DateEnd == 0 {
		e.DatePrecision = DateDay // 2–6 days, yet one day given
	}
	e.GeoPrecision = ucdpCode(c, r, "where_prec", d.wherePrec, ucdpWherePrec, GeoExact)
	c.point(e, "latitude", d.lat, "longitude", d.lon)
	if c.get(d.violence) == "3" {
		e.TargetType = "civilians" // one-sided violence: an organised group against civilians
	}
	e.Summary = strings.Join(nonEmpty(c.get(d.dyad), c.get(d.whereText)), ": ")
	e.Status = StatusLikely
	if c.get(d.sources) == "1" {
		e.Status = StatusSingleSource
	}
	e.Claims = []Claim{d.claim(c, e.UID)}
	return r, nil
}

// claim is UCDP's claim about an event: its best estimate as the figure, and low, best
// and high in the text as UCDP gives them, in order or not.
func (d *ucdpDecoder) claim(c cells, uid string) Claim {
	best, low, high := c.count("best", d.best), c.count("low", d.low), c.count("high", d.high)
	a, b := c.count("deaths_a", d.deathsA), c.count("deaths_b", d.deathsB)
	civ, unk := c.count("deaths_civilians", d.civilians), c.count("deaths_unknown", d.unknown)
	lo, okLo := low.Get()
	be, okBe := best.Get()
	hi, okHi := high.Get()
	if okLo && okBe && okHi && !(lo <= be && be <= hi) {
		c.r.warn("low %d, best %d, high %d are not in order; kept as UCDP gives them", lo, be, hi)
	}
	var combatants Count
	if na, ok := a.Get(); ok {
		if nb, ok := b.Get(); ok {
			if nb > math.MaxInt64-na { // both are at least 0, as count has it
				c.r.invalid("deaths_a %d and deaths_b %d add up to more than a figure can hold", na, nb)
			} else {
				combatants = Known(na + nb)
			}
		}
	}
	text := fmt.Sprintf("UCDP GED event %s: best estimate %s deaths (low %s, high %s); side A %s, side B %s, civilians %s, unknown %s.",
		uid, best, low, high, a, b, civ, unk)
	src := Source{Publisher: c.get(d.office), Title: c.get(d.headline)}
	if src.Publisher == "" {
		src.Publisher = "UCDP Georeferenced Event Dataset"
	}
	for _, s := range strings.Split(c.get(d.sourceDate), ";") {
		if day, ok := parseDay([]byte(firstN(strings.TrimSpace(s), 10))); ok {
			src.Published = day // the first of the dates UCDP gives for its sources
			break
		}
	}
	return Claim{Claimant: "UCDP", Stance: StanceReports, Text: text, Killed: best,
		Civilians: civ, Combatants: combatants, Source: src}
}

// ucdpCode maps a UCDP precision code through codes; an empty cell is taken as dflt
// with a warning, when the column is there at all.
func ucdpCode[T ~string](c cells, r *row, name string, i int, codes map[string]T, dflt T) T {
	s := c.get(i)
	if v, ok := codes[s]; ok {
		return v
	}
	if s == "" {
		if i >= 0 {
			r.warn("%s is empty; taken as %s", name, dflt)
		}
		return dflt
	}
	r.invalid("%s %s is not a UCDP code (1 to %d)", name, quoteValue(s), len(codes))
	return dflt
}

// firstN returns s cut to at most n bytes.
func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
