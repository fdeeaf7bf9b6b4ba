package main

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// magentaTile is a solid magenta 256-pixel PNG tile.
func magentaTile(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 256, 256))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = 0xff, 0x00, 0xff, 0xff
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// tileServer serves a solid magenta PNG for every tile, or fails with status when set.
func tileServer(t *testing.T, status int) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	tile := magentaTile(t)
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if status != 0 {
			http.Error(w, "no", status)
			return
		}
		w.Header().Set("Content-Type", "image/png")
		w.Write(tile)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// onlineRenderSetup gives a test of online tiles a scratch tile cache (not the user's),
// a folder, and the sample database in it.
func onlineRenderSetup(t *testing.T) (dir, db string) {
	t.Helper()
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir = t.TempDir()
	db = filepath.Join(dir, "s.db")
	if code, _, stderr := strikedb(t, "sample", "-o", db); code != 0 {
		t.Fatal(stderr)
	}
	return dir, db
}

func TestRenderWithOnlineTiles(t *testing.T) {
	dir, db := onlineRenderSetup(t)
	srv, hits := tileServer(t, 0)
	out := filepath.Join(dir, "online.png")
	code, _, stderr := strikedb(t, "render", "--tiles", srv.URL+"/{z}/{x}/{y}.png", "--center", "35,39",
		"--zoom", "5", "--size", "400x300", "-o", out, db)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if hits.Load() == 0 {
		t.Fatal("the tile server was never asked")
	}
	img := readPNG(t, out)
	// Most of a patch at the right edge, away from the legend and the scale bar, shows
	// the server's tile; a graticule line may cross it.
	magenta := 0
	for y := 140; y < 160; y++ {
		for x := 385; x < 395; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r>>8 == 0xff && g>>8 == 0 && b>>8 == 0xff {
				magenta++
			}
		}
	}
	if magenta < 150 {
		t.Errorf("%d of 200 pixels at the right edge show the server's tile", magenta)
	}
}

// A tile server that fails in any of the usual ways fails the render with one line
// naming the server and what it did, and writes no image: a map over grey
// placeholders is not the one asked for. The tile code's own log lines stay out.
func TestRenderFailsWhenTilesDoNotLoad(t *testing.T) {
	dir, db := onlineRenderSetup(t)
	tile := magentaTile(t)
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close() // its port now refuses connections
	for name, tc := range map[string]struct {
		handler http.HandlerFunc // nil: the closed server
		cause   string
	}{
		"server error": {func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", 500) }, "answered 500 Internal Server Error"},
		"not found":    {func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }, "answered 404 Not Found"},
		"garbage":      {func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<html>sorry</html>")) }, "sends tiles that are not images"},
		"cut off": {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(len(tile)))
			w.Write(tile[:len(tile)/2])
		}, "dropped the connection"},
		"refused": {nil, "refuses connections"},
		"one tile of nine fails": {func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/76/51.png") {
				http.Error(w, "no", 503)
				return
			}
			w.Write(tile)
		}, "answered 503 Service Unavailable"},
	} {
		t.Run(name, func(t *testing.T) {
			url := closed.URL
			if tc.handler != nil {
				srv := httptest.NewServer(tc.handler)
				t.Cleanup(srv.Close)
				url = srv.URL
			}
			out := filepath.Join(dir, "out.png")
			code, _, stderr := strikedb(t, "render", "--tiles", url+"/{z}/{x}/{y}.png", "--size", "400x300", "-o", out, db)
			host := strings.TrimPrefix(url, "http://")
			if code != 1 || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "strikedb: render: ") ||
				!strings.Contains(stderr, host) || !strings.Contains(stderr, tc.cause) || !strings.Contains(stderr, "nothing was written") {
				t.Errorf("exit %d, stderr %q; want exit 1 and one line naming %s and %q", code, stderr, host, tc.cause)
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("an image was written (%v)", err)
			}
		})
	}
}

func TestRenderRefusesBulkDownloads(t *testing.T) {
	dir, db := onlineRenderSetup(t)
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
