package data

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// geojsonDecoder reads the features of a GeoJSON FeatureCollection one at a time, with
// the line each starts on. A feature that does not fit the export format is a bad row;
// JSON that is not JSON stops the file.
type geojsonDecoder struct {
	file    string
	s       *jsonScanner
	state   int  // where next is: geoStart, geoMembers, geoFeatures, geoDone
	first   bool // no member, or no feature, read yet
	sawType bool
}

const (
	geoStart = iota
	geoMembers
	geoFeatures
	geoDone
)

func newGeoJSONDecoder(file string, r io.Reader) *geojsonDecoder {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 1<<16)
	}
	if head, _ := br.Peek(len(utf8BOM)); bytes.Equal(head, utf8BOM) {
		br.Discard(len(utf8BOM))
	}
	return &geojsonDecoder{file: file, s: newJSONScanner(br)}
}

func (g *geojsonDecoder) next() (*row, error) {
	r, err := g.step()
	var se *jsonSyntaxError
	switch {
	case err == nil || err == io.EOF:
		return r, err
	case errors.As(err, &se):
		return nil, &FileError{Problem{File: g.file, Line: se.line, Msg: "broken JSON: " + se.msg}}
	case errors.Is(err, errNotCollection), errors.Is(err, errEmptyJSON):
		return nil, &FileError{Problem{File: g.file, Line: g.s.line, Msg: err.Error()}}
	}
	return nil, &FileError{Problem{File: g.file, Line: g.s.line, Msg: "reading: " + err.Error()}}
}

var errNotCollection = errors.New(`not a GeoJSON FeatureCollection: its "type" is not "FeatureCollection"`)

// errEmptyJSON is a file of nothing but white space, worded plainly rather than as a
// FeatureCollection that is missing.
var errEmptyJSON = errors.New("the file is empty: no GeoJSON FeatureCollection")

func (g *geojsonDecoder) step() (*row, error) {
	s := g.s
	for {
		switch g.state {
		case geoStart:
			if s.peek() == 0 && s.err == nil {
				return nil, errEmptyJSON
			}
			if err := s.expect('{', "a GeoJSON FeatureCollection, starting with {"); err != nil {
				return nil, err
			}
			g.state, g.first = geoMembers, true
		case geoMembers:
			if err := g.member(); err != nil {
				return nil, err
			}
		case geoFeatures:
			switch c := s.peek(); {
			case c == ']':
				s.pos++
				g.state = geoMembers
				continue
			case !g.first && c != ',':
				return nil, s.syntax(`want "," or "]" after a feature, found %s`, s.describe(c))
			case !g.first:
				s.pos++
			}
			g.first = false
			return g.feature()
		default:
			return nil, io.EOF
		}
	}
}

// member reads one member of the FeatureCollection, or its end.
func (g *geojsonDecoder) member() error {
	s := g.s
	c := s.peek()
	if c == '}' || !g.first && c != ',' {
		if c != '}' {
			return s.syntax(`want "," or "}" in the FeatureCollection, found %s`, s.describe(c))
		}
		s.pos++
		if !g.sawType {
			return errNotCollection
		}
		g.state = geoDone
		return s.end()
	}
	if !g.first {
		s.pos++
	}
	g.first = false
	key, err := s.str()
	if err != nil {
		return err
	}
	if err := s.expect(':', `":" after a key`); err != nil {
		return err
	}
	switch key {
	case "type":
		if s.peek() != '"' {
			return errNotCollection
		}
		if t, err := s.bytes(); err != nil {
			return err
		} else if string(t) != "FeatureCollection" {
			return errNotCollection
		}
		g.sawType = true
	case "features":
		if err := s.expect('[', "an array of features"); err != nil {
			return err
		}
		g.state, g.first = geoFeatures, true
	default:
		return s.skip()
	}
	return nil
}

// feature reads the next feature as a row.
func (g *geojsonDecoder) feature() (*row, error) {
	f := &featureReader{s: g.s}
	g.s.peek()
	f.r = &row{file: g.file, line: g.s.line, ranges: true, e: &Event{}}
	if err := f.feature(); err != nil {
		return nil, err
	}
	return f.r, nil
}
