package render

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/geo/view"
)

var mosul = orb.Point{43.13, 36.34}

func TestGraticuleStep(t *testing.T) {
	for name, tc := range map[string]struct {
		v    view.Viewport
		want int // minutes of arc
	}{
		"z0 world":            {view.New(mosul, 0, 1200, 800, 1), 30 * 60},
		"z3":                  {view.New(mosul, 3, 1200, 800, 1), 30 * 60},
		"z4":                  {view.New(mosul, 4, 1200, 800, 1), 15 * 60},
		"z5":                  {view.New(mosul, 5, 1200, 800, 1), 10 * 60},
		"z6 syria":            {view.New(orb.Point{38.5, 35}, 6, 1200, 800, 1), 5 * 60},
		"z6.5":                {view.New(mosul, 6.5, 1200, 800, 1), 5 * 60},
		"z7":                  {view.New(mosul, 7, 1200, 800, 1), 2 * 60},
		"z8":                  {view.New(mosul, 8, 1200, 800, 1), 60},
		"z9":                  {view.New(mosul, 9, 1200, 800, 1), 30},
		"z10":                 {view.New(mosul, 10, 1200, 800, 1), 15},
		"z11":                 {view.New(mosul, 11, 1200, 800, 1), 10},
		"z12 mosul":           {view.New(mosul, 12, 1200, 800, 1), 5},
		"z12 hidpi":           {view.New(mosul, 12, 2400, 1600, 2), 5},
		"z13":                 {view.New(mosul, 13, 1200, 800, 1), 2},
		"z14":                 {view.New(mosul, 14, 1200, 800, 1), 1},
		"z17 finest there is": {view.New(mosul, 17, 1200, 800, 1), 1},
		"z10 tall view":       {view.New(mosul, 10, 500, 1000, 1), 15},
		"z10 small view":      {view.New(mosul, 10, 300, 200, 1), 5},
	} {
		t.Run(name, func(t *testing.T) {
			got := graticuleStep(tc.v)
			if got != tc.want {
				t.Errorf("step %d′, want %d′", got, tc.want)
			}
			// Between the coarsest and finest steps, 3 to 8 meridians cross the view.
			lines := float64(max(tc.v.Width, tc.v.Height)) / (float64(got) * tc.v.WorldSize() / (360 * 60))
			inner := got != graticuleSteps[0] && got != graticuleSteps[len(graticuleSteps)-1]
			if inner && (lines < 3 || lines > maxGraticuleLines) {
				t.Errorf("%.1f lines across the view", lines)
			}
		})
	}
}

func Example_graticuleLabels() {
	var lats, lons []string
	for _, m := range []int{36*60 + 30, 36*60 + 5, -5 * 60, 0, 85 * 60} {
		lats = append(lats, latLabel(m))
	}
	for _, m := range []int{43 * 60, -(77*60 + 2), 0, 180 * 60, -180 * 60, 181 * 60, 360*60 + 30} {
		lons = append(lons, lonLabel(m))
	}
	fmt.Println(strings.Join(lats, " "))
	fmt.Println(strings.Join(lons, " "))
	// Output:
	// 36°30′N 36°05′N 5°S 0° 85°N
	// 43°E 77°02′W 0° 180° 180° 179°W 0°30′E
}

// The lines fall where their meridians and parallels are, faint, and no darker where
// they cross.
func TestGraticuleDraws(t *testing.T) {
	for name, scale := range map[string]float64{"scale 1": 1, "scale 2": 2, "scale 1.5": 1.5} {
		t.Run(name, func(t *testing.T) {
			v := view.New(mosul, 12, int(600*scale), int(400*scale), scale)
			dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
			draw.Draw(dst, dst.Rect, image.White, image.Point{}, draw.Src)
			f, err := newFurniture(scale)
			if err != nil {
				t.Fatal(err)
			}
			f.graticule(dst, v)

			// The crossing nearest the centre, away from the labels at the edges.
			step := float64(graticuleStep(v)) / 60
			lon, lat := math.Round(v.Center[0]/step)*step, math.Round(v.Center[1]/step)*step
			x, y := v.Pixel(orb.Point{lon, lat})
			col, row := int(x), int(y)
			lw := max(1, int(math.Round(scale)))
			below := row + 20 // between two parallels: 2′ is 97 px at zoom 12
			line := dst.RGBAAt(col, below)
			if line.R < 0xb8 || line.R > 0xd8 {
				t.Errorf("meridian %v at %d,%d is %v, want about 25%% ink", lon, col, below, line)
			}
			if c := dst.RGBAAt(col+lw+1, below); c != (color.RGBA{0xff, 0xff, 0xff, 0xff}) {
				t.Errorf("beside the meridian %v", c)
			}
			if c := dst.RGBAAt(col+v.Width/4, row); c.R < 0xb8 || c.R > 0xd8 {
				t.Errorf("parallel %v at row %d is %v", lat, row, c)
			}
			if c := dst.RGBAAt(col, row); c != line {
				t.Errorf("crossing at %d,%d is %v, the lines %v", col, row, c, line)
			}
		})
	}
}

// Views far out, wider than the world, or beyond the poles draw without trouble.
func TestGraticuleEdges(t *testing.T) {
	for name, v := range map[string]view.Viewport{
		"z0 wider than the world": view.New(orb.Point{0, 0}, 0, 1500, 300, 1),
		"antimeridian":            view.New(orb.Point{179.9, -16.5}, 9, 400, 300, 1),
		"pole":                    view.New(orb.Point{0, 85}, 3, 400, 300, 1),
		"deepest zoom":            view.New(mosul, 19, 400, 300, 2),
		"tiny":                    view.New(mosul, 8, 1, 1, 1),
	} {
		t.Run(name, func(t *testing.T) {
			dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
			f, err := newFurniture(v.Scale)
			if err != nil {
				t.Fatal(err)
			}
			f.graticule(dst, v)
		})
	}
}

func BenchmarkGraticule(b *testing.B) {
	v := view.New(mosul, 12, 1200, 800, 1)
	dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
	f, err := newFurniture(1)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		f.graticule(dst, v)
	}
}
