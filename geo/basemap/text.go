package basemap

import (
	"image/color"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"

	"github.com/strikemap/strikemap/geo/paint"
)

// textStyle is a font, size and colour for labels.
type textStyle struct {
	bold bool
	size float64 // pixels at device scale 1
	ink  color.NRGBA
	halo float64 // halo radius in pixels at device scale 1
}

// newFace makes a face of style s for device scale. Its text at scale 2 is
// exactly twice as wide as at scale 1, so labels placed once fit both.
func newFace(s textStyle, scale float64) (font.Face, error) {
	return paint.NewFace(s.size*scale, s.bold)
}

// displayName makes a name the Go fonts can draw. They cover Latin,
// Greek and Cyrillic but not, for example, the dotted letters of Arabic
// transliteration (Ḩamāh): a letter without a glyph is decomposed and
// its base letter kept (Hamah); anything still missing is dropped.
func displayName(name string, f *sfnt.Font, buf *sfnt.Buffer) string {
	has := func(r rune) bool {
		i, err := f.GlyphIndex(buf, r)
		return err == nil && i != 0
	}
	ok := true
	for _, r := range name {
		if r >= utf8.RuneSelf && !has(r) {
			ok = false
			break
		}
	}
	if ok {
		return name
	}
	var b strings.Builder
	for _, r := range name {
		if r < utf8.RuneSelf || has(r) {
			b.WriteRune(r)
			continue
		}
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) && has(d) {
				b.WriteRune(d)
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// measurer measures text in one style at device scale 1, remembering
// each rune's advance: placing labels measures every place name in the
// world, and asking the font for each glyph every time cost more than all
// the rest of placement.
type measurer struct {
	face    font.Face
	advance map[rune]float64
	capH    float64 // height of capitals, to centre names on dots
	descent float64
}

func newMeasurer(s textStyle) (*measurer, error) {
	f, err := newFace(s, 1)
	if err != nil {
		return nil, err
	}
	m := f.Metrics()
	return &measurer{face: f, advance: map[rune]float64{}, capH: fixedFloat(m.CapHeight), descent: fixedFloat(m.Descent)}, nil
}

// width is the advance width of s, ignoring kerning, which the Go fonts
// barely use and the gap between labels absorbs.
func (m *measurer) width(s string) float64 {
	var w float64
	for _, r := range s {
		a, ok := m.advance[r]
		if !ok {
			adv, _ := m.face.GlyphAdvance(r)
			a = fixedFloat(adv)
			m.advance[r] = a
		}
		w += a
	}
	return w
}

func fixedFloat(v fixed.Int26_6) float64 { return float64(v) / 64 }
