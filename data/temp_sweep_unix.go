//go:build unix

package data

import (
	"errors"
	"syscall"
)

// processGone reports whether no process has the id pid; one of another user's counts
// as there.
func processGone(pid int) bool {
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
