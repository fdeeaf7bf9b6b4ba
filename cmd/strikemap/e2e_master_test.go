package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"time"
)

// A pixel whose largest channel differs by more than pixelTol from the master's counts
// as different; a region matches while under maxDiffShare of it differs. Xvfb draws
// the same frame the same way, so this only absorbs small changes of anti-aliasing:
// another event's details differ in over 8% of the panel.
const (
	pixelTol     = 64
	maxDiffShare = 0.005
)

// waitForMaster waits until region r of the screen, and each of parts inside it, match
// the master in testdata/; with STRIKEMAP_UPDATE_GOLDEN=1 it instead waits for r to
// change from before and settle, and stores it as the master. On failure it keeps the
// screen and the differences for a person to look at.
func (a *runningApp) waitForMaster(name string, r image.Rectangle, before *image.RGBA, parts ...image.Rectangle) {
	a.t.Helper()
	master := filepath.Join("testdata", name)
	if os.Getenv("STRIKEMAP_UPDATE_GOLDEN") != "" {
		img := a.waitForChange(name, r, before)
		if err := writePNG(master, img.SubImage(r)); err != nil {
			a.fatalf("%v", err)
		}
		a.t.Logf("wrote %s", master)
		return
	}
	want, err := readPNG(master)
	if err != nil {
		a.fatalf("%v (STRIKEMAP_UPDATE_GOLDEN=1 writes it)", err)
	}
	var got image.Image
	var share float64
	var worst image.Rectangle
	var diff *image.RGBA
	deadline := time.Now().Add(20 * time.Second)
	for {
		got = a.shot().SubImage(r)
		share, worst, diff, err = mismatch(got, want, parts)
		if err != nil {
			a.fatalf("%s: %v", master, err)
		}
		if share < maxDiffShare {
			return
		}
		a.checkAlive("while waiting for " + name)
		if time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	a.fatalf("%.2f%% of the screen's %v differs from %s after 20 s (at most %.2f%% may): the screen is in %s, "+
		"the differences in red in %s (STRIKEMAP_UPDATE_GOLDEN=1 writes the master anew)",
		100*share, worst, master, 100*maxDiffShare, a.keep("actual-"+name, got), a.keep("diff-"+name, diff))
}

// mismatch compares got, a region of the screen, with want, its master: it returns the
// largest share of differing pixels in the region and in each of parts (in screen
// pixels), where that is, and the differences in red over a faded copy of want.
func mismatch(got, want image.Image, parts []image.Rectangle) (share float64, where image.Rectangle, diff *image.RGBA, err error) {
	origin := got.Bounds().Min
	size := got.Bounds().Size()
	if size != want.Bounds().Size() {
		return 0, got.Bounds(), nil, fmt.Errorf("sizes differ: the screen's %v, the master's %v", size, want.Bounds().Size())
	}
	diff = image.NewRGBA(image.Rectangle{Max: size})
	bad := make([]bool, size.X*size.Y)
	for y := range size.Y {
		for x := range size.X {
			g := color.NRGBAModel.Convert(got.At(origin.X+x, origin.Y+y)).(color.NRGBA)
			w := color.NRGBAModel.Convert(want.At(want.Bounds().Min.X+x, want.Bounds().Min.Y+y)).(color.NRGBA)
			if max(absDiff(g.R, w.R), absDiff(g.G, w.G), absDiff(g.B, w.B)) > pixelTol {
				bad[y*size.X+x] = true
				diff.Set(x, y, color.NRGBA{0xff, 0, 0, 0xff})
				continue
			}
			diff.Set(x, y, color.NRGBA{w.R / 4, w.G / 4, w.B / 4, 0xff})
		}
	}
	for _, p := range append([]image.Rectangle{got.Bounds()}, parts...) {
		q := p.Sub(origin).Intersect(image.Rectangle{Max: size})
		if q.Empty() {
			return 0, p, diff, fmt.Errorf("%v is outside the region %v", p, got.Bounds())
		}
		n := 0
		for y := q.Min.Y; y < q.Max.Y; y++ {
			for x := q.Min.X; x < q.Max.X; x++ {
				if bad[y*size.X+x] {
					n++
				}
			}
		}
		if s := float64(n) / float64(q.Dx()*q.Dy()); s >= share {
			share, where = s, p
		}
	}
	return share, where, diff, nil
}

// keep saves an image where it outlives the test, for a person to look at, and
// returns its path.
func (a *runningApp) keep(name string, img image.Image) string {
	dir := filepath.Join(os.TempDir(), "strikemap-e2e-"+a.t.Name())
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Sprintf("(not kept: %v)", err)
	}
	path := filepath.Join(dir, name)
	if err := writePNG(path, img); err != nil {
		return fmt.Sprintf("(not kept: %v)", err)
	}
	return path
}

// writePNG saves img as a PNG file.
func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

// readPNG loads a PNG file.
func readPNG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return img, nil
}
