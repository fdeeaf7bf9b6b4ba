package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/strikemap/strikemap/geo/internal/shapes"
)

// topology is the part of a TopoJSON file (github.com/topojson/
// topojson-specification) that world-atlas uses: one quantized,
// delta-encoded arc list and geometry collections referring to it.
type topology struct {
	Type      string `json:"type"`
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects map[string]struct {
		Geometries []geometry `json:"geometries"`
	} `json:"objects"`
	Arcs [][][2]int64 `json:"arcs"`
}

type geometry struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

// readTopology reads a quantized TopoJSON file and undoes the arcs' delta
// encoding, leaving absolute grid positions.
func readTopology(path string) (*topology, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read topology: %w", err)
	}
	var t topology
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if t.Type != "Topology" || t.Transform == nil {
		return nil, fmt.Errorf("read %s: not a quantized TopoJSON topology", path)
	}
	for _, arc := range t.Arcs {
		for i := 1; i < len(arc); i++ {
			arc[i][0] += arc[i-1][0]
			arc[i][1] += arc[i-1][1]
		}
	}
	return &t, nil
}

// polygons returns a geometry's polygons as lists of rings of arc
// indexes, whatever its type.
func (g geometry) polygons() ([][][]int, error) {
	switch g.Type {
	case "Polygon":
		var p [][]int
		if err := json.Unmarshal(g.Arcs, &p); err != nil {
			return nil, fmt.Errorf("geometry %s: %w", g.ID, err)
		}
		return [][][]int{p}, nil
	case "MultiPolygon":
		var mp [][][]int
		if err := json.Unmarshal(g.Arcs, &mp); err != nil {
			return nil, fmt.Errorf("geometry %s: %w", g.ID, err)
		}
		return mp, nil
	case "", "null":
		return nil, nil
	}
	return nil, fmt.Errorf("geometry %s: unexpected type %s", g.ID, g.Type)
}

// arcIndex is TopoJSON's arc reference: a negative i means arc ^i reversed.
func arcIndex(i int) int {
	if i < 0 {
		return ^i
	}
	return i
}

// ring joins a ring's arcs; each arc starts where the one before ended, so
// that shared point is kept once.
func (t *topology) ring(refs []int) ([]shapes.Point, error) {
	var out []shapes.Point
	for _, ref := range refs {
		i := arcIndex(ref)
		if i >= len(t.Arcs) {
			return nil, fmt.Errorf("arc %d out of range", i)
		}
		arc := t.Arcs[i]
		for k := range arc {
			p := arc[k]
			if ref < 0 {
				p = arc[len(arc)-1-k]
			}
			if k == 0 && len(out) > 0 {
				continue
			}
			out = append(out, shapes.Point{X: int32(p[0]), Y: int32(p[1])})
		}
	}
	return out, nil
}

func (t *topology) line(i int) []shapes.Point {
	out := make([]shapes.Point, len(t.Arcs[i]))
	for k, p := range t.Arcs[i] {
		out[k] = shapes.Point{X: int32(p[0]), Y: int32(p[1])}
	}
	return out
}
