package view_test

import (
	"fmt"
	"image"
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/strikemap/strikemap/geo/view"
)

func near(a, b, eps float64) bool { return math.Abs(a-b) <= eps }

// The tile under a pixel must be the one orb's maptile.At gives for the
// place at that pixel, and the pixel must sit inside that tile's rectangle.
func TestPixelAgreesWithMaptile(t *testing.T) {
	for name, tc := range map[string]struct {
		ll   orb.Point
		zoom float64
	}{
		"raqqa z6":          {orb.Point{39.01, 35.95}, 6},
		"albu kamal z12":    {orb.Point{40.92, 34.45}, 12},
		"mosul z9":          {orb.Point{43.13, 36.34}, 9},
		"sharm z3":          {orb.Point{34.33, 27.91}, 3},
		"south west z1":     {orb.Point{-120.5, -40.25}, 1},
		"near pole z4":      {orb.Point{10, 84.9}, 4},
		"antimeridian z5":   {orb.Point{179.99, -16.5}, 5},
		"prime meridian z8": {orb.Point{0.0001, 51.4779}, 8},
	} {
		t.Run(name, func(t *testing.T) {
			v := view.New(orb.Point{38, 35}, tc.zoom, 1000, 700, 1)
			want := maptile.At(tc.ll, maptile.Zoom(tc.zoom))
			x, y := v.Pixel(tc.ll)
			for _, tr := range v.Tiles() {
				if tr.Tile == want {
					if !image.Pt(int(math.Floor(x)), int(math.Floor(y))).In(tr.Rect) {
						t.Errorf("pixel %.1f,%.1f outside tile %v rect %v", x, y, want, tr.Rect)
					}
					return
				}
			}
			// Places off screen are fine; check the conversion still inverts.
			back := v.LatLon(x, y)
			if !near(back[0], tc.ll[0], 1e-9) || !near(back[1], tc.ll[1], 1e-9) {
				t.Errorf("LatLon(Pixel(%v)) = %v", tc.ll, back)
			}
		})
	}
}

func TestKnownPixels(t *testing.T) {
	for name, tc := range map[string]struct {
		v    view.Viewport
		ll   orb.Point
		x, y float64
	}{
		"centre is the middle":    {view.New(orb.Point{39, 35.5}, 6, 800, 600, 1), orb.Point{39, 35.5}, 400, 300},
		"z0 world corner":         {view.New(orb.Point{0, 0}, 0, 256, 256, 1), orb.Point{-180, view.MaxLat}, 0, 0},
		"z0 world far corner":     {view.New(orb.Point{0, 0}, 0, 256, 256, 1), orb.Point{179.999999, -view.MaxLat}, 256, 256},
		"z1 scale 2 east edge":    {view.New(orb.Point{0, 0}, 1, 1024, 1024, 2), orb.Point{90, 0}, 768, 512},
		"z2 one tile east":        {view.New(orb.Point{0, 0}, 2, 100, 100, 1), orb.Point{90, 0}, 50 + 256, 50},
		"fractional zoom":         {view.New(orb.Point{0, 0}, 0.5, 100, 100, 1), orb.Point{90, 0}, 50 + 256*math.Sqrt2/4, 50},
		"across the antimeridian": {view.New(orb.Point{179, 0}, 3, 400, 400, 1), orb.Point{-179, 0}, 200 + 2*2048.0/360, 200},
	} {
		t.Run(name, func(t *testing.T) {
			x, y := tc.v.Pixel(tc.ll)
			if !near(x, tc.x, 1e-3) || !near(y, tc.y, 1e-3) {
				t.Errorf("Pixel(%v) = %.4f,%.4f, want %.4f,%.4f", tc.ll, x, y, tc.x, tc.y)
			}
		})
	}
}

// A tile's rectangle corners must be the pixels of maptile's bound.
func TestTileRectsMatchBounds(t *testing.T) {
	v := view.New(orb.Point{39, 35.5}, 7, 1200, 800, 1)
	for _, tr := range v.Tiles() {
		b := tr.Tile.Bound()
		x0, y0 := v.Pixel(orb.Point{b.Min[0], b.Max[1]})
		x1, y1 := v.Pixel(orb.Point{b.Max[0], b.Min[1]})
		got := image.Rect(int(math.Round(x0)), int(math.Round(y0)), int(math.Round(x1)), int(math.Round(y1)))
		if got != tr.Rect {
			t.Errorf("tile %v: rect %v, bound gives %v", tr.Tile, tr.Rect, got)
		}
		if tr.Rect.Dx() != 256 || tr.Rect.Dy() != 256 {
			t.Errorf("tile %v: size %v at whole zoom", tr.Tile, tr.Rect.Size())
		}
	}
}

func TestTilesCover(t *testing.T) {
	for name, v := range map[string]view.Viewport{
		"z6 syria":          view.New(orb.Point{39, 35.5}, 6, 1200, 800, 1),
		"z6.4 hidpi":        view.New(orb.Point{39, 35.5}, 6.4, 1920, 1080, 2),
		"z12 odd size":      view.New(orb.Point{40.92, 34.45}, 12, 333, 217, 1),
		"z0 wider world":    view.New(orb.Point{0, 0}, 0, 1000, 300, 1),
		"z2.6 antimeridian": view.New(orb.Point{179.5, 60}, 2.6, 700, 500, 1.5),
	} {
		t.Run(name, func(t *testing.T) {
			covered := image.NewAlpha(image.Rect(0, 0, v.Width, v.Height))
			for _, tr := range v.Tiles() {
				if !tr.Tile.Valid() {
					t.Errorf("invalid tile %v", tr.Tile)
				}
				r := tr.Rect.Intersect(covered.Rect)
				for y := r.Min.Y; y < r.Max.Y; y++ {
					for x := r.Min.X; x < r.Max.X; x++ {
						if covered.AlphaAt(x, y).A != 0 {
							t.Fatalf("pixel %d,%d covered twice (tile %v)", x, y, tr.Tile)
						}
						covered.Pix[covered.PixOffset(x, y)] = 1
					}
				}
			}
			// Rows beyond the poles stay empty; every other pixel is covered.
			_, top := v.Pixel(orb.Point{0, view.MaxLat})
			_, bottom := v.Pixel(orb.Point{0, -view.MaxLat})
			for y := max(0, int(math.Ceil(top))); y < min(v.Height, int(bottom)); y++ {
				for x := range v.Width {
					if covered.AlphaAt(x, y).A == 0 {
						t.Fatalf("pixel %d,%d not covered", x, y)
					}
				}
			}
		})
	}
}

func TestClamp(t *testing.T) {
	for name, tc := range map[string]struct {
		in   view.Viewport
		want view.Viewport
	}{
		"north of mercator": {view.Viewport{Center: orb.Point{0, 89}, Zoom: 3}, view.Viewport{Center: orb.Point{0, view.MaxLat}, Zoom: 3, Scale: 1}},
		"south of mercator": {view.Viewport{Center: orb.Point{0, -90}, Zoom: 3}, view.Viewport{Center: orb.Point{0, -view.MaxLat}, Zoom: 3, Scale: 1}},
		"zoom too deep":     {view.Viewport{Zoom: 25, Scale: 2}, view.Viewport{Zoom: 19, Scale: 2}},
		"zoom negative":     {view.Viewport{Zoom: -1}, view.Viewport{Zoom: 0, Scale: 1}},
		"lon wraps east":    {view.Viewport{Center: orb.Point{190, 10}}, view.Viewport{Center: orb.Point{-170, 10}, Scale: 1}},
		"lon wraps west":    {view.Viewport{Center: orb.Point{-540, 10}}, view.Viewport{Center: orb.Point{-180, 10}, Scale: 1}},
	} {
		t.Run(name, func(t *testing.T) {
			got := tc.in.Clamp()
			if !near(got.Center[0], tc.want.Center[0], 1e-9) || !near(got.Center[1], tc.want.Center[1], 1e-9) ||
				got.Zoom != tc.want.Zoom || got.Scale != tc.want.Scale {
				t.Errorf("Clamp() = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestPan(t *testing.T) {
	v := view.New(orb.Point{39, 35.5}, 8, 800, 600, 2)
	for name, tc := range map[string]struct{ dx, dy float64 }{
		"right":    {120, 0},
		"up left":  {-37.5, -250},
		"big jump": {5000, 3000},
		"nothing":  {0, 0},
	} {
		t.Run(name, func(t *testing.T) {
			// What was at the centre moves by dx, dy.
			p := v.Pan(tc.dx, tc.dy)
			x, y := p.Pixel(v.Center)
			if !near(x, 400+tc.dx, 1e-6) || !near(y, 300+tc.dy, 1e-6) {
				t.Errorf("old centre at %.3f,%.3f, want %.3f,%.3f", x, y, 400+tc.dx, 300+tc.dy)
			}
		})
	}
}

func TestPanAroundTheWorld(t *testing.T) {
	v := view.New(orb.Point{39, 35.5}, 2, 800, 600, 1)
	p := v.Pan(v.WorldSize(), 0)
	if !near(p.Center[0], 39, 1e-9) || !near(p.Center[1], 35.5, 1e-9) {
		t.Errorf("after panning one world width centre is %v", p.Center)
	}
}

func TestZoomAt(t *testing.T) {
	v := view.New(orb.Point{39, 35.5}, 6, 1000, 800, 1)
	for name, tc := range map[string]struct{ x, y, dz, zoom float64 }{
		"in at corner":  {10, 20, 1, 7},
		"out at bottom": {900, 790, -2.5, 3.5},
		"in at centre":  {500, 400, 0.25, 6.25},
		"past max":      {300, 300, 20, 19},
	} {
		t.Run(name, func(t *testing.T) {
			ll := v.LatLon(tc.x, tc.y)
			z := v.ZoomAt(tc.x, tc.y, tc.dz)
			if z.Zoom != tc.zoom {
				t.Errorf("zoom %v, want %v", z.Zoom, tc.zoom)
			}
			x, y := z.Pixel(ll)
			if !near(x, tc.x, 1e-6) || !near(y, tc.y, 1e-6) {
				t.Errorf("point under cursor moved to %.4f,%.4f", x, y)
			}
		})
	}
}

func TestBound(t *testing.T) {
	v := view.New(orb.Point{39, 35.5}, 6, 1200, 800, 1)
	b := v.Bound()
	for _, p := range [][2]float64{{0, 0}, {1200, 800}, {600, 400}, {0, 800}} {
		ll := v.LatLon(p[0], p[1])
		if !near(ll[0], max(b.Min[0], min(b.Max[0], ll[0])), 1e-9) || !near(ll[1], max(b.Min[1], min(b.Max[1], ll[1])), 1e-9) {
			t.Errorf("corner %v at %v outside bound %v", p, ll, b)
		}
	}
	if !b.Contains(orb.Point{39.01, 35.95}) || b.Contains(orb.Point{0, 0}) {
		t.Errorf("bound %v wrong about Raqqa or Null Island", b)
	}
}

func TestMetersPerPixel(t *testing.T) {
	// OSM wiki: 156543.03 m per pixel at the equator at zoom 0.
	v := view.New(orb.Point{0, 0}, 0, 256, 256, 1)
	if got := v.MetersPerPixel(); !near(got, 156543.03, 0.01) {
		t.Errorf("MetersPerPixel = %.2f", got)
	}
	v = view.New(orb.Point{0, 60}, 10, 256, 256, 2)
	if got := v.MetersPerPixel(); !near(got, 156543.03/1024/2/2, 0.01) {
		t.Errorf("MetersPerPixel at 60N z10 scale 2 = %.4f", got)
	}
}

func ExampleViewport_Pixel() {
	v := view.New(orb.Point{39, 35.5}, 6, 800, 600, 1)
	x, y := v.Pixel(orb.Point{39.01, 35.95}) // Ar Raqqah
	fmt.Printf("%.1f %.1f\n", x, y)
	// Output: 400.5 274.8
}

func ExampleViewport_Tiles() {
	v := view.New(orb.Point{39, 35.5}, 6, 256, 256, 2)
	for _, tr := range v.Tiles() {
		fmt.Printf("%d/%d/%d at %v\n", tr.Tile.Z, tr.Tile.X, tr.Tile.Y, tr.Rect)
	}
	// Output:
	// 6/38/25 at (-350,4)-(162,516)
	// 6/39/25 at (162,4)-(674,516)
	// 6/38/24 at (-350,-508)-(162,4)
	// 6/39/24 at (162,-508)-(674,4)
}

func ExampleViewport_ZoomAt() {
	v := view.New(orb.Point{39, 35.5}, 6, 800, 600, 1)
	v = v.ZoomAt(400, 300, 1.5) // zoom in about the centre
	fmt.Printf("%.2f %.4f %.4f\n", v.Zoom, v.Center[1], v.Center[0])
	// Output: 7.50 35.5000 39.0000
}

func TestWorldXY(t *testing.T) {
	for name, tc := range map[string]struct {
		ll   orb.Point
		x, y float64
	}{
		"null island": {orb.Point{0, 0}, 0.5, 0.5},
		"north west":  {orb.Point{-180, view.MaxLat}, 0, 0},
		"south east":  {orb.Point{180, -view.MaxLat}, 1, 1},
		"past pole":   {orb.Point{90, -90}, 0.75, 1},
	} {
		t.Run(name, func(t *testing.T) {
			x, y := view.WorldXY(tc.ll)
			if !near(x, tc.x, 1e-12) || !near(y, tc.y, 1e-12) {
				t.Errorf("WorldXY(%v) = %v, %v", tc.ll, x, y)
			}
			back := view.FromWorldXY(x, y)
			if !near(back[0], tc.ll[0], 1e-9) || !near(back[1], view.ClampLat(tc.ll[1]), 1e-9) {
				t.Errorf("FromWorldXY(WorldXY(%v)) = %v", tc.ll, back)
			}
		})
	}
}

func TestFit(t *testing.T) {
	syria := orb.Bound{Min: orb.Point{35.7, 32.3}, Max: orb.Point{42.4, 37.3}}
	v := view.Fit(syria, 1200, 800, 1, 20, 12)
	for _, corner := range []orb.Point{syria.Min, syria.Max} {
		x, y := v.Pixel(corner)
		if x < 19 || y < 19 || x > 1181 || y > 781 {
			t.Errorf("corner %v at pixel %.0f,%.0f: outside the padded view", corner, x, y)
		}
	}
	if v.Zoom < 7 || v.Zoom > 8 {
		t.Errorf("zoom %.2f for Syria in 1200×800, want between 7 and 8", v.Zoom)
	}
	one := view.Fit(orb.Bound{Min: orb.Point{39, 35}, Max: orb.Point{39, 35}}, 800, 600, 1, 20, 10)
	if one.Zoom != 10 {
		t.Errorf("a single point fits at zoom %.2f, want the cap 10", one.Zoom)
	}
}
