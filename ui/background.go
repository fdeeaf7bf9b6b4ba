package ui

import "sync"

// background runs a window's goroutines (opening, filtering, reading an event,
// importing, exporting) and can wait for them all to end. Unlike a sync.WaitGroup it
// may be given more work while something waits: a function that ends on the UI
// goroutine often starts the next one.
type background struct {
	mu   sync.Mutex
	idle sync.Cond
	n    int
}

// Go runs fn on a goroutine of its own.
func (b *background) Go(fn func()) {
	b.mu.Lock()
	b.n++
	b.mu.Unlock()
	go func() {
		defer b.done()
		fn()
	}()
}

func (b *background) done() {
	b.mu.Lock()
	b.n--
	if b.n == 0 {
		b.idle.Broadcast() // needs no lock set: Wait sets it before it waits
	}
	b.mu.Unlock()
}

// Wait returns once no function given to Go is running.
func (b *background) Wait() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.idle.L == nil {
		b.idle.L = &b.mu
	}
	for b.n > 0 {
		b.idle.Wait()
	}
}
