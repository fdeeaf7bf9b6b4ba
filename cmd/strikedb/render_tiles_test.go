package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// tileServer serves a solid magenta PNG for every tile, or fails with status when set.
func tileServer(t *testing.T, status int) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 256, 256))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = 0xff, 0x00, 0xff, 0xff
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if status != 0 {
			http.Error(w, "no", status)
			return
		}
		w.Header().Set("Content-Type", "image/png")
		w.Write(buf.Bytes())
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func TestRenderWithOnlineTiles(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // the tile cache goes there, not to the user's
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	strikedb(t, "sample", "-o", db)
	for name, tc := range map[string]struct {
		status int
		want   color.RGBA // at a corner, where no event is drawn
	}{
		"tiles arrive": {0, color.RGBA{0xff, 0x00, 0xff, 0xff}},
		"server fails": {http.StatusInternalServerError, color.RGBA{}},
	} {
		t.Run(name, func(t *testing.T) {
			srv, hits := tileServer(t, tc.status)
			out := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".png")
			code, _, stderr := strikedb(t, "render", "--tiles", srv.URL+"/{z}/{x}/{y}.png", "--center", "35,39",
				"--zoom", "5", "--size", "400x300", "-o", out, db)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if hits.Load() == 0 {
				t.Fatal("the tile server was never asked")
			}
			img := readPNG(t, out)
			// Most of a patch at the right edge, away from the legend and the scale bar,
			// shows the server's tile; a graticule line may cross it.
			magenta := 0
			for y := 140; y < 160; y++ {
				for x := 385; x < 395; x++ {
					r, g, b, _ := img.At(x, y).RGBA()
					if r>>8 == 0xff && g>>8 == 0 && b>>8 == 0xff {
						magenta++
					}
				}
			}
			if (magenta > 150) != (tc.want.A != 0) {
				t.Errorf("%d of 200 pixels at the right edge show the server's tile; want the server's tile: %v", magenta, tc.want.A != 0)
			}
		})
	}
}

func TestRenderRefusesBulkDownloads(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	strikedb(t, "sample", "-o", db)
	srv, hits := tileServer(t, 0)
	out := filepath.Join(dir, "poster.png")
	code, _, stderr := strikedb(t, "render", "--tiles", srv.URL+"/{z}/{x}/{y}.png", "--zoom", "8", "--size", "5000x5000", "-o", out, db)
	if code != 2 || !strings.Contains(stderr, "bulk") || hits.Load() != 0 {
		t.Errorf("exit %d, %d tiles fetched, stderr %q; want 2, none, a word on bulk downloads", code, hits.Load(), stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("left an output file")
	}
}
