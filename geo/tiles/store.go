package tiles

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
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

// memEntries is how many tiles the store keeps in memory while the disk refuses them.
const memEntries = 512

// diskRetry is how long the store keeps tiles in memory after the disk refused one
// before it tries the disk again: a full disk is often freed, a folder made writable.
const diskRetry = time.Minute

// store keeps downloaded tiles on disk, one file per tile at dir/z/x/y: the path is
// made of integers only, so nothing in a URL can steer a write outside dir. The folder
// above dir, shared by every template, is kept within a byte budget (see trim). When
// the disk refuses a write, the store keeps tiles in memory, says so once, and tries
// the disk again after diskRetry.
type store struct {
	dir    string // "" for memory only
	root   string // dir's parent: what the budget bounds
	budget int64
	logf   func(string, ...any)
	now    func() time.Time
	// writeBody writes a cache file's bytes; tests put a full disk behind it.
	writeBody func(f *os.File, b []byte) error
	mem       *lru.Cache[maptile.Tile, *entry]
	trimming  sync.Mutex // held by the one goroutine counting or trimming the folder

	mu      sync.Mutex
	refused error     // why the disk last refused a tile, nil while it takes them
	retry   time.Time // when the disk is tried again after refusing
	used    int64     // bytes of tiles under root, as last counted plus written since
	counted bool      // used has been counted once
}

// newStore returns a store in dir within budget bytes; an empty dir means memory only.
func newStore(dir string, budget int64, logf func(string, ...any), now func() time.Time) *store {
	mem, _ := lru.New[maptile.Tile, *entry](memEntries)
	s := &store{dir: dir, budget: budget, logf: logf, now: now, mem: mem,
		writeBody: func(f *os.File, b []byte) error { _, err := f.Write(b); return err }}
	if dir == "" {
		logf("tiles: no user cache folder; keeping tiles in memory only")
	} else {
		s.root = filepath.Dir(dir)
	}
	return s
}

func (s *store) path(t maptile.Tile) string {
	return filepath.Join(s.dir, strconv.Itoa(int(t.Z)),
		strconv.FormatUint(uint64(t.X), 10), strconv.FormatUint(uint64(t.Y), 10))
}

// get returns the stored tile, fresh or stale, or nil. A damaged file reads as
// missing: the tile is simply downloaded again.
func (s *store) get(t maptile.Tile) *entry {
	if e, ok := s.mem.Get(t); ok {
		return e
	}
	if s.dir == "" {
		return nil
	}
	p := s.path(t)
	f, err := os.Open(p)
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
	touch(f, p)
	return e
}

// put stores e for t: on disk, or in memory while the disk refuses tiles.
func (s *store) put(t maptile.Tile, e *entry) {
	if s.dir == "" {
		s.mem.Add(t, e)
		return
	}
	s.mu.Lock()
	wait := s.refused != nil && s.now().Before(s.retry)
	s.mu.Unlock()
	if wait {
		s.mem.Add(t, e)
		return
	}
	grown, err := s.write(t, e)
	if err != nil {
		s.refuse(err)
		s.mem.Add(t, e)
		return
	}
	// A copy kept while the disk refused tiles would hide the newer file.
	s.mem.Remove(t)
	s.accept(grown)
}

// write replaces t's file atomically: a crash or a full disk leaves the old file or
// none, never half a tile. It returns by how much the folder grew.
func (s *store) write(t maptile.Tile, e *entry) (int64, error) {
	meta, err := json.Marshal(e)
	if err != nil {
		return 0, err
	}
	p := s.path(t)
	// 0700: the tiles someone viewed tell where they were looking.
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return 0, err
	}
	f, err := os.CreateTemp(filepath.Dir(p), tempPrefix+"*")
	if err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	buf.Grow(len(storeMagic) + len(meta) + 1 + len(e.body))
	buf.WriteString(storeMagic)
	buf.Write(meta)
	buf.WriteByte('\n')
	buf.Write(e.body)
	err = s.writeBody(f, buf.Bytes())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	var old int64
	if fi, serr := os.Lstat(p); serr == nil {
		old = fi.Size()
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
		return 0, err
	}
	return int64(buf.Len()) - old, nil
}

// refuse records that the disk refused a tile; only the first refusal of a spell is
// logged, not one per tile.
func (s *store) refuse(err error) {
	s.mu.Lock()
	first := s.refused == nil
	s.refused, s.retry = err, s.now().Add(diskRetry)
	s.mu.Unlock()
	if first {
		s.logf("tiles: cannot save tiles in %s (%v); keeping them in memory and trying the disk again every minute", s.dir, cause(err))
	}
}

// accept records a tile written, ending any spell of refusals, and trims the folder
// when it has grown past the budget.
func (s *store) accept(grown int64) {
	s.mu.Lock()
	was := s.refused
	s.refused = nil
	s.used += grown
	trim := !s.counted || s.used > s.budget
	s.mu.Unlock()
	if was != nil {
		s.logf("tiles: saving tiles in %s again", s.dir)
	}
	if trim {
		s.trim()
	}
}

// problem says why tiles are kept in memory only, or nil while the disk takes them.
func (s *store) problem() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.refused == nil {
		return nil
	}
	return &problemError{fmt.Sprintf("cannot save tiles in %s (%v); keeping them in memory", s.dir, cause(s.refused)), s.refused}
}

// cause strips the path and operation from a file system error, which name a
// temporary file that no longer exists.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// touch marks a tile file as just used, so that trimming keeps tiles in use; once an
// hour at most, as that is a write. A disk that refuses it changes nothing.
func touch(f *os.File, p string) {
	if fi, err := f.Stat(); err == nil && time.Since(fi.ModTime()) > time.Hour {
		os.Chtimes(p, time.Time{}, time.Now())
	}
}
