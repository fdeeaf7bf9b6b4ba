package tiles

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/paulmach/orb/maptile"
)

// entry is one downloaded tile and what its server said about caching it.
type entry struct {
	Expires      time.Time `json:"expires"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	body         []byte
}

// storeMagic starts every cache file; a file without it is not ours.
const storeMagic = "strikemap-tile 1\n"

// maxStoreFile bounds what is read back from a cache file.
const maxStoreFile = maxBody + 64<<10

// memEntries is how many tiles a degraded store keeps in memory.
const memEntries = 512

// store keeps downloaded tiles on disk, one file per tile at dir/z/x/y:
// the path is made of integers only, so nothing in a URL can steer a
// write outside dir. When the disk refuses a write, the store keeps tiles
// in memory for the rest of the session and says so once.
type store struct {
	dir  string
	logf func(string, ...any)

	mu       sync.Mutex
	degraded bool
	mem      *lru.Cache[maptile.Tile, *entry]
}

// newStore returns a store in dir; an empty dir means memory only.
func newStore(dir string, logf func(string, ...any)) *store {
	mem, _ := lru.New[maptile.Tile, *entry](memEntries)
	s := &store{dir: dir, logf: logf, mem: mem}
	if dir == "" {
		s.degrade(fmt.Errorf("no user cache directory"))
	}
	return s
}

func (s *store) path(t maptile.Tile) string {
	return filepath.Join(s.dir, strconv.Itoa(int(t.Z)),
		strconv.FormatUint(uint64(t.X), 10), strconv.FormatUint(uint64(t.Y), 10))
}

// get returns the stored tile, fresh or stale, or nil. A damaged file
// reads as missing: the tile is simply downloaded again.
func (s *store) get(t maptile.Tile) *entry {
	if e, ok := s.mem.Get(t); ok {
		return e
	}
	if s.dir == "" {
		return nil
	}
	f, err := os.Open(s.path(t))
	if err != nil {
		return nil
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxStoreFile+1))
	if err != nil || len(b) > maxStoreFile {
		return nil
	}
	rest, ok := bytes.CutPrefix(b, []byte(storeMagic))
	if !ok {
		return nil
	}
	meta, body, ok := bytes.Cut(rest, []byte("\n"))
	if !ok {
		return nil
	}
	e := &entry{body: body}
	if json.Unmarshal(meta, e) != nil {
		return nil
	}
	return e
}

// put stores e for t: on disk, or in memory once the disk has failed.
func (s *store) put(t maptile.Tile, e *entry) {
	s.mu.Lock()
	degraded := s.degraded
	s.mu.Unlock()
	if degraded {
		s.mem.Add(t, e)
		return
	}
	if err := s.write(t, e); err != nil {
		s.degrade(err)
		s.mem.Add(t, e)
	}
}

// write replaces t's file atomically: a crash or a full disk leaves the
// old file or none, never half a tile.
func (s *store) write(t maptile.Tile, e *entry) error {
	meta, err := json.Marshal(e)
	if err != nil {
		return err
	}
	p := s.path(t)
	// 0700: the tiles someone viewed tell where they were looking.
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.Grow(len(storeMagic) + len(meta) + 1 + len(e.body))
	buf.WriteString(storeMagic)
	buf.Write(meta)
	buf.WriteByte('\n')
	buf.Write(e.body)
	_, err = f.Write(buf.Bytes())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

func (s *store) degrade(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.degraded {
		return
	}
	s.degraded = true
	s.logf("tiles: cannot write the tile cache (%v); keeping tiles in memory only", err)
}
