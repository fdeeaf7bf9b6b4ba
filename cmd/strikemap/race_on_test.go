//go:build race

package main

// raceEnabled is true when the tests run under the race detector; the app they start
// is then built with it too, so the race pass checks the real window's goroutines.
const raceEnabled = true
