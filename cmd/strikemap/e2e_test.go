package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/strikemap/strikemap/data"
)

// needTool finds a program the test drives; `make test` installs them, so there it must exist.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("STRIKEMAP_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s is not installed; `make deps` installs it", name)
		}
		t.Skipf("%s is not installed", name)
	}
}

// startXvfb starts a virtual display on a free number and returns its DISPLAY value.
func startXvfb(t *testing.T) string {
	t.Helper()
	for d := 70; d < 100; d++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", d)); err == nil {
			continue
		}
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", d)); err == nil {
			continue
		}
		x := exec.Command("Xvfb", fmt.Sprintf(":%d", d), "-screen", "0", "1400x900x24", "-nolisten", "tcp")
		if err := x.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { x.Process.Kill(); x.Wait() })
		for i := 0; i < 100; i++ {
			if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", d)); err == nil {
				return fmt.Sprintf(":%d", d)
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("Xvfb :%d did not start", d)
	}
	t.Fatal("no free X display number")
	return ""
}

// TestAppOpensWindowOnDatabase starts the real binary on a fixture database under Xvfb and
// waits for its window to show the database's name, which it does once the events loaded.
func TestAppOpensWindowOnDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the real app")
	}
	needTool(t, "Xvfb")
	needTool(t, "xdotool")
	dir := t.TempDir()
	bin := filepath.Join(dir, "strikemap")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "fixture.db")
	if err := data.WriteSample(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	display := startXvfb(t)
	var log bytes.Buffer
	app := exec.Command(bin, db)
	app.Env = append(os.Environ(), "DISPLAY="+display, "LANG=en_US.UTF-8", "HOME="+dir, "XDG_CONFIG_HOME="+dir, "XDG_CACHE_HOME="+dir)
	app.Stdout, app.Stderr = &log, &log
	// A helper the app starts (a D-Bus daemon, say) may keep its output pipe open
	// after it is killed; Wait must not wait for that.
	app.WaitDelay = 5 * time.Second
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- app.Wait() }()
	t.Cleanup(func() { app.Process.Kill(); <-exited })

	deadline := time.Now().Add(60 * time.Second)
	for {
		search := exec.Command("xdotool", "search", "--name", `Strikemap .* fixture\.db`)
		search.Env = append(os.Environ(), "DISPLAY="+display)
		out, _ := search.Output()
		if len(bytes.TrimSpace(out)) > 0 {
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("the app exited (%v) before showing the database:\n%s", err, log.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no window titled with the database after 60 s:\n%s", log.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(2 * time.Second) // stays up once drawn
	select {
	case err := <-exited:
		t.Fatalf("the app exited (%v) after opening:\n%s", err, log.String())
	default:
	}
	for _, bad := range []string{"panic", "Error in Fyne call thread", "goroutine "} {
		if strings.Contains(log.String(), bad) {
			t.Errorf("the log says %q:\n%s", bad, log.String())
		}
	}
}
