// Package datatest holds what the tests of several packages do with database files.
// It does not import data, so that data's own tests can use it.
package datatest

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Frozen is a file whose bytes and modification time were recorded, to check later
// that nothing wrote to it or beside it.
type Frozen struct {
	path   string
	sum    [32]byte
	mtime  time.Time
	beside map[string]bool // the files named after it that were there already
}

// past is the modification time Freeze gives a file: any write moves it.
var past = time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)

// Freeze sets the modification time of the file at path in the past and records it
// with the file's bytes.
func Freeze(t testing.TB, path string) Frozen {
	t.Helper()
	if err := os.Chtimes(path, past, past); err != nil {
		t.Fatal(err)
	}
	beside := map[string]bool{}
	for _, p := range besides(path) {
		beside[p] = true
	}
	return Frozen{path: path, sum: Sum(t, path), mtime: past, beside: beside}
}

// Check fails t when the file's bytes or time changed, or when files named after it
// (a journal, a WAL) that were not there at Freeze were left beside it; what says what
// happened to it meanwhile.
func (f Frozen) Check(t testing.TB, what string) {
	t.Helper()
	if Sum(t, f.path) != f.sum {
		t.Errorf("%s changed %s", what, filepath.Base(f.path))
	}
	if st, err := os.Stat(f.path); err != nil || !st.ModTime().Equal(f.mtime) {
		t.Errorf("%s touched %s: %v, %v", what, filepath.Base(f.path), st.ModTime(), err)
	}
	var left []string
	for _, p := range besides(f.path) {
		if !f.beside[p] {
			left = append(left, p)
		}
	}
	if len(left) > 0 {
		t.Errorf("%s left files beside %s: %v", what, filepath.Base(f.path), left)
	}
}

// besides lists the files whose names are path's with something after it.
func besides(path string) []string {
	left, _ := filepath.Glob(path + "?*")
	return left
}

// Sum returns the SHA-256 of the file at path.
func Sum(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}
