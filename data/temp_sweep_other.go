//go:build !unix

package data

import "os"

// processGone reports whether no process has the id pid: on Windows finding a process
// opens it, which fails once it has ended.
func processGone(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return true
	}
	p.Release()
	return false
}
