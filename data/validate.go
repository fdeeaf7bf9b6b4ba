package data

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/paulmach/orb"
)

// Validate returns every way e breaks the model's rules, each wrapping ErrInvalid, or nil.
// Its claims' casualty ranges are checked too, so call Derive first on a fresh event.
func (e *Event) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, invalidf(format, args...)) }
	if strings.TrimSpace(e.UID) == "" {
		bad("uid is empty")
	}
	if e.DateStart.IsZero() {
		bad("date_start is missing")
	}
	if !e.DateEnd.IsZero() && e.DateEnd < e.DateStart {
		bad("date_end %s is before date_start %s", e.DateEnd, e.DateStart)
	}
	if !e.DatePrecision.Valid() {
		errs = append(errs, vocabError("date_precision", e.DatePrecision, DatePrecisions))
	}
	if e.DatePrecision == DateRange && e.DateEnd.IsZero() {
		bad("date_precision is range but date_end is missing")
	}
	if err := checkPoint("", e.Location); err != nil {
		errs = append(errs, err)
	}
	if !e.GeoPrecision.Valid() {
		errs = append(errs, vocabError("geo_precision", e.GeoPrecision, GeoPrecisions))
	}
	if !e.Status.Valid() {
		errs = append(errs, vocabError("status", e.Status, Statuses))
	}
	if e.Origin != nil {
		if err := checkPoint("origin_", e.Origin.Point); err != nil {
			errs = append(errs, err)
		}
	}
	origin := ""
	if e.Origin != nil {
		origin = e.Origin.Name
	}
	errs = append(errs, checkTexts("uid", e.UID, "place", e.Place, "admin1", e.Admin1, "country", e.Country,
		"actor", e.Actor, "target_type", e.TargetType, "weapon", e.Weapon, "origin_name", origin,
		"summary", e.Summary)...)
	for i := range e.Claims {
		if err := e.Claims[i].Validate(); err != nil {
			errs = append(errs, prefix(fmt.Sprintf("claim %d: ", i+1), err))
		}
	}
	want := *e
	want.Derive()
	if want.Killed != e.Killed {
		bad("killed range %s..%s does not match its claims (%s..%s)", e.Killed.Min, e.Killed.Max, want.Killed.Min, want.Killed.Max)
	}
	if want.Civilians != e.Civilians {
		bad("civilians range %s..%s does not match its claims (%s..%s)", e.Civilians.Min, e.Civilians.Max, want.Civilians.Min, want.Civilians.Max)
	}
	return errors.Join(errs...)
}

// Validate returns every way c breaks the model's rules, or nil.
func (c *Claim) Validate() error {
	var errs []error
	if strings.TrimSpace(c.Claimant) == "" {
		errs = append(errs, invalidf("claimant is empty"))
	}
	if !c.Stance.Valid() {
		errs = append(errs, vocabError("stance", c.Stance, Stances))
	}
	for _, f := range []struct {
		name string
		c    Count
	}{{"killed", c.Killed}, {"civilians", c.Civilians}, {"combatants", c.Combatants}, {"injured", c.Injured}} {
		if n, ok := f.c.Get(); ok && n < 0 {
			errs = append(errs, invalidf("%s %d is negative", f.name, n))
		}
	}
	errs = append(errs, checkTexts("claimant", c.Claimant, "text", c.Text, "publisher", c.Source.Publisher,
		"title", c.Source.Title, "url", c.Source.URL, "author", c.Source.Author, "language", c.Source.Language)...)
	if c.Source.URL != "" && !strings.HasPrefix(c.Source.URL, "http://") && !strings.HasPrefix(c.Source.URL, "https://") {
		errs = append(errs, invalidf("source url %s is not http or https", quoteValue(c.Source.URL)))
	}
	return errors.Join(errs...)
}

// MaxText is the most bytes one text value may hold. A long report's summary fits many
// times over; a megabyte cell is a broken export or a file that is not what it says,
// and would make every list and tooltip that shows it crawl.
const MaxText = 64 << 10

// checkTexts tests text values, given as name, value pairs: each at most MaxText bytes
// and without NUL bytes, at which SQLite's C API and many programs reading the
// database cut a string short.
func checkTexts(pairs ...string) []error {
	var errs []error
	for i := 0; i+1 < len(pairs); i += 2 {
		name, v := pairs[i], pairs[i+1]
		if len(v) > MaxText {
			errs = append(errs, invalidf("%s is %d bytes long, more than the %d a text may have", name, len(v), MaxText))
		}
		if strings.IndexByte(v, 0) >= 0 {
			errs = append(errs, invalidf("%s holds a NUL byte", name))
		}
	}
	return errs
}

// checkPoint tests a lon/lat pair against WGS84's ranges; prefix names origin columns.
func checkPoint(prefix string, p orb.Point) error {
	var errs []error
	if lat := p.Lat(); math.IsNaN(lat) || lat < -90 || lat > 90 {
		errs = append(errs, invalidf("%slat %v is outside -90..90", prefix, lat))
	}
	if lon := p.Lon(); math.IsNaN(lon) || lon < -180 || lon > 180 {
		errs = append(errs, invalidf("%slon %v is outside -180..180", prefix, lon))
	}
	return errors.Join(errs...)
}

// prefix puts p before each single problem in err, keeping them apart.
func prefix(p string, err error) error {
	var out []error
	for _, e := range Problems(err) {
		out = append(out, &prefixed{p, e})
	}
	return errors.Join(out...)
}

type prefixed struct {
	p   string
	err error
}

func (e *prefixed) Error() string { return e.p + e.err.Error() }
func (e *prefixed) Unwrap() error { return e.err }
