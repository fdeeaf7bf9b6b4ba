package ui

import (
	"bufio"
	"context"
	"fmt"
	"image/png"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"github.com/paulmach/orb/maptile"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/geo/render"
)

// exportWait bounds how long an export waits for the basemap's tiles.
const exportWait = 30 * time.Second

// showExportPNG asks where to save the map as shown, with its legend, scale bar and
// attribution, drawn by the same renderer as `strikedb render`.
func (w *Window) showExportPNG() {
	if w.s == nil {
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			w.ShowError(err)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close() // written again below, atomically
		w.exportPNG(path)
	}, w.win)
	d.SetFileName("strikemap.png")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png"}))
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// exportPNG renders the current view in the background, once its tiles are in, and
// writes it to path under a temporary name first.
func (w *Window) exportPNG(path string) {
	m := w.mapView.Map()
	m.Events = w.s.events() // as shown now, whatever the filter does meanwhile
	m.Legend = w.legendFor(w.s)
	if m.Legend == nil {
		m.Legend = &render.Legend{Title: w.countText(w.s)}
	}
	cache := w.base.cache
	m.Base = cache
	w.status.setHover("Exporting " + path + " …")
	w.work.Go(func() {
		var ts []maptile.Tile
		for _, r := range m.View.Tiles() {
			ts = append(ts, r.Tile)
		}
		ctx, cancel := context.WithTimeout(w.life, exportWait)
		cache.Prefetch(ctx, ts) // tiles that fail are drawn as placeholders
		cancel()
		if w.life.Err() != nil {
			return // the window closed while the tiles came: nobody is waiting for the map
		}
		img, err := render.Render(&m)
		if err == nil {
			err = data.WriteFileAtomic(path, func(b *bufio.Writer) error { return png.Encode(b, img) })
		}
		fyne.Do(func() {
			if err != nil {
				w.ShowError(fmt.Errorf("export %s: %w", path, err))
				w.status.setHover("")
				return
			}
			w.status.setHover("Saved " + path)
		})
	})
}
