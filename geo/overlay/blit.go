package overlay

import "image"

// blit composites the premultiplied sprite src over dst with its top-left corner at at.
// It does what draw.Draw with draw.Over does, a few times faster on symbols, whose
// pixels are mostly either clear, which it skips, or opaque, which it copies.
func blit(dst, src *image.RGBA, at image.Point) {
	r := src.Rect.Sub(src.Rect.Min).Add(at).Intersect(dst.Rect)
	if r.Empty() {
		return
	}
	w := 4 * r.Dx()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		s := src.Pix[src.PixOffset(src.Rect.Min.X+r.Min.X-at.X, src.Rect.Min.Y+y-at.Y):][:w:w]
		d := dst.Pix[dst.PixOffset(r.Min.X, y):][:w:w]
		for i := 0; i+4 <= w; i += 4 {
			sp, dp := s[i:i+4:i+4], d[i:i+4:i+4]
			switch a := uint32(sp[3]); a {
			case 0:
			case 0xff:
				copy(dp, sp)
			default:
				k := 0xff - a
				dp[0] = sp[0] + scale255(uint32(dp[0])*k)
				dp[1] = sp[1] + scale255(uint32(dp[1])*k)
				dp[2] = sp[2] + scale255(uint32(dp[2])*k)
				dp[3] = sp[3] + scale255(uint32(dp[3])*k)
			}
		}
	}
}

// scale255 divides v ≤ 255·255 by 255, rounded, without dividing.
func scale255(v uint32) uint8 {
	v += 0x80
	return uint8((v + v>>8) >> 8)
}
