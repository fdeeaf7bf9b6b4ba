package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// genDB writes a database of n generated events and returns its path.
func genDB(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "g.db")
	if code, _, stderr := strikedb(t, "gen", "-n", strconv.Itoa(n), "--seed", "1", "-o", path); code != 0 {
		t.Fatalf("gen: exit %d: %s", code, stderr)
	}
	return path
}

func TestBenchJSONHasTheContractKeys(t *testing.T) {
	path := genDB(t, 3000)
	code, stdout, stderr := strikedb(t, "bench", "--json", path)
	if code != 0 {
		t.Fatalf("bench --json: exit %d: %s", code, stderr)
	}
	if strings.Count(strings.TrimSpace(stdout), "\n") != 0 {
		t.Errorf("bench --json printed more than one line:\n%s", stdout)
	}
	var got map[string]float64
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("bench --json: %v\n%s", err, stdout)
	}
	keys := []string{"events", "load_ms", "filter_ms_p50", "cluster_ms_p50", "frame_ms_p50", "heap_mb"}
	var gotKeys []string
	for k := range got {
		gotKeys = append(gotKeys, k)
	}
	slices.Sort(gotKeys)
	if want := slices.Sorted(slices.Values(keys)); !slices.Equal(gotKeys, want) {
		t.Fatalf("keys %v, want %v", gotKeys, want)
	}
	if got["events"] != 3000 {
		t.Errorf("events = %v, want 3000", got["events"])
	}
	for _, k := range keys[1:] {
		if v := got[k]; !(v >= 0 && v < 1e6) {
			t.Errorf("%s = %v, want a duration or size in range", k, v)
		}
	}
	if got["load_ms"] <= 0 || got["heap_mb"] <= 0 {
		t.Errorf("load_ms = %v and heap_mb = %v, want both above 0", got["load_ms"], got["heap_mb"])
	}
}

func TestBench(t *testing.T) {
	path := genDB(t, 500)
	dir := t.TempDir()
	for name, tc := range map[string]struct {
		args     []string
		code     int
		stdout   []string // what stdout must hold
		stderr   string   // what stderr must hold
		csvLines int      // lines of the points CSV, header included; 0 for no CSV
	}{
		"table":          {args: []string{path}, stdout: []string{"500 events", "load", "filter", "cluster", "frame", "heap", " ms ", " MB "}},
		"points csv":     {args: []string{"--points-csv", filepath.Join(dir, "p.csv"), path}, csvLines: 501},
		"no database":    {args: nil, code: 2, stderr: "usage: strikedb bench"},
		"missing file":   {args: []string{filepath.Join(dir, "none.db")}, code: 1, stderr: "strikedb: "},
		"not a database": {args: []string{writeText(t, dir, "notes.txt", "hello\n")}, code: 1, stderr: "notes.txt"},
		"unknown flag":   {args: []string{"--fast", path}, code: 2, stderr: "bench: flag provided but not defined"},
	} {
		t.Run(name, func(t *testing.T) {
			code, stdout, stderr := strikedb(t, append([]string{"bench"}, tc.args...)...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, stderr)
			}
			for _, s := range tc.stdout {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout)
				}
			}
			if !strings.Contains(stderr, tc.stderr) || strings.Count(stderr, "\n") > 1 {
				t.Errorf("stderr %q, want one line holding %q", stderr, tc.stderr)
			}
			if tc.csvLines > 0 {
				checkPointsCSV(t, tc.args[1], tc.csvLines)
			}
		})
	}
}

// checkPointsCSV checks that the CSV at path has a lon,lat header and lines rows of
// coordinates in range, header included.
func checkPointsCSV(t *testing.T, path string, lines int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(rows) != lines || rows[0] != "lon,lat" {
		t.Fatalf("%d lines starting %q, want %d starting \"lon,lat\"", len(rows), rows[0], lines)
	}
	for i, r := range rows[1:] {
		lon, lat, _ := strings.Cut(r, ",")
		x, err1 := strconv.ParseFloat(lon, 64)
		y, err2 := strconv.ParseFloat(lat, 64)
		if err1 != nil || err2 != nil || x < -180 || x > 180 || y < -90 || y > 90 {
			t.Fatalf("line %d: %q is not lon,lat", i+2, r)
		}
	}
}

// writeText writes a file of text into dir and returns its path.
func writeText(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
