//go:build race

package render_test

// raceEnabled is true when the tests run under the race detector, whose sync.Pool drops
// items at random: allocation counts then vary from run to run and prove nothing.
const raceEnabled = true
