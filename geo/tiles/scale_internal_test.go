package tiles

import (
	"image"
	"image/color"
	"image/draw"
	"testing"

	xdraw "golang.org/x/image/draw"
)

// The fast scaler must agree with x/image/draw's ApproxBiLinear, which it
// replaces, to within rounding.
func TestScaleMatchesBiLinear(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 256, 256))
	for y := range 256 {
		for x := range 256 {
			src.SetRGBA(x, y, color.RGBA{uint8(x), uint8(y), uint8(x ^ y), 255})
		}
	}
	for name, tc := range map[string]struct {
		r, sr image.Rectangle
	}{
		"fractional zoom": {image.Rect(-40, 30, 322, 392), src.Rect},
		"hidpi":           {image.Rect(0, 0, 512, 512), src.Rect},
		"ancestor":        {image.Rect(10, 10, 266, 266), image.Rect(64, 128, 128, 192)},
		"shrink":          {image.Rect(0, 0, 190, 190), src.Rect},
	} {
		t.Run(name, func(t *testing.T) {
			got := image.NewRGBA(image.Rect(0, 0, 300, 300))
			want := image.NewRGBA(got.Rect)
			scale(got, tc.r, src, tc.sr)
			xdraw.ApproxBiLinear.Scale(want, tc.r, src, tc.sr, draw.Src, nil)
			worst := 0
			for i := range got.Pix {
				worst = max(worst, abs(int(got.Pix[i])-int(want.Pix[i])))
			}
			if worst > 2 {
				t.Errorf("differs from x/image/draw by up to %d", worst)
			}
		})
	}
}

func abs(x int) int { return max(x, -x) }
