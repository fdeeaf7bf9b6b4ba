package tiles_test

import (
	"errors"
	"image"
	"image/color"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/paulmach/orb/maptile"

	"github.com/strikemap/strikemap/geo/tiles"
)

func TestTemplates(t *testing.T) {
	for name, tc := range map[string]struct {
		tmpl string
		ok   bool
		why  string
	}{
		"osm":                  {tiles.OSMTemplate, true, ""},
		"subdomains":           {"https://{s}.tile.example.org/{z}/{x}/{y}.png", true, ""},
		"tms row":              {"http://example.org/{z}/{x}/{-y}.jpg", true, ""},
		"api key in query":     {"https://api.example.com/v1/{z}/{x}/{y}@2x.jpg?key=SECRET", true, ""},
		"upper-case scheme":    {"HTTPS://example.org/{z}/{x}/{y}", true, ""},
		"file":                 {"file:///etc/passwd/{z}", false, "only http and https"},
		"file with all":        {"file:///etc/{z}/{x}/{y}", false, "only http and https"},
		"javascript":           {"javascript:alert(1)//{z}/{x}/{y}", false, "only http and https"},
		"ftp":                  {"ftp://example.org/{z}/{x}/{y}", false, "only http and https"},
		"relative":             {"/tiles/{z}/{x}/{y}.png", false, "only http and https"},
		"absolute file path":   {"/etc/{z}/{x}/{y}", false, "only http and https"},
		"windows path":         {`C:\tiles\{z}\{x}\{y}.png`, false, "only http and https"},
		"unc path":             {`\\server\share\{z}\{x}\{y}.png`, false, "only http and https"},
		"scheme-relative":      {"//example.org/{z}/{x}/{y}.png", false, "only http and https"},
		"data":                 {"data:image/png;base64,{z}{x}{y}", false, "only http and https"},
		"spaced javascript":    {"  javascript:fetch('//x/{z}/{x}/{y}')", false, "only http and https"},
		"http without slashes": {"http:example.org/{z}/{x}/{y}", false, "only http and https"},
		"dots kept in path":    {"https://example.org/../../{z}/{x}/{y}.png", true, ""},
		"missing x":            {"https://example.org/{z}/{y}.png", false, "missing {x}"},
		"missing y":            {"https://example.org/{z}/{x}.png", false, "missing {y}"},
		"missing z":            {"https://example.org/{x}/{y}.png", false, "missing {z}"},
		"unknown placeholder":  {"https://example.org/{z}/{x}/{y}{r}.png", false, "unknown placeholder {r}"},
		"unbalanced":           {"https://example.org/{z}/{x}/{y.png", false, "unbalanced"},
		"no host":              {"http:///{z}/{x}/{y}", false, "no host"},
		"empty":                {"", false, "only http and https"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := tiles.NewXYZ(tc.tmpl, tiles.XYZOptions{CacheDir: t.TempDir()})
			switch {
			case tc.ok && err != nil:
				t.Fatalf("rejected: %v", err)
			case !tc.ok && !errors.Is(err, tiles.ErrTemplate):
				t.Fatalf("err = %v, want ErrTemplate", err)
			case !tc.ok && !strings.Contains(err.Error(), tc.why):
				t.Fatalf("err = %v, want it to say %q", err, tc.why)
			}
		})
	}
}

func TestOSMPreset(t *testing.T) {
	s, err := tiles.OSM(tiles.XYZOptions{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if s.Attribution() != "© OpenStreetMap contributors" {
		t.Errorf("attribution %q", s.Attribution())
	}
	if lo, hi := s.ZoomRange(); lo != 0 || hi != 19 {
		t.Errorf("zooms %d-%d", lo, hi)
	}
}

// Tiles come from the server once, then from disk, also for a second
// source over the same folder (the next session).
func TestFetchOnceThenFromDisk(t *testing.T) {
	srv := newTileServer(t)
	dir, c, l := t.TempDir(), newClock(), &logs{}
	want := []maptile.Tile{maptile.New(0, 0, 1), maptile.New(1, 0, 1), maptile.New(37, 25, 6)}
	src := newXYZ(t, srv, dir, c, l)
	for round := range 2 {
		for _, tl := range want {
			img, err := src.Fetch(waitCtx(t), tl)
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			if got := img.At(100, 100); !near(got, colourOf(tl)) {
				t.Errorf("tile %v: colour %v, want %v", tl, got, colourOf(tl))
			}
		}
	}
	if n := srv.hits.Load(); n != int64(len(want)) {
		t.Errorf("%d server hits for %d tiles fetched twice", n, len(want))
	}
	c.Advance(6 * 24 * time.Hour) // still within the week OSM asks for
	next := newXYZ(t, srv, dir, c, l)
	for _, tl := range want {
		if _, err := next.Fetch(waitCtx(t), tl); err != nil {
			t.Fatal(err)
		}
	}
	if n := srv.hits.Load(); n != int64(len(want)) {
		t.Errorf("second session: %d server hits, want none beyond the first %d", n, len(want))
	}
	if !srv.agents[tiles.UserAgent] || len(srv.agents) != 1 {
		t.Errorf("user agents sent: %v", srv.agents)
	}
	if !strings.Contains(tiles.UserAgent, "https://github.com/strikemap/strikemap") {
		t.Errorf("user agent %q does not name the project's URL", tiles.UserAgent)
	}
}

func TestFreshness(t *testing.T) {
	for name, tc := range map[string]struct {
		headers   map[string]string
		after     time.Duration
		wantAsked bool
		wantCond  string // header of the conditional request
	}{
		"short max-age kept a week": {map[string]string{"Cache-Control": "max-age=60", "ETag": `"v1"`}, 6 * 24 * time.Hour, false, ""},
		"stale after a week, etag":  {map[string]string{"Cache-Control": "max-age=60", "ETag": `"v1"`}, 8 * 24 * time.Hour, true, "If-None-Match"},
		"stale, last-modified":      {map[string]string{"Last-Modified": "Sat, 01 Feb 2025 00:00:00 GMT"}, 8 * 24 * time.Hour, true, "If-Modified-Since"},
		"long max-age honoured":     {map[string]string{"Cache-Control": "public, max-age=2592000"}, 20 * 24 * time.Hour, false, ""},
		"long expires honoured":     {map[string]string{"Date": "Sat, 01 Mar 2025 12:00:00 GMT", "Expires": "Mon, 31 Mar 2025 12:00:00 GMT"}, 20 * 24 * time.Hour, false, ""},
		"no headers: a week":        {nil, 8 * 24 * time.Hour, true, ""},
	} {
		t.Run(name, func(t *testing.T) {
			srv := newTileServer(t)
			var mu sync.Mutex
			var full, notModified int
			var cond string
			srv.setHandler(func(w http.ResponseWriter, r *http.Request, tl maptile.Tile) bool {
				mu.Lock()
				defer mu.Unlock()
				for k, v := range tc.headers {
					w.Header().Set(k, v)
				}
				for _, h := range []string{"If-None-Match", "If-Modified-Since"} {
					if v := r.Header.Get(h); v != "" && (v == tc.headers["ETag"] || v == tc.headers["Last-Modified"]) {
						cond = h
						notModified++
						w.WriteHeader(http.StatusNotModified)
						return true
					}
				}
				full++
				w.Write(pngOf(t, solid(colourOf(tl))))
				return true
			})
			c := newClock()
			src := newXYZ(t, srv, t.TempDir(), c, &logs{})
			tl := maptile.New(3, 2, 4)
			if _, err := src.Fetch(waitCtx(t), tl); err != nil {
				t.Fatal(err)
			}
			c.Advance(tc.after)
			img, err := src.Fetch(waitCtx(t), tl)
			if err != nil || !near(img.At(5, 5), colourOf(tl)) {
				t.Fatalf("after %s: %v", tc.after, err)
			}
			asked := srv.hits.Load() > 1
			if asked != tc.wantAsked || cond != tc.wantCond {
				t.Fatalf("asked again %v (conditional %q), want %v (%q)", asked, cond, tc.wantAsked, tc.wantCond)
			}
			if tc.wantCond != "" && (full != 1 || notModified != 1) {
				t.Errorf("%d downloads and %d 304s, want 1 and 1", full, notModified)
			}
			if !tc.wantAsked {
				return
			}
			// A 304 or a new download keeps the tile another week.
			hits := srv.hits.Load()
			c.Advance(24 * time.Hour)
			if _, err := src.Fetch(waitCtx(t), tl); err != nil || srv.hits.Load() != hits {
				t.Errorf("a day after revalidating: err %v, %d more hits", err, srv.hits.Load()-hits)
			}
		})
	}
}

// A stale tile is still drawn when the server is gone.
func TestServeStaleWhenOffline(t *testing.T) {
	srv := newTileServer(t)
	c := newClock()
	src := newXYZ(t, srv, t.TempDir(), c, &logs{})
	tl := maptile.New(1, 1, 2)
	if _, err := src.Fetch(waitCtx(t), tl); err != nil {
		t.Fatal(err)
	}
	srv.Close()
	c.Advance(30 * 24 * time.Hour)
	img, err := src.Fetch(waitCtx(t), tl)
	if err != nil || !near(img.At(0, 0), colourOf(tl)) {
		t.Fatalf("stale tile offline: %v", err)
	}
	if _, err := src.Fetch(waitCtx(t), maptile.New(0, 1, 2)); err == nil {
		t.Error("a tile never fetched came back while offline")
	}
}

// A failed tile is not asked for again before its backoff expires, and
// the backoff doubles.
func TestBackoff(t *testing.T) {
	srv := newTileServer(t)
	failing := true
	var mu sync.Mutex
	srv.setHandler(func(w http.ResponseWriter, r *http.Request, tl maptile.Tile) bool {
		mu.Lock()
		defer mu.Unlock()
		if failing {
			http.Error(w, "boom", http.StatusInternalServerError)
			return true
		}
		return false
	})
	c := newClock()
	src := newXYZ(t, srv, t.TempDir(), c, &logs{})
	tl := maptile.New(5, 5, 4)
	fetch := func(step string, wantHits int64, wantErr error) {
		t.Helper()
		_, err := src.Fetch(waitCtx(t), tl)
		if (wantErr == nil) != (err == nil) || (wantErr != nil && !errors.Is(err, wantErr) && !strings.Contains(err.Error(), wantErr.Error())) {
			t.Fatalf("%s: err = %v, want %v", step, err, wantErr)
		}
		if n := srv.hits.Load(); n != wantHits {
			t.Fatalf("%s: %d hits, want %d", step, n, wantHits)
		}
	}
	err500 := errors.New("500 Internal Server Error")
	fetch("first", 1, err500)
	fetch("at once", 1, tiles.ErrBackoff)
	c.Advance(2 * time.Second)
	fetch("after 2 s", 2, err500)
	c.Advance(2 * time.Second)
	fetch("2 s into a 4 s backoff", 2, tiles.ErrBackoff)
	c.Advance(2 * time.Second)
	mu.Lock()
	failing = false
	mu.Unlock()
	fetch("recovered", 3, nil)
}

// 429 with Retry-After holds the whole host for as long as it says.
func TestTooManyRequests(t *testing.T) {
	srv := newTileServer(t)
	srv.setHandler(func(w http.ResponseWriter, r *http.Request, tl maptile.Tile) bool {
		if srv.hits.Load() == 1 {
			w.Header().Set("Retry-After", "120")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return true
		}
		return false
	})
	c := newClock()
	src := newXYZ(t, srv, t.TempDir(), c, &logs{})
	if _, err := src.Fetch(waitCtx(t), maptile.New(0, 0, 3)); err == nil || !strings.Contains(err.Error(), "429") {
		t.Fatalf("err = %v, want a 429", err)
	}
	c.Advance(100 * time.Second)
	if _, err := src.Fetch(waitCtx(t), maptile.New(1, 0, 3)); !errors.Is(err, tiles.ErrBackoff) || srv.hits.Load() != 1 {
		t.Fatalf("another tile within Retry-After: err %v, %d hits", err, srv.hits.Load())
	}
	c.Advance(21 * time.Second)
	if _, err := src.Fetch(waitCtx(t), maptile.New(1, 0, 3)); err != nil {
		t.Fatalf("after Retry-After: %v", err)
	}
}

// Never more than two requests at once to one host, however many tiles
// are wanted; each tile is downloaded once.
func TestConnectionLimit(t *testing.T) {
	srv := newTileServer(t)
	const n = 10
	// arrived has room for every request, so a duplicate download shows
	// up in the hit count instead of hanging the test.
	arrived, proceed := make(chan struct{}, 2*n), make(chan struct{})
	srv.setHandler(func(w http.ResponseWriter, r *http.Request, tl maptile.Tile) bool {
		arrived <- struct{}{}
		<-proceed
		return false
	})
	src := newXYZ(t, srv, t.TempDir(), newClock(), &logs{})
	var wg sync.WaitGroup
	errs := make(chan error, 2*n)
	for i := range 2 * n {
		wg.Go(func() {
			_, err := src.Fetch(waitCtx(t), maptile.New(uint32(i%n), 3, 4)) // each tile twice
			errs <- err
		})
	}
	for range n {
		<-arrived
		proceed <- struct{}{}
	}
	close(proceed)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if m := srv.maxInFlight.Load(); m > tiles.DefaultMaxConns {
		t.Errorf("%d requests in flight at once, limit %d", m, tiles.DefaultMaxConns)
	}
	if h := srv.hits.Load(); h != n {
		t.Errorf("%d hits for %d tiles", h, n)
	}
}

func TestBadResponses(t *testing.T) {
	for name, tc := range map[string]struct {
		body []byte
		want string
	}{
		"html":      {[]byte("<html>rate limited</html>"), "not a PNG or JPEG"},
		"empty":     {nil, "not a PNG or JPEG"},
		"cut png":   {pngOf(t, solid(color.RGBA{1, 2, 3, 255}))[:60], "not a PNG or JPEG"},
		"huge png":  {pngOf(t, image.NewGray(image.Rect(0, 0, 4000, 4000))), "is not a tile"},
		"jpeg fine": {jpegOf(t, solid(color.RGBA{200, 10, 10, 255})), ""},
	} {
		t.Run(name, func(t *testing.T) {
			srv := newTileServer(t)
			srv.setHandler(func(w http.ResponseWriter, r *http.Request, tl maptile.Tile) bool {
				w.Write(tc.body)
				return true
			})
			src := newXYZ(t, srv, t.TempDir(), newClock(), &logs{})
			tl := maptile.New(2, 1, 2)
			_, err := src.Fetch(waitCtx(t), tl)
			switch {
			case tc.want == "" && err != nil:
				t.Fatal(err)
			case tc.want != "" && (err == nil || !errors.Is(err, tiles.ErrNotImage) ||
				!strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "tile 2/2/1")):
				t.Fatalf("err = %v, want one naming tile 2/2/1 and %q", err, tc.want)
			}
		})
	}
}

// Whatever the template holds, files are written only as
// CacheDir/<hash>/z/x/y.
func TestCachePathsStayInside(t *testing.T) {
	srv := newTileServer(t)
	srv.setHandler(func(w http.ResponseWriter, r *http.Request, tl maptile.Tile) bool {
		w.Write(pngOf(t, solid(color.RGBA{9, 9, 9, 255})))
		return true
	})
	root := t.TempDir()
	cache := filepath.Join(root, "cache")
	for _, tmpl := range []string{
		srv.URL + "/../../../../etc/{z}/{x}/{y}.png",
		srv.URL + "/%2e%2e/%2e%2e/{z}/{x}/{y}?f=../../x",
		srv.URL + "/{z}/{x}/{y}/..%2f..%2f..%2fevil",
		srv.URL + "/{z}/{x}/{-y}#../../frag",
		srv.URL + "//etc/passwd/{z}/{x}/{y}",
		srv.URL + "/C:/Windows/{z}/{x}/{y}?f=/etc/passwd",
		srv.URL + `/..\..\{z}\{x}\{y}`,
	} {
		src, err := tiles.NewXYZ(tmpl, tiles.XYZOptions{CacheDir: cache, Logf: t.Logf})
		if err != nil {
			t.Fatalf("%s: %v", tmpl, err)
		}
		if _, err := src.Fetch(waitCtx(t), maptile.New(3, 1, 2)); err != nil {
			t.Fatalf("%s: %v", tmpl, err)
		}
	}
	files := 0
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		rel, _ := filepath.Rel(cache, p)
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if len(parts) != 4 || parts[1] != "2" || parts[2] != "3" || parts[3] != "1" {
			t.Errorf("file written at %s", p)
		}
		return nil
	})
	if files != 7 {
		t.Errorf("%d files for 7 templates", files)
	}
}

// A cache folder that cannot be written costs one warning, not a tile.
func TestUnwritableCacheDir(t *testing.T) {
	srv := newTileServer(t)
	blocker := filepath.Join(t.TempDir(), "not-a-dir")
	// A file where the folder should be fails even for root, unlike chmod.
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	l := &logs{}
	src := newXYZ(t, srv, blocker, newClock(), l)
	for range 2 {
		for x := range uint32(4) {
			if _, err := src.Fetch(waitCtx(t), maptile.New(x, 0, 2)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if n := l.count("keeping them in memory"); n != 1 {
		t.Errorf("%d warnings, want 1:\n%s", n, l)
	}
	if h := srv.hits.Load(); h != 4 {
		t.Errorf("%d hits for 4 tiles fetched twice: memory fallback not used", h)
	}
}
