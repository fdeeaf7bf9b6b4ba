package main

import (
	"bufio"
	"context"
	"fmt"
	"image/png"
	"io"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/geo/render"
	"github.com/strikemap/strikemap/geo/view"
)

func runRender(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlags("render")
	filters := addFilterFlags(fs)
	center := fs.String("center", "", "LAT,LON at the image's centre (default: fit the events)")
	zoom := fs.Float64("zoom", -1, "OpenStreetMap zoom, fractional allowed (default: fit the events)")
	size := fs.String("size", "1200x800", "WxH in pixels")
	tilesFlag := fs.String("tiles", "offline", "offline, osm, an http(s) URL template, or FILE.mbtiles")
	out := fs.String("o", "", "PNG to write")
	if err := parse(fs, args, 1); err != nil {
		return err
	}
	if *out == "" {
		return &exitError{2, "render: -o OUT.png is required"}
	}
	f, err := filters.filter()
	if err != nil {
		return &exitError{2, "render: " + err.Error()}
	}
	w, h, err := parseSize(*size)
	if err != nil {
		return &exitError{2, "render: --size: " + err.Error()}
	}
	// Written so that NaN, which every comparison calls false, is refused too.
	if *zoom != -1 && !(*zoom >= view.MinZoom && *zoom <= view.MaxZoom) {
		return &exitError{2, fmt.Sprintf("render: --zoom %v is outside %d..%d", *zoom, view.MinZoom, view.MaxZoom)}
	}
	bg, err := openBase(*tilesFlag)
	if err != nil {
		return err
	}
	defer bg.close()

	db, err := data.Open(ctx, fs.Arg(0), data.ReadOnly)
	if err != nil {
		return err
	}
	defer db.Close()
	ix, err := db.LoadIndex(ctx, nil)
	if err != nil {
		return err // it names the file
	}
	events, err := db.Subset(ctx, ix, f)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	v, err := renderView(events, *center, *zoom, w, h)
	if err != nil {
		return &exitError{2, "render: " + err.Error()}
	}
	if err := bg.prefetch(ctx, v); err != nil {
		return err
	}
	img, err := render.Render(&render.Map{View: v, Base: bg.base, Attribution: bg.attribution,
		Events: events, Legend: events.Legend(fmt.Sprintf("%d events", events.Count(events.Sel)))})
	if err != nil {
		return fmt.Errorf("render %s: %w", fs.Arg(0), err)
	}
	return data.WriteFileAtomic(*out, func(bw *bufio.Writer) error { return png.Encode(bw, img) })
}

// renderView places the map: at --center and --zoom when given, else around the events.
func renderView(events data.Subset, center string, zoom float64, w, h int) (view.Viewport, error) {
	fit := view.New(orb.Point{39, 35}, 5, w, h, 1) // Syria and Iraq when there is nothing to fit
	if b, ok := events.Bound(); ok {
		fit = view.Fit(b, w, h, 1, 40, 10)
	}
	if center != "" {
		ll, err := floats(center, 2)
		if err != nil || ll[0] < -90 || ll[0] > 90 || ll[1] < -180 || ll[1] > 180 {
			return view.Viewport{}, fmt.Errorf("--center %q: want LAT,LON in degrees", clip(center, maxFlag))
		}
		fit.Center = orb.Point{ll[1], ll[0]}
	}
	if zoom >= 0 {
		fit.Zoom = zoom
	}
	return fit.Clamp(), nil
}

// maxPixels bounds --size: a poster, not a bomb for the memory.
const maxPixels = 100_000_000

func parseSize(s string) (int, int, error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	if !ok || err1 != nil || err2 != nil || w < 16 || h < 16 || w*h > maxPixels {
		return 0, 0, fmt.Errorf("%q: want WxH, each at least 16 pixels and at most %d pixels in all", clip(s, maxFlag), maxPixels)
	}
	return w, h, nil
}
