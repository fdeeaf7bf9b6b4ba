package tiles_test

import (
	"image"
	"image/color"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/strikemap/strikemap/geo/tiles"
	"github.com/strikemap/strikemap/geo/view"
)

// noisy is a tile with detail, so that its PNG has a long compressed body to damage.
func noisy() *image.RGBA {
	m := solid(color.RGBA{})
	for i := range m.Pix {
		m.Pix[i] = byte(i*7919 + i/13)
	}
	return m
}

// hijack takes the connection from the server, writes head (raw HTTP, maybe nothing)
// and closes it: a server or proxy that drops the connection.
func hijack(t testing.TB, w http.ResponseWriter, head []byte) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		t.Error(err)
		return
	}
	buf.Write(head)
	buf.Flush()
	conn.Close()
}

// Each fault of the tile server leaves placeholders, a reason per tile, one log line
// for the whole spell and a Problem in words for a person, and a map that still
// draws; when the fault ends the tiles come and the Problem goes.
func TestCacheSurvivesServerFaults(t *testing.T) {
	goodPNG, noisyPNG := pngOf(t, solid(color.RGBA{1, 2, 3, 255})), pngOf(t, noisy())
	corrupt := append([]byte(nil), noisyPNG...)
	for i := len(corrupt) / 2; i < len(corrupt)/2+16; i++ {
		corrupt[i] ^= 0x5a
	}
	for name, tc := range map[string]struct {
		handle func(w http.ResponseWriter, r *http.Request, release <-chan struct{})
		reason string // in the tiles' errors and the log
		says   string // in Problem
		// timeout is short only where the server stalls, so that a slow
		// machine (or -race) cannot turn a good answer into a timeout.
		timeout time.Duration
	}{
		"404": {func(w http.ResponseWriter, r *http.Request, _ <-chan struct{}) {
			http.NotFound(w, r)
		}, "404 Not Found", "answered 404 Not Found", 5 * time.Second},
		"500": {func(w http.ResponseWriter, r *http.Request, _ <-chan struct{}) {
			http.Error(w, "boom", http.StatusInternalServerError)
		}, "500 Internal Server Error", "answered 500 Internal Server Error", 5 * time.Second},
		"429": {func(w http.ResponseWriter, r *http.Request, _ <-chan struct{}) {
			w.Header().Set("Retry-After", "60")
			http.Error(w, "slow down", http.StatusTooManyRequests)
		}, "429 Too Many Requests", "asked to wait (429 Too Many Requests); trying again at 12:01:00", 5 * time.Second},
		"hang": {func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
			select {
			case <-release:
			case <-r.Context().Done():
			}
		}, "deadline exceeded", "is not answering", 250 * time.Millisecond},
		"stall mid-tile": {func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
			w.Header().Set("Content-Type", "image/png")
			w.Header().Set("Content-Length", "5000")
			w.Write(goodPNG[:40])
			w.(http.Flusher).Flush()
			select {
			case <-release:
			case <-r.Context().Done():
			}
		}, "did not finish sending it", "is not answering", 250 * time.Millisecond},
		"drop before answering": {func(w http.ResponseWriter, r *http.Request, _ <-chan struct{}) {
			hijack(t, w, nil)
		}, "EOF", "dropped the connection", 5 * time.Second},
		"drop mid-tile": {func(w http.ResponseWriter, r *http.Request, _ <-chan struct{}) {
			hijack(t, w, append([]byte("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 5000\r\n\r\n"), goodPNG[:40]...))
		}, "unexpected EOF", "dropped the connection", 5 * time.Second},
		"not an image": {func(w http.ResponseWriter, r *http.Request, _ <-chan struct{}) {
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("<html><body>Access denied</body></html>"))
		}, "not a PNG or JPEG", "sends tiles that are not images", 5 * time.Second},
		"truncated png": {func(w http.ResponseWriter, r *http.Request, _ <-chan struct{}) {
			w.Header().Set("Content-Type", "image/png")
			w.Write(noisyPNG[:len(noisyPNG)/2])
		}, "not a PNG or JPEG", "sends tiles that are not images", 5 * time.Second},
		"corrupt png": {func(w http.ResponseWriter, r *http.Request, _ <-chan struct{}) {
			w.Header().Set("Content-Type", "image/png")
			w.Write(corrupt)
		}, "not a PNG or JPEG", "sends tiles that are not images", 5 * time.Second},
	} {
		t.Run(name, func(t *testing.T) {
			srv := newTileServer(t)
			release := make(chan struct{})
			t.Cleanup(func() { close(release) }) // runs before srv.Close
			var faulty atomic.Bool
			faulty.Store(true)
			srv.setHandler(func(w http.ResponseWriter, r *http.Request, tl maptile.Tile) bool {
				if faulty.Load() {
					tc.handle(w, r, release)
					return true
				}
				return false
			})
			clk, l := newClock(), &logs{}
			src, err := tiles.NewXYZ(srv.template(), tiles.XYZOptions{
				CacheDir: t.TempDir(), Now: clk.Now, Logf: l.Logf, Timeout: tc.timeout,
			})
			if err != nil {
				t.Fatal(err)
			}
			cache := newCache(t, src, tiles.CacheOptions{Now: clk.Now, Logf: l.Logf})
			v := view.New(orb.Point{39, 35.5}, 5, 300, 200, 1)
			want := viewTiles(v)

			if err := cache.Prefetch(waitCtx(t), want); err == nil || !strings.Contains(err.Error(), tc.reason) {
				t.Fatalf("Prefetch: %v, want %q among the reasons", err, tc.reason)
			}
			// Asked again at once, nothing is fetched and nothing more is logged.
			hits := srv.hits.Load()
			cache.Prefetch(waitCtx(t), want)
			if srv.hits.Load() != hits {
				t.Errorf("failed tiles fetched again before their backoff")
			}
			if name == "429" && hits > tiles.DefaultMaxConns {
				t.Errorf("%d requests after a 429; only those already sent may go", hits)
			}
			for _, tl := range want {
				if img, _ := cache.Get(tl); img != nil {
					t.Errorf("tile %v: an image from a faulty server", tl)
				}
				if cache.Err(tl) == nil {
					t.Errorf("tile %v: no reason recorded", tl)
				}
			}
			if n := l.count("tiles: "); n != 1 || l.count(tc.reason) != 1 {
				t.Errorf("%d log lines for %d tiles, want one saying %q:\n%s", n, len(want), tc.reason, l)
			}
			host := strings.TrimPrefix(srv.URL, "http://")
			if p := cache.Problem(); p == nil || p.Error() != host+" "+tc.says {
				t.Errorf("Problem() = %v, want %q", p, host+" "+tc.says)
			}
			dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
			if err := cache.Draw(dst, v); err != nil {
				t.Fatal(err)
			}
			if got := dst.RGBAAt(v.Width/2+3, v.Height/2+3); got != tiles.PlaceholderColor {
				t.Errorf("centre %v, want the placeholder", got)
			}

			faulty.Store(false)
			// Where the timeout is short, a machine busy enough (or -race) can still
			// miss it for a good answer: as the map would, try again after the backoff.
			for try := 1; ; try++ {
				clk.Advance(time.Hour)
				err := cache.Prefetch(waitCtx(t), want)
				if err == nil {
					break
				}
				if tc.timeout >= time.Second || try == 5 {
					t.Fatalf("after the fault: %v", err)
				}
			}
			cache.Draw(dst, v)
			for _, tr := range v.Tiles() {
				if img, exact := cache.Get(tr.Tile); img == nil || !exact || cache.Err(tr.Tile) != nil {
					t.Errorf("tile %v after the fault: exact %v, err %v", tr.Tile, exact, cache.Err(tr.Tile))
				}
			}
			if p := cache.Problem(); p != nil {
				t.Errorf("Problem() after the fault: %v", p)
			}
			if l.count("answers again") == 0 {
				t.Errorf("the end of the fault is not logged:\n%s", l)
			}
		})
	}
}

// A map left alone fills in by itself once the server is healthy again: the Cache
// tells it to draw again when failed tiles may be retried, and drawing asks for them.
func TestRecoversWithoutBeingAsked(t *testing.T) {
	srv := newTileServer(t)
	var faulty atomic.Bool
	faulty.Store(true)
	srv.setHandler(func(w http.ResponseWriter, r *http.Request, tl maptile.Tile) bool {
		if faulty.Load() {
			http.Error(w, "down for maintenance", http.StatusBadGateway)
			return true
		}
		return false
	})
	changed, loaded := make(chan struct{}, 100), make(chan struct{}, 100)
	// The real clock: the retry waits in real time, its first backoff (2 s).
	src, err := tiles.NewXYZ(srv.template(), tiles.XYZOptions{CacheDir: t.TempDir(), Logf: t.Logf, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	cache := newCache(t, src, tiles.CacheOptions{
		OnChange: func() { changed <- struct{}{} },
		OnLoad:   func(maptile.Tile) { loaded <- struct{}{} },
	})
	v := view.New(orb.Point{39, 35.5}, 3, 200, 150, 1)
	dst := image.NewRGBA(image.Rect(0, 0, v.Width, v.Height))
	cache.Draw(dst, v) // the map appears: tiles are asked for, and fail
	ctx := waitCtx(t)
	for cache.Problem() == nil {
		select {
		case <-changed:
		case <-ctx.Done():
			t.Fatal("no Problem reported while the server fails")
		}
	}
	faulty.Store(false)
	// From here on the test only draws when told to, as the window does.
	for n := 0; n < len(v.Tiles()); {
		select {
		case <-changed:
			cache.Draw(dst, v)
		case <-loaded:
			n++
		case <-ctx.Done():
			t.Fatalf("only %d of %d tiles came back by themselves", n, len(v.Tiles()))
		}
	}
	for cache.Problem() != nil {
		select {
		case <-changed:
		case <-ctx.Done():
			t.Fatalf("Problem() after recovery: %v", cache.Problem())
		}
	}
}

// A 429 holds its own host for as long as Retry-After says, however much the map is
// panned meanwhile; the template's other host goes on serving.
func TestTooManyRequestsHoldsOneHost(t *testing.T) {
	busy, calm := newTileServer(t), newTileServer(t)
	busy.setHandler(func(w http.ResponseWriter, r *http.Request, tl maptile.Tile) bool {
		w.Header().Set("Retry-After", "30")
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return true
	})
	port := func(s *tileServer) string { return s.URL[strings.LastIndexByte(s.URL, ':')+1:] }
	// {s} picks the host of a tile by (x+y) mod 2: the port here, one per server.
	clk, l := newClock(), &logs{}
	src, err := tiles.NewXYZ("http://127.0.0.1:{s}/{z}/{x}/{y}.png", tiles.XYZOptions{
		Subdomains: []string{port(busy), port(calm)}, CacheDir: t.TempDir(), Now: clk.Now, Logf: l.Logf,
	})
	if err != nil {
		t.Fatal(err)
	}
	cache := newCache(t, src, tiles.CacheOptions{Now: clk.Now, Logf: l.Logf})
	v := view.New(orb.Point{39, 35.5}, 6, 600, 400, 1)
	for i := range 20 { // panning about
		pv := v.Pan(float64(i*37), float64(i*11))
		cache.Prefetch(waitCtx(t), viewTiles(pv))
		clk.Advance(time.Second)
	}
	if h := busy.hits.Load(); h > tiles.DefaultMaxConns {
		t.Errorf("%d requests to a host that asked to wait", h)
	}
	for _, tl := range viewTiles(v) {
		_, exact := cache.Get(tl)
		if onCalm := (tl.X+tl.Y)%2 == 1; exact != onCalm {
			t.Errorf("tile %v: loaded %v, from the calm host %v", tl, exact, onCalm)
		}
	}
	if p := cache.Problem(); p == nil || !strings.Contains(p.Error(), "asked to wait (429 Too Many Requests); trying again at 12:00:30") {
		t.Errorf("Problem() = %v", p)
	}
	busy.setHandler(nil)
	clk.Advance(11 * time.Second)
	if err := cache.Prefetch(waitCtx(t), viewTiles(v)); err != nil {
		t.Fatalf("after Retry-After: %v", err)
	}
	if p := cache.Problem(); p != nil {
		t.Errorf("Problem() after Retry-After: %v", p)
	}
}
