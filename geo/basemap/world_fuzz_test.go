package basemap

import (
	"bytes"
	"compress/gzip"
	"errors"
	"image"
	"testing"

	"github.com/strikemap/strikemap/geo/internal/allocs"
	"github.com/strikemap/strikemap/geo/internal/shapes"
	"github.com/strikemap/strikemap/geo/paint"
)

// FuzzWorld loads any shape data as the basemap loads its embedded files and draws a
// tile of it: an error wraps shapes.ErrCorrupt, or every line is indexed as drawing
// expects and the tile draws, with memory within a small multiple of the data.
func FuzzWorld(f *testing.F) {
	full, err := shapes.Decode(land110m)
	if err != nil {
		f.Fatal(err)
	}
	// A few real rings, borders and labels: the whole file is too big to mutate quickly.
	part := &shapes.File{Scale: full.Scale, Translate: full.Translate,
		Land: full.Land[:3], Borders: full.Borders[:2], Labels: full.Labels[:2]}
	pt := func(x, y int32) shapes.Point { return shapes.Point{X: x, Y: y} }
	extreme := &shapes.File{Scale: [2]float64{1e300, -1e-300}, Translate: [2]float64{-1e300, 5},
		Land:    [][]shapes.Point{{pt(0, 0), pt(1<<30, 0), pt(-1<<31, 1<<31-1)}},
		Borders: [][]shapes.Point{{pt(0, 0)}, {pt(1, 1), pt(1, 1)}}}
	for _, file := range []*shapes.File{part, extreme} {
		var b bytes.Buffer
		if err := shapes.Encode(&b, file); err != nil {
			f.Fatal(err)
		}
		zr, err := gzip.NewReader(&b)
		if err != nil {
			f.Fatal(err)
		}
		var raw bytes.Buffer
		if _, err := raw.ReadFrom(zr); err != nil {
			f.Fatal(err)
		}
		for _, t := range [][3]uint32{{0, 0, 0}, {5, 19, 12}, {19, 1 << 18, 1 << 18}} {
			f.Add(raw.Bytes(), uint8(t[0]), t[1], t[2])
		}
	}
	s := &scratch{painter: paint.NewPainter()}
	img := image.NewRGBA(image.Rect(0, 0, 256, 256))
	f.Fuzz(func(t *testing.T, raw []byte, z uint8, x, y uint32) {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(raw)
		zw.Close()
		var w *world
		var err error
		n := allocs.Bytes(func() { w, err = loadWorld("fuzz", b.Bytes()) })
		if limit := 64*uint64(len(raw)) + 1<<20; n > limit {
			t.Fatalf("loading %d bytes allocated %d bytes, over %d", len(raw), n, limit)
		}
		if err != nil {
			if !errors.Is(err, shapes.ErrCorrupt) {
				t.Fatalf("error %v does not wrap shapes.ErrCorrupt", err)
			}
			return
		}
		for _, lines := range [][]line{w.land, w.borders} {
			for i := range lines {
				checkLine(t, &lines[i])
			}
		}
		zoom := int(z % 20)
		tx, ty := int(x%(1<<zoom)), int(y%(1<<zoom))
		n = allocs.Bytes(func() { s.drawWorld(img, w, zoom, tx, ty, 1) })
		if limit := 64*uint64(len(raw)) + 1<<20; n > limit {
			t.Fatalf("drawing tile %d/%d/%d of %d bytes allocated %d bytes, over %d", zoom, tx, ty, len(raw), n, limit)
		}
	})
}

// checkLine checks that l's chunks run over its points end to end, inside its box.
func checkLine(t *testing.T, l *line) {
	t.Helper()
	if len(l.pts) < 2 || len(l.chunks) == 0 || l.chunks[0].lo != 0 || int(l.chunks[len(l.chunks)-1].hi) != len(l.pts)-1 {
		t.Fatalf("a line of %d points with chunks %+v", len(l.pts), l.chunks)
	}
	for i, c := range l.chunks {
		if c.lo >= c.hi || i > 0 && c.lo != l.chunks[i-1].hi {
			t.Fatalf("chunk %d is %d..%d after %+v", i, c.lo, c.hi, l.chunks[:i])
		}
		for _, p := range l.pts[c.lo : c.hi+1] {
			if !c.bbox.overlaps(boxOf(p)) || !l.bbox.overlaps(boxOf(p)) {
				t.Fatalf("point %v outside its chunk's box %v or its line's %v", p, c.bbox, l.bbox)
			}
		}
	}
}
