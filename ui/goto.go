package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/strikemap/strikemap/geo/gazetteer"
)

// maxSuggestions is how many places the go-to box offers at once.
const maxSuggestions = 8

// GoToPlace is a search box for places in the bundled GeoNames gazetteer. As
// the user types it lists matching places under itself, best first; Down and
// Up move through the list, Enter or a tap picks the highlighted place, Esc
// closes the list. Picking calls onPick with the place's GeoNames name,
// point and population (a hint for how far to zoom).
type GoToPlace struct {
	widget.Entry
	onPick func(name string, lat, lon float64, population int)
	list   *suggestionList
	popup  *widget.PopUp
	asked  string // the text whose suggestions were asked for last
	quiet  bool   // set while the box sets its own text
}

var _ fyne.Focusable = (*GoToPlace)(nil)

// NewGoToPlace returns an empty go-to-place box that calls onPick with the
// place the user picks. It starts building the gazetteer's index in the
// background, so that the first keystroke need not wait for it.
func NewGoToPlace(onPick func(name string, lat, lon float64, population int)) *GoToPlace {
	g := &GoToPlace{onPick: onPick}
	g.ExtendBaseWidget(g)
	g.SetPlaceHolder("Go to place…")
	g.list = newSuggestionList(g)
	g.OnChanged = g.textChanged
	return g
}

// TypedKey moves through the suggestions and picks one; other keys edit the
// text.
func (g *GoToPlace) TypedKey(ev *fyne.KeyEvent) {
	if !g.navigate(ev.Name) {
		g.Entry.TypedKey(ev)
	}
}

// textChanged asks for suggestions for text. Once the index is built they
// take well under a millisecond, so they are computed here; before, they wait
// for the build on another goroutine and are shown only if the text is still
// the same.
func (g *GoToPlace) textChanged(text string) {
	if g.quiet {
		return
	}
	g.asked = text
	if strings.TrimSpace(text) == "" {
		g.hideSuggestions()
		return
	}
	if gazetteer.Ready() {
		g.showSuggestions(gazetteer.Suggest(text, maxSuggestions))
		return
	}
	go func() {
		rs := gazetteer.Suggest(text, maxSuggestions)
		fyne.Do(func() {
			if g.asked == text {
				g.showSuggestions(rs)
			}
		})
	}()
}

// showSuggestions lists rs under the box, the first highlighted, and routes
// the keyboard through the list while it shows.
func (g *GoToPlace) showSuggestions(rs []gazetteer.Result) {
	g.list.set(rs)
	if len(rs) == 0 {
		g.hideSuggestions()
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(g)
	if c == nil {
		return
	}
	if g.popup == nil {
		g.popup = widget.NewPopUp(g.list, c)
	}
	size := g.list.MinSize()
	g.popup.Resize(fyne.NewSize(max(size.Width, g.Size().Width), size.Height))
	g.popup.ShowAtRelativePosition(fyne.NewPos(0, g.Size().Height), g)
	// A pop-up takes the keyboard from the window's content; the list
	// hands typing back to the box, so the user can type on.
	c.Focus(g.list)
}

// hideSuggestions closes the list; the keyboard returns to the box.
func (g *GoToPlace) hideSuggestions() {
	if g.popup != nil && g.popup.Visible() {
		g.popup.Hide()
	}
}

// showing reports whether the list is open.
func (g *GoToPlace) showing() bool { return g.popup != nil && g.popup.Visible() }

// navigate handles the keys that work the list and reports whether key was
// one of them.
func (g *GoToPlace) navigate(key fyne.KeyName) bool {
	switch key {
	case fyne.KeyDown, fyne.KeyUp:
		switch {
		case g.showing() && key == fyne.KeyDown:
			g.list.move(1)
		case g.showing():
			g.list.move(-1)
		case g.asked == g.Text && len(g.list.results) > 0:
			g.showSuggestions(g.list.results)
		}
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		if g.asked == g.Text && len(g.list.results) > 0 {
			g.pick(g.list.selected)
		}
		return true
	case fyne.KeyEscape:
		if g.showing() {
			g.hideSuggestions()
			return true
		}
	}
	return false
}

// pick closes the list, shows the place's name in the box and hands the
// place to onPick.
func (g *GoToPlace) pick(i int) {
	if i < 0 || i >= len(g.list.results) {
		return
	}
	r := g.list.results[i]
	g.hideSuggestions()
	g.quiet = true
	g.SetText(r.Name)
	g.CursorColumn = len([]rune(r.Name)) // SetText leaves the cursor where it was
	g.Refresh()
	g.quiet = false
	g.asked = ""
	if g.onPick != nil {
		g.onPick(r.Name, r.Lat, r.Lon, r.Population)
	}
}
