package data

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file through write under a temporary name in the same folder
// and renames it over path only when write and the flush succeeded, so a failure leaves
// no partial file and whatever was at path untouched. A path of "-" writes to stdout; a
// link is followed and stays a link; a device or pipe is written in place. A folder or a
// database at path is refused before write runs.
func WriteFileAtomic(path string, write func(w *bufio.Writer) error) (err error) {
	if path == "-" {
		return writeTo(os.Stdout, write)
	}
	abs, direct, err := outputTarget(path)
	if err != nil {
		return err
	}
	if direct {
		f, err := os.OpenFile(abs, os.O_WRONLY, 0)
		if err != nil {
			return fileError(path, err)
		}
		err = writeTo(namedWriter{f, path}, write)
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fileError(path, cerr)
		}
		return err
	}
	f, err := tempBeside(abs, path)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	w := bufio.NewWriterSize(namedWriter{f, path}, 1<<16)
	if err = write(w); err != nil {
		return err
	}
	if err = w.Flush(); err != nil {
		return err
	}
	if err = f.Chmod(0o644); err != nil {
		return fileError(path, err)
	}
	if err = f.Sync(); err != nil {
		return fileError(path, err)
	}
	if err = f.Close(); err != nil {
		return fileError(path, err)
	}
	if err = os.Rename(f.Name(), abs); err != nil {
		return fileError(path, err)
	}
	return nil
}

// namedWriter writes to f, and words its errors with the name the user gave the
// output, not that of a temporary file: "out.geojson: no space left on device".
type namedWriter struct {
	f    *os.File
	path string
}

func (w namedWriter) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	if err != nil {
		err = fileError(w.path, err)
	}
	return n, err
}

// writeTo runs write on a buffer over f and flushes it.
func writeTo(f io.Writer, write func(w *bufio.Writer) error) error {
	w := bufio.NewWriterSize(f, 1<<16)
	if err := write(w); err != nil {
		return err
	}
	return w.Flush()
}

// tempBeside creates a hidden temporary file beside abs, where a rename onto abs is
// atomic; path is abs as the user gave it, for messages. It first removes what killed
// runs left there.
func tempBeside(abs, path string) (*os.File, error) {
	sweepTemps(abs)
	f, err := os.CreateTemp(filepath.Dir(abs), tempPattern(abs))
	if err != nil {
		return nil, fileError(path, err)
	}
	return f, nil
}
