package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists means a new database was to be written where a file is already: a database
// is never replaced, since it may hold work that exists nowhere else.
var ErrExists = errors.New("exists already")

// newTarget returns path made absolute for a new database, or ErrExists, worded, when
// something is at path already.
func newTarget(path string) (string, error) {
	if path == "-" {
		return "", errors.New("a database cannot be written to standard output (-o -): give a file name")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if st, err := os.Lstat(abs); err == nil {
		return "", &wordedError{fmt.Sprintf("%s exists already (%s); a new database is never written over a file: "+
			"remove it first or choose another name", path, kindOf(abs, st)), ErrExists}
	}
	return abs, nil
}

// place makes the finished temporary file tmp visible as abs, only when nothing is at abs
// yet: a link fails when another program has put a file there meanwhile, where a rename
// would silently replace it. Where the file system has no links, it checks, then renames.
func place(tmp, abs, path string) error {
	err := os.Link(tmp, abs)
	switch {
	case err == nil:
		os.Remove(tmp)
		return nil
	case errors.Is(err, fs.ErrExist):
		return raced(path)
	}
	if _, err := os.Lstat(abs); err == nil {
		return raced(path)
	}
	if err := os.Rename(tmp, abs); err != nil {
		return fileError(path, err)
	}
	return nil
}

// raced is place's error when another program created the file first.
func raced(path string) error {
	return &wordedError{path + ": another program created it meanwhile, so nothing was written to it", ErrExists}
}

// kindOf says in a few words what the existing file at abs is.
func kindOf(abs string, st fs.FileInfo) string {
	switch m := st.Mode(); {
	case m&fs.ModeSymlink != 0:
		return "a link"
	case m.IsDir():
		return "a folder"
	case !m.IsRegular():
		return "a device or pipe, not a file"
	case isSQLite(abs):
		return "a database"
	}
	return "a file"
}

// isSQLite reports whether the regular file at abs begins as a SQLite database does.
func isSQLite(abs string) bool {
	f, err := os.Open(abs)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, sqliteMagic)
}

// outputTarget is where WriteFileAtomic writes for path: the file a link points at, so
// the link stays one, and whether that is a device or pipe, which is written in place
// as there is no file to replace. A folder or a database is refused: an export never
// replaces a database, such as the one it reads.
func outputTarget(path string) (abs string, direct bool, err error) {
	if abs, err = filepath.Abs(path); err != nil {
		return "", false, fmt.Errorf("%s: %w", path, err)
	}
	if abs, err = followLinks(abs); err != nil {
		return "", false, fmt.Errorf("%s: %w", path, err)
	}
	st, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return abs, false, nil
	case err != nil:
		return "", false, fileError(path, err)
	case st.IsDir():
		return "", false, fmt.Errorf("%s is a folder, not a file", path)
	case !st.Mode().IsRegular():
		return abs, true, nil
	case isSQLite(abs):
		return "", false, fmt.Errorf("%s is a database, which is never written over: choose another file name", path)
	}
	return abs, false, nil
}

// maxLinks is how many links in a row followLinks follows before it gives up on a loop.
const maxLinks = 40

// followLinks returns the file that abs names once every link on the way is followed;
// that file need not exist yet, as a shell's "> link" creates it.
func followLinks(abs string) (string, error) {
	for range maxLinks {
		st, err := os.Lstat(abs)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return abs, nil
		}
		to, err := os.Readlink(abs)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(abs), to)
		}
		abs = to
	}
	return "", errors.New("a loop of links")
}
