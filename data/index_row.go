package data

import (
	"math"

	sqlite3 "modernc.org/sqlite/lib"

	"github.com/strikemap/strikemap/geo/view"
)

// indexQuery reads what the index holds of the events of a range of ids, in readRow's
// column order.
const indexQuery = `SELECT id, date_start, date_end, date_precision, lat, lon, geo_precision,
	actor, target_type, status, killed_min, killed_max, origin_lat, origin_lon, place
	FROM events WHERE id BETWEEN ? AND ? ORDER BY id`

// part is the events of one range of ids, read by one goroutine, in id order.
type part struct {
	rows            []indexRow
	x, y            []float64        // world coordinates of rows
	actors, targets interner[uint16] // the codes of rows' actor and target, this part's own
	places          interner[uint32] // and of their place names, which are many more
	invalid         int
}

// indexRow is one event as read: kept whole until the rows are sorted, so that moving
// a row into its sorted place reads one cache line, not one per column.
type indexRow struct {
	id               int64
	lon, lat         float64
	start, end       Date
	killed           int32
	originX, originY float32
	actor, target    uint16
	status, prec     uint8
	place            uint32
}

// readRow appends the current row of s to p, or counts it invalid when a value is
// unreadable or breaks the rules of the model that the index relies on (Event.Validate's
// rules about the event's own columns; `strikedb check` looks at the rest). Dates and
// words of a vocabulary are read as text whatever their type, since a number never
// reads as one; each call into SQLite counts, a million times over.
func (p *part) readRow(s *scanStmt) {
	start, ok := parseDay(s.text(1))
	end := start
	endText := s.text(2)
	hasEnd := endText != nil
	if hasEnd {
		var okEnd bool
		end, okEnd = parseDay(endText)
		ok = ok && okEnd && end >= start
	}
	dp, okDP := vocab(DatePrecisions, s.text(3))
	ok = ok && okDP && (hasEnd || DatePrecisions[dp] != DateRange)
	lat, okLat := s.number(4, 90)
	lon, okLon := s.number(5, 180)
	prec, okPrec := vocab(GeoPrecisions, s.text(6))
	status, okStatus := vocab(Statuses, s.text(9))
	killed, okKilled := s.killed(10, 11)
	ok = ok && okLat && okLon && okPrec && okStatus && okKilled
	ox, oy, okOrigin := s.origin(12, 13)
	ok = ok && okOrigin
	row := indexRow{lon: lon, lat: lat, start: start, end: end, killed: killed,
		originX: ox, originY: oy, status: uint8(status), prec: uint8(prec)}
	if ok {
		row.actor, ok = p.actors.code(s, 7)
	}
	if ok {
		row.target, ok = p.targets.code(s, 8)
	}
	if ok {
		row.place, ok = p.places.code(s, 14)
	}
	if !ok {
		p.invalid++
		return
	}
	row.id = s.int64(0)
	p.rows = append(p.rows, row)
}

// number reads column i as a number within ±limit; NULL and text fail.
func (s *scanStmt) number(i int, limit float64) (float64, bool) {
	return number(s.value(i), limit)
}

// number reads v as a number within ±limit; NULL and text fail.
func number(v scanValue, limit float64) (float64, bool) {
	if k := v.kind(); k != sqlite3.SQLITE_FLOAT && k != sqlite3.SQLITE_INTEGER {
		return 0, false
	}
	f := v.float()
	return f, f >= -limit && f <= limit
}

// origin reads the launch point's columns lat and lon as world coordinates, NaN when
// either is NULL: a point of which half is missing is nowhere to draw a line to.
func (s *scanStmt) origin(lat, lon int) (x, y float32, ok bool) {
	nan := float32(math.NaN())
	vLat, vLon := s.value(lat), s.value(lon)
	nullLat, nullLon := vLat.kind() == sqlite3.SQLITE_NULL, vLon.kind() == sqlite3.SQLITE_NULL
	if nullLat && nullLon {
		return nan, nan, true
	}
	olat, okLat := number(vLat, 90)
	olon, okLon := number(vLon, 180)
	if nullLat || nullLon {
		return nan, nan, okLat || okLon // the other must still be a number in range
	}
	wx, wy := view.WorldXY([2]float64{olon, olat})
	return float32(wx), float32(wy), okLat && okLon
}

// vocab finds the text b among the words of set and returns its index.
func vocab[T ~string](set []T, b []byte) (int, bool) {
	for j, v := range set {
		if string(b) == string(v) {
			return j, true
		}
	}
	return 0, false
}

// killed reads the casualty range's columns lo and hi as the index's one figure: the
// high end, else the low end, else -1.
func (s *scanStmt) killed(lo, hi int) (int32, bool) {
	n := int32(-1)
	for _, i := range []int{lo, hi} {
		v := s.value(i)
		switch v.kind() {
		case sqlite3.SQLITE_NULL:
		case sqlite3.SQLITE_INTEGER:
			n = int32(min(max(v.int64(), 0), math.MaxInt32))
		case sqlite3.SQLITE_FLOAT:
			f := v.float()
			if f != math.Trunc(f) {
				return 0, false
			}
			n = int32(min(max(f, 0), math.MaxInt32))
		default:
			return 0, false
		}
	}
	return n, true
}

// interner gives each distinct text of a column a small code of type C, counting its uses.
type interner[C uint16 | uint32] struct {
	codes    map[string]C
	names    []string
	counts   []int
	last     C    // the code given last: rows often repeat their predecessor's value
	overflow bool // more distinct values came than there are codes
}

// code returns the code of column i of s, a text or NULL (""); a number fails, and so
// does a value past the last code, setting overflow.
func (in *interner[C]) code(s *scanStmt, i int) (C, bool) {
	var b []byte
	switch v := s.value(i); v.kind() {
	case sqlite3.SQLITE_TEXT, sqlite3.SQLITE_BLOB:
		b = v.text()
	case sqlite3.SQLITE_NULL:
	default:
		return 0, false
	}
	// Comparing with the last value costs a length test when it differs, and saves the
	// map lookup in runs of rows of one actor, target type or place.
	if len(in.names) > 0 && string(b) == in.names[in.last] {
		in.counts[in.last]++
		return in.last, true
	}
	if c, ok := in.codes[string(b)]; ok {
		in.counts[c]++
		in.last = c
		return c, true
	}
	c := C(len(in.names))
	if int(c) != len(in.names) {
		in.overflow = true
		return 0, false
	}
	if in.codes == nil {
		in.codes = map[string]C{}
	}
	in.codes[string(b)] = c
	in.names = append(in.names, string(b))
	in.counts = append(in.counts, 1)
	in.last = c
	return c, true
}

// parseDay reads YYYY-MM-DD as ParseDate does, without its allocations.
func parseDay(b []byte) (Date, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return 0, false
	}
	num := func(b []byte) int {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(b[:4]), num(b[5:7]), num(b[8:])
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return civilDay(y, m, d), true
}

// daysBefore[m-1] is the number of days of a common year before month m.
var daysBefore = [12]int{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// daysIn returns the length of month m of year y.
func daysIn(y, m int) int {
	if m == 2 && isLeap(y) {
		return 29
	}
	if m == 12 {
		return 31
	}
	return daysBefore[m] - daysBefore[m-1]
}

// civilDay returns the Date of a valid year, month and day, as DateOf does, by counting.
func civilDay(y, m, d int) Date {
	y1 := y - 1
	n := 365*y1 + y1/4 - y1/100 + y1/400 + daysBefore[m-1] + d
	if m > 2 && isLeap(y) {
		n++
	}
	return Date(n)
}
