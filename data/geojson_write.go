package data

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// encoder writes events in one file format; Export runs event on several goroutines at
// once and writes the pieces in order between head and tail.
type encoder interface {
	head() []byte
	event(dst []byte, e *Event) []byte
	first(b []byte) []byte // what to write of the first piece holding an event
	tail() []byte
}

func newEncoder(f Format) (encoder, error) {
	switch f {
	case "", FormatGeoJSON:
		return geojsonEncoder{}, nil
	case FormatCSV:
		return csvEncoder{}, nil
	}
	return nil, fmt.Errorf("export: format %q is not one of geojson, csv", string(f))
}

// geojsonEncoder writes CONTRACT.md's GeoJSON FeatureCollection, one Feature per line, so
// that the file streams, diffs and greps well. Numbers are written in the shortest form
// that reads back to the same float64, so export, import and export again give the same
// bytes.
type geojsonEncoder struct{}

func (geojsonEncoder) head() []byte { return []byte(`{"type":"FeatureCollection","features":[`) }
func (geojsonEncoder) tail() []byte { return []byte("\n]}\n") }

// first drops the comma that every feature but the first needs before it.
func (geojsonEncoder) first(b []byte) []byte {
	if len(b) > 0 && b[0] == ',' {
		return b[1:]
	}
	return b
}

func (geojsonEncoder) event(b []byte, e *Event) []byte {
	b = append(b, ",\n"+`{"type":"Feature","id":`...)
	b = appendJSONString(b, e.UID)
	b = append(b, `,"geometry":{"type":"Point","coordinates":`...)
	b = appendLonLat(b, e.Location.Lon(), e.Location.Lat())
	b = strconv.AppendInt(append(b, `},"properties":{"id":`...), e.ID, 10)
	b = appendJSONString(append(b, `,"uid":`...), e.UID)
	b = appendJSONDate(append(b, `,"date_start":`...), e.DateStart)
	b = appendJSONDate(append(b, `,"date_end":`...), e.DateEnd)
	b = appendJSONText(append(b, `,"date_precision":`...), string(e.DatePrecision))
	b = strconv.AppendFloat(append(b, `,"lat":`...), e.Lat(), 'f', -1, 64)
	b = strconv.AppendFloat(append(b, `,"lon":`...), e.Lon(), 'f', -1, 64)
	b = appendJSONText(append(b, `,"geo_precision":`...), string(e.GeoPrecision))
	b = appendJSONText(append(b, `,"place":`...), e.Place)
	b = appendJSONText(append(b, `,"admin1":`...), e.Admin1)
	b = appendJSONText(append(b, `,"country":`...), e.Country)
	b = appendJSONText(append(b, `,"actor":`...), e.Actor)
	b = appendJSONText(append(b, `,"target_type":`...), e.TargetType)
	b = appendJSONText(append(b, `,"weapon":`...), e.Weapon)
	b = append(b, `,"origin":`...)
	name := ""
	if e.Origin != nil {
		b = appendLonLat(b, e.Origin.Point.Lon(), e.Origin.Point.Lat())
		name = e.Origin.Name
	} else {
		b = append(b, "null"...)
	}
	b = appendJSONText(append(b, `,"origin_name":`...), name)
	b = appendJSONText(append(b, `,"summary":`...), e.Summary)
	b = appendJSONText(append(b, `,"status":`...), string(e.Status))
	b = appendJSONCount(append(b, `,"killed_min":`...), e.Killed.Min)
	b = appendJSONCount(append(b, `,"killed_max":`...), e.Killed.Max)
	b = appendJSONCount(append(b, `,"civilians_min":`...), e.Civilians.Min)
	b = appendJSONCount(append(b, `,"civilians_max":`...), e.Civilians.Max)
	b = append(b, `,"claims":[`...)
	for i := range e.Claims {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendClaim(b, &e.Claims[i])
	}
	return append(b, "]}}"...)
}

func appendClaim(b []byte, c *Claim) []byte {
	b = appendJSONString(append(b, `{"claimant":`...), c.Claimant)
	b = appendJSONText(append(b, `,"stance":`...), string(c.Stance))
	b = appendJSONText(append(b, `,"text":`...), c.Text)
	b = appendJSONCount(append(b, `,"killed":`...), c.Killed)
	b = appendJSONCount(append(b, `,"civilians":`...), c.Civilians)
	b = appendJSONCount(append(b, `,"combatants":`...), c.Combatants)
	b = appendJSONCount(append(b, `,"injured":`...), c.Injured)
	b = appendJSONDate(append(b, `,"claimed_on":`...), c.ClaimedOn)
	s := &c.Source
	b = appendJSONText(append(b, `,"source":{"publisher":`...), s.Publisher)
	b = appendJSONText(append(b, `,"title":`...), s.Title)
	b = appendJSONText(append(b, `,"url":`...), s.URL)
	b = appendJSONDate(append(b, `,"published":`...), s.Published)
	b = appendJSONText(append(b, `,"author":`...), s.Author)
	b = appendJSONText(append(b, `,"language":`...), s.Language)
	return append(b, "}}"...)
}

// appendLonLat writes a GeoJSON position: longitude first, as RFC 7946 has it.
func appendLonLat(b []byte, lon, lat float64) []byte {
	b = strconv.AppendFloat(append(b, '['), lon, 'f', -1, 64)
	b = strconv.AppendFloat(append(b, ','), lat, 'f', -1, 64)
	return append(b, ']')
}

// appendJSONText writes s as a JSON string, or null when empty, as unknown texts are.
func appendJSONText(b []byte, s string) []byte {
	if s == "" {
		return append(b, "null"...)
	}
	return appendJSONString(b, s)
}

func appendJSONCount(b []byte, c Count) []byte {
	if n, ok := c.Get(); ok {
		return strconv.AppendInt(b, n, 10)
	}
	return append(b, "null"...)
}

func appendJSONDate(b []byte, d Date) []byte {
	if d.IsZero() {
		return append(b, "null"...)
	}
	return append(appendDay(append(b, '"'), d), '"')
}

// appendJSONString writes s as a JSON string as encoding/json does, without its HTML
// escapes: invalid UTF-8 becomes U+FFFD, and U+2028 and U+2029 are escaped for
// JavaScript's sake.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			if r == utf8.RuneError {
				b = append(b, `\ufffd`...)
			} else {
				b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(append(b, s[start:]...), '"')
}

// appendDay writes d as YYYY-MM-DD, as Date.String does, without a time.Time.
func appendDay(b []byte, d Date) []byte {
	n := int(d) - 1 // days since 0001-01-01
	y := 1 + 400*(n/146097)
	n %= 146097
	c := min(n/36524, 3)
	n -= c * 36524
	q := n / 1461
	n %= 1461
	r := min(n/365, 3)
	n -= r * 365
	y += 100*c + 4*q + r
	m := 12
	for m > 1 {
		before := daysBefore[m-1]
		if m > 2 && isLeap(y) {
			before++
		}
		if n >= before {
			n -= before
			break
		}
		m--
	}
	b = append(b, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-')
	return append(b, byte('0'+(n+1)/10), byte('0'+(n+1)%10))
}
