package data_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/strikemap/strikemap/data"
)

// A run killed mid-write leaves its temporary file; the next write beside the same
// target removes it, and leaves alone the files of live processes and of other targets.
func TestStaleTempsAreSwept(t *testing.T) {
	dead := exec.Command(os.Args[0], "-test.run=^$") // a process that has ended
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	deadPID, livePID := strconv.Itoa(dead.Process.Pid), strconv.Itoa(os.Getppid())
	dir := t.TempDir()
	files := map[string]bool{ // name: whether it should stay
		".out.geojson.tmp-" + deadPID + "-123":         false,
		".out.geojson.tmp-" + deadPID + "-123-journal": false,
		".out.geojson.tmp-" + livePID + "-456":         true,
		".out.geojson.tmp-notapid":                     true,
		".other.db.tmp-" + deadPID + "-789":            true,
		"notes.txt":                                    true,
	}
	for name := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("left"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out.geojson")
	if err := data.WriteFileAtomic(out, func(w *bufio.Writer) error { _, err := w.WriteString("{}"); return err }); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got, want []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	for name, stays := range files {
		if stays {
			want = append(want, name)
		}
	}
	want = append(want, "out.geojson")
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the folder holds\n%q\nwant\n%q", got, want)
	}
}
