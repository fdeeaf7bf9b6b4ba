package data

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// A temporary file beside a target is named ".NAME.tmp-PID-RANDOM": the process id lets a
// later run tell the leftovers of a process that was killed (which could not clean up)
// from the files of one still writing, and remove only the former.

// tempPattern is the os.CreateTemp pattern for a temporary file beside abs.
func tempPattern(abs string) string {
	return tempPrefix(abs) + strconv.Itoa(os.Getpid()) + "-*"
}

// maxTempBase is how much of the target's name a temporary file's name keeps, so that
// with its dot, ".tmp-", the process id and the random part it stays within the 255
// bytes most file systems allow a name.
const maxTempBase = 200

// tempPrefix is what every temporary file beside abs starts with.
func tempPrefix(abs string) string {
	base := filepath.Base(abs)
	if len(base) > maxTempBase {
		base = strings.ToValidUTF8(base[:maxTempBase], "")
	}
	return "." + base + ".tmp-"
}

// sweepTemps removes the temporary files beside abs, and their SQLite journals, that
// processes which have ended left behind. It is best effort: a file it cannot remove
// stays, and nothing is reported.
func sweepTemps(abs string) {
	entries, err := os.ReadDir(filepath.Dir(abs))
	if err != nil {
		return
	}
	prefix := tempPrefix(abs)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || e.IsDir() {
			continue
		}
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 || pid == os.Getpid() || !processGone(pid) {
			continue
		}
		os.Remove(filepath.Join(filepath.Dir(abs), e.Name()))
	}
}
