package data

import (
	"errors"
	"fmt"

	sqlite3 "modernc.org/sqlite/lib"
)

// The export reads events and their claims as two sorted streams, merged in Go: one
// range of event ids at a time, events by their primary key and claims by the index on
// event_id, and then the claims' sources (export_claims.go). SQLite joining the three
// itself costs about a third more.
const (
	chunkEventsQuery = `SELECT id, geom, uid, date_start, date_end, date_precision, lat, lon,
		geo_precision, place, admin1, country, actor, target_type, weapon, origin_lat,
		origin_lon, origin_name, summary, status, killed_min, killed_max, civilians_min,
		civilians_max FROM events WHERE id BETWEEN ? AND ? ORDER BY id`
	chunkEventColumns = 24
)

// chunkReader reads whole events, one range of ids at a time, on a connection of its own.
type chunkReader struct {
	c                             *scanConn
	events, claims, claim, source *scanStmt
	vals                          []any
	texts                         map[string]string // recent values of the columns that repeat
	cache                         *sourceCache
	pending                       []pendingClaim
	found                         []*Source
}

// scannedEvent is an event as read, with what is wrong with its stored values.
type scannedEvent struct {
	e   *Event
	err error // wraps ErrInvalid: unreadable values, or the model's rules broken
}

// openChunkReader opens the database file at path for reading events by ranges of ids.
func openChunkReader(path string, cache *sourceCache) (*chunkReader, error) {
	c, err := openScan(path)
	if err != nil {
		return nil, err
	}
	r := &chunkReader{c: c, vals: make([]any, chunkClaimColumns+chunkEventColumns),
		texts: map[string]string{}, cache: cache}
	// 32 MiB of pages keeps SQLite from reading the pages of the claims index and of
	// the sources again and again (with its default of 2 MiB it reads the file five times
	// over); mapping the file instead would make the memory grow with it. One read
	// transaction for all the chunks takes the file's lock once, where each query on its
	// own takes and drops it at three system calls.
	if err = c.exec(`PRAGMA cache_size = -32768`); err == nil {
		err = c.exec(`BEGIN`)
	}
	if err == nil {
		r.events, err = c.query(chunkEventsQuery)
	}
	if err == nil {
		r.claims, err = c.query(chunkClaimsQuery)
	}
	if err == nil {
		r.claim, err = c.query(oneClaimQuery)
	}
	if err == nil {
		r.source, err = c.query(sourcesQuery)
	}
	if err != nil {
		r.close()
		return nil, err
	}
	return r, nil
}

func (r *chunkReader) close() {
	for _, s := range []*scanStmt{r.events, r.claims, r.claim, r.source} {
		if s != nil {
			s.close()
		}
	}
	r.c.close()
}

// read appends to out the events with ids lo to hi, in id order, each with its claims.
func (r *chunkReader) read(lo, hi int64, out []scannedEvent) ([]scannedEvent, error) {
	first := len(out)
	var slow []rowReader // for the rows the fast way cannot read, by event
	var slab []Event     // the chunk's events, allocated at once
	if err := r.events.rebind(lo, hi); err != nil {
		return out, err
	}
	f := fastReader{s: r.events, texts: r.texts}
	for {
		more, err := r.events.next()
		if err != nil {
			return out, fmt.Errorf("events %d to %d: %w", lo, hi, err)
		}
		if !more {
			break
		}
		if len(slab) == cap(slab) {
			slab = make([]Event, 0, chunkEvents)
		}
		slab = slab[:len(slab)+1]
		e := &slab[len(slab)-1]
		var rr rowReader
		if !f.event(e) {
			*e = Event{}
			rr.event(e, r.values(r.events, chunkEventColumns))
			rr.errs = append(rr.errs, nil) // marks the event as read the slow way
		}
		out = append(out, scannedEvent{e: e})
		slow = append(slow, rr)
	}
	got := out[first:]
	if err := r.readClaims(lo, hi, got, slow); err != nil {
		return out, fmt.Errorf("claims of events %d to %d: %w", lo, hi, err)
	}
	for i := range got {
		got[i].err = slow[i].err()
		if got[i].err == nil {
			got[i].err = got[i].e.Validate()
		}
	}
	return out, nil
}

// values returns the current row of s as database/sql would give it: int64, float64,
// string, []byte or nil. The slice is reused.
func (r *chunkReader) values(s *scanStmt, n int) []any {
	v := r.vals[:n]
	for i := range v {
		v[i] = r.value(s, i)
	}
	return v
}

// maxTexts bounds the cache of repeated texts; it is emptied when full.
const maxTexts = 1 << 14

// intern returns b as a string, the same string for the same short text: actors,
// countries, claimants and publishers repeat from row to row.
func intern(texts map[string]string, b []byte) string {
	if len(b) > 64 {
		return string(b)
	}
	if t, ok := texts[string(b)]; ok {
		return t
	}
	if len(texts) >= maxTexts {
		clear(texts)
	}
	t := string(b)
	texts[t] = t
	return t
}

// value returns column i of the current row as database/sql would: int64, float64,
// string, []byte or nil.
func (r *chunkReader) value(s *scanStmt, i int) any {
	switch s.kind(i) {
	case sqlite3.SQLITE_INTEGER:
		return s.int64(i)
	case sqlite3.SQLITE_FLOAT:
		return s.float(i)
	case sqlite3.SQLITE_TEXT:
		return intern(r.texts, s.text(i))
	case sqlite3.SQLITE_BLOB:
		return append([]byte(nil), s.value(i).blob()...)
	}
	return nil
}

// rebind resets s to run again with new integer parameters.
func (s *scanStmt) rebind(args ...int64) error {
	sqlite3.Xsqlite3_reset(s.c.tls, s.st)
	for i, a := range args {
		if rc := sqlite3.Xsqlite3_bind_int64(s.c.tls, s.st, int32(i+1), a); rc != sqlite3.SQLITE_OK {
			return s.c.err(rc)
		}
	}
	return nil
}

// exec runs statements that return no rows.
func (c *scanConn) exec(q string) error {
	s, err := c.query(q)
	if err != nil {
		return err
	}
	defer s.close()
	for {
		more, err := s.next()
		if err != nil || !more {
			return err
		}
	}
}

// errNoFile means a database has no file that other connections could read.
var errNoFile = errors.New("the database has no file to read")
