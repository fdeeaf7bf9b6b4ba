package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/strikemap/strikemap/data"
)

// The virtual screen is larger than the app's 1440×900 window, so that all of it shows.
const screenSize = "1600x1000x24"

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

// binDir holds the app built once for every test that starts it.
var binDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// buildApp builds strikemap the first time a test asks for it.
var buildApp = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "strikemap-e2e-bin-")
	if err != nil {
		return "", err
	}
	binDir = dir
	bin := filepath.Join(dir, "strikemap")
	args := []string{"build", "-o", bin}
	if raceEnabled {
		args = append(args, "-race")
	}
	if out, err := exec.Command("go", append(args, ".")...).CombinedOutput(); err != nil {
		return "", fmt.Errorf("build: %v\n%s", err, out)
	}
	return bin, nil
})

// startXvfb starts a virtual display and returns its DISPLAY value and the file holding
// its framebuffer (see readScreen). Xvfb picks a free display number itself and writes
// it to -displayfd once it accepts clients; it is stopped with SIGTERM so that it
// removes its lock file and socket.
func startXvfb(t *testing.T) (display, screen string) {
	t.Helper()
	fbdir := t.TempDir()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var xlog syncBuffer
	x := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", screenSize, "-nolisten", "tcp", "-fbdir", fbdir)
	x.ExtraFiles = []*os.File{w}
	x.Stdout, x.Stderr = &xlog, &xlog
	x.WaitDelay = 5 * time.Second // xkbcomp, which Xvfb starts, shares its output
	err = x.Start()
	w.Close()
	if err != nil {
		t.Fatalf("start Xvfb: %v", err)
	}
	exited := make(chan struct{})
	go func() { x.Wait(); close(exited) }()
	t.Cleanup(func() {
		x.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			x.Process.Kill()
			<-exited
		}
	})
	r.SetReadDeadline(time.Now().Add(20 * time.Second))
	line, err := bufio.NewReader(r).ReadString('\n')
	n, nerr := strconv.Atoi(strings.TrimSpace(line))
	if err != nil || nerr != nil {
		t.Fatalf("Xvfb did not say its display (%v):\n%s", err, xlog.String())
	}
	return fmt.Sprintf(":%d", n), filepath.Join(fbdir, "Xvfb_screen0")
}

// runningApp is the real strikemap binary on the fixture database under Xvfb, with HOME
// and the working directory in a temporary directory of its own.
type runningApp struct {
	t       *testing.T
	dir     string // HOME, the working directory and the fixture's folder
	display string
	screen  string // Xvfb's framebuffer file
	window  string // the main window's X id
	log     *syncBuffer
	exited  chan error
}

// startApp builds strikemap once, writes the bundled sample as fixture.db, starts the app on
// it and waits until its window is titled with the database's name, which it is once
// the events have loaded.
func startApp(t *testing.T) *runningApp {
	t.Helper()
	if testing.Short() {
		t.Skip("starts the real app")
	}
	needTool(t, "Xvfb")
	needTool(t, "xdotool")
	bin, err := buildApp()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "fixture.db")
	if err := data.WriteSample(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	a := &runningApp{t: t, dir: dir, log: &syncBuffer{}, exited: make(chan error, 1)}
	a.display, a.screen = startXvfb(t)
	cmd := exec.Command(bin, db)
	cmd.Dir = dir
	// The theme and scale are fixed, whatever the person running the test prefers, for
	// the screen to look as the masters in testdata/ do.
	cmd.Env = append(os.Environ(), "DISPLAY="+a.display, "LANG=en_US.UTF-8", "HOME="+dir,
		"XDG_CONFIG_HOME="+dir, "XDG_CACHE_HOME="+dir, "XDG_DATA_HOME="+dir, "FYNE_THEME=dark", "FYNE_SCALE=1")
	cmd.Stdout, cmd.Stderr = a.log, a.log
	// A helper the app starts (a D-Bus daemon, say) may keep its output pipe open
	// after it is killed; Wait must not wait for that.
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { a.exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-a.exited
		// A race-built app reports a race on its stderr as it happens, and goes on.
		if log := a.log.String(); strings.Contains(log, "WARNING: DATA RACE") {
			t.Errorf("the app reported a data race:\n%s", log)
		}
	})

	deadline := time.Now().Add(60 * time.Second)
	for {
		out, _ := a.xdotoolOutput("search", "--name", `Strikemap .* fixture\.db`)
		if ids := strings.Fields(out); len(ids) > 0 {
			a.window = ids[0]
			return a
		}
		a.checkAlive("before showing the database")
		if time.Now().After(deadline) {
			a.fatalf("no window titled with the database after 60 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// xdotoolOutput runs xdotool on the app's display.
func (a *runningApp) xdotoolOutput(args ...string) (string, error) {
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+a.display)
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok {
		err = fmt.Errorf("xdotool %s: %v: %s", strings.Join(args, " "), err, ee.Stderr)
	}
	return string(out), err
}

// xdotool runs xdotool on the app's display and fails the test if it fails.
func (a *runningApp) xdotool(args ...string) string {
	a.t.Helper()
	out, err := a.xdotoolOutput(args...)
	if err != nil {
		a.fatalf("%v", err)
	}
	return out
}

// checkAlive fails the test if the app has exited.
func (a *runningApp) checkAlive(when string) {
	a.t.Helper()
	select {
	case err := <-a.exited:
		a.exited <- err // for the cleanup
		a.t.Fatalf("the app exited (%v) %s:\n%s", err, when, a.log.String())
	default:
	}
}

// fatalf fails the test with the app's output appended.
func (a *runningApp) fatalf(format string, args ...any) {
	a.t.Helper()
	a.t.Fatalf("%s\n--- the app's output ---\n%s", fmt.Sprintf(format, args...), a.log.String())
}

// checkLog reports what in the app's output shows it went wrong inside.
func (a *runningApp) checkLog() {
	a.t.Helper()
	for _, bad := range []string{"panic", "Error in Fyne call thread", "goroutine "} {
		if strings.Contains(a.log.String(), bad) {
			a.t.Errorf("the log says %q:\n%s", bad, a.log.String())
		}
	}
}

// syncBuffer is a bytes.Buffer that a process's output and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestAppOpensWindowOnDatabase starts the real binary on a fixture database under Xvfb and
// checks that it stays up once its window shows the database.
func TestAppOpensWindowOnDatabase(t *testing.T) {
	a := startApp(t)
	time.Sleep(2 * time.Second) // stays up once drawn
	a.checkAlive("after opening")
	a.checkLog()
}
