package datatest

import (
	"fmt"
	"os/exec"
	"testing"
)

// SmallDisk mounts a memory file system of size bytes on a new folder and returns the
// folder, unmounted when t ends; it skips t where mounting is not allowed (not root, or
// a container without the right). A disk that really fills shows what a limit inside
// SQLite does not: the failed write's own rollback.
func SmallDisk(t testing.TB, size int) string {
	t.Helper()
	dir := t.TempDir()
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%d", size), "tmpfs", dir).CombinedOutput()
	if err != nil {
		t.Skipf("cannot mount a small disk: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}
