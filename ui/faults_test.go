package ui

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/geo/tiles"
)

// maxFrame is the longest a frame may take while a tile server hangs: the bound.
const maxFrame = 100 * time.Millisecond

// tileColour fills every tile the test server sends.
var tileColour = color.RGBA{20, 160, 90, 255}

// faultWindow is the main window on the sample database, its filter applied.
func faultWindow(t *testing.T) (*Window, string) {
	t.Helper()
	a := newSerialApp(t)
	path := filepath.Join(t.TempDir(), "sample.db")
	s := sampleSession(t, path)
	w := newTestWindow(t, a)
	t.Cleanup(func() {
		w.base.close()
		w.s.close()
	})
	onUI(func() { w.show(s) })
	if !uiWaitFor(func() bool { return w.status.counts.Text != "" }) {
		t.Fatal("the filter never finished")
	}
	return w, path
}

// sampleSession writes the bundled sample at path and opens it as the window does.
func sampleSession(t *testing.T, path string) *session {
	t.Helper()
	if err := data.WriteSample(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	s, err := openSession(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// useTileServer makes the basemap the tile server at url, with a scratch disk cache
// and a short timeout; redraws counts the times the map is told to draw again.
func useTileServer(t *testing.T, w *Window, url string, redraws *atomic.Int64) {
	t.Helper()
	b, err := openBasemapWith(url+"/{z}/{x}/{y}.png",
		tiles.XYZOptions{CacheDir: t.TempDir(), Timeout: time.Second, Logf: t.Logf},
		func() {
			redraws.Add(1)
			w.tileArrived()
		})
	if err != nil {
		t.Fatal(err)
	}
	onUI(func() {
		old := w.base
		w.base = b
		old.close()
		w.showTileProblem()
		w.mapView.SetBase(b, b.Attribution())
	})
}

// timedFrame draws the map as Fyne does, through the raster's generator, and fails
// the test when that takes longer than maxFrame. The time the thread spent waiting
// for a CPU is left out where Linux tells it: on a machine busy with other work a
// frame can wait that long for a core without the app being at fault, while a frame
// that waits for the network (or a lock) still counts in full.
func timedFrame(t *testing.T, m *MapView, what string) *image.RGBA {
	t.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	sz := m.Size()
	queued0, ok0 := runDelay()
	start := time.Now()
	img := m.raster.Generator(int(sz.Width), int(sz.Height))
	wall := time.Since(start)
	queued1, ok1 := runDelay()
	own := wall
	if ok0 && ok1 {
		own -= queued1 - queued0
	}
	if own > maxFrame && !raceEnabled {
		t.Errorf("%s: a frame took %v (%v waiting for a CPU), more than %v", what,
			wall.Round(time.Millisecond), (wall - own).Round(time.Millisecond), maxFrame)
	}
	return img.(*image.RGBA)
}

// frameOnUI is timedFrame on the UI queue.
func frameOnUI(t *testing.T, m *MapView, what string) (img *image.RGBA) {
	onUI(func() { img = timedFrame(t, m, what) })
	return img
}

// alertText is the status bar's warning, read on the UI queue.
func alertText(w *Window) (s string) {
	onUI(func() { s = w.status.alert.Text })
	return s
}

// runDelay is how long the calling thread has waited, runnable, for a CPU; ok is
// false where Linux does not say.
func runDelay() (d time.Duration, ok bool) {
	_, d, ok = threadTimes()
	return d, ok
}

// tileShare is the share of a frame's pixels that are the test server's tile colour.
func tileShare(img *image.RGBA) float64 {
	n := 0
	for i := 0; i+3 < len(img.Pix); i += 4 {
		if img.Pix[i] == tileColour.R && img.Pix[i+1] == tileColour.G && img.Pix[i+2] == tileColour.B {
			n++
		}
	}
	return float64(n) / float64(len(img.Pix)/4)
}

// tilePNG is the one tile the test server sends.
func tilePNG(t *testing.T) []byte {
	m := image.NewRGBA(image.Rect(0, 0, 256, 256))
	draw.Draw(m, m.Rect, image.NewUniform(tileColour), image.Point{}, draw.Src)
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// While the tile server hangs, panning and zooming draw every frame within maxFrame,
// and the status bar says the server is not answering; once it answers, the tiles
// come without anyone touching the map, and the warning goes.
func TestMapRespondsWhileTilesHang(t *testing.T) {
	w, _ := faultWindow(t)
	m := w.mapView
	if sz := m.Size(); sz.Width < 200 || sz.Height < 200 {
		t.Fatalf("map laid out at %v", sz)
	}
	body := tilePNG(t)
	var hung atomic.Bool
	hung.Store(true)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if hung.Load() {
			select {
			case <-release:
			case <-r.Context().Done():
			}
			return
		}
		rw.Header().Set("Content-Type", "image/png")
		rw.Write(body)
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) }) // before srv.Close, which waits for handlers
	var redraws atomic.Int64
	useTileServer(t, w, srv.URL, &redraws)

	onUI(func() { timedFrame(t, m, "first frame") })
	for i := range 30 {
		moved := false
		onUI(func() {
			before := m.View()
			switch i % 3 {
			case 0:
				m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 140, DY: -60}})
			case 1:
				m.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(200, 150)}, Scrolled: fyne.Delta{DY: 25}})
			case 2:
				m.TypedRune('-')
			}
			moved = m.View() != before
			timedFrame(t, m, fmt.Sprintf("step %d", i))
		})
		if !moved {
			t.Fatalf("step %d: the map did not move", i)
		}
	}
	want := "Tiles: " + strings.TrimPrefix(srv.URL, "http://") + " is not answering"
	if !uiWaitFor(func() bool { return w.status.alert.Text == want && w.status.alert.Visible() }) {
		t.Errorf("status bar says %q, want %q", alertText(w), want)
	}
	if share := tileShare(frameOnUI(t, m, "hung")); share > 0 {
		t.Fatalf("%.0f%% of the map is tiles from a server that never answered", 100*share)
	}

	hung.Store(false)
	// From here the map is drawn only when the window is told to, as Fyne would.
	deadline := time.Now().Add(30 * time.Second)
	for tileShare(frameOnUI(t, m, "recovering")) < 0.5 {
		n := redraws.Load()
		for redraws.Load() == n {
			if time.Now().After(deadline) {
				t.Fatal("the tiles never came after the server recovered")
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	if !uiWaitFor(func() bool { return w.status.alert.Text == "" && !w.status.alert.Visible() }) {
		t.Errorf("status bar still says %q after the server recovered", alertText(w))
	}
}

// A server that asks to wait is left alone, and the status bar says until when.
func TestStatusSaysTilesAreThrottled(t *testing.T) {
	w, _ := faultWindow(t)
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		rw.Header().Set("Retry-After", "120")
		http.Error(rw, "slow down", http.StatusTooManyRequests)
	}))
	t.Cleanup(srv.Close)
	var redraws atomic.Int64
	useTileServer(t, w, srv.URL, &redraws)
	for i := range 10 {
		onUI(func() {
			w.mapView.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 90, DY: 40}})
			timedFrame(t, w.mapView, fmt.Sprintf("pan %d", i))
		})
	}
	want := "Tiles: " + strings.TrimPrefix(srv.URL, "http://") + " asked to wait (429 Too Many Requests); trying again at "
	if !uiWaitFor(func() bool { return strings.HasPrefix(w.status.alert.Text, want) }) {
		t.Errorf("status bar says %q, want %q…", alertText(w), want)
	}
	if n := hits.Load(); n > tiles.DefaultMaxConns {
		t.Errorf("%d requests to a server that asked to wait", n)
	}
}
