package data

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// row is one event as a file gives it, before it is stored.
type row struct {
	file     string
	line     int
	e        *Event   // nil for a row that only carries warnings about the file
	problems []string // why the row cannot be stored; empty when it can
	warnings []string
	locate   bool // the row gives no coordinates: find them from e.Place and e.Country
	ranges   bool // the file gives the casualty ranges, which must match the claims
}

// invalid adds a problem to r.
func (r *row) invalid(format string, args ...any) {
	r.problems = append(r.problems, fmt.Sprintf(format, args...))
}

// warn adds a warning to r.
func (r *row) warn(format string, args ...any) {
	r.warnings = append(r.warnings, fmt.Sprintf(format, args...))
}

// decoder reads the rows of one file: io.EOF at its end, a *FileError when it cannot go on.
type decoder interface {
	next() (*row, error)
}

// newDecoder reads the format f from r.
func newDecoder(f Format, file string, r io.Reader) (decoder, error) {
	switch f {
	case FormatGeoJSON:
		return newGeoJSONDecoder(file, r), nil
	}
	t, err := newCSVTable(file, r)
	if err != nil {
		return nil, err
	}
	switch f {
	case FormatACLED:
		return newACLEDDecoder(t)
	case FormatUCDP:
		return newUCDPDecoder(t)
	}
	return newCSVDecoder(t)
}

// batch is rows handed from the reading goroutine to the writing one.
type batch struct {
	rows []*row
	read int64 // bytes read of all files so far
	err  error // the reading stopped here
}

const batchRows = 256

// run reads files on a goroutine of its own, which parses, places and validates rows,
// while this one stores them through w: on two cores the two overlap.
func (opt *ImportOptions) run(ctx context.Context, w *Writer, files []string, total int64, res *ImportResult) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch := make(chan batch, 4)
	go opt.produce(ctx, files, ch)
	defer func() {
		cancel()
		for range ch { // let the reader see the cancel and close
		}
	}()
	for b := range ch {
		for _, r := range b.rows {
			if err := opt.store(ctx, w, r, res); err != nil {
				return err
			}
		}
		if b.err != nil {
			return b.err
		}
		if opt.Progress != nil {
			opt.Progress(b.read, total)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if res.Invalid > 0 && !opt.SkipInvalid {
		return errRejected(res)
	}
	return nil
}

// store reports r's problems and warnings and stores its event when it may.
func (opt *ImportOptions) store(ctx context.Context, w *Writer, r *row, res *ImportResult) error {
	report := func(msg string, warning bool) {
		if opt.Report != nil {
			opt.Report(Problem{File: r.file, Line: r.line, Msg: msg, Warning: warning})
		}
	}
	for _, m := range r.warnings {
		res.Warnings++
		report(m, true)
	}
	if r.e == nil {
		return nil
	}
	res.Rows++
	if len(r.problems) > 0 {
		res.Invalid++
		report(strings.Join(r.problems, "; "), false)
		return nil
	}
	if res.Invalid > 0 && !opt.SkipInvalid {
		return nil // nothing will be stored: only look for more problems
	}
	added, err := w.Add(ctx, r.e)
	var other string // how the stored event of its uid differs, when it was left out
	if err == nil && !added {
		other, err = w.otherValues(ctx, r.e)
	}
	switch {
	case errors.Is(err, ErrInvalid):
		res.Invalid++
		report(problemText(err), false)
	case err != nil:
		if cerr := ctx.Err(); cerr != nil {
			// database/sql rolls the transaction back when ctx ends, and the statements
			// then fail as closed: the cancel is the cause worth reporting.
			err = cerr
		}
		if c := unwritable(classify(err)); databaseFault(c) {
			return c // the database is at fault, not the row; Import names the database
		}
		return fmt.Errorf("%s:%d: %w", r.file, r.line, err)
	case added:
		res.Added++
	default:
		res.Existing++
		if other != "" {
			res.Warnings++
			report(other, true)
		}
	}
	return nil
}

// produce reads every file in turn and sends its rows, ready to store, to ch.
func (opt *ImportOptions) produce(ctx context.Context, files []string, ch chan<- batch) {
	defer close(ch)
	var read int64
	send := func(b batch) bool {
		b.read = read
		select {
		case ch <- b:
			return b.err == nil
		case <-ctx.Done():
			return false
		}
	}
	for _, name := range files {
		err := opt.readFile(ctx, name, &read, func(rows []*row) bool { return send(batch{rows: rows}) })
		if err != nil {
			send(batch{err: err})
			return
		}
	}
}

// readFile reads one file and hands its rows on in batches while hand returns true.
func (opt *ImportOptions) readFile(ctx context.Context, name string, read *int64, hand func([]*row) bool) error {
	f, err := os.Open(name)
	if err != nil {
		return fileError(name, err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(&countReader{r: f, n: read}, 1<<16)
	format := opt.Format
	if format == "" {
		head, _ := br.Peek(1 << 14)
		if format, err = DetectFormat(name, head); err != nil {
			msg := err.Error()
			if !errors.Is(err, errEmptyFile) {
				msg += " (give --format)"
			}
			return &FileError{Problem{File: name, Line: 1, Msg: msg}}
		}
	}
	dec, err := newDecoder(format, name, br)
	if err != nil {
		return err
	}
	rows := make([]*row, 0, batchRows)
	for {
		r, err := dec.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			hand(rows)
			return err
		}
		opt.finish(r)
		if rows = append(rows, r); len(rows) == batchRows {
			if !hand(rows) {
				return ctx.Err()
			}
			rows = make([]*row, 0, batchRows)
		}
	}
	if len(rows) > 0 && !hand(rows) {
		return ctx.Err()
	}
	return nil
}

// finish places a row without coordinates and checks its event against the model.
func (opt *ImportOptions) finish(r *row) {
	e := r.e
	if e == nil || len(r.problems) > 0 {
		return
	}
	if r.locate {
		place := strings.Join(nonEmpty(e.Place, e.Admin1), ", ")
		switch {
		case e.Place == "":
			r.invalid("no coordinates and no place name to find them by")
		case opt.Geocode == nil:
			r.invalid("no coordinates (and no geocoder to place %s by its name)", quoteValue(place))
		default:
			lat, lon, ok := opt.Geocode(e.Place, e.Country)
			if !ok {
				r.invalid("no coordinates, and the place %s in %s was not found", quoteValue(e.Place), quoteValue(e.Country))
				return
			}
			e.Location = [2]float64{lon, lat}
			if e.GeoPrecision == GeoExact || e.GeoPrecision == "" {
				e.GeoPrecision = GeoTown // a name places the town, not the site
			}
			r.warn("no coordinates: placed at %v, %v by the name %s", lat, lon, quoteValue(place))
			// Marked in the event itself, so the map's reader knows the point is a guess.
			e.Summary = strings.TrimSpace(e.Summary + " [Location geocoded from the place name \"" + place + "\".]")
		}
		if len(r.problems) > 0 {
			return
		}
	}
	given := *e
	e.Derive()
	if r.ranges && (given.Killed != e.Killed || given.Civilians != e.Civilians) {
		r.warn("the casualty ranges do not match the claims; taken from the claims (killed %s..%s, civilians %s..%s)",
			e.Killed.Min, e.Killed.Max, e.Civilians.Min, e.Civilians.Max)
	}
	if err := e.Validate(); err != nil {
		r.invalid("%s", problemText(err))
		return
	}
	if lat, lon := e.Location.Lat(), e.Location.Lon(); !r.locate && opt.Swapped != nil && opt.Swapped(lat, lon, e.Country) {
		r.invalid("latitude %v, longitude %v is far from every town of %s, but %v, %v is in it: latitude and longitude swapped?",
			lat, lon, quoteValue(e.Country), lon, lat)
	}
}

// problemText joins the problems of a validation error into one line.
func problemText(err error) string {
	var parts []string
	for _, p := range Problems(err) {
		parts = append(parts, p.Error())
	}
	return strings.Join(parts, "; ")
}

// nonEmpty returns the strings of ss that are not empty.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// countReader counts the bytes read through it into n.
type countReader struct {
	r io.Reader
	n *int64
}

// Read reads from the wrapped reader, counting.
func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	*c.n += int64(n)
	return n, err
}
