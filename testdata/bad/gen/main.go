// Command gen writes the bad-input corpus of testdata/bad: files that every entry point
// of Strikemap must refuse with one clear line and without changing anything. Run it
// from the repository's root, `go run ./testdata/bad/gen`, after changing what it makes;
// the files it writes are committed beside it, so tests never need to run it.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"sort"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/strikemap/strikemap/data"
)

// dir is where the corpus goes, from the repository's root.
const dir = "testdata/bad"

// maker writes one file of the corpus from the bytes of a valid sample database.
type maker func(sample []byte) ([]byte, error)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run() error {
	if _, err := os.Stat(filepath.Join(dir, "README.md")); err != nil {
		return fmt.Errorf("run me from the repository's root: %w", err)
	}
	sample, err := sampleBytes()
	if err != nil {
		return err
	}
	all := map[string]maker{}
	for _, group := range []map[string]maker{databases(), mbtiles(), csvs(), geojsons()} {
		for name, m := range group {
			if all[name] != nil {
				return fmt.Errorf("%s is made twice", name)
			}
			all[name] = m
		}
	}
	names := make([]string, 0, len(all))
	for name := range all {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		b, err := all[name](sample)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("wrote %d files to %s\n", len(names), dir)
	return nil
}

// sampleBytes writes the bundled sample and makes it the same on every run: only the
// time GeoPackage records of the last change differs between two writes.
func sampleBytes() ([]byte, error) {
	tmp, err := os.MkdirTemp("", "strikemap-bad-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	path := filepath.Join(tmp, "sample.db")
	if err := data.WriteSample(context.Background(), path); err != nil {
		return nil, err
	}
	if err := sqlExec(path, `UPDATE gpkg_contents SET last_change = '2024-01-01T00:00:00.000Z'`,
		`PRAGMA page_size = 1024`, `VACUUM`); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// withSQLite writes b to a temporary file, runs stmts on it and returns the file's bytes.
func withSQLite(b []byte, stmts ...string) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "strikemap-bad-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	path := filepath.Join(tmp, "x.db")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return nil, err
	}
	if err := sqlExec(path, stmts...); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// sqlExec runs stmts, in order, on one connection to the SQLite file at path.
func sqlExec(path string, stmts ...string) error {
	sdb, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		return err
	}
	defer sdb.Close()
	sdb.SetMaxOpenConns(1) // PRAGMAs hold for the connection that runs the rest
	for _, s := range stmts {
		if _, err := sdb.Exec(s); err != nil {
			return fmt.Errorf("%.60s: %w", s, err)
		}
	}
	return nil
}

// noise returns n bytes that look random but are the same on every run.
func noise(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// text returns a maker of fixed bytes.
func text(s string) maker { return func([]byte) ([]byte, error) { return []byte(s), nil } }
