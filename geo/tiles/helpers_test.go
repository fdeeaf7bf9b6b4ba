package tiles_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/paulmach/orb/maptile"

	"github.com/strikemap/strikemap/geo/tiles"
)

// solid returns a 256-pixel tile of one colour.
func solid(c color.RGBA) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, 256, 256))
	draw.Draw(m, m.Rect, image.NewUniform(c), image.Point{}, draw.Src)
	return m
}

// colourOf gives each tile its own colour, so a test can tell which tile
// it got.
func colourOf(t maptile.Tile) color.RGBA {
	return color.RGBA{uint8(40 + 20*t.Z), uint8(t.X * 37), uint8(t.Y * 53), 0xff}
}

func pngOf(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func jpegOf(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// near reports whether two colours match within JPEG's error.
func near(a, b color.Color) bool {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	d := func(x, y uint32) bool { return max(x, y)-min(x, y) <= 6<<8 }
	return d(r1, r2) && d(g1, g2) && d(b1, b2)
}

// tileServer is an httptest tile server on loopback that counts what it
// is asked. handle, when set, answers instead of the default tile.
type tileServer struct {
	*httptest.Server
	hits, inFlight, maxInFlight atomic.Int64
	mu                          sync.Mutex
	agents                      map[string]bool
	handle                      func(w http.ResponseWriter, r *http.Request, t maptile.Tile) bool
	encoded                     sync.Map // maptile.Tile → []byte
}

func newTileServer(t testing.TB) *tileServer {
	s := &tileServer{agents: map[string]bool{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *tileServer) serve(w http.ResponseWriter, r *http.Request) {
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	for m := s.maxInFlight.Load(); n > m && !s.maxInFlight.CompareAndSwap(m, n); m = s.maxInFlight.Load() {
	}
	s.hits.Add(1)
	s.mu.Lock()
	s.agents[r.UserAgent()] = true
	h := s.handle
	s.mu.Unlock()
	var z, x, y uint32
	_, err := fmt.Sscanf(r.URL.Path, "/%d/%d/%d.png", &z, &x, &y)
	t := maptile.New(x, y, maptile.Zoom(z))
	if h != nil && h(w, r, t) {
		return
	}
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(s.tilePNG(t))
}

// tilePNG encodes a tile once, so that answering is quick even under -race.
func (s *tileServer) tilePNG(t maptile.Tile) []byte {
	if b, ok := s.encoded.Load(t); ok {
		return b.([]byte)
	}
	var b bytes.Buffer
	png.Encode(&b, solid(colourOf(t)))
	s.encoded.Store(t, b.Bytes())
	return b.Bytes()
}

// setHandler replaces how the server answers.
func (s *tileServer) setHandler(h func(w http.ResponseWriter, r *http.Request, t maptile.Tile) bool) {
	s.mu.Lock()
	s.handle = h
	s.mu.Unlock()
}

func (s *tileServer) template() string { return s.URL + "/{z}/{x}/{y}.png" }

// clock is a time the test moves by hand.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock { return &clock{now: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// logs collects log lines.
type logs struct {
	mu    sync.Mutex
	lines []string
}

func (l *logs) Logf(format string, args ...any) {
	l.mu.Lock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
	l.mu.Unlock()
}

// count returns how many lines contain sub.
func (l *logs) count(sub string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, s := range l.lines {
		if strings.Contains(s, sub) {
			n++
		}
	}
	return n
}

func (l *logs) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

// newXYZ returns a source on s caching in dir with a test clock and logger.
func newXYZ(t testing.TB, s *tileServer, dir string, c *clock, l *logs) *tiles.XYZ {
	t.Helper()
	src, err := tiles.NewXYZ(s.template(), tiles.XYZOptions{
		CacheDir: dir, Now: c.Now, Logf: l.Logf, Timeout: 5 * time.Second, MaxZoom: 19,
	})
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// fakeSource is a Source made of a function.
type fakeSource struct {
	fetch      func(ctx context.Context, t maptile.Tile) (image.Image, error)
	minZ, maxZ maptile.Zoom
}

func (f fakeSource) Fetch(ctx context.Context, t maptile.Tile) (image.Image, error) {
	return f.fetch(ctx, t)
}
func (fakeSource) Attribution() string                  { return "test" }
func (f fakeSource) ZoomRange() (min, max maptile.Zoom) { return f.minZ, f.maxZ }

// waitCtx bounds a test's waiting so a bug fails the test instead of
// hanging it; it is not a timed assertion.
func waitCtx(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}
