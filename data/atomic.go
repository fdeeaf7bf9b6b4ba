package data

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file through write under a temporary name in the same folder
// and renames it over path only when write and the flush succeeded, so a failure leaves
// no partial file and whatever was at path untouched. A path of "-" writes to stdout.
func WriteFileAtomic(path string, write func(w *bufio.Writer) error) (err error) {
	if path == "-" {
		w := bufio.NewWriter(os.Stdout)
		if err := write(w); err != nil {
			return err
		}
		return w.Flush()
	}
	abs, f, err := tempBeside(path)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	w := bufio.NewWriterSize(f, 1<<16)
	if err = write(w); err != nil {
		return err
	}
	if err = w.Flush(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = f.Chmod(0o644); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = os.Rename(f.Name(), abs); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// tempBeside creates a hidden temporary file in path's folder, where a rename onto path
// is atomic, and returns path made absolute with the open file. It first removes what
// killed runs left there.
func tempBeside(path string) (string, *os.File, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", path, err)
	}
	sweepTemps(abs)
	f, err := os.CreateTemp(filepath.Dir(abs), tempPattern(abs))
	if err != nil {
		return "", nil, fileError(path, err)
	}
	return abs, f, nil
}
