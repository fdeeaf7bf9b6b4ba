package ui

import (
	"testing"

	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/data"
)

func day(t *testing.T, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDateText(t *testing.T) {
	for name, tc := range map[string]struct {
		start, end string
		prec       data.DatePrecision
		want       string
	}{
		"day":              {"2015-11-15", "", data.DateDay, "2015-11-15 (day)"},
		"range":            {"2015-11-01", "2015-11-07", data.DateRange, "2015-11-01 – 2015-11-07 (range)"},
		"range of one day": {"2015-11-01", "2015-11-01", data.DateRange, "2015-11-01 (range)"},
		"week with end":    {"2015-11-09", "2015-11-15", data.DateWeek, "2015-11-09 – 2015-11-15 (week)"},
		"week":             {"2015-11-09", "", data.DateWeek, "week of 2015-11-09 (week)"},
		"month":            {"2015-11-01", "2015-11-30", data.DateMonth, "November 2015 (month)"},
		"year":             {"2015-01-01", "", data.DateYear, "2015 (year)"},
		"no precision":     {"2015-11-15", "", "", "2015-11-15"},
		"no date":          {"", "", data.DateDay, "unknown"},
	} {
		t.Run(name, func(t *testing.T) {
			e := &data.Event{DatePrecision: tc.prec}
			if tc.start != "" {
				e.DateStart = day(t, tc.start)
			}
			if tc.end != "" {
				e.DateEnd = day(t, tc.end)
			}
			if got := dateText(e); got != tc.want {
				t.Errorf("dateText = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestPlaceText(t *testing.T) {
	for name, tc := range map[string]struct {
		e    data.Event
		want string
	}{
		"town":          {data.Event{Place: "Al Bukamal", Admin1: "Deir ez-Zor", Country: "Syria", GeoPrecision: data.GeoTown}, "Al Bukamal, Deir ez-Zor, Syria (town)"},
		"repeated part": {data.Event{Place: "Idlib", Admin1: "idlib", Country: "Syria", GeoPrecision: data.GeoProvince}, "Idlib, Syria (province)"},
		"country only":  {data.Event{Country: "Syria", GeoPrecision: data.GeoCountry}, "Syria (country)"},
		"line breaks":   {data.Event{Place: "Al\nBukamal "}, "Al Bukamal"},
		"nothing":       {data.Event{}, "unknown place"},
	} {
		t.Run(name, func(t *testing.T) {
			if got := placeText(&tc.e); got != tc.want {
				t.Errorf("placeText = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCoordText(t *testing.T) {
	for p, want := range map[orb.Point]string{
		{40.92, 34.45}:   "34.4500° N, 40.9200° E",
		{-58.38, -34.6}:  "34.6000° S, 58.3800° W",
		{0, 0}:           "0.0000° N, 0.0000° E",
		{33.25, 34.8001}: "34.8001° N, 33.2500° E",
	} {
		if got := coordText(p); got != want {
			t.Errorf("coordText(%v) = %q, want %q", p, got, want)
		}
	}
}

func TestTally(t *testing.T) {
	claims := []data.Claim{
		{Claimant: "Ministry", Civilians: data.Known(0)},
		{Claimant: "Monitor", Civilians: data.Known(12)},
		{Claimant: "Agency"}, // gives no figure: neither low nor high
		{Claimant: "Hospital", Civilians: data.Known(12)},
		{Claimant: "Ministry", Civilians: data.Known(0)}, // a second statement, named once
	}
	for name, tc := range map[string]struct {
		claims             []data.Claim
		wantRange, wantWho string
		wantConflict       bool
	}{
		"conflict": {claims, "0–12", "low 0: Ministry · high 12: Monitor, Hospital", true},
		"agree":    {claims[1:4], "12", "Monitor, Hospital agree", false},
		"one":      {claims[:1], "0", "given by Ministry", false},
		"none":     {claims[2:3], "unknown", "no claim gives a figure", false},
	} {
		t.Run(name, func(t *testing.T) {
			tl := tallyOf(tc.claims, figCivilians)
			if got := tl.rangeLine(); got != tc.wantRange {
				t.Errorf("range %q, want %q", got, tc.wantRange)
			}
			if got := tl.whoLine(); got != tc.wantWho {
				t.Errorf("who %q, want %q", got, tc.wantWho)
			}
			if tl.conflicting() != tc.wantConflict {
				t.Errorf("conflicting = %v, want %v", tl.conflicting(), tc.wantConflict)
			}
		})
	}
	tl := tallyOf(claims, figCivilians)
	if got := conflictLine(figCivilians, 0, tl.others(0)); got != "Civilians 0 conflicts with 12 (Monitor, Hospital)" {
		t.Errorf("conflictLine = %q", got)
	}
}

func TestCitation(t *testing.T) {
	for name, tc := range map[string]struct {
		c    data.Claim
		want string
	}{
		"full": {data.Claim{Claimant: "Monitor", Source: data.Source{Publisher: "Agency", Title: "Strike",
			Published: day(t, "2015-11-16"), URL: "https://example.org/a"}},
			"Agency, “Strike”, 2015-11-16, https://example.org/a (claim by Monitor)"},
		"line breaks folded": {data.Claim{Claimant: "Mon\nitor", Source: data.Source{Publisher: " Agency\n", Title: "Two\r\nlines"}},
			"Agency, “Two lines” (claim by Mon itor)"},
		"script link dropped": {data.Claim{Claimant: "X", Source: data.Source{Publisher: "P", URL: "javascript:alert(1)"}},
			"P (claim by X)"},
		"nothing known": {data.Claim{}, "unknown source (claim by unnamed claimant)"},
	} {
		t.Run(name, func(t *testing.T) {
			if got := citation(&tc.c); got != tc.want {
				t.Errorf("citation = %q\nwant       %q", got, tc.want)
			}
		})
	}
}
