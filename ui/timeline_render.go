package ui

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// CreateRenderer builds the timeline's canvas objects: the bars are one raster, the
// window, its edges and the texts are objects over it.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	rect := func() *canvas.Rectangle { return canvas.NewRectangle(color.Transparent) }
	r := &timelineRenderer{t: t, bg: rect(), shade: rect(),
		edges: [2]*canvas.Rectangle{rect(), rect()}, knobs: [2]*canvas.Rectangle{rect(), rect()},
		peak: canvas.NewText("", nil), info: canvas.NewText("", nil), empty: canvas.NewText("No events to show", nil)}
	r.raster = canvas.NewRaster(r.paint)
	r.info.Alignment = fyne.TextAlignTrailing
	r.empty.Alignment = fyne.TextAlignCenter
	r.Refresh()
	return r
}

type timelineRenderer struct {
	t                  *Timeline
	raster             *canvas.Raster
	bg, shade          *canvas.Rectangle
	edges, knobs       [2]*canvas.Rectangle
	peak, info, empty  *canvas.Text
	labels             []*canvas.Text // pooled; the first len(ticks) are shown
	img                *image.RGBA    // the bars, redrawn into on each paint
	ticks              []axisTick
	accent, grey, grid color.NRGBA
	major, hover       color.NRGBA
}

func (r *timelineRenderer) Destroy() {}

// MinSize is wide enough for a few axis labels and tall enough for both buttons.
func (r *timelineRenderer) MinSize() fyne.Size {
	pad := r.t.Theme().Size(theme.SizeNamePadding)
	b := r.t.play.MinSize()
	return fyne.NewSize(240, max(96, 2*b.Height+3*pad))
}

func (r *timelineRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.bg, r.raster, r.shade, r.edges[0], r.edges[1], r.knobs[0], r.knobs[1],
		r.peak, r.info, r.empty, r.t.play, r.t.clear}
	for _, l := range r.labels {
		objs = append(objs, l)
	}
	return objs
}

func (r *timelineRenderer) Layout(size fyne.Size) {
	t := r.t
	th := t.Theme()
	pad := th.Size(theme.SizeNamePadding)
	bs := t.play.MinSize()
	t.play.Move(fyne.NewPos(pad, pad))
	t.play.Resize(bs)
	t.clear.Move(fyne.NewPos(pad, pad*2+bs.Height))
	t.clear.Resize(t.clear.MinSize())

	pa := t.plot()
	r.bg.Move(fyne.NewPos(pa.x, pa.y))
	r.bg.Resize(fyne.NewSize(pa.w, pa.h))
	r.raster.Move(r.bg.Position())
	r.raster.Resize(r.bg.Size())
	r.empty.Move(fyne.NewPos(pa.x, pa.y+pa.h/2-r.empty.MinSize().Height/2))
	r.empty.Resize(fyne.NewSize(pa.w, r.empty.MinSize().Height))
	r.peak.Move(fyne.NewPos(pa.x, pad))
	r.info.Move(fyne.NewPos(pa.x+pa.w-r.info.MinSize().Width, pad))
	r.layoutWindow(pa)
	r.layoutLabels(pa)
}

// layoutWindow places the shaded window and its two edges with grab knobs.
func (r *timelineRenderer) layoutWindow(pa plotArea) {
	lo, hi, ok := r.t.window()
	objs := []fyne.CanvasObject{r.shade, r.edges[0], r.edges[1], r.knobs[0], r.knobs[1]}
	for _, o := range objs {
		o.Hide()
	}
	if !ok || pa.w <= 0 {
		return
	}
	xl, xr := r.t.xAt(lo), r.t.xAt(hi)
	r.shade.Move(fyne.NewPos(xl, pa.y))
	r.shade.Resize(fyne.NewSize(xr-xl, pa.h))
	knobH := min(pa.h/2, 18)
	for i, x := range []float32{xl, xr} {
		r.edges[i].Move(fyne.NewPos(x-1, pa.y))
		r.edges[i].Resize(fyne.NewSize(2, pa.h))
		r.knobs[i].Move(fyne.NewPos(x-3, pa.y+(pa.h-knobH)/2))
		r.knobs[i].Resize(fyne.NewSize(6, knobH))
	}
	for _, o := range objs {
		o.Show()
	}
}

// layoutLabels centres each tick's label under it, kept inside the plot, leaving out
// those that would crowd the one before.
func (r *timelineRenderer) layoutLabels(pa plotArea) {
	t := r.t
	r.ticks = nil
	if len(t.counts) > 0 && pa.w > 0 {
		first, end := t.edges[0], t.edges[len(t.edges)-1]
		r.ticks = axisTicks(first, end, pa.w/float32(end-first), 64)
	}
	for len(r.labels) < len(r.ticks) {
		r.labels = append(r.labels, canvas.NewText("", nil))
	}
	right := pa.x - 1
	for i, l := range r.labels {
		l.Hide()
		if i >= len(r.ticks) {
			continue
		}
		tk := r.ticks[i]
		l.Text, l.TextStyle.Bold = tk.label, tk.major
		l.TextSize = t.Theme().Size(theme.SizeNameCaptionText)
		l.Color = r.grid
		if tk.major {
			l.Color = r.major
		}
		w := l.MinSize().Width
		x := min(max(t.xAt(binPos(t.edges, tk.day))-w/2, pa.x), pa.x+pa.w-w)
		if x < right+8 {
			continue
		}
		l.Move(fyne.NewPos(x, pa.y+pa.h+1))
		l.Show()
		right = x + w
	}
}

func (r *timelineRenderer) Refresh() {
	t := r.t
	th := t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	col := func(n fyne.ThemeColorName, a uint8) color.NRGBA { return withAlpha(th.Color(n, v), a) }
	r.accent, r.grey = col(theme.ColorNamePrimary, 0xff), col(theme.ColorNameForeground, 0x50)
	r.grid, r.major, r.hover = col(theme.ColorNamePlaceHolder, 0xff), col(theme.ColorNameForeground, 0xff), col(theme.ColorNameHover, 0xff)
	r.bg.FillColor = col(theme.ColorNameInputBackground, 0xff)
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.shade.FillColor = col(theme.ColorNamePrimary, 0x2a)
	for i := range r.edges {
		r.edges[i].FillColor = r.accent
		r.knobs[i].FillColor, r.knobs[i].CornerRadius = r.accent, 3
	}
	caption := th.Size(theme.SizeNameCaptionText)
	r.peak.Text, r.peak.TextSize, r.peak.Color = "", caption, r.grid
	if t.peak > 0 {
		r.peak.Text = "peak " + thousands(t.peak) + " " + perUnit(t.unit)
	}
	r.info.Text, r.info.TextSize, r.info.Color = t.hoverText(), caption, r.major
	r.info.TextStyle.Bold = t.hover >= 0
	r.empty.TextSize, r.empty.Color = th.Size(theme.SizeNameText), r.grid
	r.empty.Hidden = len(t.counts) > 0
	r.Layout(t.Size())
	for _, o := range r.Objects() {
		if o != t.play && o != t.clear {
			o.Refresh()
		}
	}
	t.play.Refresh()
	t.clear.Refresh()
}

// paint draws the gridlines and bars for a plot of w×h pixels: bars inside the window
// in the accent colour, the others grey, the hovered one over a highlight.
func (r *timelineRenderer) paint(w, h int) image.Image {
	if r.img == nil || r.img.Rect.Dx() != w || r.img.Rect.Dy() != h {
		r.img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	img := r.img
	clear(img.Pix)
	t := r.t
	n := len(t.counts)
	if n == 0 || w <= 0 || h <= 0 {
		return img
	}
	fw := float64(w)
	px := func(p float64) int { return int(math.Round(p / float64(n) * fw)) }
	for _, tk := range r.ticks {
		c := withAlpha(r.grid, 0x40)
		if tk.major {
			c = withAlpha(r.grid, 0x80)
		}
		fillRect(img, px(binPos(t.edges, tk.day)), 0, 1, h, c)
	}
	lo, hi, ok := t.window()
	wl, wr := px(lo), px(hi)
	if !ok {
		wl, wr = 0, w
	}
	for i, c := range t.counts {
		x0, x1 := px(float64(i)), px(float64(i+1))
		if x1-x0 >= 4 {
			x1-- // a gap between wide bars
		}
		x1 = max(x1, x0+1)
		if i == t.hover {
			fillRect(img, x0, 0, x1-x0, h, r.hover)
		}
		if c <= 0 || t.peak <= 0 {
			continue
		}
		bh := max(1, int(math.Ceil(float64(c)/float64(t.peak)*float64(h-2))))
		for x := x0; x < x1; x++ {
			c := r.grey
			if x >= wl && x < wr {
				c = r.accent
			}
			fillRect(img, x, h-bh, 1, bh, c)
		}
	}
	return img
}

// fillRect blends c over the w×h rectangle at x, y of img, clipped to it.
func fillRect(img *image.RGBA, x, y, w, h int, c color.NRGBA) {
	rect := image.Rect(x, y, x+w, y+h).Intersect(img.Rect)
	a := uint32(c.A)
	for yy := rect.Min.Y; yy < rect.Max.Y; yy++ {
		for xx := rect.Min.X; xx < rect.Max.X; xx++ {
			i := img.PixOffset(xx, yy)
			p := img.Pix[i : i+4 : i+4]
			p[0] = uint8((uint32(c.R)*a + uint32(p[0])*(255-a)) / 255)
			p[1] = uint8((uint32(c.G)*a + uint32(p[1])*(255-a)) / 255)
			p[2] = uint8((uint32(c.B)*a + uint32(p[2])*(255-a)) / 255)
			p[3] = uint8(a + uint32(p[3])*(255-a)/255)
		}
	}
}
