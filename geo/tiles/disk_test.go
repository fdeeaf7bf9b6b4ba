package tiles_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/strikemap/strikemap/geo/tiles"
	"github.com/strikemap/strikemap/geo/view"
)

// tileFiles lists the files under root, relative to it.
func tileFiles(t testing.TB, root string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out
}

func tilePath(src *tiles.XYZ, tl maptile.Tile) string {
	return filepath.Join(src.CacheDir(), strconv.Itoa(int(tl.Z)), strconv.Itoa(int(tl.X)), strconv.Itoa(int(tl.Y)))
}

// A disk that refuses tiles costs neither a tile nor more than one log line: tiles
// are kept in memory, Problem says why, and once the fault ends tiles go to disk again.
func TestDiskFaults(t *testing.T) {
	for name, tc := range map[string]struct {
		start, end func(t *testing.T, src *tiles.XYZ, full *atomic.Bool)
		says       string
	}{
		"disk full": {
			func(t *testing.T, _ *tiles.XYZ, full *atomic.Bool) { full.Store(true) },
			func(t *testing.T, _ *tiles.XYZ, full *atomic.Bool) { full.Store(false) },
			"no space left on device",
		},
		// Root ignores file modes, so a read-only folder is stood in for by a file where
		// the folder should be: that refuses writes to root too.
		"folder replaced by a file": {
			func(t *testing.T, src *tiles.XYZ, _ *atomic.Bool) {
				if err := os.RemoveAll(src.CacheDir()); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(src.CacheDir(), []byte("in the way"), 0o600); err != nil {
					t.Fatal(err)
				}
			},
			func(t *testing.T, src *tiles.XYZ, _ *atomic.Bool) { os.Remove(src.CacheDir()) },
			"not a directory",
		},
	} {
		t.Run(name, func(t *testing.T) {
			srv := newTileServer(t)
			clk, l := newClock(), &logs{}
			root := t.TempDir()
			src := newXYZ(t, srv, root, clk, l)
			var full atomic.Bool
			tiles.SetDiskWrite(src, func(f *os.File, b []byte) error {
				if full.Load() {
					f.Write(b[:len(b)/3]) // a disk fills part way through a file
					return &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
				}
				_, err := f.Write(b)
				return err
			})
			os.MkdirAll(src.CacheDir(), 0o700)
			tc.start(t, src, &full)

			v := view.New(orb.Point{39, 35.5}, 5, 300, 200, 1)
			if err := newCache(t, src, tiles.CacheOptions{Now: clk.Now, Logf: l.Logf}).Prefetch(waitCtx(t), viewTiles(v)); err != nil {
				t.Fatalf("with the disk refusing tiles: %v", err)
			}
			if n := l.count("cannot save tiles"); n != 1 {
				t.Errorf("%d warnings for %d tiles, want 1:\n%s", n, len(viewTiles(v)), l)
			}
			if p := src.Problem(); p == nil || !strings.Contains(p.Error(), tc.says) || !strings.Contains(p.Error(), "keeping them in memory") {
				t.Errorf("Problem() = %v, want it to say %q", p, tc.says)
			}
			for _, f := range tileFiles(t, root) {
				if strings.Contains(f, ".tmp-") {
					t.Errorf("half-written file left: %s", f)
				}
			}
			// A new Cache (its memory empty) gets them again without the server.
			hits := srv.hits.Load()
			cache := newCache(t, src, tiles.CacheOptions{Now: clk.Now, Logf: l.Logf})
			if err := cache.Prefetch(waitCtx(t), viewTiles(v)); err != nil || srv.hits.Load() != hits {
				t.Errorf("tiles kept in memory: err %v, %d more requests", err, srv.hits.Load()-hits)
			}

			tc.end(t, src, &full)
			clk.Advance(tiles.DiskRetry + time.Second)
			more := view.New(orb.Point{39, 35.5}, 7, 300, 200, 1)
			if err := cache.Prefetch(waitCtx(t), viewTiles(more)); err != nil {
				t.Fatal(err)
			}
			for _, tl := range viewTiles(more) {
				if _, err := os.Stat(tilePath(src, tl)); err != nil {
					t.Errorf("after the fault: %v", err)
				}
			}
			if p := src.Problem(); p != nil {
				t.Errorf("Problem() after the fault: %v", p)
			}
			if n := l.count("saving tiles in"); n != 1 {
				t.Errorf("the end of the fault logged %d times:\n%s", n, l)
			}
		})
	}
}

// The disk cache stays within its budget by removing the tiles used least recently,
// a tile read back counting as used; it removes nothing that is not a tile of its own.
func TestDiskBudget(t *testing.T) {
	srv := newTileServer(t)
	root, clk := t.TempDir(), newClock()
	open := func(budget int64) *tiles.XYZ {
		src, err := tiles.NewXYZ(srv.template(), tiles.XYZOptions{
			CacheDir: root, CacheBytes: budget, Now: clk.Now, Logf: t.Logf, Timeout: 5 * time.Second,
		})
		if err != nil {
			t.Fatal(err)
		}
		return src
	}
	// Things in the cache folder that are not tiles of this package.
	foreign := map[string]string{
		"notes.txt":                       "mine",
		"tiles/3/1/2":                     "a folder not named by a template's hash",
		"0123456789abcdef01234567/readme": "not a tile's path",
	}
	for p, body := range foreign {
		os.MkdirAll(filepath.Dir(filepath.Join(root, p)), 0o700)
		os.WriteFile(filepath.Join(root, p), []byte(body), 0o600)
	}
	probe := open(1 << 30)
	first := maptile.New(0, 0, 6)
	if _, err := probe.Fetch(waitCtx(t), first); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(tilePath(probe, first))
	if err != nil {
		t.Fatal(err)
	}
	size := fi.Size() // tiles of one colour all have about this size
	// A temporary file a crash left behind a day ago.
	leftover := filepath.Join(probe.CacheDir(), "6", "0", ".tmp-123")
	os.WriteFile(leftover, make([]byte, 500), 0o600)
	old := time.Now().Add(-48 * time.Hour)
	os.Chtimes(leftover, old, old)

	budget := 10*size + size/2
	src := open(budget)
	var fetched []maptile.Tile
	for i := range 30 {
		tl := maptile.New(uint32(i), 1, 6)
		if i == 8 {
			// Read back by a later session: tile 1 is used again.
			if _, err := open(budget).Fetch(waitCtx(t), fetched[1]); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := src.Fetch(waitCtx(t), tl); err != nil {
			t.Fatal(err)
		}
		// Minutes apart, and long enough ago that reading one back refreshes it.
		at := old.Add(time.Duration(i) * time.Minute)
		os.Chtimes(tilePath(src, tl), at, at)
		fetched = append(fetched, tl)
	}

	var total int64
	kept := map[maptile.Tile]bool{}
	for _, tl := range append([]maptile.Tile{first}, fetched...) {
		if fi, err := os.Stat(tilePath(src, tl)); err == nil {
			total += fi.Size()
			kept[tl] = true
		}
	}
	if total > budget {
		t.Errorf("%d bytes of tiles kept, budget %d", total, budget)
	}
	if len(kept) < 5 {
		t.Errorf("only %d tiles kept within a budget of about 10", len(kept))
	}
	if !kept[fetched[1]] || !kept[fetched[29]] {
		t.Errorf("kept %v: want the newest tile and the one read back", kept)
	}
	// Apart from the one read back, what is kept is the newest.
	newest := slices.IndexFunc(fetched, func(tl maptile.Tile) bool { return tl != fetched[1] && kept[tl] })
	for i, tl := range fetched[newest:] {
		if !kept[tl] {
			t.Errorf("tile %d removed while tile %d, older, was kept", newest+i, newest)
		}
	}
	for p, body := range foreign {
		if b, err := os.ReadFile(filepath.Join(root, p)); err != nil || string(b) != body {
			t.Errorf("%s: %q, %v; a file not ours was touched", p, b, err)
		}
	}
	if _, err := os.Stat(leftover); err == nil {
		t.Error("a day-old temporary file was left")
	}
}
