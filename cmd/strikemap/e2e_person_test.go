package main

import (
	"bytes"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/geo/overlay"
)

// The masters are of a window of the app's own default size, laid at the screen's corner.
var windowSize = image.Pt(1440, 900)

// Regions of the window the test looks at, in window pixels.
var (
	// detailsRegion is the details panel on the right, between the menu bar and the
	// status bar.
	detailsRegion = image.Rect(1104, 30, 1440, 858)
	// exportRegion is the Export dialog, centred on the window, which says how many
	// events it will export, and countRegion the count in it, "(13)": a changed digit
	// is too few pixels to notice in the whole dialog.
	exportRegion = image.Rect(580, 360, 860, 540)
	countRegion  = image.Rect(804, 420, 840, 440)
	// fileMenu is where the menu bar's first item, File, is, and menuRegion where its
	// menu opens.
	fileMenu   = image.Pt(26, 13)
	menuRegion = image.Rect(0, 0, 300, 400)
)

// TestPersonReadsClaimsAndExportsGeoJSON does under Xvfb what a person does: clicks the
// Al Bukamal strike on the map, reads its conflicting claims in the details panel, and
// exports every event through File → Export GeoJSON…, which GDAL then reads.
// STRIKEMAP_UPDATE_GOLDEN=1 writes the masters in testdata/ anew.
func TestPersonReadsClaimsAndExportsGeoJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the real app")
	}
	needTool(t, "ogrinfo")
	a := startApp(t)
	win := a.windowRect()

	// Al Bukamal is the fixture's only market strike, drawn as a disc in Russia's colour;
	// the legend's swatch of that colour is smaller.
	marker := a.waitForMarker(win)
	before := a.shot()
	a.xdotool("mousemove", fmt.Sprint(marker.X), fmt.Sprint(marker.Y), "click", "1")
	a.waitForMaster("details-al-bukamal.png", detailsRegion.Add(win.Min), before)

	// The wheel scrolls the panel to its end, where the three claims are; then the
	// pointer leaves the window, so that it highlights nothing.
	before = a.shot()
	away := win.Max.Add(image.Pt(20, 20))
	panel := detailsRegion.Add(win.Min)
	a.xdotool("mousemove", fmt.Sprint((panel.Min.X+panel.Max.X)/2), fmt.Sprint((panel.Min.Y+panel.Max.Y)/2),
		"click", "--repeat", "40", "--delay", "5", "5",
		"mousemove", fmt.Sprint(away.X), fmt.Sprint(away.Y))
	a.waitForMaster("details-al-bukamal-claims.png", panel, before)

	want, err := data.Sample()
	if err != nil {
		t.Fatal(err)
	}
	before = a.shot()
	menu := fileMenu.Add(win.Min)
	a.xdotool("mousemove", fmt.Sprint(menu.X), fmt.Sprint(menu.Y), "click", "1")
	a.waitForChange("the File menu", menuRegion.Add(win.Min), before)
	// Open…, Open Recent, Import…, Export GeoJSON…: the separators are skipped.
	a.xdotool("key", "Down", "Down", "Down", "Down", "Return")
	a.waitForMaster("export-dialog.png", exportRegion.Add(win.Min), before, countRegion.Add(win.Min))

	// Shift+Tab focuses the dialog's last button, Save…; the file dialog then opens in
	// HOME with the name entry focused. Its cursor blinks, so it never settles.
	before = a.shot()
	a.xdotool("key", "shift+Tab", "space")
	a.waitForCover("the file dialog", win, before)
	path := filepath.Join(a.dir, "claims.geojson")
	a.xdotool("key", "ctrl+a")
	a.xdotool("type", "--delay", "20", filepath.Base(path))
	a.xdotool("key", "Return")
	a.waitForFile(path)

	var stdout, stderr bytes.Buffer
	ogr := exec.Command("ogrinfo", "-ro", "-al", "-so", path)
	ogr.Stdout, ogr.Stderr = &stdout, &stderr
	if err := ogr.Run(); err != nil {
		t.Fatalf("ogrinfo %s: %v\n%s%s", path, err, stdout.String(), stderr.String())
	}
	if s := stderr.String(); strings.Contains(s, "Warning") || strings.Contains(s, "ERROR") {
		t.Errorf("ogrinfo complains about the export:\n%s", s)
	}
	m := regexp.MustCompile(`(?m)^Feature Count: (\d+)$`).FindStringSubmatch(stdout.String())
	if m == nil {
		t.Fatalf("ogrinfo gives no feature count:\n%s", stdout.String())
	}
	if n, _ := strconv.Atoi(m[1]); n != len(want) {
		t.Errorf("the export has %d features; the dialog offered every one of the %d events", n, len(want))
	}
	if !strings.Contains(stdout.String(), "Geometry: Point") {
		t.Errorf("ogrinfo does not read points:\n%s", stdout.String())
	}
	a.checkAlive("after exporting")
	a.checkLog()
}

// windowRect is where the main window is on the screen; it must have the size the
// masters were taken at.
func (a *runningApp) windowRect() image.Rectangle {
	a.t.Helper()
	var x, y, w, h int
	for _, line := range strings.Fields(a.xdotool("getwindowgeometry", "--shell", a.window)) {
		k, v, _ := strings.Cut(line, "=")
		n, _ := strconv.Atoi(v)
		switch k {
		case "X":
			x = n
		case "Y":
			y = n
		case "WIDTH":
			w = n
		case "HEIGHT":
			h = n
		}
	}
	r := image.Rect(x, y, x+w, y+h)
	if r.Size() != windowSize {
		a.fatalf("the window is %v; the masters in testdata/ are of a %v window", r.Size(), windowSize)
	}
	return r
}

// shot takes a screenshot.
func (a *runningApp) shot() *image.RGBA {
	a.t.Helper()
	img, err := readScreen(a.screen)
	if err != nil {
		a.fatalf("%v", err)
	}
	return img
}

// poll takes screenshots until done accepts one, for at most 20 s; it then fails the
// test with what, keeping the last screenshot for a person to look at.
func (a *runningApp) poll(what string, done func(img *image.RGBA) bool) {
	a.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		img := a.shot()
		if done(img) {
			return
		}
		a.checkAlive("while waiting for " + what)
		if time.Now().After(deadline) {
			a.fatalf("%s did not come within 20 s; the screen is in %s", what, a.keep("screen.png", img))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitForMarker finds the Al Bukamal marker once the screen has settled: the only disc
// of Russia's colour larger than the legend's swatch.
func (a *runningApp) waitForMarker(win image.Rectangle) image.Point {
	a.t.Helper()
	var prev *image.RGBA
	var at image.Point
	same := 0
	a.poll("the Al Bukamal marker, a disc of Russia's colour, on a settled screen,", func(img *image.RGBA) bool {
		if sameIn(img, prev, win) {
			same++
		} else {
			same = 0
		}
		prev = img
		if same < 3 {
			return false
		}
		var discs []blob
		for _, b := range blobsOf(img, win, overlay.Palette[0], 24) {
			if f := b.fill(); f > 0.75 && b.box.Dx() >= 10 && b.box.Dx() == b.box.Dy() {
				discs = append(discs, b)
			}
		}
		if len(discs) != 1 {
			return false
		}
		c := discs[0].box
		at = image.Pt((c.Min.X+c.Max.X)/2, (c.Min.Y+c.Max.Y)/2)
		return true
	})
	return at
}

// waitForCover waits until a fifth of r differs from before, as when a large dialog has
// opened over it, not just when a button has taken the focus.
func (a *runningApp) waitForCover(what string, r image.Rectangle, before *image.RGBA) {
	a.t.Helper()
	a.poll(what, func(img *image.RGBA) bool {
		changed := 0
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				i := img.PixOffset(x, y)
				if img.Pix[i] != before.Pix[i] || img.Pix[i+1] != before.Pix[i+1] || img.Pix[i+2] != before.Pix[i+2] {
					changed++
				}
			}
		}
		return changed > r.Dx()*r.Dy()/5
	})
}

// waitForChange waits until the region differs from before (at once if before is nil)
// and then stays the same for a few shots.
func (a *runningApp) waitForChange(what string, r image.Rectangle, before *image.RGBA) *image.RGBA {
	a.t.Helper()
	changed, same := false, 0
	prev := before
	a.poll(what, func(img *image.RGBA) bool {
		switch {
		case !changed:
			changed = !sameIn(img, before, r)
		case sameIn(img, prev, r):
			same++
		default:
			same = 0
		}
		prev = img
		return changed && same >= 3
	})
	return prev
}

// waitForFile waits until the export has replaced the empty file the save dialog made.
func (a *runningApp) waitForFile(path string) {
	a.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		if st, err := os.Stat(path); err == nil && st.Size() > 0 {
			return
		}
		a.checkAlive("while exporting")
		if time.Now().After(deadline) {
			a.fatalf("no %s after 20 s; the screen is in %s", path, a.keep("screen.png", a.shot()))
		}
		time.Sleep(100 * time.Millisecond)
	}
}
