package ui

import (
	"fmt"
	"slices"

	"github.com/paulmach/orb"
)

// Preference keys, kept with Fyne's Preferences.
const (
	// PrefLastDatabase is the preference holding the path of the database last opened.
	PrefLastDatabase = "lastDatabase"
	prefRecent       = "recentDatabases"
	prefBasemap      = "basemap"
	prefOnlineOK     = "onlineTilesAllowed"
	prefViewDB       = "lastViewDatabase"
	prefView         = "lastView" // "lat lon zoom" of the map when the window closed
)

// maxRecent is how many databases File → Open Recent lists.
const maxRecent = 8

// recent returns the databases opened lately, newest first.
func (w *Window) recent() []string {
	return w.app.Preferences().StringList(prefRecent)
}

// addRecent puts path first in the recent list.
func (w *Window) addRecent(path string) {
	list := slices.DeleteFunc(w.recent(), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	w.app.Preferences().SetStringList(prefRecent, list)
	w.fillRecent()
}

// savePrefs keeps the view of the open database for next time.
func (w *Window) savePrefs() {
	if w.s == nil {
		return
	}
	v := w.mapView.View()
	p := w.app.Preferences()
	p.SetString(prefViewDB, w.s.path)
	p.SetString(prefView, fmt.Sprintf("%.6f %.6f %.3f", v.Center.Lat(), v.Center.Lon(), v.Zoom))
}

// restoreView shows the view saved for path, if there is one.
func (w *Window) restoreView(path string) bool {
	p := w.app.Preferences()
	if p.String(prefViewDB) != path {
		return false
	}
	var lat, lon, zoom float64
	if _, err := fmt.Sscanf(p.String(prefView), "%g %g %g", &lat, &lon, &zoom); err != nil {
		return false
	}
	w.mapView.SetView(orb.Point{lon, lat}, zoom)
	return true
}
