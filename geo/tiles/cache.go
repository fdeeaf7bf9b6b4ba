package tiles

import (
	"context"
	"errors"
	"image"
	"log"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/paulmach/orb/maptile"
)

// CacheOptions tune a Cache. The zero value is a sensible default.
type CacheOptions struct {
	// MaxTiles is how many decoded tiles stay in memory: 256 by default,
	// 64 MiB of 256-pixel tiles.
	MaxTiles int
	// Workers is how many tiles are fetched at once, 4 by default; an XYZ
	// source still opens at most its MaxConns connections to one host.
	Workers int
	// OnLoad is called from a worker goroutine each time a tile arrives,
	// so the UI can redraw (wrapped in fyne.Do).
	OnLoad func(t maptile.Tile)
	// OnChange is called from a background goroutine when the map should be drawn
	// again although no tile arrived: a failed tile may be asked for again (a Cache
	// fetches only what is drawn), or Problem changed.
	OnChange func()
	Logf     func(format string, args ...any) // nil means log.Printf
	Now      func() time.Time                 // nil means time.Now
}

// maxQueue bounds the tiles waiting for a worker: when the user pans
// fast, the oldest requests are for tiles long off screen and are dropped.
const maxQueue = 256

// Cache is the asynchronous layer the map draws from: it keeps decoded
// tiles in memory and fetches missing ones from its Source on background
// workers. Nothing it offers for drawing blocks on the Source. Close it
// to stop the workers.
type Cache struct {
	src        Source
	opt        CacheOptions
	minZ, maxZ maptile.Zoom
	mem        *lru.Cache[maptile.Tile, *image.RGBA]
	scaled     *lru.Cache[[2]maptile.Tile, *image.RGBA] // {tile, ancestor} → stand-in
	ctx        context.Context
	cancel     context.CancelFunc
	wg         sync.WaitGroup

	mu     sync.Mutex
	wake   *sync.Cond
	jobs   map[maptile.Tile]*job // queued or running
	queued int
	seq    uint64
	failed map[maptile.Tile]*failure
	closed bool

	lastErr error       // the last failure, until a tile loads; Problem for non-Reporters
	said    string      // Problem as last told through OnChange
	timer   *time.Timer // calls OnChange when the next failed tile may be retried
	wakeAt  time.Time   // when timer fires
}

// job is one tile to fetch. Workers take the most recently requested
// first, so the view on screen now fills before views already left.
type job struct {
	seq     uint64
	running bool
	pinned  bool // waited for by Prefetch: never dropped
	done    chan struct{}
}

// NewCache starts a Cache over src.
func NewCache(src Source, opt CacheOptions) *Cache {
	if opt.MaxTiles <= 0 {
		opt.MaxTiles = 256
	}
	if opt.Workers <= 0 {
		opt.Workers = 4
	}
	if opt.Logf == nil {
		opt.Logf = log.Printf
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	mem, _ := lru.New[maptile.Tile, *image.RGBA](opt.MaxTiles)
	scaled, _ := lru.New[[2]maptile.Tile, *image.RGBA](64)
	c := &Cache{src: src, opt: opt, mem: mem, scaled: scaled,
		jobs: map[maptile.Tile]*job{}, failed: map[maptile.Tile]*failure{}}
	c.minZ, c.maxZ = src.ZoomRange()
	c.wake = sync.NewCond(&c.mu)
	c.ctx, c.cancel = context.WithCancel(context.Background())
	for range opt.Workers {
		c.wg.Add(1)
		go c.work()
	}
	return c
}

// Attribution is the source's credit.
func (c *Cache) Attribution() string { return c.src.Attribution() }

// Close stops the workers, abandoning fetches under way, and waits for them.
func (c *Cache) Close() {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.closed = true
	if c.timer != nil {
		c.timer.Stop()
	}
	for t, j := range c.jobs {
		if !j.running {
			delete(c.jobs, t)
			close(j.done)
		}
	}
	c.wake.Broadcast()
	c.mu.Unlock()
	c.cancel()
	c.wg.Wait()
}

// Err returns why tile t (or, beyond the source's zooms, the tile standing
// in for it) last failed to load, or nil.
func (c *Cache) Err(t maptile.Tile) error {
	src, ok := c.target(t)
	if !ok {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if f := c.failed[src]; f != nil {
		return f.err
	}
	return nil
}

// target is the tile to fetch for t: t itself, or its ancestor at the
// source's deepest zoom. ok is false above the source's shallowest zoom.
func (c *Cache) target(t maptile.Tile) (maptile.Tile, bool) {
	if !t.Valid() || t.Z < c.minZ {
		return t, false
	}
	for t.Z > c.maxZ {
		t = t.Parent()
	}
	return t, true
}

// request queues a fetch of t unless it is in memory, under way, or
// waiting out a backoff. It returns the job to wait on, or nil.
func (c *Cache) request(t maptile.Tile, pin bool) *job {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed || c.mem.Contains(t) {
		return nil
	}
	c.seq++
	if j := c.jobs[t]; j != nil {
		if !j.running {
			j.seq = c.seq
		}
		j.pinned = j.pinned || pin
		return j
	}
	if f := c.failed[t]; f != nil && c.opt.Now().Before(f.until) {
		return nil
	}
	j := &job{seq: c.seq, pinned: pin, done: make(chan struct{})}
	c.jobs[t] = j
	c.queued++
	if c.queued > maxQueue {
		c.dropOldest()
	}
	c.wake.Signal()
	return j
}

// dropOldest forgets the longest-waiting request nobody waits for.
func (c *Cache) dropOldest() {
	var (
		oldest maptile.Tile
		oj     *job
	)
	for t, j := range c.jobs {
		if !j.running && !j.pinned && (oj == nil || j.seq < oj.seq) {
			oldest, oj = t, j
		}
	}
	if oj != nil {
		delete(c.jobs, oldest)
		c.queued--
		close(oj.done)
	}
}

// work fetches tiles until the Cache is closed.
func (c *Cache) work() {
	defer c.wg.Done()
	for {
		t, j, ok := c.next()
		if !ok {
			return
		}
		img, err := c.src.Fetch(c.ctx, t)
		c.finish(t, j, img, err)
	}
}

// next waits for the most recently requested queued tile.
func (c *Cache) next() (maptile.Tile, *job, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for !c.closed && c.queued == 0 {
		c.wake.Wait()
	}
	if c.closed {
		return maptile.Tile{}, nil, false
	}
	var (
		best maptile.Tile
		bj   *job
	)
	for t, j := range c.jobs {
		if !j.running && (bj == nil || j.seq > bj.seq) {
			best, bj = t, j
		}
	}
	bj.running = true
	c.queued--
	return best, bj, true
}

// finish stores a fetched tile or records why it failed.
func (c *Cache) finish(t maptile.Tile, j *job, img image.Image, err error) {
	if err == nil && img == nil {
		err = errors.New("tile " + Name(t) + ": source returned no image")
	}
	if err == nil {
		c.mem.Add(t, toRGBA(img))
	}
	var (
		logIt bool
		wait  time.Duration
	)
	_, reporter := c.src.(Reporter)
	c.mu.Lock()
	delete(c.jobs, t)
	switch {
	case err == nil:
		delete(c.failed, t)
		c.lastErr = nil
	case c.ctx.Err() != nil:
		// Closed while fetching: nothing failed.
	default:
		if len(c.failed) > 4096 {
			clear(c.failed) // after a long offline session; forgetting only shortens waits
		}
		f := c.failed[t]
		if f == nil {
			f = &failure{}
			c.failed[t] = f
		}
		floor := retryAt(err)
		if errors.Is(err, ErrNoTile) {
			floor = c.opt.Now().Add(24 * time.Hour) // the source will not grow it soon
		}
		f.next(err, c.opt.Now(), floor)
		c.wakeLocked(f.until)
		if errors.Is(err, ErrNoTile) {
			break
		}
		c.lastErr = err
		// A Reporter logs its own troubles, once per spell rather than per tile.
		logIt = !f.logged && !reporter
		f.logged = f.logged || logIt
		wait = f.until.Sub(c.opt.Now()).Round(time.Second)
	}
	c.mu.Unlock()
	// Log before waking the waiters, so that whoever waited for the tile finds its
	// failure already reported.
	if logIt {
		c.opt.Logf("tiles: %v (retrying after %s)", err, wait)
	}
	close(j.done)
	if err == nil && c.opt.OnLoad != nil {
		c.opt.OnLoad(t)
	}
	c.noticeProblem()
}
