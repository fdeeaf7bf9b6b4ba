package tiles

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// DefaultCacheBytes bounds the disk cache when XYZOptions.CacheBytes is zero: some
// 25,000 tiles of OpenStreetMap, a few regions viewed closely.
const DefaultCacheBytes = 512 << 20

// tempPrefix starts the name of a tile file being written.
const tempPrefix = ".tmp-"

// staleTemp is the age past which a temporary file is one a crash left behind.
const staleTemp = time.Hour

// templateDirLen is the length of a template's folder name: 12 bytes of hash in hex.
const templateDirLen = 24

// tileFile is one file of the cache, as trim sees it.
type tileFile struct {
	path string
	size int64
	used time.Time // modified: written, or read back (see touch)
}

// trim counts the tile files under the cache root and, when they pass the budget,
// removes the least recently used until a tenth of the budget is free, so that it
// runs once per tenth of the budget written rather than once per tile. Only files
// named as this package names them are counted or removed: a cache folder set to the
// wrong place loses nothing else. One goroutine trims at a time; the others go on.
func (s *store) trim() {
	if !s.trimming.TryLock() {
		return
	}
	defer s.trimming.Unlock()
	files, total := scanCache(s.root)
	if total > s.budget {
		slices.SortFunc(files, func(a, b tileFile) int { return a.used.Compare(b.used) })
		low := s.budget - s.budget/10
		for _, f := range files {
			if total <= low {
				break
			}
			if err := os.Remove(f.path); err == nil || os.IsNotExist(err) {
				total -= f.size
			}
		}
	}
	s.mu.Lock()
	s.used, s.counted = total, true
	s.mu.Unlock()
}

// scanCache lists the tile files under root, root/TEMPLATE/Z/X/Y, and their total
// size. Temporary files a crash left behind are removed on the way.
func scanCache(root string) ([]tileFile, int64) {
	var (
		files []tileFile
		total int64
	)
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable: neither counted nor touched
		}
		rel, rerr := filepath.Rel(root, p)
		if rerr != nil || rel == "." {
			return nil
		}
		parts := strings.Split(filepath.ToSlash(rel), "/")
		name := parts[len(parts)-1]
		depth := len(parts)
		if d.IsDir() {
			if depth > 3 || !ourDir(name, depth) {
				return fs.SkipDir
			}
			return nil
		}
		if depth != 4 || !d.Type().IsRegular() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		switch {
		case digits(name):
			files = append(files, tileFile{p, fi.Size(), fi.ModTime()})
			total += fi.Size()
		case strings.HasPrefix(name, tempPrefix) && time.Since(fi.ModTime()) > staleTemp:
			os.Remove(p)
		}
		return nil
	})
	return files, total
}

// ourDir reports whether a folder at depth (1 for a template's) is named as the store
// names them.
func ourDir(name string, depth int) bool {
	if depth == 1 {
		return len(name) == templateDirLen && strings.Trim(name, "0123456789abcdef") == ""
	}
	return digits(name)
}

func digits(s string) bool {
	return s != "" && len(s) <= 10 && strings.Trim(s, "0123456789") == ""
}
