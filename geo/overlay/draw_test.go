package overlay_test

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/overlay"
	"github.com/strikemap/strikemap/geo/view"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata")

// scene is a small overlay exercising every symbol: the six shapes in three colours, a
// province-wide uncertainty ring, a launch line from the sea, a cluster and a selection.
func scene() ([]overlay.Marker, view.Viewport) {
	shapes := []overlay.Shape{overlay.ShapeRing, overlay.ShapeCircle, overlay.ShapeSquare,
		overlay.ShapeTriangle, overlay.ShapeDiamond, overlay.ShapeStar}
	var ms []overlay.Marker
	for i, s := range shapes {
		ms = append(ms, overlay.Marker{ID: int64(i + 1), At: orb.Point{36.4 + float64(i)*0.45, 35.9}, Color: i%3 - 1, Shape: s})
	}
	ms = append(ms,
		overlay.Marker{ID: 20, At: orb.Point{40.14, 35.34}, Color: 0, Shape: overlay.ShapeTriangle, RadiusM: 60000},
		overlay.Marker{ID: 21, At: orb.Point{38.28, 34.56}, Color: 1, Shape: overlay.ShapeTriangle,
			Origin: orb.Point{35.3, 34.9}, HasOrigin: true, RadiusM: 25000})
	for i := 0; i < 12; i++ {
		ms = append(ms, overlay.Marker{ID: int64(100 + i), At: orb.Point{37.0 + float64(i%4)*0.02, 34.2 + float64(i/4)*0.02}, Color: 2})
	}
	return ms, view.New(orb.Point{38.3, 35.0}, 6.8, 520, 360, 1)
}

func TestDrawGolden(t *testing.T) {
	ms, v := scene()
	img := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
	draw.Draw(img, img.Rect, image.NewUniform(color.NRGBA{0xf2, 0xef, 0xe9, 0xff}), image.Point{}, draw.Src)
	set := overlay.NewSet(ms)
	// Cells fine enough that the six symbols, 36 px apart, stand alone.
	o := cluster.DefaultOptions
	o.CellPx = 40
	items := cluster.Query(set.Points(), nil, v, o, nil)
	if err := overlay.NewDrawer().Draw(img, v, set, items, 21); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "overlay.png")
	if *update {
		writePNG(t, golden, img)
	}
	f, err := os.Open(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if d := diff(img, want); d > 0.002 {
		writePNG(t, filepath.Join(t.TempDir(), "got.png"), img)
		t.Errorf("%.2f%% of pixels differ from %s", 100*d, golden)
	}
}

// diff returns the share of pixels whose channels differ by more than a rounding step.
func diff(a image.Image, b image.Image) float64 {
	if a.Bounds() != b.Bounds() {
		return 1
	}
	n, bad := 0, 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			n++
			c1 := color.NRGBAModel.Convert(a.At(x, y)).(color.NRGBA)
			c2 := color.NRGBAModel.Convert(b.At(x, y)).(color.NRGBA)
			if absd(c1.R, c2.R) > 3 || absd(c1.G, c2.G) > 3 || absd(c1.B, c2.B) > 3 {
				bad++
			}
		}
	}
	return float64(bad) / float64(n)
}

func absd(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}

// BenchmarkDraw draws a frame of 20,000 markers at zoom 7: clusters, a few singles.
func BenchmarkDraw(b *testing.B) {
	var ms []overlay.Marker
	for i := 0; i < 20000; i++ {
		ms = append(ms, overlay.Marker{ID: int64(i + 1), At: orb.Point{36 + float64(i%200)*0.03, 33 + float64(i/200)*0.04}, Color: i % 7, Shape: overlay.Shape(i % 6)})
	}
	set := overlay.NewSet(ms)
	for _, zoom := range []float64{7, 11} {
		v := view.New(orb.Point{39, 35}, zoom, 1920, 1080, 1)
		img := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
		d := overlay.NewDrawer()
		items := cluster.Query(set.Points(), nil, v, cluster.DefaultOptions, nil)
		b.Run(fmt.Sprintf("zoom %v", zoom), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := d.Draw(img, v, set, items, 0); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(items)), "items")
		})
	}
}
