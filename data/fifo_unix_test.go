//go:build unix

package data_test

import (
	"syscall"
	"testing"
)

// fifo makes a named pipe at path: opening one to read waits for a writer.
func fifo(t *testing.T, path string) string {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
