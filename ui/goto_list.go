package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/strikemap/strikemap/geo/gazetteer"
)

// Widths of the suggestion list, so that a long name neither squeezes the
// list below the box's width nor stretches it across the window.
const (
	suggestMinWidth = 240
	suggestMaxWidth = 520
)

// suggestionList is the go-to box's list of places: one row per place, its
// name and then, dimmed, its country, population and the spelling that
// matched when that is not the name. The highlighted row follows the
// keyboard and the pointer. It holds the keyboard while it shows and hands
// typing back to the box.
type suggestionList struct {
	widget.BaseWidget
	box      *GoToPlace
	results  []gazetteer.Result
	selected int
}

var (
	_ fyne.Tappable       = (*suggestionList)(nil)
	_ fyne.Focusable      = (*suggestionList)(nil)
	_ fyne.Shortcutable   = (*suggestionList)(nil)
	_ desktop.Hoverable   = (*suggestionList)(nil)
	_ fyne.WidgetRenderer = (*suggestionRenderer)(nil)
)

func newSuggestionList(box *GoToPlace) *suggestionList {
	l := &suggestionList{box: box}
	l.ExtendBaseWidget(l)
	return l
}

// set shows rs, the first highlighted.
func (l *suggestionList) set(rs []gazetteer.Result) {
	l.results, l.selected = rs, 0
	l.Refresh()
}

// move highlights the row d rows on, wrapping round.
func (l *suggestionList) move(d int) {
	if n := len(l.results); n > 0 {
		l.selected = ((l.selected+d)%n + n) % n
		l.Refresh()
	}
}

// rowAt returns the row under y, or -1.
func (l *suggestionList) rowAt(y float32) int {
	i := int(y / suggestionRowHeight())
	if y < 0 || i >= len(l.results) {
		return -1
	}
	return i
}

// Tapped picks the row tapped.
func (l *suggestionList) Tapped(ev *fyne.PointEvent) {
	if i := l.rowAt(ev.Position.Y); i >= 0 {
		l.box.pick(i)
	}
}

// MouseIn highlights the row under the pointer.
func (l *suggestionList) MouseIn(ev *desktop.MouseEvent) { l.MouseMoved(ev) }

// MouseMoved highlights the row under the pointer.
func (l *suggestionList) MouseMoved(ev *desktop.MouseEvent) {
	if i := l.rowAt(ev.Position.Y); i >= 0 && i != l.selected {
		l.selected = i
		l.Refresh()
	}
}

// MouseOut keeps the highlight where it is, for the keyboard.
func (l *suggestionList) MouseOut() {}

// FocusGained does nothing: the box shows the text cursor.
func (l *suggestionList) FocusGained() {}

// FocusLost does nothing.
func (l *suggestionList) FocusLost() {}

// TypedRune types into the box.
func (l *suggestionList) TypedRune(r rune) { l.box.TypedRune(r) }

// TypedKey works the list, or edits the box's text.
func (l *suggestionList) TypedKey(ev *fyne.KeyEvent) { l.box.TypedKey(ev) }

// TypedShortcut hands copy, paste and the like to the box.
func (l *suggestionList) TypedShortcut(s fyne.Shortcut) { l.box.TypedShortcut(s) }

// MinSize fits the longest row, within bounds.
func (l *suggestionList) MinSize() fyne.Size {
	w := float32(suggestMinWidth)
	for _, r := range l.results {
		name, detail := suggestionText(r)
		w = max(w, measure(name, fyne.TextStyle{Bold: true}).Width+measure(detail, fyne.TextStyle{}).Width+3*theme.InnerPadding())
	}
	return fyne.NewSize(min(w, suggestMaxWidth), float32(len(l.results))*suggestionRowHeight())
}

// CreateRenderer draws the rows from canvas objects it keeps.
func (l *suggestionList) CreateRenderer() fyne.WidgetRenderer {
	r := &suggestionRenderer{l: l}
	r.Refresh()
	return r
}

// suggestionText returns what a row shows: the name, and the details after it.
func suggestionText(r gazetteer.Result) (name, detail string) {
	detail = gazetteer.CountryName(r.Country)
	if a := r.Admin1; a != "" && strings.Trim(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
		// GeoNames codes US states, Swiss cantons, the UK's nations in
		// letters that say which ("PA"); elsewhere in bare numbers.
		detail = a + ", " + detail
	}
	if r.Population > 0 {
		detail += " · " + thousands(r.Population)
	}
	if r.Spelling != r.Name {
		detail += " · “" + r.Spelling + "”"
	}
	return r.Name, detail
}

func measure(s string, style fyne.TextStyle) fyne.Size {
	return fyne.MeasureText(s, theme.TextSize(), style)
}

func suggestionRowHeight() float32 {
	return measure("Ag", fyne.TextStyle{Bold: true}).Height + 2*theme.Padding()
}

type suggestionRow struct {
	bg           *canvas.Rectangle
	name, detail *canvas.Text
}

type suggestionRenderer struct {
	l       *suggestionList
	rows    []suggestionRow
	objects []fyne.CanvasObject
}

func (r *suggestionRenderer) Layout(size fyne.Size) {
	h, pad := suggestionRowHeight(), theme.InnerPadding()
	for i, row := range r.rows {
		y := float32(i) * h
		row.bg.Move(fyne.NewPos(0, y))
		row.bg.Resize(fyne.NewSize(size.Width, h))
		ns, ds := row.name.MinSize(), row.detail.MinSize()
		row.name.Move(fyne.NewPos(pad, y+(h-ns.Height)/2))
		row.name.Resize(ns)
		x := pad + ns.Width + pad
		row.detail.Move(fyne.NewPos(x, y+(h-ds.Height)/2))
		row.detail.Resize(fyne.NewSize(max(0, size.Width-x-pad), ds.Height))
	}
}

func (r *suggestionRenderer) MinSize() fyne.Size { return r.l.MinSize() }

func (r *suggestionRenderer) Refresh() {
	for len(r.rows) < len(r.l.results) {
		row := suggestionRow{
			bg:     canvas.NewRectangle(color.Transparent),
			name:   canvas.NewText("", nil),
			detail: canvas.NewText("", nil),
		}
		row.name.TextStyle.Bold = true
		row.bg.CornerRadius = theme.SelectionRadiusSize()
		r.rows = append(r.rows, row)
	}
	r.rows = r.rows[:len(r.l.results)]
	r.objects = r.objects[:0]
	for i, row := range r.rows {
		row.name.Text, row.detail.Text = suggestionText(r.l.results[i])
		row.name.TextSize, row.detail.TextSize = theme.TextSize(), theme.TextSize()
		row.name.Color = theme.Color(theme.ColorNameForeground)
		row.detail.Color = theme.Color(theme.ColorNamePlaceHolder)
		row.bg.FillColor = color.Transparent
		if i == r.l.selected {
			row.bg.FillColor = theme.Color(theme.ColorNameSelection)
		}
		r.objects = append(r.objects, row.bg, row.name, row.detail)
	}
	r.Layout(r.l.Size())
	canvas.Refresh(r.l)
}

func (r *suggestionRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *suggestionRenderer) Destroy() {}
