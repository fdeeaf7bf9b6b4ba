package basemap

import (
	"math"
	"testing"

	"github.com/strikemap/strikemap/geo/paint"
	"github.com/strikemap/strikemap/geo/view"
)

// Placed labels must not overlap one another, and every tile a label
// reaches must know of it, or the label would be cut at that tile's edge.
func TestPlacement(t *testing.T) {
	for _, z := range []int{3, 6, 9} {
		pl, err := placementFor(z)
		if err != nil {
			t.Fatal(err)
		}
		if len(pl.labels) < 20 {
			t.Errorf("zoom %d: only %d labels", z, len(pl.labels))
		}
		faces := map[textStyle]float64{}
		boxes := make([]rect, len(pl.labels))
		for i, l := range pl.labels {
			if _, ok := faces[l.style]; !ok {
				f, err := newFace(l.style, 1)
				if err != nil {
					t.Fatal(err)
				}
				faces[l.style] = fixedFloat(f.Metrics().CapHeight)
			}
			f, _ := newFace(l.style, 1)
			boxes[i] = rect{l.x, l.y - faces[l.style], l.x + paint.Measure(f, l.text), l.y}
		}
		col := newCollider(len(boxes))
		for i, b := range boxes {
			if col.hits(b) {
				t.Errorf("zoom %d: label %q overlaps another", z, pl.labels[i].text)
			}
			col.add(b)
			for ty := int(math.Floor(b[1] / view.TileSize)); ty <= int(math.Floor(b[3]/view.TileSize)); ty++ {
				for tx := int(math.Floor(b[0] / view.TileSize)); tx <= int(math.Floor(b[2]/view.TileSize)); tx++ {
					found := false
					for _, j := range pl.byTile[cellKey(tx, ty)] {
						found = found || int(j) == i
					}
					if !found {
						t.Errorf("zoom %d: label %q reaches tile %d,%d which does not list it", z, pl.labels[i].text, tx, ty)
					}
				}
			}
		}
	}
}

func TestDisplayName(t *testing.T) {
	regular, err := paint.Font(false)
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"Aleppo":     "Aleppo",
		"Ḩamāh":      "Hamāh", // ā is in the Go fonts, Ḩ is not
		"Dar‘ā":      "Dar‘ā",
		"İzmir":      "İzmir",
		"Москва":     "Москва",
		"حلب":        "",
		"Tall Ḩamīs": "Tall Hamīs",
		"Al Ḩasakah": "Al Hasakah",
	} {
		if got := displayName(in, regular, nil); got != want {
			t.Errorf("displayName(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkPlace(b *testing.B) {
	for _, z := range []int{6, 12} {
		b.Run("z"+string(rune('0'+z/10))+string(rune('0'+z%10)), func(b *testing.B) {
			if _, err := place(z); err != nil { // warm the data
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := place(z); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
