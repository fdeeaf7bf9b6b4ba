package tiles_test

import (
	"errors"
	"image/color"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb/maptile"

	"github.com/strikemap/strikemap/geo/tiles"
)

// Neither a server's redirect nor a tile's coordinates can make the disk cache write
// outside its folder; redirects away from http(s) are refused and said so.
func TestRedirectsAndCoordinatesStayInside(t *testing.T) {
	png := pngOf(t, solid(color.RGBA{9, 9, 9, 255}))
	other := newTileServer(t)
	other.setHandler(func(w http.ResponseWriter, r *http.Request, tl maptile.Tile) bool {
		w.Write(png)
		return true
	})
	for name, tc := range map[string]struct {
		location string // where the tile server sends every tile
		refused  string // the scheme refused, "" when the tile should come
	}{
		"dot segments":         {"/../../../../etc/cron.d/evil.png", ""},
		"encoded dot segments": {"/%2e%2e/%2e%2e/%2e%2e/evil.png", ""},
		"encoded slashes":      {"/x/..%2f..%2f..%2fevil.png", ""},
		"backslashes":          {`/..\..\..\evil.png`, ""},
		"another host":         {other.URL + "/../../tmp/evil/{z}.png", ""},
		"file":                 {"file:///etc/passwd", "file"},
		"ftp":                  {"ftp://example.org/evil.png", "ftp"},
		"javascript":           {"javascript:alert(1)", "javascript"},
	} {
		t.Run(name, func(t *testing.T) {
			srv := newTileServer(t)
			srv.setHandler(func(w http.ResponseWriter, r *http.Request, tl maptile.Tile) bool {
				if strings.HasSuffix(r.URL.Path, "/1/2.png") {
					http.Redirect(w, r, tc.location, http.StatusFound)
					return true
				}
				w.Write(png)
				return true
			})
			root := t.TempDir()
			cache := filepath.Join(root, "cache")
			src, err := tiles.NewXYZ(srv.template(), tiles.XYZOptions{CacheDir: cache, Logf: t.Logf})
			if err != nil {
				t.Fatal(err)
			}
			_, err = src.Fetch(waitCtx(t), maptile.New(1, 2, 3))
			says := "redirects tiles to " + tc.refused + ": addresses, which are refused"
			switch {
			case tc.refused == "" && err != nil:
				t.Fatal(err)
			case tc.refused != "" && (err == nil || !strings.Contains(err.Error(), "redirect to "+tc.refused+" refused")):
				t.Fatalf("err = %v, want a refused redirect to %s", err, tc.refused)
			case tc.refused != "" && (src.Problem() == nil || !strings.Contains(src.Problem().Error(), says)):
				t.Errorf("Problem() = %v, want it to say %q", src.Problem(), says)
			}
			// Coordinates no tile has are refused before any path is made of them.
			for _, tl := range []maptile.Tile{maptile.New(1<<20, 2, 3), maptile.New(1, 1<<31, 3), maptile.New(0, 0, 40)} {
				if _, err := src.Fetch(waitCtx(t), tl); !errors.Is(err, tiles.ErrNoTile) {
					t.Errorf("tile %v: err = %v, want ErrNoTile", tl, err)
				}
			}
			files := tileFiles(t, root)
			want := 1
			if tc.refused != "" {
				want = 0
			}
			if len(files) != want {
				t.Errorf("files %v, want %d", files, want)
			}
			for _, f := range files {
				if parts := strings.Split(f, "/"); len(parts) != 5 || parts[0] != "cache" || strings.Join(parts[2:], "/") != "3/1/2" {
					t.Errorf("file written at %s", f)
				}
			}
		})
	}
}
