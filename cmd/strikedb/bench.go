package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"time"

	"github.com/paulmach/orb"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/geo/cluster"
	"github.com/strikemap/strikemap/geo/render"
	"github.com/strikemap/strikemap/geo/view"
)

// benchResult is what `strikedb bench --json` prints, in CONTRACT.md's keys and order.
type benchResult struct {
	Events    int     `json:"events"`
	LoadMS    float64 `json:"load_ms"`
	FilterMS  float64 `json:"filter_ms_p50"`
	ClusterMS float64 `json:"cluster_ms_p50"`
	FrameMS   float64 `json:"frame_ms_p50"`
	HeapMB    float64 `json:"heap_mb"`
}

// The benchmark's repetitions. Each is what an analyst does: narrow the filter to a
// period, one or two actors and one to three target types, then look at where those
// events are, in a 1920×1080 viewport at a zoom going round 3 to 12. Each repetition
// starts from an event, drawn with a fixed seed from one of the densest areas (two in
// four) or from all events, so that every run on a database measures the same work, and
// so that the filter keeps that event: the viewport is never empty by chance.
const (
	benchReps                       = 40
	benchMinZoom, benchZooms        = 3, 10 // zooms 3 to 12
	benchWidth, benchHeight         = 1920, 1080
	benchDense                      = 4  // how many of the densest areas to visit
	benchDenseLevel                 = 10 // the quadtree level of those areas: cells about 40 km wide
	benchSeed                uint64 = 6
)

// benchRep is one repetition: a filter change and the viewport looked at after it.
type benchRep struct {
	filter *data.Filter
	view   view.Viewport
}

// benchTimes are the milliseconds each stage took, one per repetition.
type benchTimes struct{ filter, cluster, frame []float64 }

func runBench(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("bench")
	asJSON := fs.Bool("json", false, "print one JSON object")
	// Hidden: writes the indexed events' lon,lat to a CSV for the supercluster comparison
	// that `make bench` runs, instead of measuring.
	pointsCSV := fs.String("points-csv", "", "")
	if err := parse(fs, args, 1); err != nil {
		return err
	}
	path := fs.Arg(0)
	start := time.Now()
	db, err := data.Open(ctx, path, data.ReadOnly)
	if err != nil {
		return err
	}
	defer db.Close()
	ix, err := db.LoadIndex(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	res := benchResult{Events: ix.Len(), LoadMS: millis(time.Since(start))}
	if *pointsCSV != "" {
		return writePoints(*pointsCSV, ix)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	res.HeapMB = math.Round(float64(ms.HeapInuse)/(1<<20)*10) / 10
	t, err := measure(ctx, ix, benchPlan(ix))
	if err != nil {
		return err
	}
	res.FilterMS, res.ClusterMS, res.FrameMS = quantile(t.filter, 0.5), quantile(t.cluster, 0.5), quantile(t.frame, 0.5)
	if *asJSON {
		return json.NewEncoder(stdout).Encode(res)
	}
	printBench(stdout, path, &res, &t)
	return nil
}

// measure times each repetition's filter change, clustering and frame. The frame is the
// desktop map's, without a basemap: it clusters again, then draws the events, the
// graticule, the scale bar and the legend. A first, untimed pass draws every symbol and
// font once, as the map has after its first frames.
func measure(ctx context.Context, ix *data.Index, reps []benchRep) (benchTimes, error) {
	var t benchTimes
	var sel []uint64 // the selection's memory, reused as the app does
	var items []cluster.Item
	img := image.NewRGBA(image.Rect(0, 0, benchWidth, benchHeight))
	r := render.NewRenderer()
	m := &render.Map{Legend: data.Subset{Index: ix}.Legend(strconv.Itoa(ix.Len()) + " events")}
	for pass := range 2 {
		for _, rep := range reps {
			if err := ctx.Err(); err != nil {
				return t, err
			}
			t0 := time.Now()
			sel = ix.Select(rep.filter, nil, sel)
			t1 := time.Now()
			items = cluster.Query(&ix.Points, sel, rep.view, cluster.DefaultOptions, items)
			t2 := time.Now()
			m.View, m.Events = rep.view, data.Subset{Index: ix, Sel: sel}
			if err := r.Draw(img, m); err != nil {
				return t, fmt.Errorf("bench: %w", err)
			}
			if pass == 1 {
				t.filter = append(t.filter, millis(t1.Sub(t0)))
				t.cluster = append(t.cluster, millis(t2.Sub(t1)))
				t.frame = append(t.frame, millis(time.Since(t2)))
			}
		}
	}
	return t, nil
}

// benchPlan returns the repetitions for ix, as the comment on benchReps says.
func benchPlan(ix *data.Index) []benchRep {
	dense := denseCells(&ix.Points, benchDense)
	rng := rand.New(rand.NewPCG(benchSeed, 1))
	windows := []data.Date{7, 30, 90, 365, 730}
	reps := make([]benchRep, benchReps)
	for k := range reps {
		w := windows[k%len(windows)]
		f := &data.Filter{From: ix.MinDate, To: ix.MinDate + w - 1}
		centre := orb.Point{0, 0}
		if ix.Len() > 0 {
			r := rng.IntN(ix.Len())
			if c := dense[(k/4)%len(dense)]; k%4 < 2 {
				r = c.a + rng.IntN(c.b-c.a)
				centre = c.centre
			} else {
				centre = orb.Point{ix.Lon[r], ix.Lat[r]}
			}
			f.From = ix.Start[r] - data.Date(rng.IntN(int(w)))
			f.To = f.From + w - 1
			f.Actors = pick(rng, ix.Actors, int(ix.Actor[r]), 2)
			f.Targets = pick(rng, ix.Targets, int(ix.Target[r]), 3)
		}
		reps[k] = benchRep{f, view.New(centre, float64(benchMinZoom+k%benchZooms), benchWidth, benchHeight, 1)}
	}
	return reps
}

// pick returns all[first] and up to most-1 other values of all, drawn by rng.
func pick(rng *rand.Rand, all []string, first, most int) []string {
	out := []string{all[first]}
	for range rng.IntN(most) {
		if s := all[rng.IntN(len(all))]; !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// denseCell is a quadtree cell's rows [a, b) and their centre of mass.
type denseCell struct {
	a, b   int
	centre orb.Point
}

// denseCells returns the n quadtree cells at benchDenseLevel holding the most points,
// the fullest first.
func denseCells(p *cluster.Points, n int) []denseCell {
	var top []denseCell
	shift := 2 * (cluster.KeyBits - benchDenseLevel)
	for a := 0; a < p.Len(); {
		b := a + 1
		for b < p.Len() && p.Keys[b]>>shift == p.Keys[a]>>shift {
			b++
		}
		i := len(top)
		for i > 0 && top[i-1].b-top[i-1].a < b-a {
			i--
		}
		if i < n {
			top = slices.Insert(top, i, denseCell{a: a, b: b})[:min(len(top)+1, n)]
		}
		a = b
	}
	for i, c := range top {
		var sx, sy float64
		for r := c.a; r < c.b; r++ {
			sx, sy = sx+float64(p.X[r]), sy+float64(p.Y[r])
		}
		top[i].centre = view.FromWorldXY(sx/float64(c.b-c.a), sy/float64(c.b-c.a))
	}
	return top
}

// writePoints writes the longitude and latitude of every indexed event as a CSV.
func writePoints(path string, ix *data.Index) error {
	return data.WriteFileAtomic(path, func(w *bufio.Writer) error {
		w.WriteString("lon,lat\n")
		var b []byte
		for r := range ix.Len() {
			b = strconv.AppendFloat(b[:0], ix.Lon[r], 'f', -1, 64)
			b = append(b, ',')
			b = strconv.AppendFloat(b, ix.Lat[r], 'f', -1, 64)
			b = append(b, '\n')
			if _, err := w.Write(b); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
		}
		return nil
	})
}

// printBench prints res as a table for a person, with the spread of the timings.
func printBench(w io.Writer, path string, res *benchResult, t *benchTimes) {
	fmt.Fprintf(w, "%s: %d events, %d filter changes, 1920×1080 viewports at zooms %d to %d\n",
		path, res.Events, benchReps, benchMinZoom, benchMinZoom+benchZooms-1)
	fmt.Fprintf(w, "  %-10s %10s %10s %10s\n", "", "p50", "p90", "max")
	fmt.Fprintf(w, "  %-10s %10.1f %10s %10s   %s\n", "load ms", res.LoadMS, "", "", "open the database and build the in-memory index")
	for _, st := range []struct {
		name  string
		times []float64
		what  string
	}{
		{"filter", t.filter, "one filter change (dates + actors + targets) over all events"},
		{"cluster", t.cluster, "clusters of one viewport after a filter change"},
		{"frame", t.frame, "one map frame without basemap: clusters, symbols, legend"},
	} {
		fmt.Fprintf(w, "  %-10s %10.3f %10.3f %10.3f   %s\n", st.name+" ms",
			quantile(st.times, 0.5), quantile(st.times, 0.9), quantile(st.times, 1), st.what)
	}
	fmt.Fprintf(w, "  %-10s %10.1f %10s %10s   %s\n", "heap MB", res.HeapMB, "", "", "Go heap in use after loading")
}

// millis returns d in milliseconds, to the microsecond.
func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1e3 }

// quantile returns the q-quantile of xs (0.5: the median, the upper one of an even
// count; 1: the largest), sorting xs.
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	return xs[min(int(q*float64(len(xs))), len(xs)-1)]
}
