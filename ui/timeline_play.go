package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// Playing reports whether Play is stepping the window.
func (t *Timeline) Playing() bool { return t.playing }

func (t *Timeline) togglePlay() {
	if t.playing {
		t.Pause()
	} else {
		t.Play()
	}
}

// Play steps the window forward every interval until it reaches the end of the data
// or Pause. A missing window starts as the first bar; one already at the end goes back
// to the start, keeping its width.
func (t *Timeline) Play() {
	if t.playing || len(t.counts) == 0 {
		return
	}
	lo, hi, ok := t.window()
	n := float64(len(t.counts))
	switch {
	case !ok || (lo <= 0 && hi >= n):
		t.setWindow(0, 1)
	case hi >= n:
		t.setWindow(0, hi-lo)
	}
	stop := make(chan struct{})
	t.playing, t.stop = true, stop
	go func(every time.Duration) {
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				fyne.Do(func() {
					if t.stop == stop && !t.Step() {
						t.Pause()
					}
				})
			}
		}
	}(t.interval)
	t.updateButtons()
}

// Pause stops Play.
func (t *Timeline) Pause() {
	if !t.playing {
		return
	}
	close(t.stop)
	t.playing, t.stop = false, nil
	t.updateButtons()
}

// Step moves the window forward by its own width, the last step ending with the data;
// false when it is already there (or there is no window or no data).
func (t *Timeline) Step() bool {
	lo, hi, ok := t.window()
	n := float64(len(t.counts))
	if !ok || hi >= n {
		return false
	}
	w := hi - lo
	t.setWindow(min(lo+w, n-w), min(hi+w, n))
	return true
}
