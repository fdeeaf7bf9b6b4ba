package cluster_test

import (
	"testing"

	"github.com/strikemap/strikemap/geo/cluster"
)

func TestHit(t *testing.T) {
	items := []cluster.Item{
		{X: 100, Y: 100, Count: 1, Row: 0},
		{X: 300, Y: 300, Count: 4, Row: 1},
		{X: 106, Y: 100, Count: 3, Row: 5},
	}
	for name, tc := range map[string]struct {
		x, y float64
		want int32 // row of the item hit, -1 for none
	}{
		"on the marker":              {100, 100, 0},
		"inside the bubble":          {310, 300, 1},
		"nothing there":              {200, 200, -1},
		"single drawn over a bubble": {104, 100, 0},
		"bubble beside a single":     {116, 100, 5},
	} {
		t.Run(name, func(t *testing.T) {
			it, ok := cluster.Hit(items, tc.x, tc.y, 3, 1)
			got := int32(-1)
			if ok {
				got = it.Row
			}
			if got != tc.want {
				t.Errorf("hit %d, want %d", got, tc.want)
			}
		})
	}
}

func TestRadius(t *testing.T) {
	for name, tc := range map[string]struct {
		count int
		scale float64
		want  float64
	}{
		"a marker":         {1, 1, cluster.MarkerRadius},
		"a marker at 2x":   {1, 2, 2 * cluster.MarkerRadius},
		"ten":              {10, 1, 15},
		"a thousand at 2x": {1000, 2, 46},
		"nothing is a dot": {0, 1, cluster.MarkerRadius},
	} {
		t.Run(name, func(t *testing.T) {
			if got := cluster.Radius(tc.count, tc.scale); got != tc.want {
				t.Errorf("Radius(%d, %v) = %v, want %v", tc.count, tc.scale, got, tc.want)
			}
		})
	}
}
