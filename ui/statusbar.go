package ui

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"
)

// statusBar is the line under the window: how many events the filter keeps, what is
// wrong with the tiles or the database if anything, the event under the pointer, and
// where the pointer is; while a database opens, a progress bar.
type statusBar struct {
	widget.BaseWidget
	counts, alert, hover, pointer *widget.Label
	progress                      *widget.ProgressBar
	box                           *fyne.Container
	alerts                        [alertKinds]string
}

// The kinds of warning the status bar shows, each set and cleared on its own.
const (
	alertTiles    = iota // the basemap's tiles do not load or cannot be kept
	alertDatabase        // the open database's file is in trouble
	alertFilter          // the last filter could not be applied
	alertKinds
)

func newStatusBar() *statusBar {
	b := &statusBar{counts: widget.NewLabel(""), alert: widget.NewLabel(""), hover: widget.NewLabel(""),
		pointer: widget.NewLabel(""), progress: widget.NewProgressBar()}
	b.hover.Truncation = fyne.TextTruncateEllipsis
	b.alert.Importance = widget.WarningImportance
	b.alert.Hide()
	b.progress.Hide()
	right := container.NewHBox(b.progress, b.pointer)
	b.box = container.NewBorder(nil, nil, container.NewHBox(b.counts, b.alert), right, b.hover)
	b.ExtendBaseWidget(b)
	return b
}

// setAlert shows a warning of one kind, or clears it with ""; the warnings of every
// kind are shown side by side, in the warning colour, until cleared.
func (b *statusBar) setAlert(kind int, text string) {
	if b.alerts[kind] == text {
		return
	}
	b.alerts[kind] = text
	var shown []string
	for _, a := range b.alerts {
		if a != "" {
			shown = append(shown, a)
		}
	}
	b.alert.SetText(strings.Join(shown, " · "))
	if len(shown) == 0 {
		b.alert.Hide()
	} else {
		b.alert.Show()
	}
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
