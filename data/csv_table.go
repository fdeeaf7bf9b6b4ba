package data

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// csvTable reads a CSV file with a header row, as spreadsheets and data portals write
// them: a byte-order mark, CRLF line ends, quoted commas, quotes and line breaks.
type csvTable struct {
	file   string
	r      *csv.Reader
	cols   map[string]int // column name (folded) to its index
	names  []string       // the header's column names, as written
	header int            // how many columns the header names
}

// newCSVTable reads the header of a CSV file.
func newCSVTable(file string, r io.Reader) (*csvTable, error) {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 1<<16)
	}
	if head, _ := br.Peek(len(utf8BOM)); bytes.Equal(head, utf8BOM) {
		br.Discard(len(utf8BOM))
	}
	if head, _ := br.Peek(2); bytes.Equal(head, utf16BOMs[0]) || bytes.Equal(head, utf16BOMs[1]) {
		return nil, &FileError{Problem{File: file, Line: 1, Msg: "the file is UTF-16 text; save it as UTF-8 (in a spreadsheet: CSV UTF-8)"}}
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // a row of the wrong length is one bad row, not a broken file
	cr.ReuseRecord = true
	header, err := cr.Read()
	switch {
	case err == io.EOF:
		return nil, &FileError{Problem{File: file, Line: 1, Msg: "the file is empty: no header row"}}
	case err != nil:
		return nil, csvFileError(file, err)
	}
	t := &csvTable{file: file, r: cr, cols: make(map[string]int, len(header)), header: len(header)}
	t.names = append(t.names, header...) // the reader reuses header's array
	for i, h := range header {
		if _, dup := t.cols[columnName(h)]; !dup {
			t.cols[columnName(h)] = i
		}
	}
	return t, nil
}

// columnLabel names column i for a message: by its header when that reads, else by number.
func (t *csvTable) columnLabel(i int) string {
	if i < len(t.names) && t.names[i] != "" && utf8.ValidString(t.names[i]) {
		return cutValue(t.names[i])
	}
	return fmt.Sprintf("column %d", i+1)
}

// col returns the index of a column, or -1 when the file lacks it.
func (t *csvTable) col(name string) int {
	if i, ok := t.cols[name]; ok {
		return i
	}
	return -1
}

// missing returns the columns of names the header lacks.
func (t *csvTable) missing(names []string) []string {
	var out []string
	for _, n := range names {
		if t.col(n) < 0 {
			out = append(out, n)
		}
	}
	return out
}

// require returns a FileError naming the columns of names the header lacks, or nil.
func (t *csvTable) require(names ...string) error {
	if m := t.missing(names); len(m) > 0 {
		return &FileError{Problem{File: t.file, Line: 1, Msg: "the header lacks the column(s) " + strings.Join(m, ", ")}}
	}
	return nil
}

// withHeader makes d hand out, before its rows, a row warning that the header lacks
// columns of optional, whose values are then taken as what says.
func (t *csvTable) withHeader(d decoder, optional []string, what string) decoder {
	m := t.missing(optional)
	if len(m) == 0 {
		return d
	}
	r := &row{file: t.file, line: 1}
	r.warn("the header lacks the column(s) %s: %s", strings.Join(m, ", "), what)
	return &headerFirst{r, d}
}

// headerFirst hands out a row of warnings about a file's header before the file's rows.
type headerFirst struct {
	header *row
	decoder
}

func (h *headerFirst) next() (*row, error) {
	if r := h.header; r != nil {
		h.header = nil
		return r, nil
	}
	return h.decoder.next()
}

// next reads the next record and the line it starts on. The record is reused by the
// following call. A record of the wrong length or with text that is not UTF-8 comes
// with a problem in r; io.EOF ends the file; other errors stop it.
func (t *csvTable) next() (rec []string, r *row, err error) {
	rec, err = t.r.Read()
	if err != nil {
		if err == io.EOF {
			return nil, nil, err
		}
		return nil, nil, csvFileError(t.file, err)
	}
	line, _ := t.r.FieldPos(0)
	r = &row{file: t.file, line: line}
	if len(rec) != t.header {
		r.invalid("%d cells, but the header has %d columns", len(rec), t.header)
	}
	for i, s := range rec {
		if !utf8.ValidString(s) {
			r.invalid("%s is not UTF-8 text; save the file as UTF-8", t.columnLabel(i))
			break
		}
	}
	return rec, r, nil
}

// csvFileError words a CSV syntax error as a problem of the file at its line.
func csvFileError(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &FileError{Problem{File: file, Line: pe.Line, Msg: "broken CSV: " + pe.Err.Error()}}
	}
	return fmt.Errorf("%s: %w", file, err)
}

// cells reads a record's values by column index, adding what is wrong to a row.
type cells struct {
	rec []string
	r   *row
}

// get returns the trimmed text of column i, or "" when the file lacks the column.
func (c cells) get(i int) string {
	if i < 0 || i >= len(c.rec) {
		return ""
	}
	return strings.TrimSpace(c.rec[i])
}

// raw returns the text of column i as it is, or "" when the file lacks the column.
func (c cells) raw(i int) string {
	if i < 0 || i >= len(c.rec) {
		return ""
	}
	return c.rec[i]
}

// float reads column i, named name, as a number; ok is false when it is empty or bad.
func (c cells) float(name string, i int) (v float64, ok bool) {
	s := c.get(i)
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != v {
		c.r.invalid("%s %s is not a number", name, quoteValue(s))
		return 0, false
	}
	return v, true
}

// count reads column i, named name, as a figure: empty is unknown.
func (c cells) count(name string, i int) Count {
	s := c.get(i)
	if s == "" {
		return Count{}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || f != float64(int64(f)) {
			c.r.invalid("%s %s is not a whole number", name, quoteValue(s))
			return Count{}
		}
		n = int64(f) // "12.0", as some tools write integers
	}
	if n < 0 {
		c.r.invalid("%s %d is negative", name, n)
		return Count{}
	}
	return Known(n)
}

// date reads column i, named name, as YYYY-MM-DD, allowing a time after it; empty is no date.
func (c cells) date(name string, i int) Date {
	s := c.get(i)
	if s == "" {
		return 0
	}
	day := s
	if len(s) > 10 && (s[10] == ' ' || s[10] == 'T') {
		day = s[:10] // "2017-01-03 00:00:00.000", as UCDP writes dates
	}
	if d, ok := parseDay([]byte(day)); ok {
		return d
	}
	c.r.invalid("%s %s is not a real day as YYYY-MM-DD", name, quoteValue(s))
	return 0
}

// point reads a latitude and a longitude column into e.Location, checking their ranges.
// When both are empty the row is marked to be placed by its place name.
func (c cells) point(e *Event, latName string, lat int, lonName string, lon int) {
	sLat, sLon := c.get(lat), c.get(lon)
	switch {
	case sLat == "" && sLon == "":
		c.r.locate = true
		return
	case sLat == "":
		c.r.invalid("%s is empty but %s is not", latName, lonName)
	case sLon == "":
		c.r.invalid("%s is empty but %s is not", lonName, latName)
	}
	vlat, okLat := c.float(latName, lat)
	vlon, okLon := c.float(lonName, lon)
	if okLat && (vlat < -90 || vlat > 90) {
		c.r.invalid("%s %v is outside -90..90", latName, vlat)
	}
	if okLon && (vlon < -180 || vlon > 180) {
		c.r.invalid("%s %v is outside -180..180", lonName, vlon)
	}
	e.Location = [2]float64{vlon, vlat}
}
