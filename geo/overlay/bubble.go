package overlay

import (
	"image"
	"image/color"
	"math"
	"strconv"

	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/paint"
)

// bubbleKey names a cluster bubble's image: its label, its radius to a quarter pixel
// (counts with one label differ in radius by less), and the device scale.
type bubbleKey struct {
	label   [8]byte
	quarter int32
	scale   float64
}

// maxBubbles bounds the bubble images kept; past it the cache starts afresh. A frame
// shows a few hundred clusters at most, and neighbouring frames mostly the same counts.
const maxBubbles = 1024

// bubble draws a cluster: a disc sized by the log of its count, with the count on it.
// Each bubble is drawn once into an image and blitted after, since rasterising a disc
// and its label costs a hundred times the copy.
func (d *Drawer) bubble(dst *image.RGBA, it *cluster.Item, scale float64) error {
	var k bubbleKey
	label := appendCount(k.label[:0], it.Count)
	k.quarter = int32(math.Round(4 * cluster.Radius(it.Count, scale)))
	k.scale = scale
	sp := d.bubbles[k]
	if sp == nil {
		var err error
		if sp, err = d.newBubble(string(label), float64(k.quarter)/4, scale); err != nil {
			return err
		}
		if len(d.bubbles) >= maxBubbles {
			clear(d.bubbles)
		}
		d.bubbles[k] = sp
	}
	half := sp.Rect.Dx() / 2
	at := image.Pt(int(math.Round(it.X))-half, int(math.Round(it.Y))-half)
	blit(dst, sp, at)
	return nil
}

// newBubble draws a bubble of radius r with label on it, centred in a transparent square.
func (d *Drawer) newBubble(label string, r, scale float64) (*image.RGBA, error) {
	face, err := d.face(11 * scale)
	if err != nil {
		return nil, err
	}
	halo := r + 2*scale
	size := 2*int(math.Ceil(halo)) + 2
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	mid := float64(size / 2)
	d.path.Circle(mid, mid, halo, false)
	d.painter.Fill(img, &d.path, color.NRGBA{0xff, 0xff, 0xff, 0xe8})
	d.path.Circle(mid, mid, r, false)
	d.painter.Fill(img, &d.path, color.NRGBA{0x1f, 0x3b, 0x4d, 0xe6})
	w := paint.Measure(face, label)
	m := face.Metrics()
	paint.Text(img, face, label, mid-w/2, mid+float64(m.Ascent-m.Descent)/64/2, white, nil, 0)
	return img, nil
}

// appendCount writes a cluster's count short enough for its bubble, at most 7 bytes:
// 7, 312, 4.2k, 87k, 1.2M. Counts are cut, not rounded, so a label never overstates.
func appendCount(b []byte, n int) []byte {
	tenths := func(b []byte, v int, unit byte) []byte {
		b = strconv.AppendInt(b, int64(v/10), 10)
		return append(b, '.', byte('0'+v%10), unit)
	}
	switch {
	case n < 1000:
		return strconv.AppendInt(b, int64(n), 10)
	case n < 10_000:
		return tenths(b, n/100, 'k')
	case n < 1_000_000:
		return append(strconv.AppendInt(b, int64(n/1000), 10), 'k')
	case n < 1_000_000_000:
		return tenths(b, n/100_000, 'M')
	}
	return append(b, "1G+"...)
}
