package data

import (
	"encoding/binary"
	"math"
	"unsafe"

	"github.com/paulmach/orb"
	sqlite3 "modernc.org/sqlite/lib"
)

// The export reads a row straight into the model when every value has the type the
// model wants, which is every row Writer wrote; any other row goes through rowReader,
// as DB.Events reads it, so that its problems are worded the same. The fast way spares
// an interface per value, a time.Parse per date and a string per repeated word.

// fastReader reads typed values of a scanStmt's current row, noting any that do not fit.
type fastReader struct {
	s     *scanStmt
	texts map[string]string
	bad   bool
}

// str returns column i as text: "" for NULL, bad for other types.
func (f *fastReader) str(i int) string {
	v := f.s.value(i)
	switch v.kind() {
	case sqlite3.SQLITE_TEXT:
		return string(v.text())
	case sqlite3.SQLITE_NULL:
		return ""
	}
	f.bad = true
	return ""
}

// word returns column i as str does, from a cache: the column's values repeat.
func (f *fastReader) word(i int) string {
	v := f.s.value(i)
	switch v.kind() {
	case sqlite3.SQLITE_TEXT:
		return intern(f.texts, v.text())
	case sqlite3.SQLITE_NULL:
		return ""
	}
	f.bad = true
	return ""
}

// of returns column i as one of a vocabulary's words, or its text when it is none
// (Validate says so).
func of[T ~string](f *fastReader, i int, set []T) T {
	v := f.s.value(i)
	if v.kind() == sqlite3.SQLITE_TEXT {
		if j, ok := vocab(set, v.text()); ok {
			return set[j]
		}
	}
	return T(f.word(i))
}

func (f *fastReader) date(i int) Date {
	v := f.s.value(i)
	switch v.kind() {
	case sqlite3.SQLITE_TEXT:
		if d, ok := parseDay(v.text()); ok {
			return d
		}
	case sqlite3.SQLITE_NULL:
		return 0
	}
	f.bad = true
	return 0
}

// real returns column i as a number; ok is false for NULL.
func (f *fastReader) real(i int) (float64, bool) {
	v := f.s.value(i)
	switch v.kind() {
	case sqlite3.SQLITE_FLOAT, sqlite3.SQLITE_INTEGER:
		return v.float(), true
	case sqlite3.SQLITE_NULL:
		return 0, false
	}
	f.bad = true
	return 0, false
}

func (f *fastReader) count(i int) Count {
	v := f.s.value(i)
	switch v.kind() {
	case sqlite3.SQLITE_INTEGER:
		return Known(v.int64())
	case sqlite3.SQLITE_NULL:
		return Count{}
	}
	f.bad = true
	return Count{}
}

// geomIs reports whether column i is the blob gpkgPoint writes for p.
func (f *fastReader) geomIs(i int, p orb.Point) bool {
	v := f.s.value(i)
	if v.kind() != sqlite3.SQLITE_BLOB {
		return false
	}
	b := v.blob()
	le := binary.LittleEndian
	return len(b) == 29 && string(b[:4]) == "GP\x00\x01" && le.Uint32(b[4:]) == srsWGS84 &&
		b[8] == 1 && le.Uint32(b[9:]) == 1 &&
		le.Uint64(b[13:]) == math.Float64bits(p[0]) && le.Uint64(b[21:]) == math.Float64bits(p[1])
}

// event reads the current row of chunkEventsQuery into e; false when a value does not fit.
func (f *fastReader) event(e *Event) bool {
	f.bad = false
	if f.s.kind(0) != sqlite3.SQLITE_INTEGER {
		return false
	}
	e.ID = f.s.int64(0)
	e.UID = f.str(2)
	e.DateStart, e.DateEnd = f.date(3), f.date(4)
	e.DatePrecision = of(f, 5, DatePrecisions)
	lat, okLat := f.real(6)
	lon, okLon := f.real(7)
	e.Location = orb.Point{lon, lat}
	if !okLat || !okLon || !f.geomIs(1, e.Location) {
		return false
	}
	e.GeoPrecision = of(f, 8, GeoPrecisions)
	e.Place, e.Admin1, e.Country = f.word(9), f.word(10), f.word(11)
	e.Actor, e.TargetType, e.Weapon = f.word(12), f.word(13), f.word(14)
	olat, okOLat := f.real(15)
	olon, okOLon := f.real(16)
	if name := f.word(17); okOLat || okOLon || name != "" {
		e.Origin = &Origin{Point: orb.Point{olon, olat}, Name: name}
	}
	e.Summary = f.str(18)
	e.Status = of(f, 19, Statuses)
	e.Killed = Range{f.count(20), f.count(21)}
	e.Civilians = Range{f.count(22), f.count(23)}
	return !f.bad
}

// claim reads the current row of chunkClaimsQuery into c, all but the source; false
// when a value does not fit.
func (f *fastReader) claim(c *Claim) bool {
	f.bad = false
	if f.s.kind(1) != sqlite3.SQLITE_INTEGER {
		return false
	}
	c.EventID, c.ID = f.s.int64(0), f.s.int64(1)
	c.Claimant = f.word(2)
	c.Stance = of(f, 3, Stances)
	c.Text = f.str(4)
	c.Killed, c.Civilians, c.Combatants, c.Injured = f.count(5), f.count(6), f.count(7), f.count(8)
	c.ClaimedOn = f.date(9)
	return !f.bad
}

// blob returns the value as bytes, valid until the next step; unlike text, it leaves a
// blob a blob, so a later look at its kind still says so.
func (v scanValue) blob() []byte {
	p := sqlite3.Xsqlite3_value_blob(v.tls, v.v)
	if p == 0 {
		return nil
	}
	n := sqlite3.Xsqlite3_value_bytes(v.tls, v.v)
	return unsafe.Slice((*byte)(cmem(p)), max(n, 0))
}
