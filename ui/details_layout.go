package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// textStyle is how one run of panel text looks: its theme colour, size and face.
type textStyle struct {
	color fyne.ThemeColorName
	size  fyne.ThemeSizeName
	face  fyne.TextStyle
}

// The panel's text styles; colours are theme names so light and dark themes both work.
var (
	styleBody    = textStyle{theme.ColorNameForeground, theme.SizeNameText, fyne.TextStyle{}}
	styleStrong  = textStyle{theme.ColorNameForeground, theme.SizeNameText, fyne.TextStyle{Bold: true}}
	styleKey     = textStyle{theme.ColorNamePlaceHolder, theme.SizeNameText, fyne.TextStyle{}}
	styleNote    = textStyle{theme.ColorNamePlaceHolder, theme.SizeNameCaptionText, fyne.TextStyle{}}
	styleNoteKey = textStyle{theme.ColorNamePlaceHolder, theme.SizeNameCaptionText, fyne.TextStyle{Bold: true}}
	styleSmall   = textStyle{theme.ColorNameForeground, theme.SizeNameCaptionText, fyne.TextStyle{}}
	styleTitle   = textStyle{theme.ColorNameForeground, theme.SizeNameSubHeadingText, fyne.TextStyle{Bold: true}}
	styleSection = textStyle{theme.ColorNamePrimary, theme.SizeNameCaptionText, fyne.TextStyle{Bold: true}}
)

// spanSeg is a run of text that flows on after the one before it.
func spanSeg(s string, st textStyle) *widget.TextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyle{
		ColorName: st.color, SizeName: st.size, TextStyle: st.face, Inline: true,
	}}
}

// lineSeg is a run of text that ends its line.
func lineSeg(s string, st textStyle) *widget.TextSegment {
	seg := spanSeg(s, st)
	seg.Style.Inline = false
	return seg
}

// richText returns word-wrapped rich text made of segs; database text goes in as plain
// segments, never parsed as Markdown.
func richText(segs ...widget.RichTextSegment) *widget.RichText {
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// fieldsLayout lays out key/value pairs in two columns: keys as wide as the widest
// key (and at least as wide as widest, so several groups line up), values wrapping
// in the rest of the width. Each value is measured after it is given its width, so
// wrapped text gets its true height.
type fieldsLayout struct{ widest string }

// Layout places each pair on its own row.
func (l fieldsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	kw := l.keyWidth(objs)
	vw := fyne.Max(size.Width-kw, 0)
	var y float32
	for i := 0; i+1 < len(objs); i += 2 {
		k, v := objs[i], objs[i+1]
		if !v.Visible() {
			continue
		}
		v.Resize(fyne.NewSize(vw, v.Size().Height))
		h := fyne.Max(k.MinSize().Height, v.MinSize().Height)
		k.Move(fyne.NewPos(0, y))
		k.Resize(fyne.NewSize(kw, k.MinSize().Height))
		v.Move(fyne.NewPos(kw, y))
		v.Resize(fyne.NewSize(vw, h))
		y += h
	}
}

// MinSize is the key column plus the widest value, and the rows' heights at the
// widths they were last laid out at.
func (l fieldsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	kw := l.keyWidth(objs)
	var w, h float32
	for i := 0; i+1 < len(objs); i += 2 {
		k, v := objs[i], objs[i+1]
		if !v.Visible() {
			continue
		}
		vm := v.MinSize()
		w = fyne.Max(w, vm.Width)
		h += fyne.Max(k.MinSize().Height, vm.Height)
	}
	return fyne.NewSize(kw+w, h)
}

func (l fieldsLayout) keyWidth(objs []fyne.CanvasObject) float32 {
	w := fyne.MeasureText(l.widest, theme.TextSize(), fyne.TextStyle{}).Width + 2*compactInnerPadding
	for i := 0; i+1 < len(objs); i += 2 {
		if objs[i+1].Visible() {
			w = fyne.Max(w, objs[i].MinSize().Width)
		}
	}
	return w
}

// compactInnerPadding is the padding inside text and buttons in the panel: half the
// usual, so an event and its claims fit a narrow column the way a GIS info panel does.
const compactInnerPadding = 4

// compactTheme is the app's current theme with compactInnerPadding; colours, fonts and
// icons are looked up each time, so a switch between light and dark still applies.
type compactTheme struct{}

func (compactTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return appTheme().Color(n, v)
}

func (compactTheme) Font(s fyne.TextStyle) fyne.Resource { return appTheme().Font(s) }

func (compactTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return appTheme().Icon(n) }

func (compactTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameInnerPadding {
		return compactInnerPadding
	}
	return appTheme().Size(n)
}

// appTheme is the app's own theme; theme.Current would return compactTheme itself
// while the panel is drawn.
func appTheme() fyne.Theme {
	if th := fyne.CurrentApp().Settings().Theme(); th != nil {
		return th
	}
	return theme.DefaultTheme()
}
