package main

import (
	"flag"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/strikemap/strikemap/data"
)

// listFlag collects a flag given several times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// filterFlags are CONTRACT.md's FILTERS as flags, read into a data.Filter.
type filterFlags struct {
	from, to, bbox, q         string
	actors, targets, statuses listFlag
}

func addFilterFlags(fs *flag.FlagSet) *filterFlags {
	f := &filterFlags{}
	fs.StringVar(&f.from, "from", "", "first day, YYYY-MM-DD")
	fs.StringVar(&f.to, "to", "", "last day, YYYY-MM-DD")
	fs.Var(&f.actors, "actor", "striking party (repeat for several)")
	fs.Var(&f.targets, "target", "target type (repeat for several)")
	fs.Var(&f.statuses, "status", "status (repeat for several)")
	fs.StringVar(&f.bbox, "bbox", "", "W,S,E,N in degrees")
	fs.StringVar(&f.q, "q", "", "words to find in summaries, places and claims")
	return f
}

// filter checks the flags' values and returns the filter they describe.
func (f *filterFlags) filter() (*data.Filter, error) {
	out := &data.Filter{Actors: f.actors, Targets: f.targets, Query: f.q}
	var err error
	if f.from != "" {
		if out.From, err = data.ParseDate(f.from); err != nil {
			return nil, fmt.Errorf("--from: %w", err)
		}
	}
	if f.to != "" {
		if out.To, err = data.ParseDate(f.to); err != nil {
			return nil, fmt.Errorf("--to: %w", err)
		}
	}
	if !out.From.IsZero() && !out.To.IsZero() && out.To < out.From {
		return nil, fmt.Errorf("--to %s is before --from %s", f.to, f.from)
	}
	for _, s := range f.statuses {
		if !data.Status(s).Valid() {
			return nil, fmt.Errorf("--status %q is not one of %v", clip(s, maxFlag), data.Statuses)
		}
		out.Statuses = append(out.Statuses, data.Status(s))
	}
	if f.bbox != "" {
		v, err := floats(f.bbox, 4)
		if err != nil || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[0] > v[2] || v[1] > v[3] {
			return nil, fmt.Errorf("--bbox %q: want W,S,E,N in degrees with W ≤ E and S ≤ N", clip(f.bbox, maxFlag))
		}
		out.BBox = &orb.Bound{Min: orb.Point{v[0], v[1]}, Max: orb.Point{v[2], v[3]}}
	}
	return out, nil
}

// floats reads n comma-separated numbers.
func floats(s string, n int) ([]float64, error) {
	parts := strings.Split(s, ",")
	if len(parts) != n {
		return nil, fmt.Errorf("want %d numbers", n)
	}
	out := make([]float64, n)
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, err
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%q is not a number of degrees", clip(strings.TrimSpace(p), maxFlag))
		}
		out[i] = v
	}
	return out, nil
}
