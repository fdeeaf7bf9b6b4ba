package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/strikemap/strikemap/data/datatest"
)

// TestMain lets a test run this test binary as strikedb itself, to stop it with a signal.
func TestMain(m *testing.M) {
	if os.Getenv("STRIKEDB_TEST_AS_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// An import stopped with Ctrl-C (or SIGTERM) mid-way undoes its change before the
// process exits: the database is as it was and no journal is left, so reading it needs
// no recovery.
func TestInterruptedImportRollsBack(t *testing.T) {
	dir := t.TempDir()
	big, file := filepath.Join(dir, "big.db"), filepath.Join(dir, "big.geojson")
	if code, _, stderr := strikedb(t, "gen", "-n", "60000", "-o", big); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := strikedb(t, "export", "-o", file, big); code != 0 {
		t.Fatal(stderr)
	}
	// Whether a journal was left depended on which goroutine won a race at exit, so each
	// signal is sent several times, at different points of the import.
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		for run := range 4 {
			t.Run(fmt.Sprintf("%v/%d", sig, run), func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "s.db")
				if code, _, stderr := strikedb(t, "sample", "-o", path); code != 0 {
					t.Fatal(stderr)
				}
				sum := datatest.Sum(t, path)
				cmd := exec.Command(os.Args[0], "import", "-o", path, file)
				cmd.Env = append(os.Environ(), "STRIKEDB_TEST_AS_MAIN=1")
				var stderr strings.Builder
				cmd.Stderr = &stderr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				// Stop it once it has begun to change the file, which it journals first.
				for i := 0; ; i++ {
					if _, err := os.Stat(path + "-journal"); err == nil {
						break
					}
					if i == 3000 {
						cmd.Process.Kill()
						t.Fatal("no journal appeared in a minute")
					}
					time.Sleep(20 * time.Millisecond)
				}
				time.Sleep(time.Duration(run) * 300 * time.Millisecond)
				if err := cmd.Process.Signal(sig); err != nil {
					t.Fatal(err)
				}
				err := cmd.Wait()
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.ExitCode() != 1 {
					t.Fatalf("import stopped by %v: %v, want exit 1; stderr: %s", sig, err, stderr.String())
				}
				if got, want := stderr.String(), "strikedb: import: interrupted; nothing was written\n"; got != want {
					t.Errorf("stderr %q, want %q", got, want)
				}
				if _, err := os.Stat(path + "-journal"); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("a journal is left (%v); stderr: %s", err, stderr.String())
				}
				if datatest.Sum(t, path) != sum {
					t.Errorf("the stopped import changed the database")
				}
				if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*")); len(left) > 0 {
					t.Errorf("files left: %v", left)
				}
			})
		}
	}
}
