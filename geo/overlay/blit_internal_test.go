package overlay

import (
	"image"
	"image/color"
	"image/draw"
	"math/rand/v2"
	"testing"
)

// blit must give what image/draw gives, give or take a rounding step, wherever the
// sprite lands, edges of the image included.
func TestBlitMatchesDrawOver(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sprite := image.NewRGBA(image.Rect(0, 0, 9, 7))
	for i := 0; i < len(sprite.Pix); i += 4 {
		a := []uint8{0, 0xff, uint8(rng.IntN(256))}[rng.IntN(3)]
		c := color.NRGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), a}
		sprite.Set(i/4%9, i/4/9, c)
	}
	for name, at := range map[string]image.Point{
		"inside": {5, 6}, "over the top-left": {-3, -2}, "over the bottom-right": {16, 13}, "outside": {40, 0},
	} {
		t.Run(name, func(t *testing.T) {
			got, want := image.NewRGBA(image.Rect(0, 0, 20, 16)), image.NewRGBA(image.Rect(0, 0, 20, 16))
			for i := range got.Pix {
				v := uint8(rng.IntN(256))
				if i%4 == 3 {
					v = 0xff
				}
				got.Pix[i], want.Pix[i] = v, v
			}
			blit(got, sprite, at)
			draw.Draw(want, sprite.Rect.Add(at), sprite, image.Point{}, draw.Over)
			for i := range got.Pix {
				if d := int(got.Pix[i]) - int(want.Pix[i]); d < -1 || d > 1 {
					t.Fatalf("byte %d: %d, image/draw gives %d", i, got.Pix[i], want.Pix[i])
				}
			}
		})
	}
}
