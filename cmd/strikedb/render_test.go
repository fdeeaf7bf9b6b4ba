package main

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRenderSample(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	if code, _, stderr := strikedb(t, "sample", "-o", db); code != 0 {
		t.Fatal(stderr)
	}
	out := filepath.Join(dir, "syria.png")
	code, _, stderr := strikedb(t, "render", "--center", "35.5,39", "--zoom", "6", "--size", "600x400", "-o", out, db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	img := readPNG(t, out)
	if b := img.Bounds(); b.Dx() != 600 || b.Dy() != 400 {
		t.Errorf("image is %v, want 600×400", b)
	}
	// Russia, the sample's most frequent actor, is drawn in the palette's first colour
	// (vermillion); the events over Syria must show it.
	vermillion := 0
	for y := 0; y < 400; y++ {
		for x := 0; x < 600; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r>>8 == 0xD5 && g>>8 == 0x5E && b>>8 == 0x00 {
				vermillion++
			}
		}
	}
	if vermillion < 20 {
		t.Errorf("%d vermillion pixels: Russia's events are not drawn", vermillion)
	}
}

func TestRenderRefusesBadInputAndLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	strikedb(t, "sample", "-o", db)
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("hello"), 0o644)
	for name, tc := range map[string]struct {
		args []string
		code int
		says string
	}{
		"not a database": {[]string{text}, 1, "not a SQLite file"},
		"missing db":     {[]string{filepath.Join(dir, "nope.db")}, 1, "no such file"},
		"bad size":       {[]string{"--size", "99999x99999", db}, 2, "--size"},
		"bad zoom":       {[]string{"--zoom", "40", db}, 2, "--zoom 40"},
		"bad center":     {[]string{"--center", "4239,39", db}, 2, "--center"},
		"bad date":       {[]string{"--from", "0000-00-00", db}, 2, "--from"},
		"bad status":     {[]string{"--status", "confirmed", db}, 2, "--status"},
		"bad bbox":       {[]string{"--bbox", "40,30,35,38", db}, 2, "--bbox"},
	} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".png")
			args := append([]string{"render", "-o", out}, tc.args...)
			code, _, stderr := strikedb(t, args...)
			if code != tc.code || !strings.Contains(stderr, tc.says) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want %d and one line saying %q", code, stderr, tc.code, tc.says)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("left an output file")
			}
			if entries, _ := filepath.Glob(filepath.Join(dir, ".*tmp*")); len(entries) > 0 {
				t.Errorf("left temporary files %v", entries)
			}
		})
	}
}

// readPNG decodes the PNG file at path.
func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}
