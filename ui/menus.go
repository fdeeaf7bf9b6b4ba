package ui

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// mainMenu is the window's menu bar. Fyne adds Quit to the first menu.
func (w *Window) mainMenu() *fyne.MainMenu {
	open := fyne.NewMenuItem("Open…", w.showOpen)
	open.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	recent := fyne.NewMenuItem("Open Recent", nil)
	recent.ChildMenu = fyne.NewMenu("")
	w.recentMenu = recent
	w.fillRecent()
	export := fyne.NewMenuItem("Export Map as PNG…", w.showExportPNG)
	imp := fyne.NewMenuItem("Import…", w.showImport)
	geojson := fyne.NewMenuItem("Export GeoJSON…", w.showExportGeoJSON)
	csv := fyne.NewMenuItem("Export CSV…", w.showExportCSV)

	legend := fyne.NewMenuItem("Legend", nil)
	legend.Checked = w.legend
	legend.Action = func() {
		w.legend = !w.legend
		legend.Checked = w.legend
		w.mapView.SetLegend(w.legendFor(w.s))
		w.win.MainMenu().Refresh()
	}
	w.basemapItems = []*fyne.MenuItem{
		fyne.NewMenuItem("Offline Basemap (bundled)", func() { w.setBasemap(BasemapOffline, true) }),
		fyne.NewMenuItem("OpenStreetMap (online)", func() { w.confirmOnline(BasemapOSM) }),
		fyne.NewMenuItem("Custom Tile URL…", w.showTileURL),
		fyne.NewMenuItem("MBTiles File…", w.showMBTiles),
	}
	basemaps := fyne.NewMenuItem("Basemap", nil)
	basemaps.ChildMenu = fyne.NewMenu("", w.basemapItems...)
	all := fyne.NewMenuItem("Zoom to All Events", w.zoomToAll)
	reset := fyne.NewMenuItem("Reset Filters", func() {
		w.filters.Reset()
		w.refilter()
	})

	return fyne.NewMainMenu(
		fyne.NewMenu("File", open, recent, fyne.NewMenuItemSeparator(), imp, fyne.NewMenuItemSeparator(),
			geojson, csv, export),
		fyne.NewMenu("View", basemaps, legend, fyne.NewMenuItemSeparator(), all, reset),
		fyne.NewMenu("Help",
			fyne.NewMenuItem("About Strikemap", w.showAbout),
			fyne.NewMenuItem("Data Attributions", w.showAttributions)),
	)
}

// addShortcuts binds the keys that work anywhere in the window.
func (w *Window) addShortcuts() {
	c := w.win.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { w.showOpen() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { w.filters.FocusSearch(c) })
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape {
			w.selectRow(-1, false)
		}
	})
}

// showOpen asks for a database to open.
func (w *Window) showOpen() {
	dir := ""
	if w.s != nil {
		dir = filepath.Dir(w.s.path)
	}
	w.pickFile(dir, []string{".db", ".gpkg", ".sqlite"}, func(path string) { w.Open(path, nil) })
}

// pickFile asks for an existing file with one of the extensions, starting in dir
// ("" for the dialog's default), and hands its path to then.
func (w *Window) pickFile(dir string, exts []string, then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.ShowError(err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		then(r.URI().Path())
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// fillRecent lists the databases opened lately under File → Open Recent.
func (w *Window) fillRecent() {
	var items []*fyne.MenuItem
	for _, p := range w.recent() {
		items = append(items, fyne.NewMenuItem(p, func() { w.Open(p, nil) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("(none yet)", nil)
		none.Disabled = true
		items = append(items, none)
	}
	w.recentMenu.ChildMenu.Items = items
}

// confirmOnline asks before the first request to a tile server: the app is offline
// unless the user says otherwise.
func (w *Window) confirmOnline(spec string) {
	if w.app.Preferences().Bool(prefOnlineOK) {
		w.setBasemap(spec, true)
		return
	}
	dialog.ShowConfirm("Load map tiles from the internet?",
		"The map will request tiles for the places you look at from the tile server,\n"+
			"which sees your IP address and the area viewed. Tiles are cached on disk.",
		func(ok bool) {
			if ok {
				w.app.Preferences().SetBool(prefOnlineOK, true)
				w.setBasemap(spec, true)
			}
		}, w.win)
}

// showTileURL asks for an XYZ tile URL template, e.g. a satellite layer.
func (w *Window) showTileURL() {
	e := widget.NewEntry()
	e.SetPlaceHolder("https://tiles.example.org/{z}/{x}/{y}.png")
	e.Validator = func(s string) error {
		u, err := url.Parse(strings.TrimSpace(s))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return fmt.Errorf("an http or https URL")
		}
		if !strings.Contains(s, "{z}") || !strings.Contains(s, "{x}") {
			return fmt.Errorf("needs {z}, {x} and {y}")
		}
		return nil
	}
	d := dialog.NewForm("Custom Tile URL", "Use", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("URL template", e)}, func(ok bool) {
			if ok {
				w.confirmOnline(strings.TrimSpace(e.Text))
			}
		}, w.win)
	d.Resize(fyne.NewSize(620, 200))
	d.Show()
}

// showMBTiles asks for a raster MBTiles file to use as the basemap.
func (w *Window) showMBTiles() {
	w.pickFile("", []string{".mbtiles"}, func(path string) { w.setBasemap(mbtilesPrefix+path, true) })
}

// setBasemap switches the background map; a source that cannot be opened is
// reported and the current one stays.
func (w *Window) setBasemap(spec string, save bool) {
	b, err := openBasemap(spec, w.tileArrived)
	if err != nil {
		w.ShowError(err)
		if w.base != nil {
			return
		}
		b, _ = openBasemap(BasemapOffline, w.tileArrived)
	}
	if w.base != nil {
		w.base.close()
	}
	w.base = b
	w.showTileProblem()
	w.mapView.SetBase(b, b.Attribution())
	for i, it := range w.basemapItems {
		it.Checked = i == basemapIndex(b.spec)
	}
	if m := w.win.MainMenu(); m != nil {
		m.Refresh()
	}
	if save {
		w.app.Preferences().SetString(prefBasemap, b.spec)
	}
}

// basemapIndex is the menu item of a basemap spec.
func basemapIndex(spec string) int {
	switch {
	case spec == BasemapOffline:
		return 0
	case spec == BasemapOSM:
		return 1
	case strings.HasPrefix(spec, mbtilesPrefix):
		return 3
	}
	return 2
}
