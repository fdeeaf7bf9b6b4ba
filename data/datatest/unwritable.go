package datatest

import (
	"os"
	"os/exec"
	"testing"
)

// Unwritable makes the file or folder at path one that cannot be written until t ends,
// or skips t when it cannot. For a user it takes away the write permission; root ignores
// that, so for root it sets the immutable attribute with chattr(1), which stops root too
// where the file system has it (ext4, xfs, btrfs, tmpfs).
func Unwritable(t testing.TB, path string) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		if err := os.Chmod(path, st.Mode().Perm()&^0o222); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(path, st.Mode().Perm()) })
	} else {
		out, err := exec.Command("chattr", "+i", path).CombinedOutput()
		if err != nil {
			t.Skipf("root may write any file, and chattr +i failed to stop that: %v %s", err, out)
		}
		t.Cleanup(func() { exec.Command("chattr", "-i", path).Run() })
	}
	if writable(path, st.IsDir()) {
		t.Skipf("%s can still be written", path)
	}
}

// writable tries to write the file at path, or to create a file in the folder at path.
func writable(path string, dir bool) bool {
	if dir {
		f, err := os.CreateTemp(path, "probe")
		if err != nil {
			return false
		}
		f.Close()
		os.Remove(f.Name())
		return true
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}
