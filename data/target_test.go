package data_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/strikemap/strikemap/data"
	"github.com/strikemap/strikemap/data/datatest"
)

// A new database is never written over anything: not a database, a file, a link or a
// device; what was there stays as it was.
func TestCreateNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	db := mustSample(t)
	file := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(file, []byte("my notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(filepath.Join(dir, "missing.db"), link); err != nil {
		t.Fatal(err)
	}
	if err := data.WriteSample(context.Background(), "-"); err == nil || !strings.Contains(err.Error(), "standard output") {
		t.Errorf("WriteSample to - = %v", err)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error("WriteSample wrote a file named -")
	}
	for name, path := range map[string]string{"database": db, "file": file, "dangling link": link, "folder": dir} {
		t.Run(name, func(t *testing.T) {
			var before os.FileInfo
			var frozen datatest.Frozen
			if name == "folder" {
				before, _ = os.Lstat(path)
			} else if name != "dangling link" {
				frozen = datatest.Freeze(t, path)
			}
			err := data.WriteSample(context.Background(), path)
			if !errors.Is(err, data.ErrExists) || !strings.Contains(err.Error(), path+" exists already") {
				t.Fatalf("WriteSample over a %s = %v, want ErrExists naming it", name, err)
			}
			switch name {
			case "folder":
				if after, _ := os.Lstat(path); after.ModTime() != before.ModTime() {
					t.Error("the folder changed")
				}
			case "dangling link":
				if _, err := os.Lstat(filepath.Join(dir, "missing.db")); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("the link's target was written (%v)", err)
				}
			default:
				frozen.Check(t, "WriteSample")
			}
		})
	}
}

// Of several imports that create the same new database at once, one stores its events
// and each other either adds to the database the first made or fails saying so: no
// import's events are lost without a word.
func TestConcurrentImportsIntoANewDatabase(t *testing.T) {
	dir := t.TempDir()
	files := make([]string, 4)
	for i := range files {
		db := filepath.Join(dir, fmt.Sprintf("g%d.db", i))
		if err := data.Generate(context.Background(), db, 200, uint64(i+1), nil); err != nil {
			t.Fatal(err)
		}
		files[i] = filepath.Join(dir, fmt.Sprintf("g%d.geojson", i))
		if _, err := mustOpen(t, db, data.ReadOnly).ExportFile(context.Background(), files[i], data.ExportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	for run := range 3 {
		path := filepath.Join(dir, fmt.Sprintf("new%d.db", run))
		var wg sync.WaitGroup
		errs := make([]error, len(files))
		for i := range files {
			wg.Go(func() {
				_, errs[i] = data.Import(context.Background(), path, files[i:i+1], data.ImportOptions{})
			})
		}
		wg.Wait()
		want := 0
		for i, err := range errs {
			switch {
			case err == nil:
				want += 200
			case !errors.Is(err, data.ErrExists) || !strings.Contains(err.Error(), "nothing was written"):
				t.Errorf("run %d, file %d: %v", run, i, err)
			}
		}
		if n := len(allEvents(t, mustOpen(t, path, data.ReadOnly))); n != want || want == 0 {
			t.Errorf("run %d: %d events, but the imports that succeeded (%v) stored %d", run, n, errs, want)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
			t.Errorf("run %d: left %v", run, left)
		}
	}
}

// An export follows a link, which stays a link; writes to a device in place; and refuses
// a database or a folder before it writes anything.
func TestWriteFileAtomicTargets(t *testing.T) {
	dir := t.TempDir()
	write := func(path string) error {
		return data.WriteFileAtomic(path, func(w *bufio.Writer) error { _, err := w.WriteString("new"); return err })
	}
	real, link := filepath.Join(dir, "real.txt"), filepath.Join(dir, "link.txt")
	if err := os.Symlink("real.txt", link); err != nil {
		t.Fatal(err)
	}
	if err := write(link); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(real); err != nil || string(b) != "new" {
		t.Errorf("the link's target holds %q, %v", b, err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v", err)
	}
	if err := write(os.DevNull); err != nil {
		t.Errorf("writing to %s: %v", os.DevNull, err)
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode().IsRegular() {
		t.Errorf("%s became a regular file", os.DevNull)
	}
	if _, err := os.Stat("/dev/full"); err == nil {
		if err := write("/dev/full"); err == nil || err.Error() != "/dev/full: no space left on device" {
			t.Errorf("writing to /dev/full: %v", err)
		}
	}
	db := mustSample(t)
	frozen := datatest.Freeze(t, db)
	if err := write(db); err == nil || !strings.Contains(err.Error(), "is a database") {
		t.Errorf("writing over a database: %v", err)
	}
	frozen.Check(t, "a refused export")
	if err := write(dir); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("writing over a folder: %v", err)
	}
}

// A name as long as a file system allows is written: the temporary name beside it is
// kept within the limit.
func TestWriteFileAtomicLongName(t *testing.T) {
	path := filepath.Join(t.TempDir(), strings.Repeat("é", 123)+".geo") // a name of 250 bytes
	err := data.WriteFileAtomic(path, func(w *bufio.Writer) error { _, err := w.WriteString("{}"); return err })
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "{}" {
		t.Errorf("read back %q, %v", b, err)
	}
}
