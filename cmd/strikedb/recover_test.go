package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/strikemap/strikemap/data/datatest"
)

// A database a killed program left half-changed is refused by every reading command with
// one line saying so and naming `strikedb recover`, which undoes the change; it then
// reads as before.
func TestRecoverUnfinishedChange(t *testing.T) {
	dir := t.TempDir()
	src, path := filepath.Join(dir, "s.db"), filepath.Join(dir, "left.db")
	if code, _, stderr := strikedb(t, "sample", "-o", src); code != 0 {
		t.Fatalf("sample: %s", stderr)
	}
	datatest.LeaveUnfinished(t, src, path)
	out := filepath.Join(dir, "out.geojson")
	for _, args := range [][]string{{"check", path}, {"stats", path}, {"export", "-o", out, path}, {"render", "-o", out + ".png", path}} {
		code, _, stderr := strikedb(t, args...)
		if code != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "left unfinished") ||
			!strings.Contains(stderr, "strikedb recover "+path) {
			t.Errorf("%s: exit %d, %q; want 1 and one line naming strikedb recover", args[0], code, stderr)
		}
	}
	if code, stdout, stderr := strikedb(t, "recover", path); code != 0 || !strings.Contains(stdout, "undid the unfinished change") {
		t.Fatalf("recover: exit %d: %s%s", code, stdout, stderr)
	}
	if code, stdout, stderr := strikedb(t, "stats", path); code != 0 || !strings.HasPrefix(stdout, path+": 13 events") {
		t.Errorf("stats after recover: exit %d: %s%s", code, stdout, stderr)
	}
	if code, stdout, _ := strikedb(t, "recover", path); code != 0 || !strings.Contains(stdout, "nothing to do") {
		t.Errorf("recover again: exit %d: %s", code, stdout)
	}
}
