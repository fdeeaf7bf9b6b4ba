package data

import (
	"errors"
	"fmt"
)

// Sentinel errors callers test with errors.Is; messages for people are added at the edges.
var (
	// ErrNotOurs means the file is not a Strikemap database (not SQLite, empty, or other tables).
	ErrNotOurs = errors.New("not a Strikemap database")
	// ErrSchema means the file is a Strikemap database of a schema version this build cannot use as asked.
	ErrSchema = errors.New("unsupported schema version")
	// ErrCorrupt means SQLite reports the file as damaged.
	ErrCorrupt = errors.New("database file is damaged")
	// ErrInvalid means an event, claim or source breaks the model's rules.
	ErrInvalid = errors.New("invalid")
)

// invalidError is one broken rule, worded for a person; it matches ErrInvalid.
type invalidError struct{ msg string }

func (e *invalidError) Error() string        { return e.msg }
func (e *invalidError) Is(target error) bool { return target == ErrInvalid }

// invalidf returns an error matching ErrInvalid with a message for a person.
func invalidf(format string, args ...any) error {
	return &invalidError{msg: fmt.Sprintf(format, args...)}
}

// Problems splits an error made with errors.Join into its single problems, one per line.
func Problems(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, Problems(e)...)
		}
		return out
	}
	return []error{err}
}
