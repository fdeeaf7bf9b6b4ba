//go:build race

package ui

// raceEnabled is true under the race detector, which slows drawing several times over:
// a frame's time then proves nothing, and the plain run of `make test` checks it.
const raceEnabled = true
