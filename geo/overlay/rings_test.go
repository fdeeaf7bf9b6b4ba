package overlay_test

import (
	"image"
	"image/color"
	"image/draw"
	"testing"

	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/overlay"
	"github.com/strikemap/strikemap/geo/view"
)

// TestRingsThinOutWhenCrowded draws a row of town-precision events, whose rings are
// wider than their spacing: a few get their rings, a crowd does not, except the one
// selected.
func TestRingsThinOutWhenCrowded(t *testing.T) {
	paper := color.RGBA{0xf2, 0xef, 0xe9, 0xff}
	for name, tc := range map[string]struct {
		n        int
		selected int64
		tinted   bool
	}{
		"few: every ring":          {n: overlay.MaxRings, tinted: true},
		"crowd: no rings":          {n: overlay.MaxRings + 4, tinted: false},
		"crowd: the selected ring": {n: overlay.MaxRings + 4, selected: 100, tinted: true},
	} {
		t.Run(name, func(t *testing.T) {
			v := view.New(orb.Point{38, 35}, 10, 900, 300, 1)
			var ms []overlay.Marker
			var items []cluster.Item
			for i := range tc.n {
				x, y := 20+float64(i)*40, 100.0
				ms = append(ms, overlay.Marker{ID: int64(100 + i), At: v.LatLon(x, y), Color: 1, RadiusM: 5000})
				items = append(items, cluster.Item{X: x, Y: y, Count: 1, Row: int32(i)})
			}
			img := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
			draw.Draw(img, img.Rect, image.NewUniform(paper), image.Point{}, draw.Src)
			if err := overlay.NewDrawer().Draw(img, v, slice(ms), items, tc.selected); err != nil {
				t.Fatal(err)
			}
			// 25 px below marker 0, inside its ring (40 px in radius here) and no other one.
			got := img.RGBAAt(20, 125) != paper
			if got != tc.tinted {
				t.Errorf("pixel under the ring tinted: %v, want %v", got, tc.tinted)
			}
		})
	}
}

// slice is a Source over markers in the order given.
type slice []overlay.Marker

func (s slice) Marker(row int) overlay.Marker { return s[row] }
