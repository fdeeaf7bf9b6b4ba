package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// checkRow is one value of a checklist: a tick box, the value's name and its count,
// over a faint bar as long as the count's share of the list's largest count. A tap, or
// Space when focused, calls onTap.
type checkRow struct {
	widget.BaseWidget
	name    string
	count   int     // -1: not known yet
	share   float32 // count / the list's largest count, 0..1
	checked bool
	onTap   func()

	hovered, focused bool
}

var (
	_ fyne.Tappable     = (*checkRow)(nil)
	_ fyne.Focusable    = (*checkRow)(nil)
	_ desktop.Hoverable = (*checkRow)(nil)
)

func newCheckRow(onTap func()) *checkRow {
	r := &checkRow{count: -1, onTap: onTap}
	r.ExtendBaseWidget(r)
	return r
}

// set changes what the row shows, refreshing only when something differs.
func (r *checkRow) set(name string, count int, share float32, checked bool) {
	if r.name == name && r.count == count && r.share == share && r.checked == checked {
		return
	}
	r.name, r.count, r.share, r.checked = name, count, share, checked
	r.Refresh()
}

// Tapped toggles the value.
func (r *checkRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

// FocusGained shows the focus ring.
func (r *checkRow) FocusGained() { r.focused = true; r.Refresh() }

// FocusLost hides the focus ring.
func (r *checkRow) FocusLost() { r.focused = false; r.Refresh() }

// TypedRune toggles the value on Space.
func (r *checkRow) TypedRune(c rune) {
	if c == ' ' && r.onTap != nil {
		r.onTap()
	}
}

// TypedKey ignores keys; Tab moves focus on through the canvas.
func (r *checkRow) TypedKey(*fyne.KeyEvent) {}

// MouseIn highlights the row.
func (r *checkRow) MouseIn(*desktop.MouseEvent) { r.hovered = true; r.Refresh() }

// MouseMoved does nothing: the whole row is one target.
func (r *checkRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut ends the highlight.
func (r *checkRow) MouseOut() { r.hovered = false; r.Refresh() }

// CreateRenderer draws the row from canvas objects it keeps.
func (r *checkRow) CreateRenderer() fyne.WidgetRenderer {
	rect := func() *canvas.Rectangle { return canvas.NewRectangle(color.Transparent) }
	rr := &checkRowRenderer{row: r, back: rect(), bar: rect(),
		box: canvas.NewImageFromResource(nil), tick: canvas.NewImageFromResource(nil),
		name: canvas.NewText("", nil), count: canvas.NewText("", nil)}
	rr.count.Alignment = fyne.TextAlignTrailing
	rr.Refresh()
	return rr
}

type checkRowRenderer struct {
	row         *checkRow
	back, bar   *canvas.Rectangle // hover or focus highlight; the count's bar
	box, tick   *canvas.Image     // the box's fill, then its outline or tick
	name, count *canvas.Text
}

func (rr *checkRowRenderer) Destroy() {}

func (rr *checkRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.back, rr.bar, rr.box, rr.tick, rr.name, rr.count}
}

func (rr *checkRowRenderer) MinSize() fyne.Size {
	th := rr.row.Theme()
	text := fyne.MeasureText("Mg", th.Size(theme.SizeNameText), fyne.TextStyle{})
	pad := th.Size(theme.SizeNamePadding)
	return fyne.NewSize(th.Size(theme.SizeNameInlineIcon)+8*pad, text.Height+2*pad)
}

func (rr *checkRowRenderer) Layout(size fyne.Size) {
	th := rr.row.Theme()
	pad := th.Size(theme.SizeNamePadding)
	icon := th.Size(theme.SizeNameInlineIcon) * 0.85
	rr.back.Resize(size)
	rr.box.Move(fyne.NewPos(pad, (size.Height-icon)/2))
	rr.box.Resize(fyne.NewSquareSize(icon))
	rr.tick.Move(rr.box.Position())
	rr.tick.Resize(rr.box.Size())

	textX := pad*3 + icon
	countW := fyne.MeasureText(rr.count.Text, rr.count.TextSize, rr.count.TextStyle).Width
	rr.count.Move(fyne.NewPos(size.Width-2*pad-countW, 0))
	rr.count.Resize(fyne.NewSize(countW, size.Height))
	avail := size.Width - textX - countW - 4*pad
	rr.name.Text = ellipsize(rr.row.name, avail, rr.name.TextSize, rr.name.TextStyle)
	rr.name.Move(fyne.NewPos(textX, 0))
	rr.name.Resize(fyne.NewSize(max(avail, 0), size.Height))

	barX := textX - pad
	rr.bar.Move(fyne.NewPos(barX, 2))
	rr.bar.Resize(fyne.NewSize((size.Width-barX)*rr.row.share, size.Height-4))
}

func (rr *checkRowRenderer) Refresh() {
	r := rr.row
	th := r.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	if r.count == 0 {
		fg = th.Color(theme.ColorNameDisabled, v)
	}
	rr.name.Color, rr.name.TextSize = fg, th.Size(theme.SizeNameText)
	rr.count.Color, rr.count.TextSize = th.Color(theme.ColorNamePlaceHolder, v), th.Size(theme.SizeNameCaptionText)
	rr.count.Text = ""
	if r.count >= 0 {
		rr.count.Text = thousands(r.count)
	}
	rr.back.FillColor = color.Transparent
	switch {
	case r.focused:
		rr.back.FillColor = th.Color(theme.ColorNameFocus, v)
	case r.hovered:
		rr.back.FillColor = th.Color(theme.ColorNameHover, v)
	}
	rr.back.CornerRadius = th.Size(theme.SizeNameSelectionRadius)

	barName := theme.ColorNameDisabled
	box, tick := theme.NewThemedResource(th.Icon(theme.IconNameCheckButtonFill)), theme.NewThemedResource(th.Icon(theme.IconNameCheckButton))
	box.ColorName, tick.ColorName = theme.ColorNameInputBackground, theme.ColorNameInputBorder
	if r.checked {
		barName = theme.ColorNamePrimary
		tick = theme.NewThemedResource(th.Icon(theme.IconNameCheckButtonChecked))
		box.ColorName, tick.ColorName = theme.ColorNameBackground, theme.ColorNamePrimary
	}
	rr.bar.FillColor = withAlpha(th.Color(barName, v), 0x30)
	rr.bar.CornerRadius = th.Size(theme.SizeNameSelectionRadius)
	rr.box.Resource, rr.tick.Resource = box, tick
	rr.Layout(r.Size())
	for _, o := range rr.Objects() {
		o.Refresh()
	}
}

// withAlpha returns c at opacity a (0..255), for tints of theme colours.
func withAlpha(c color.Color, a uint8) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(uint16(n.A) * uint16(a) / 255)
	return n
}

// ellipsize shortens s with "…" until it fits width at the given text size.
func ellipsize(s string, width, size float32, style fyne.TextStyle) string {
	if width <= 0 {
		return ""
	}
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)-1 // the longest prefix that fits is in [lo, hi]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}
