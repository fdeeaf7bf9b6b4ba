package data

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/paulmach/orb"
)

// feature is one event as a Feature of CONTRACT.md's GeoJSON export.
type feature struct {
	Type       string     `json:"type"`
	ID         string     `json:"id"`
	Geometry   pointJSON  `json:"geometry"`
	Properties properties `json:"properties"`
}

type pointJSON struct {
	Type        string    `json:"type"`
	Coordinates []float64 `json:"coordinates"`
}

type properties struct {
	ID            int64         `json:"id,omitempty"`
	UID           string        `json:"uid"`
	DateStart     Date          `json:"date_start"`
	DateEnd       Date          `json:"date_end"`
	DatePrecision DatePrecision `json:"date_precision"`
	Lat           float64       `json:"lat"`
	Lon           float64       `json:"lon"`
	GeoPrecision  GeoPrecision  `json:"geo_precision"`
	Place         text          `json:"place"`
	Admin1        text          `json:"admin1"`
	Country       text          `json:"country"`
	Actor         text          `json:"actor"`
	TargetType    text          `json:"target_type"`
	Weapon        text          `json:"weapon"`
	Origin        []float64     `json:"origin"`
	OriginName    text          `json:"origin_name"`
	Summary       text          `json:"summary"`
	Status        Status        `json:"status"`
	KilledMin     Count         `json:"killed_min"`
	KilledMax     Count         `json:"killed_max"`
	CiviliansMin  Count         `json:"civilians_min"`
	CiviliansMax  Count         `json:"civilians_max"`
	Claims        []claimJSON   `json:"claims"`
}

type claimJSON struct {
	Claimant   string     `json:"claimant"`
	Stance     Stance     `json:"stance"`
	Text       text       `json:"text"`
	Killed     Count      `json:"killed"`
	Civilians  Count      `json:"civilians"`
	Combatants Count      `json:"combatants"`
	Injured    Count      `json:"injured"`
	ClaimedOn  Date       `json:"claimed_on"`
	Source     sourceJSON `json:"source"`
}

type sourceJSON struct {
	Publisher text `json:"publisher"`
	Title     text `json:"title"`
	URL       text `json:"url"`
	Published Date `json:"published"`
	Author    text `json:"author"`
	Language  text `json:"language"`
}

// text is a string that is null in JSON when empty, as unknown values are in the export.
type text string

// MarshalJSON writes an empty text as null.
func (t text) MarshalJSON() ([]byte, error) {
	if t == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(t))
}

// UnmarshalJSON reads null as the empty text.
func (t *text) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*t = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("want a string or null, got %s", b)
	}
	*t = text(s)
	return nil
}

// event turns a decoded feature into an Event; the geometry is where the event is.
func (f *feature) event() (*Event, error) {
	p := f.Properties
	if f.Type != "Feature" {
		return nil, fmt.Errorf("type %q is not Feature", f.Type)
	}
	if f.Geometry.Type != "Point" || len(f.Geometry.Coordinates) < 2 {
		return nil, fmt.Errorf("geometry is a %q, not a Point [lon, lat]", f.Geometry.Type)
	}
	loc := orb.Point{f.Geometry.Coordinates[0], f.Geometry.Coordinates[1]}
	if (p.Lat != 0 || p.Lon != 0) && (p.Lat != loc.Lat() || p.Lon != loc.Lon()) {
		return nil, fmt.Errorf("properties lat %v, lon %v disagree with the geometry [%v, %v]", p.Lat, p.Lon, loc.Lon(), loc.Lat())
	}
	e := &Event{UID: p.UID, DateStart: p.DateStart, DateEnd: p.DateEnd, DatePrecision: p.DatePrecision,
		Location: loc, GeoPrecision: p.GeoPrecision, Place: string(p.Place), Admin1: string(p.Admin1),
		Country: string(p.Country), Actor: string(p.Actor), TargetType: string(p.TargetType),
		Weapon: string(p.Weapon), Summary: string(p.Summary), Status: p.Status,
		Killed: Range{p.KilledMin, p.KilledMax}, Civilians: Range{p.CiviliansMin, p.CiviliansMax}}
	if e.UID == "" {
		e.UID = f.ID
	}
	switch {
	case len(p.Origin) >= 2:
		e.Origin = &Origin{Point: orb.Point{p.Origin[0], p.Origin[1]}, Name: string(p.OriginName)}
	case p.Origin != nil:
		return nil, errors.New("origin is not [lon, lat]")
	}
	for _, c := range p.Claims {
		e.Claims = append(e.Claims, Claim{Claimant: c.Claimant, Stance: c.Stance, Text: string(c.Text),
			Killed: c.Killed, Civilians: c.Civilians, Combatants: c.Combatants, Injured: c.Injured,
			ClaimedOn: c.ClaimedOn, Source: Source{Publisher: string(c.Source.Publisher),
				Title: string(c.Source.Title), URL: string(c.Source.URL), Published: c.Source.Published,
				Author: string(c.Source.Author), Language: string(c.Source.Language)}})
	}
	return e, nil
}

// ReadGeoJSON streams the features of a FeatureCollection in the export format and calls fn
// with each as an Event (not yet validated) and its position in the collection, from 1.
// Memory stays flat whatever the file's size.
func ReadGeoJSON(r io.Reader, fn func(n int, e *Event) error) error {
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<16))
	if err := expectDelim(dec, '{'); err != nil {
		return fmt.Errorf("not a GeoJSON FeatureCollection: %w", err)
	}
	sawType := false
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return fmt.Errorf("GeoJSON: %w", err)
		}
		switch key {
		case "type":
			var t string
			if err := dec.Decode(&t); err != nil || t != "FeatureCollection" {
				return fmt.Errorf("GeoJSON type %q is not FeatureCollection", t)
			}
			sawType = true
		case "features":
			if err := readFeatures(dec, fn); err != nil {
				return err
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return fmt.Errorf("GeoJSON member %v: %w", key, err)
			}
		}
	}
	if !sawType {
		return errors.New("GeoJSON has no \"type\": \"FeatureCollection\"")
	}
	return nil
}

func readFeatures(dec *json.Decoder, fn func(int, *Event) error) error {
	if err := expectDelim(dec, '['); err != nil {
		return fmt.Errorf("GeoJSON features: %w", err)
	}
	for n := 1; dec.More(); n++ {
		var f feature
		if err := dec.Decode(&f); err != nil {
			return fmt.Errorf("feature %d: %w", n, err)
		}
		e, err := f.event()
		if err != nil {
			return fmt.Errorf("feature %d: %w", n, err)
		}
		if err := fn(n, e); err != nil {
			return err
		}
	}
	_, err := dec.Token()
	return err
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := t.(json.Delim); !ok || d != want {
		return fmt.Errorf("want %q, found %v", want, t)
	}
	return nil
}
