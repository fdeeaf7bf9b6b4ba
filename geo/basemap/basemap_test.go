package basemap_test

import (
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/strikemap/strikemap/geo/basemap"
	"github.com/strikemap/strikemap/geo/view"
)

var update = flag.Bool("update", false, "rewrite the golden PNGs in testdata")

// Golden tiles: small, but each shows what must not regress — borders
// and dense labels over Syria, a coast with towns near Latakia.
func TestGolden(t *testing.T) {
	for name, tc := range map[string]struct {
		tile  maptile.Tile
		scale float64
	}{
		"syria-6-38-25":      {maptile.New(38, 25, 6), 1},
		"latakia-9-306-204":  {maptile.New(306, 204, 9), 1},
		"levant-4-9-6-hidpi": {maptile.New(9, 6, 4), 2},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := basemap.Render(tc.tile, tc.scale)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", name+".png")
			if *update {
				writePNG(t, path, got)
				return
			}
			want := readPNG(t, path)
			if got.Bounds() != want.Bounds() {
				t.Fatalf("size %v, golden %v", got.Bounds(), want.Bounds())
			}
			// Tolerate small differences (floating point may round another
			// way on another CPU), not a changed map.
			var bad int
			b := got.Bounds()
			for y := b.Min.Y; y < b.Max.Y; y++ {
				for x := b.Min.X; x < b.Max.X; x++ {
					r1, g1, b1, _ := got.At(x, y).RGBA()
					r2, g2, b2, _ := want.At(x, y).RGBA()
					if max(diff(r1, r2), diff(g1, g2), diff(b1, b2)) > 24<<8 {
						bad++
					}
				}
			}
			if limit := b.Dx() * b.Dy() / 200; bad > limit {
				out := filepath.Join(t.TempDir(), name+".png")
				writePNG(t, out, got)
				t.Errorf("%d pixels differ from %s (limit %d); got %s", bad, path, limit, out)
			}
		})
	}
}

func diff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestTileSizeAndColours(t *testing.T) {
	for name, tc := range map[string]struct {
		tile  maptile.Tile
		scale float64
		size  int
		at    image.Point
		want  [3]uint8 // colour at a pixel known to be sea or land
	}{
		"z0 whole world":        {maptile.New(0, 0, 0), 1, 256, image.Pt(128, 190), [3]uint8{0xaa, 0xd3, 0xdf}}, // South Atlantic
		"z0 hidpi":              {maptile.New(0, 0, 0), 2, 512, image.Pt(256, 380), [3]uint8{0xaa, 0xd3, 0xdf}},
		"z5 syrian desert land": {maptile.New(19, 12, 5), 1, 256, image.Pt(128, 128), [3]uint8{0xf2, 0xef, 0xe9}},
		"z12 open sea":          {maptile.New(1800, 1650, 12), 1, 256, image.Pt(10, 10), [3]uint8{0xaa, 0xd3, 0xdf}},
		"scale 1.5":             {maptile.New(0, 0, 1), 1.5, 384, image.Pt(10, 380), [3]uint8{0xaa, 0xd3, 0xdf}},
	} {
		t.Run(name, func(t *testing.T) {
			img, err := basemap.Render(tc.tile, tc.scale)
			if err != nil {
				t.Fatal(err)
			}
			if img.Rect != image.Rect(0, 0, tc.size, tc.size) {
				t.Errorf("bounds %v, want %d square", img.Rect, tc.size)
			}
			c := img.RGBAAt(tc.at.X, tc.at.Y)
			if [3]uint8{c.R, c.G, c.B} != tc.want {
				t.Errorf("pixel %v is %v, want %x", tc.at, c, tc.want)
			}
		})
	}
}

func TestInvalidTile(t *testing.T) {
	if _, err := basemap.Render(maptile.New(4, 0, 2), 1); err == nil {
		t.Error("Render accepted x beyond the world")
	}
	if _, err := basemap.New(4).Tile(maptile.New(0, 9, 3), 1); err == nil {
		t.Error("Tile accepted y beyond the world")
	}
}

func TestCache(t *testing.T) {
	r := basemap.New(2)
	a, err := r.Tile(maptile.New(4, 3, 3), 1)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := r.Tile(maptile.New(4, 3, 3), 1)
	if a != b {
		t.Error("second request was not served from the cache")
	}
	if c, _ := r.Tile(maptile.New(4, 3, 3), 2); c == a {
		t.Error("scale 2 served the scale 1 tile")
	}
	r.Tile(maptile.New(5, 3, 3), 1)
	r.Tile(maptile.New(6, 3, 3), 1)
	if d, _ := r.Tile(maptile.New(4, 3, 3), 1); d == a {
		t.Error("cache kept more tiles than its bound")
	}
}

// Many goroutines asking for overlapping tiles, as the map view does
// while the user pans; run with -race.
func TestConcurrent(t *testing.T) {
	r := basemap.New(16)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 6 {
				if _, err := r.Tile(maptile.New(uint32(36+(i+j)%4), 25, 6), 1); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
}

func TestDraw(t *testing.T) {
	for name, v := range map[string]view.Viewport{
		"whole zoom":      view.New(orb.Point{39, 35.5}, 6, 300, 200, 1),
		"fractional zoom": view.New(orb.Point{39, 35.5}, 6.6, 300, 200, 1),
		"beyond the pole": view.New(orb.Point{0, 80}, 1, 300, 400, 1),
	} {
		t.Run(name, func(t *testing.T) {
			dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
			if err := basemap.New(8).Draw(dst, v); err != nil {
				t.Fatal(err)
			}
			// Every pixel painted: no transparent holes between tiles.
			for i := 3; i < len(dst.Pix); i += 4 {
				if dst.Pix[i] != 0xff {
					t.Fatalf("pixel %d not painted", i/4)
				}
			}
		})
	}
}

func BenchmarkTile(b *testing.B) {
	for name, tc := range map[string]struct {
		center orb.Point
		zoom   float64
	}{
		"z6":  {orb.Point{39, 35.5}, 6},
		"z12": {orb.Point{35.79, 35.53}, 12}, // Latakia: coast and towns
	} {
		b.Run(name, func(b *testing.B) {
			v := view.New(tc.center, tc.zoom, 1024, 1024, 1)
			tiles := v.Tiles()
			// Warm up the data and the zoom's label placement once.
			if _, err := basemap.Render(tiles[0].Tile, 1); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := basemap.Render(tiles[i%len(tiles)].Tile, 1); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
