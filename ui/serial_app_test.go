package ui

import (
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// newSerialApp returns a test app, made current, whose fyne.Do and fyne.DoAndWait run
// their functions one at a time, as a real driver runs them on its one UI goroutine.
// Fyne's test driver runs each at once on the goroutine that calls it, so a window's
// background work (opening, filtering, importing) and a test looking at the window race
// there as they never do in the app. A test that starts such work should use this app
// and look at the window only inside fyne.DoAndWait.
func newSerialApp(t testing.TB) fyne.App {
	a := &serialApp{App: test.NewTempApp(t)}
	a.drv = &serialDriver{Driver: a.App.Driver()}
	fyne.SetCurrentApp(a)
	return a
}

// serialApp is a test app with a serialDriver.
type serialApp struct {
	fyne.App
	drv *serialDriver
}

// Driver returns the serialising driver.
func (a *serialApp) Driver() fyne.Driver { return a.drv }

// serialDriver is the test driver with DoFromGoroutine made a queue that one goroutine
// at a time works through: the caller that finds it idle runs it until it is empty.
type serialDriver struct {
	fyne.Driver
	mu      sync.Mutex
	queue   []func()
	running bool
}

// DoFromGoroutine queues fn and, when wait is set, returns once it has run. As with a
// real driver, waiting from inside a queued function never returns.
func (d *serialDriver) DoFromGoroutine(fn func(), wait bool) {
	done := make(chan struct{})
	d.mu.Lock()
	d.queue = append(d.queue, func() { defer close(done); fn() })
	if d.running {
		d.mu.Unlock()
		if wait {
			<-done
		}
		return
	}
	d.running = true
	owner := true
	defer func() { // a function that ended its goroutine (t.FailNow) must not stop the queue
		if owner {
			d.mu.Lock()
			d.running = false
			d.mu.Unlock()
		}
	}()
	for len(d.queue) > 0 {
		next := d.queue[0]
		d.queue = d.queue[1:]
		d.mu.Unlock()
		next()
		d.mu.Lock()
	}
	d.running, owner = false, false
	d.mu.Unlock()
}

// onUI runs fn on the app's UI queue and waits for it: a test's actions and reads then
// take turns with the window's background work, as the user's do in the app. fn must
// not end its goroutine (t.Fatal): it may run on another test goroutine's turn.
func onUI(fn func()) { fyne.DoAndWait(fn) }

// uiWaitFor is waitFor with cond evaluated on the UI queue.
func uiWaitFor(cond func() bool) bool {
	return waitFor(func() bool {
		var ok bool
		onUI(func() { ok = cond() })
		return ok
	})
}

// newTestWindow is NewWindow for a test: when the test ends it waits for the window's
// background work, so none of it runs on into the next test.
func newTestWindow(t testing.TB, a fyne.App) *Window {
	w := NewWindow(a)
	t.Cleanup(w.work.Wait)
	return w
}
