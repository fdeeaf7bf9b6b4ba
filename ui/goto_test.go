package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/strikemap/strikemap/geo/gazetteer"
)

// picked is what onPick received.
type picked struct {
	name       string
	lat, lon   float64
	population int
}

// newTestGoTo returns a go-to box at the top of a window, the gazetteer's
// index built so that suggestions come at once, and what it picks.
func newTestGoTo(t *testing.T) (*GoToPlace, fyne.Window, *[]picked) {
	t.Helper()
	test.NewTempApp(t)
	gazetteer.Warm()
	var got []picked
	g := NewGoToPlace(func(name string, lat, lon float64, pop int) {
		got = append(got, picked{name, lat, lon, pop})
	})
	w := test.NewTempWindow(t, container.NewBorder(g, nil, nil, nil, widget.NewLabel("map")))
	w.Resize(fyne.NewSize(560, 360))
	w.Canvas().Focus(g)
	return g, w, &got
}

// press sends a key the way the window does: to whatever holds the keyboard,
// the list once it shows.
func press(w fyne.Window, key fyne.KeyName) {
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: key})
}

// typeFocused types s the way the window does, like press.
func typeFocused(w fyne.Window, s string) {
	for _, r := range s {
		w.Canvas().Focused().TypedRune(r)
	}
}

func TestGoToPlaceKeyboard(t *testing.T) {
	for name, tc := range map[string]struct {
		typed string
		keys  []fyne.KeyName
		pick  int  // which suggestion, as listed before the last key, is picked; -1 none
		open  bool // the list still shows
		text  string
	}{
		"Enter picks the first": {typed: "Raqq", keys: []fyne.KeyName{fyne.KeyReturn}, text: "Ar Raqqah"},
		"keypad Enter too":      {typed: "Raqq", keys: []fyne.KeyName{fyne.KeyEnter}, text: "Ar Raqqah"},
		"Down moves on":         {typed: "Deir", keys: []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyReturn}, pick: 2},
		"Up wraps round":        {typed: "Deir", keys: []fyne.KeyName{fyne.KeyUp, fyne.KeyReturn}, pick: maxSuggestions - 1},
		"Down then Up":          {typed: "Deir", keys: []fyne.KeyName{fyne.KeyDown, fyne.KeyUp, fyne.KeyReturn}, text: "Deir ez-Zor"},
		"Esc closes":            {typed: "Raqq", keys: []fyne.KeyName{fyne.KeyEscape}, pick: -1, text: "Raqq"},
		"Down reopens":          {typed: "Raqq", keys: []fyne.KeyName{fyne.KeyEscape, fyne.KeyDown}, pick: -1, open: true, text: "Raqq"},
		"Backspace edits":       {typed: "Raqqx", keys: []fyne.KeyName{fyne.KeyBackspace, fyne.KeyReturn}, text: "Ar Raqqah"},
		"nothing found":         {typed: "Qwxzzyq", keys: []fyne.KeyName{fyne.KeyReturn}, pick: -1, text: "Qwxzzyq"},
		"emptied closes":        {typed: "R", keys: []fyne.KeyName{fyne.KeyBackspace}, pick: -1},
		"Enter on nothing":      {keys: []fyne.KeyName{fyne.KeyReturn}, pick: -1},
	} {
		t.Run(name, func(t *testing.T) {
			g, w, got := newTestGoTo(t)
			typeFocused(w, tc.typed)
			var listed []gazetteer.Result // as the last key found it
			for _, k := range tc.keys {
				listed = g.list.results
				press(w, k)
			}
			var want []picked
			if tc.pick >= 0 {
				r := listed[tc.pick]
				want = []picked{{r.Name, r.Lat, r.Lon, r.Population}}
				if tc.text == "" {
					tc.text = r.Name
				}
			}
			if !slices.Equal(*got, want) {
				t.Errorf("picked %v, want %v", *got, want)
			}
			if g.showing() != tc.open {
				t.Errorf("list showing %v, want %v", g.showing(), tc.open)
			}
			if g.Text != tc.text {
				t.Errorf("box says %q, want %q", g.Text, tc.text)
			}
		})
	}
}

// TestGoToPlaceRaqq is the case: type "Raqq", pick the first.
func TestGoToPlaceRaqq(t *testing.T) {
	_, w, got := newTestGoTo(t)
	typeFocused(w, "Raqq")
	press(w, fyne.KeyReturn)
	want := []picked{{"Ar Raqqah", 35.95283, 39.00788, 177636}}
	if !slices.Equal(*got, want) {
		t.Errorf("picked %v, want %v", *got, want)
	}
}

func TestGoToPlaceTapPicks(t *testing.T) {
	g, w, got := newTestGoTo(t)
	test.Type(g, "Palmyra")
	if !g.showing() || len(g.list.results) < 2 || g.list.results[0].Name != "Tadmur" {
		t.Fatalf("suggestions for Palmyra: %v", g.list.results)
	}
	second := g.list.results[1]
	h := suggestionRowHeight()
	test.TapAt(g.list, fyne.NewPos(10, 1.5*h))
	if len(*got) != 1 || (*got)[0].name != second.Name || (*got)[0].lat != second.Lat {
		t.Errorf("tapping row 2 picked %v, want %s", *got, second.Name)
	}
	if g.showing() {
		t.Error("the list still shows after a pick")
	}
	w.Canvas().Focused().TypedRune('x')
	if g.Text != second.Name+"x" {
		t.Errorf("after the pick typing gives %q: the keyboard is not back in the box", g.Text)
	}
}

// TestGoToPlaceLooks renders the box with its list open; the master shows
// what it looks like.
func TestGoToPlaceLooks(t *testing.T) {
	_, w, _ := newTestGoTo(t)
	typeFocused(w, "Palmyra")
	press(w, fyne.KeyDown)
	test.AssertImageMatches(t, "goto/popup.png", w.Canvas().Capture())
}
