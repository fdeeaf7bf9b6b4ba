package ui

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"
)

// statusBar is the line under the window: how many events the filter keeps, the event
// under the pointer, and where the pointer is; while a database opens, a progress bar.
type statusBar struct {
	widget.BaseWidget
	counts, hover, pointer *widget.Label
	progress               *widget.ProgressBar
	box                    *fyne.Container
}

func newStatusBar() *statusBar {
	b := &statusBar{counts: widget.NewLabel(""), hover: widget.NewLabel(""), pointer: widget.NewLabel(""),
		progress: widget.NewProgressBar()}
	b.hover.Truncation = fyne.TextTruncateEllipsis
	b.progress.Hide()
	right := container.NewHBox(b.progress, b.pointer)
	b.box = container.NewBorder(nil, nil, b.counts, right, b.hover)
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer shows the bar's labels.
func (b *statusBar) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(b.box) }

func (b *statusBar) setCounts(text string) { b.counts.SetText(text) }

func (b *statusBar) setHover(text string) { b.hover.SetText(text) }

// setPointer shows a place as degrees with hemisphere letters, and the zoom.
func (b *statusBar) setPointer(ll orb.Point, zoom float64, ok bool) {
	if !ok {
		b.pointer.SetText(fmt.Sprintf("zoom %.1f", zoom))
		return
	}
	b.pointer.SetText(fmt.Sprintf("%s  %s   zoom %.1f", degrees(ll.Lat(), "N", "S"), degrees(ll.Lon(), "E", "W"), zoom))
}

// setProgress shows how much of a database has been read; a negative done hides it.
func (b *statusBar) setProgress(done, total int, text string) {
	if done < 0 || total <= 0 {
		b.progress.Hide()
		b.hover.SetText(text)
		return
	}
	b.progress.Show()
	b.progress.SetValue(float64(done) / float64(total))
	b.hover.SetText(text)
}

func degrees(v float64, pos, neg string) string {
	h := pos
	if v < 0 {
		h = neg
	}
	return fmt.Sprintf("%.4f° %s", math.Abs(v), h)
}
