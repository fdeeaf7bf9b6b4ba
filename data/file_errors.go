package data

import (
	"errors"
	"io/fs"
	"path/filepath"
)

// wordedError is an error with a message for a person that still matches what it wraps.
type wordedError struct {
	msg string
	err error
}

func (e *wordedError) Error() string { return e.msg }
func (e *wordedError) Unwrap() error { return e.err }

// fileError words a failure of the operating system to open, read or create the file
// at path: "PATH: no such file" rather than "stat PATH: no such file or directory".
// A file that cannot be created because its folder is missing says which folder.
func fileError(path string, err error) error {
	return &wordedError{path + ": " + osWords(path, err), err}
}

// osWords is fileError's message without the path in front, for callers that add it.
func osWords(path string, err error) string {
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist) && errors.As(err, &pe) && filepath.Clean(pe.Path) != filepath.Clean(path):
		return "the folder " + filepath.Dir(pe.Path) + " does not exist"
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission) && errors.As(err, &pe) && filepath.Clean(pe.Path) != filepath.Clean(path):
		// A file made beside path first, to be put in its place when whole.
		return "the folder " + filepath.Dir(pe.Path) + " cannot be written (permission denied)"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.As(err, &pe):
		return pe.Err.Error()
	}
	return err.Error()
}
