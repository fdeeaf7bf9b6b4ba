package data

import (
	"bytes"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// The fuzz targets of the importers share this harness: it reads bytes as Import reads
// a file (decoder, then finish), without a database, and checks what holds whatever
// the bytes are. Each target adds the checks of its own format.

// fuzzFile is the name the harness gives the file it reads.
const fuzzFile = "fuzz.in"

// fuzzRead is what the harness read from one input.
type fuzzRead struct {
	rows  []*row   // every row, problems and warnings included
	valid []*Event // the events of the rows Import would store, in file order
	err   error    // what stopped the file; nil when it was read to its end
}

// fuzzImport decodes data as format f and checks that no row nor error points outside
// the file, that the decoder ends, and that every row it would store is a valid event.
func fuzzImport(t *testing.T, f Format, data []byte) fuzzRead {
	return fuzzImportFrom(t, f, data, bytes.NewReader(data))
}

// fuzzImportFrom is fuzzImport reading data through r, which must hold data.
func fuzzImportFrom(t *testing.T, f Format, data []byte, r io.Reader) fuzzRead {
	t.Helper()
	lines := bytes.Count(data, []byte("\n")) + 1
	opt := ImportOptions{Geocode: fuzzGeocode}
	var out fuzzRead
	dec, err := newDecoder(f, fuzzFile, r)
	// Every row but the header's warnings takes at least one byte of the file.
	for n := 0; err == nil; n++ {
		if n > len(data)+1 {
			t.Fatalf("%d rows from %d bytes: the decoder does not move on", n, len(data))
		}
		var r *row
		if r, err = dec.next(); err != nil {
			break
		}
		if r.file != fuzzFile || r.line < 1 || r.line > lines {
			t.Fatalf("row at %s:%d, outside the file's %d lines", r.file, r.line, lines)
		}
		opt.finish(r)
		for _, m := range append(r.problems, r.warnings...) {
			if strings.TrimSpace(m) == "" {
				t.Fatalf("line %d: an empty problem or warning", r.line)
			}
		}
		if r.e == nil && len(r.problems) > 0 {
			t.Fatalf("line %d: problems %q without an event", r.line, r.problems)
		}
		out.rows = append(out.rows, r)
		if r.e != nil && len(r.problems) == 0 {
			checkStorable(t, r.line, r.e)
			out.valid = append(out.valid, r.e)
		}
	}
	if err == io.EOF {
		return out
	}
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T), want a *FileError", err, err)
	}
	if fe.File != fuzzFile || fe.Line < 1 || fe.Line > lines || strings.TrimSpace(fe.Msg) == "" {
		t.Fatalf("file error %q: want %s:LINE within its %d lines and a message", fe.Error(), fuzzFile, lines)
	}
	out.err = err
	return out
}

// fuzzGeocode knows one place, so that rows without coordinates are placed or not.
func fuzzGeocode(place, country string) (lat, lon float64, ok bool) {
	if strings.EqualFold(place, "raqqa") {
		return 35.95, 39.01, true
	}
	return 0, 0, false
}

// checkStorable checks, apart from Validate, what a stored event must be.
func checkStorable(t *testing.T, line int, e *Event) {
	t.Helper()
	inRange := func(p [2]float64) bool {
		return !math.IsNaN(p[0]) && !math.IsNaN(p[1]) && p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90
	}
	switch {
	case !inRange(e.Location):
		t.Fatalf("line %d: stored at %v, outside WGS84", line, e.Location)
	case e.Origin != nil && !inRange(e.Origin.Point):
		t.Fatalf("line %d: origin %v, outside WGS84", line, e.Origin.Point)
	case strings.TrimSpace(e.UID) == "" || e.DateStart.IsZero():
		t.Fatalf("line %d: stored without a uid or a date: %+v", line, e)
	case !e.DateEnd.IsZero() && e.DateEnd < e.DateStart:
		t.Fatalf("line %d: ends %s before it starts %s", line, e.DateEnd, e.DateStart)
	case len(e.DateStart.String()) != 10:
		t.Fatalf("line %d: date %s is not YYYY-MM-DD", line, e.DateStart)
	}
	for _, s := range eventTexts(e) {
		if !utf8.ValidString(s) {
			t.Fatalf("line %d: text %q is not UTF-8", line, s)
		}
	}
	if err := e.Validate(); err != nil {
		t.Fatalf("line %d: a valid row gives an invalid event: %v", line, err)
	}
}

// eventTexts returns every text of e and its claims.
func eventTexts(e *Event) []string {
	out := []string{e.UID, string(e.DatePrecision), string(e.GeoPrecision), e.Place, e.Admin1,
		e.Country, e.Actor, e.TargetType, e.Weapon, e.Summary, string(e.Status)}
	if e.Origin != nil {
		out = append(out, e.Origin.Name)
	}
	for _, c := range e.Claims {
		out = append(out, c.Claimant, string(c.Stance), c.Text, c.Source.Publisher,
			c.Source.Title, c.Source.URL, c.Source.Author, c.Source.Language)
	}
	return out
}

// withTexts returns a copy of e with fn applied to each of its texts but its
// vocabularies' words.
func withTexts(e *Event, fn func(string) string) *Event {
	c := *e
	for _, s := range []*string{&c.UID, &c.Place, &c.Admin1, &c.Country, &c.Actor, &c.TargetType, &c.Weapon, &c.Summary} {
		*s = fn(*s)
	}
	if e.Origin != nil {
		c.Origin = &Origin{Point: e.Origin.Point, Name: fn(e.Origin.Name)}
	}
	c.Claims = append([]Claim(nil), e.Claims...)
	for i := range c.Claims {
		cl := &c.Claims[i]
		for _, s := range []*string{&cl.Claimant, &cl.Text, &cl.Source.Publisher, &cl.Source.Title,
			&cl.Source.URL, &cl.Source.Author, &cl.Source.Language} {
			*s = fn(*s)
		}
	}
	return &c
}

// checkRoundTrip exports the events Import would store in both of Strikemap's formats
// and imports them again: each must come back equal. Import keeps the first event of a
// uid, so later ones are left out here too.
func checkRoundTrip(t *testing.T, events []*Event) {
	t.Helper()
	seen := map[string]bool{}
	var want []*Event
	for _, e := range events {
		if !seen[e.UID] {
			seen[e.UID] = true
			want = append(want, e)
		}
	}
	if len(want) == 0 {
		return
	}
	for _, f := range []Format{FormatGeoJSON, FormatCSV} {
		enc, err := newEncoder(f)
		if err != nil {
			t.Fatal(err)
		}
		b := enc.head()
		for i, e := range want {
			piece := enc.event(nil, e)
			if i == 0 {
				piece = enc.first(piece)
			}
			b = append(b, piece...)
		}
		b = append(b, enc.tail()...)
		dec, err := newDecoder(f, "export", bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s export does not read back: %v\n%s", f, err, b)
		}
		for i := 0; ; i++ {
			r, err := dec.next()
			if err == io.EOF && i == len(want) {
				break
			}
			if err != nil || i >= len(want) {
				t.Fatalf("%s export, event %d of %d: %v\n%s", f, i+1, len(want), err, b)
			}
			if r.e == nil { // the header's warnings
				i--
				continue
			}
			(&ImportOptions{}).finish(r)
			if len(r.problems) > 0 {
				t.Fatalf("%s export of %q reads back invalid: %q\n%s", f, want[i].UID, r.problems, b)
			}
			w := want[i]
			if f == FormatCSV {
				// encoding/csv reads CR LF inside a quoted cell as LF, so our CSV
				// cannot carry it; every other byte must come back.
				w = withTexts(w, func(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") })
			}
			if got := r.e; !reflect.DeepEqual(got, w) {
				t.Fatalf("%s export of %q reads back different:\n got %+v\nwant %+v\n%s", f, w.UID, got, w, b)
			}
		}
	}
}

// addSeedFiles adds the files matching each pattern, relative to the package, that
// are small enough to mutate quickly.
func addSeedFiles(f *testing.F, patterns ...string) {
	f.Helper()
	for _, p := range patterns {
		names, err := filepath.Glob(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			if len(b) <= 64<<10 {
				f.Add(b)
			}
		}
	}
}

// sampleExport is the bundled sample as Export writes it in format fm.
func sampleExport(f *testing.F, fm Format) []byte {
	f.Helper()
	events, err := Sample()
	if err != nil {
		f.Fatal(err)
	}
	enc, err := newEncoder(fm)
	if err != nil {
		f.Fatal(err)
	}
	b := enc.head()
	for i := range events {
		piece := enc.event(nil, &events[i])
		if i == 0 {
			piece = enc.first(piece)
		}
		b = append(b, piece...)
	}
	return append(b, enc.tail()...)
}
