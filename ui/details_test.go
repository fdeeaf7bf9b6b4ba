package ui_test

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/ui"
)

// conflictEvent is one strike with three claims that disagree: the ministry says no
// civilians died, the monitor counts 12, a wire agency doubts both and gives no figures.
func conflictEvent(t *testing.T) *data.Event {
	t.Helper()
	day := func(s string) data.Date {
		d, err := data.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	e := &data.Event{
		UID:       "test-bukamal-2015-11-15",
		DateStart: day("2015-11-15"), DatePrecision: data.DateDay,
		Location: orb.Point{40.92, 34.45}, GeoPrecision: data.GeoTown,
		Place: "Al Bukamal", Admin1: "Deir ez-Zor", Country: "Syria",
		Actor: "Russia", TargetType: "Oil facility", Weapon: "Cruise missile",
		Origin:  &data.Origin{Point: orb.Point{33.2, 34.8}, Name: "Frigate, eastern Mediterranean"},
		Summary: "Missile strike on an oil facility on the town's edge.",
		Status:  data.StatusContested,
		Claims: []data.Claim{{
			Claimant: "Ministry of Defence", Stance: data.StanceClaims,
			Killed: data.Known(40), Civilians: data.Known(0), Combatants: data.Known(40),
			Text:      "Says the strike destroyed a fuel depot and killed 40 militants, no civilians.",
			ClaimedOn: day("2015-11-16"),
			Source: data.Source{Publisher: "Ministry of Defence", Title: "Briefing on strikes in Deir ez-Zor",
				URL: "https://mod.example.org/briefing/1115", Published: day("2015-11-16")},
		}, {
			Claimant: "Local monitoring group", Stance: data.StanceReports,
			Killed: data.Known(42), Civilians: data.Known(12), Injured: data.Known(30),
			Text: "Counts 42 dead, 12 of them civilians, from hospital lists.",
			Source: data.Source{Publisher: "Monitor weekly", Title: "Dead in Al Bukamal",
				URL: "javascript:alert(1)", Published: day("2015-11-18")},
		}, {
			Claimant: "Wire agency", Stance: data.StanceDoubts,
			Text:   "Could not independently verify either count.",
			Source: data.Source{Publisher: "Wire agency", Title: "Strike on Syrian border town"},
		}},
	}
	e.Derive()
	return e
}

// showDetails puts a panel in a window the width of the right column, in a scroll as
// the app does, and shows e.
func showDetails(t *testing.T, e *data.Event, open func(*url.URL) error, copyText func(string)) (*ui.Details, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	d := ui.NewDetails(open, copyText)
	d.SetEvent(e)
	w := test.NewTempWindow(t, container.NewVScroll(d))
	w.Resize(fyne.NewSize(340, 1450)) // tall enough to show every claim without scrolling
	return d, w
}

// walk visits o and everything drawn inside it, using the renderers the canvas uses.
func walk(t *testing.T, o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.TempWidgetRenderer(t, c).Objects() {
			walk(t, child, visit)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			walk(t, child, visit)
		}
	}
}

// buttons returns the visible buttons labelled label, in the order shown.
func buttons(t *testing.T, w fyne.Window, label string) []*widget.Button {
	var out []*widget.Button
	walk(t, w.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == label && b.Visible() {
			out = append(out, b)
		}
	})
	return out
}

// shownText returns all the visible rich text of the window, one block a line.
func shownText(t *testing.T, w fyne.Window) string {
	var b strings.Builder
	walk(t, w.Content(), func(o fyne.CanvasObject) {
		if rt, ok := o.(*widget.RichText); ok && rt.Visible() {
			b.WriteString(rt.String() + "\n")
		}
	})
	return b.String()
}

func TestDetailsConflict(t *testing.T) {
	_, w := showDetails(t, conflictEvent(t), func(*url.URL) error { return nil }, func(string) {})
	test.AssertRendersToMarkup(t, "details/conflict.xml", w.Canvas())

	got := shownText(t, w)
	for _, want := range []string{
		"2015-11-15 (day)",
		"Al Bukamal, Deir ez-Zor, Syria (town)",
		"Frigate, eastern Mediterranean",
		"34.8000° N, 33.2000° E",
		"0–12 · claims conflict",
		"low 0: Ministry of Defence · high 12: Local monitoring group",
		"Civilians 0 conflicts with 12 (Local monitoring group)",
		"Civilians 12 conflicts with 0 (Ministry of Defence)",
		"Killed 40 conflicts with 42 (Local monitoring group)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("panel does not show %q; it shows:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Injured 30 conflicts") {
		t.Error("a figure only one claim gives is marked as conflicting")
	}
}

func TestDetailsOpenOnlyWebLinks(t *testing.T) {
	for name, tc := range map[string]struct {
		url      string
		wantOpen bool
	}{
		"https":          {"https://example.org/a?b=c", true},
		"http":           {"http://example.org/", true},
		"upper case":     {"HTTPS://EXAMPLE.ORG/", true},
		"javascript":     {"javascript:alert(1)", false},
		"javascript odd": {" JavaScript:alert(1)", false},
		"file":           {"file:///etc/passwd", false},
		"data":           {"data:text/html,<b>x</b>", false},
		"no host":        {"https:/just/a/path", false},
		"none":           {"", false},
	} {
		t.Run(name, func(t *testing.T) {
			e := conflictEvent(t)
			e.Claims = e.Claims[:1]
			e.Claims[0].Source.URL = tc.url
			var opened []*url.URL
			_, w := showDetails(t, e, func(u *url.URL) error { opened = append(opened, u); return nil }, nil)
			open := buttons(t, w, "Open source")
			if got := len(open) == 1; got != tc.wantOpen || len(open) > 1 {
				t.Fatalf("%d Open buttons for %q, want open=%v", len(open), tc.url, tc.wantOpen)
			}
			if !tc.wantOpen {
				return
			}
			test.Tap(open[0])
			if len(opened) != 1 || (opened[0].Scheme != "http" && opened[0].Scheme != "https") {
				t.Errorf("tapping Open opened %v", opened)
			}
		})
	}
}

func TestDetailsOpenFails(t *testing.T) {
	e := conflictEvent(t)
	_, w := showDetails(t, e, func(*url.URL) error { return errors.New("no browser") }, nil)
	test.Tap(buttons(t, w, "Open source")[0])
	if got := shownText(t, w); !strings.Contains(got, "Could not open mod.example.org: no browser") {
		t.Errorf("a failed open is not reported on the card; the panel shows:\n%s", got)
	}
}

func TestDetailsCopyCitation(t *testing.T) {
	for name, tc := range map[string]struct {
		claim int
		want  string
	}{
		"web link": {0, "Ministry of Defence, “Briefing on strikes in Deir ez-Zor”, 2015-11-16, " +
			"https://mod.example.org/briefing/1115 (claim by Ministry of Defence)"},
		"script link left out": {1, "Monitor weekly, “Dead in Al Bukamal”, 2015-11-18 (claim by Local monitoring group)"},
		"no date, no link":     {2, "Wire agency, “Strike on Syrian border town” (claim by Wire agency)"},
	} {
		t.Run(name, func(t *testing.T) {
			var copied []string
			_, w := showDetails(t, conflictEvent(t), nil, func(s string) { copied = append(copied, s) })
			copy := buttons(t, w, "Copy citation")
			if len(copy) != 3 {
				t.Fatalf("%d Copy citation buttons, want one per claim", len(copy))
			}
			test.Tap(copy[tc.claim])
			if len(copied) != 1 || copied[0] != tc.want {
				t.Errorf("copied %q\nwant   %q", copied, tc.want)
			}
			if len(buttons(t, w, "Citation copied")) != 1 {
				t.Error("the button does not say the citation was copied")
			}
		})
	}
}

func TestDetailsNilShowsHint(t *testing.T) {
	d, w := showDetails(t, conflictEvent(t), nil, nil)
	d.SetEvent(nil)
	got := shownText(t, w)
	if strings.TrimSpace(got) != "Select an event on the map or in the list" {
		t.Errorf("with no event the panel shows %q", got)
	}
	if n := len(buttons(t, w, "Copy citation")) + len(buttons(t, w, "Open source")); n != 0 {
		t.Errorf("%d buttons left over from the previous event", n)
	}
}
