package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"strconv"

	"github.com/paulmach/orb"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// eventColumns are read by every query that builds whole events, in the order rowReader
// reads them: an event's own (rowReader.event), then a claim's and its source's
// (rowReader.claim).
const eventColumns = eventOwnColumns + `,
	` + claimColumns

// eventOwnColumns are the events table's columns, as rowReader.event reads them.
const eventOwnColumns = `e.id, e.geom, e.uid, e.date_start, e.date_end, e.date_precision, e.lat, e.lon,
	e.geo_precision, e.place, e.admin1, e.country, e.actor, e.target_type, e.weapon, e.origin_lat,
	e.origin_lon, e.origin_name, e.summary, e.status, e.killed_min, e.killed_max, e.civilians_min,
	e.civilians_max`

// claimColumns are a claim's columns and its source's, as rowReader.claim reads them.
const claimColumns = `c.id, c.claimant, c.stance, c.text, c.killed, c.civilians, c.combatants, c.injured, c.claimed_on,
	s.id, s.publisher, s.title, s.url, s.published, s.author, s.language`

const eventsQuery = `SELECT ` + eventColumns + ` FROM events e
	LEFT JOIN claims c ON c.event_id = e.id
	LEFT JOIN sources s ON s.id = c.source_id`

// Events yields every stored event with its claims and their sources, in id order.
// A row whose stored values break the types of the model still comes, as far as it
// could be read, with an error wrapping ErrInvalid; a failed query ends the sequence
// with a nil event and the error.
func (db *DB) Events(ctx context.Context) iter.Seq2[*Event, error] {
	return db.events(ctx, eventsQuery+` ORDER BY e.id, c.id`)
}

// Event returns the stored event with the given id, with its claims.
func (db *DB) Event(ctx context.Context, id int64) (*Event, error) {
	for e, err := range db.events(ctx, eventsQuery+` WHERE e.id = ? ORDER BY c.id`, id) {
		return e, err
	}
	return nil, fmt.Errorf("event %d: %w", id, ErrNotFound)
}

// ErrNotFound means no stored row has the id asked for.
var ErrNotFound = errors.New("not found")

// Errors of a database that was fine when opened; callers test them with errors.Is.
var (
	// ErrLocked means another program kept the database locked for longer than a read
	// waits (SQLite's busy timeout): it is being written. Trying again later works.
	ErrLocked = errors.New("database locked by another program")
	// ErrGone means the database file was removed or moved while open.
	ErrGone = errors.New("database file removed or moved")
)

// Gone reports whether the file the database was opened from is no longer there. Reads
// may still succeed from the file held open, but it cannot be opened again.
func (db *DB) Gone() bool {
	_, err := os.Stat(db.path)
	return errors.Is(err, fs.ErrNotExist)
}

// explain adds to a failed read what callers can act on: a lock held elsewhere, a
// file gone, a damaged file.
func (db *DB) explain(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) && (se.Code()&0xff == sqlite3.SQLITE_BUSY || se.Code()&0xff == sqlite3.SQLITE_LOCKED) {
		return fmt.Errorf("%w: %v", ErrLocked, err)
	}
	if db.Gone() {
		return fmt.Errorf("%w: %v", ErrGone, err)
	}
	return classify(err)
}

func (db *DB) events(ctx context.Context, query string, args ...any) iter.Seq2[*Event, error] {
	return func(yield func(*Event, error) bool) {
		rows, err := db.sql.QueryContext(ctx, query, args...)
		if err != nil {
			yield(nil, db.explain(err))
			return
		}
		defer rows.Close()
		if err := readEvents(rows, true, yield); err != nil {
			yield(nil, db.explain(err))
		}
	}
}

// readEvents builds events from rows of eventColumns, or of eventOwnColumns alone
// without claims, one event per run of rows with the same id, and gives each to yield
// with what of its stored values does not fit the model. It stops early when yield
// returns false, and returns what failed the reading of rows.
func readEvents(rows *sql.Rows, claims bool, yield func(*Event, error) bool) error {
	n := 24 // len of eventOwnColumns
	if claims {
		n = 40
	}
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var cur *Event
	var r rowReader
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		id, _ := vals[0].(int64)
		if cur == nil || cur.ID != id {
			if cur != nil && !yield(cur, r.err()) {
				return nil
			}
			cur, r = &Event{}, rowReader{}
			r.event(cur, vals[:24])
		}
		if claims && vals[24] != nil {
			cur.Claims = append(cur.Claims, r.claim(cur.ID, vals[24:]))
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if cur != nil {
		yield(cur, r.err())
	}
	return nil
}

// rowReader converts stored values into the model, collecting what does not fit
// instead of stopping at it, so that `check` can list every problem of a row.
type rowReader struct{ errs []error }

func (r *rowReader) err() error {
	if len(r.errs) == 0 {
		return nil
	}
	return errors.Join(r.errs...)
}

func (r *rowReader) bad(col string, v any, want string) {
	r.errs = append(r.errs, invalidf("%s %s is not %s", col, show(v), want))
}

func (r *rowReader) event(e *Event, v []any) {
	e.ID, _ = v[0].(int64)
	e.UID = r.text("uid", v[2])
	e.DateStart = r.date("date_start", v[3])
	e.DateEnd = r.date("date_end", v[4])
	e.DatePrecision = DatePrecision(r.text("date_precision", v[5]))
	lat, lon := r.real("lat", v[6]), r.real("lon", v[7])
	e.Location = orb.Point{lon, lat}
	if v[6] == nil || v[7] == nil {
		r.errs = append(r.errs, invalidf("lat/lon is missing"))
	}
	if v[1] == nil {
		r.errs = append(r.errs, invalidf("geom is missing"))
	} else if b, ok := v[1].([]byte); !ok {
		r.bad("geom", v[1], "a GeoPackage blob")
	} else if p, srs, err := parseGPKGPoint(b); err != nil {
		r.errs = append(r.errs, invalidf("geom: %v", err))
	} else if srs != srsWGS84 {
		r.errs = append(r.errs, invalidf("geom srs_id %d is not 4326", srs))
	} else if p != e.Location {
		r.errs = append(r.errs, invalidf("geom %v does not match lon/lat %v", p, e.Location))
	}
	e.GeoPrecision = GeoPrecision(r.text("geo_precision", v[8]))
	e.Place = r.text("place", v[9])
	e.Admin1 = r.text("admin1", v[10])
	e.Country = r.text("country", v[11])
	e.Actor = r.text("actor", v[12])
	e.TargetType = r.text("target_type", v[13])
	e.Weapon = r.text("weapon", v[14])
	if v[15] != nil || v[16] != nil || v[17] != nil {
		e.Origin = &Origin{Point: orb.Point{r.real("origin_lon", v[16]), r.real("origin_lat", v[15])}, Name: r.text("origin_name", v[17])}
	}
	e.Summary = r.text("summary", v[18])
	e.Status = Status(r.text("status", v[19]))
	e.Killed = Range{r.count("killed_min", v[20]), r.count("killed_max", v[21])}
	e.Civilians = Range{r.count("civilians_min", v[22]), r.count("civilians_max", v[23])}
}

func (r *rowReader) claim(eventID int64, v []any) Claim {
	c := Claim{EventID: eventID}
	c.ID, _ = v[0].(int64)
	c.Claimant = r.text("claimant", v[1])
	c.Stance = Stance(r.text("stance", v[2]))
	c.Text = r.text("text", v[3])
	c.Killed = r.count("killed", v[4])
	c.Civilians = r.count("civilians", v[5])
	c.Combatants = r.count("combatants", v[6])
	c.Injured = r.count("injured", v[7])
	c.ClaimedOn = r.date("claimed_on", v[8])
	if v[9] == nil {
		r.errs = append(r.errs, invalidf("claim %d has no source", c.ID))
		return c
	}
	c.Source.ID, _ = v[9].(int64)
	c.Source.Publisher = r.text("publisher", v[10])
	c.Source.Title = r.text("title", v[11])
	c.Source.URL = r.text("url", v[12])
	c.Source.Published = r.date("published", v[13])
	c.Source.Author = r.text("author", v[14])
	c.Source.Language = r.text("language", v[15])
	return c
}

func (r *rowReader) text(col string, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []byte:
		return string(x)
	}
	r.bad(col, v, "text")
	return ""
}

func (r *rowReader) real(col string, v any) float64 {
	switch x := v.(type) {
	case nil:
		return 0
	case float64:
		return x
	case int64:
		return float64(x)
	}
	r.bad(col, v, "a number")
	return 0
}

func (r *rowReader) date(col string, v any) Date {
	if v == nil {
		return 0
	}
	var d Date
	if err := d.Scan(v); err != nil {
		r.bad(col, v, "a real day as YYYY-MM-DD")
	}
	return d
}

func (r *rowReader) count(col string, v any) Count {
	var c Count
	if err := c.Scan(v); err != nil {
		r.bad(col, v, "a whole number")
	}
	return c
}

// show prints a stored value for a message, quoting text and cutting long values.
func show(v any) string {
	var s string
	switch x := v.(type) {
	case string:
		s = strconv.Quote(x)
	case []byte:
		s = fmt.Sprintf("(%d-byte blob)", len(x))
	default:
		s = fmt.Sprint(x)
	}
	if len(s) > 60 {
		s = s[:57] + "…"
	}
	return s
}
