package tiles

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/paulmach/orb/maptile"
	"golang.org/x/sync/singleflight"

	"github.com/strikemap/strikemap/geo/view"
)

// UserAgent identifies Strikemap to tile servers, as OpenStreetMap's tile
// policy requires: the project and where to reach it.
const UserAgent = "Strikemap/0.1 (+https://github.com/strikemap/strikemap)"

// OSMTemplate is OpenStreetMap's standard tile layer.
const OSMTemplate = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

// OSMAttribution is the credit OpenStreetMap requires on maps of its tiles.
const OSMAttribution = "© OpenStreetMap contributors"

// DefaultTimeout bounds one tile request when XYZOptions.Timeout is zero.
const DefaultTimeout = 10 * time.Second

// DefaultMaxConns is how many requests go to one host at once when
// XYZOptions.MaxConns is zero: OpenStreetMap's policy allows two.
const DefaultMaxConns = 2

// maxBody bounds a tile download; real tiles are tens of kilobytes.
const maxBody = 4 << 20

// XYZOptions tune an XYZ source. The zero value is the polite default.
type XYZOptions struct {
	Attribution      string
	MinZoom, MaxZoom maptile.Zoom // MaxZoom 0 means view.MaxZoom
	Subdomains       []string     // for {s}; nil means a, b, c
	// CacheDir is the root of the disk cache; tiles go to a folder named
	// by a hash of the template inside it. "" means
	// os.UserCacheDir()/strikemap/tiles.
	CacheDir string
	// CacheBytes bounds the files under CacheDir, every template's together: the
	// tiles used least recently go first. 0 means DefaultCacheBytes.
	CacheBytes int64
	Client     *http.Client                     // nil: one limited to MaxConns per host
	Timeout    time.Duration                    // per request; 0 means DefaultTimeout
	MaxConns   int                              // simultaneous requests to one host; 0 means DefaultMaxConns
	UserAgent  string                           // "" means UserAgent
	Logf       func(format string, args ...any) // nil means log.Printf
	Now        func() time.Time                 // nil means time.Now; tests move the clock
}

// XYZ is an online tile source: a server answering a URL template with
// PNG or JPEG tiles. It keeps tiles on disk as long as the server allows
// and at least a week, within CacheBytes (least recently used first out),
// revalidates stale tiles with conditional requests, serves stale tiles
// when the network fails, never opens more than MaxConns connections to
// one host, and waits with exponential backoff (or the server's
// Retry-After) before asking again for a tile that failed. It fetches only
// the tiles it is asked for. Problem says what is wrong with the server
// or the disk cache, if anything.
type XYZ struct {
	tp     template
	opt    XYZOptions
	client *http.Client
	store  *store
	group  singleflight.Group

	mu      sync.Mutex
	sems    map[string]chan struct{}
	failed  map[maptile.Tile]*failure
	hold    map[string]time.Time // host → no request before
	trouble map[string]*trouble  // host → its last failure, until it answers again
}

// NewXYZ returns a source for a URL template with {z} {x} {y} (or {-y})
// and optionally {s}. Only http and https templates are accepted; other
// templates give an error wrapping ErrTemplate.
func NewXYZ(tmpl string, opt XYZOptions) (*XYZ, error) {
	if opt.Subdomains == nil {
		opt.Subdomains = []string{"a", "b", "c"}
	}
	tp, err := parseTemplate(tmpl, opt.Subdomains)
	if err != nil {
		return nil, err
	}
	if opt.MaxZoom == 0 {
		opt.MaxZoom = view.MaxZoom
	}
	if opt.MinZoom > opt.MaxZoom {
		return nil, fmt.Errorf("%w %q: min zoom %d above max zoom %d", ErrTemplate, tmpl, opt.MinZoom, opt.MaxZoom)
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxConns <= 0 {
		opt.MaxConns = DefaultMaxConns
	}
	if opt.UserAgent == "" {
		opt.UserAgent = UserAgent
	}
	if opt.Logf == nil {
		opt.Logf = log.Printf
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.CacheBytes <= 0 {
		opt.CacheBytes = DefaultCacheBytes
	}
	if opt.CacheDir == "" {
		if dir, err := os.UserCacheDir(); err == nil {
			opt.CacheDir = filepath.Join(dir, "strikemap", "tiles")
		}
	}
	client := opt.Client
	if client == nil {
		client = newClient(opt.MaxConns)
	}
	dir := ""
	if opt.CacheDir != "" {
		sum := sha256.Sum256([]byte(tp.raw))
		dir = filepath.Join(opt.CacheDir, hex.EncodeToString(sum[:12]))
	}
	return &XYZ{
		tp: tp, opt: opt, client: client,
		store:   newStore(dir, opt.CacheBytes, opt.Logf, opt.Now),
		sems:    map[string]chan struct{}{},
		failed:  map[maptile.Tile]*failure{},
		hold:    map[string]time.Time{},
		trouble: map[string]*trouble{},
	}, nil
}

// OSM returns OpenStreetMap's standard tile layer, zooms 0 to 19.
func OSM(opt XYZOptions) (*XYZ, error) {
	opt.Attribution = OSMAttribution
	opt.MinZoom, opt.MaxZoom = 0, 19
	return NewXYZ(OSMTemplate, opt)
}

// Attribution is the credit given in XYZOptions.
func (s *XYZ) Attribution() string { return s.opt.Attribution }

// ZoomRange is the zooms given in XYZOptions.
func (s *XYZ) ZoomRange() (min, max maptile.Zoom) { return s.opt.MinZoom, s.opt.MaxZoom }

// CacheDir is the folder this source's tiles are kept in, "" when memory only.
func (s *XYZ) CacheDir() string { return s.store.dir }

// Fetch returns tile t from the disk cache while fresh, else from the
// server. Concurrent calls for one tile share one download. Errors name
// the tile and the cause.
func (s *XYZ) Fetch(ctx context.Context, t maptile.Tile) (image.Image, error) {
	if !t.Valid() || t.Z < s.opt.MinZoom || t.Z > s.opt.MaxZoom {
		return nil, fmt.Errorf("tile %s: %w: outside zooms %d-%d", Name(t), ErrNoTile, s.opt.MinZoom, s.opt.MaxZoom)
	}
	img, err, _ := s.group.Do(Name(t), func() (any, error) { return s.fetch(ctx, t) })
	if err != nil {
		return nil, err
	}
	return img.(image.Image), nil
}

func (s *XYZ) fetch(ctx context.Context, t maptile.Tile) (image.Image, error) {
	cached := s.store.get(t)
	var stale image.Image
	if cached != nil {
		img, err := Decode(cached.body)
		switch {
		case err != nil:
			cached = nil // damaged: download again
		case s.opt.Now().Before(cached.Expires):
			return img, nil
		default:
			stale = img
		}
	}
	u := s.tp.url(t)
	host := hostOf(u)
	if err := s.waiting(t, host); err != nil {
		return orStale(stale, err)
	}
	e, err := s.download(ctx, t, u, host, cached)
	if err == nil {
		var img image.Image
		if img, err = Decode(e.body); err == nil {
			s.store.put(t, e)
			s.succeeded(t)
			s.noteAnswer(host)
			return img, nil
		}
		err = fmt.Errorf("tile %s from %s: %w", Name(t), redact(u), err)
	}
	if ctx.Err() != nil {
		return nil, err // the caller gave up: not the server's fault
	}
	retry := s.fail(t, host, err)
	s.noteFailure(host, err) // after fail, which may hold the host
	return orStale(stale, retry)
}

// orStale serves an out-of-date tile rather than none when the network
// fails: an analyst offline still sees the map last seen.
func orStale(stale image.Image, err error) (image.Image, error) {
	if stale != nil {
		return stale, nil
	}
	return nil, err
}

// held returns an ErrBackoff error while t's host asked to be left alone.
func (s *XYZ) held(t maptile.Tile, host string) error {
	now := s.opt.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if until := s.hold[host]; now.Before(until) {
		return &retryError{fmt.Errorf("tile %s: %w: %s asked to slow down, until %s",
			Name(t), ErrBackoff, host, until.Format(time.TimeOnly)), until}
	}
	return nil
}

// waiting returns an ErrBackoff error while t or its host must not be asked.
func (s *XYZ) waiting(t maptile.Tile, host string) error {
	if err := s.held(t, host); err != nil {
		return err
	}
	now := s.opt.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if f := s.failed[t]; f != nil && now.Before(f.until) {
		return &retryError{fmt.Errorf("%w (next try in %s): %w",
			ErrBackoff, f.until.Sub(now).Round(time.Second), f.err), f.until}
	}
	return nil
}

// fail records a failure of t and returns err with the time of the next try.
func (s *XYZ) fail(t maptile.Tile, host string, err error) error {
	now := s.opt.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.failed) > 4096 {
		clear(s.failed) // after a long offline session; forgetting only shortens waits
	}
	f := s.failed[t]
	if f == nil {
		f = &failure{}
		s.failed[t] = f
	}
	var se *statusError
	floor := retryAt(err) // a hold met while waiting for a connection
	if errors.As(err, &se) && (se.code == http.StatusTooManyRequests || !se.retryAt.IsZero()) {
		// Too many requests is about the client, not this tile: the whole
		// host waits.
		floor = now.Add(backoff(f.n + 1))
		if se.retryAt.After(floor) {
			floor = se.retryAt
		}
		if floor.After(s.hold[host]) {
			s.hold[host] = floor
		}
	}
	f.next(err, now, floor)
	return &retryError{err, f.until}
}

func (s *XYZ) succeeded(t maptile.Tile) {
	s.mu.Lock()
	delete(s.failed, t)
	s.mu.Unlock()
}
